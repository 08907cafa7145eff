"""What protects against, slows or lowers a condition is drafted as reducing it."""

from __future__ import annotations

import pytest

from bluntgraph import draft_claims


def _relations(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.subject, c.predicate, c.object) for c in draft_claims("Notes\n\n" + sentence).claims]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Outdoor light protects against myopia.", ("outdoor_light", "reduces", "myopia")),
        ("Vaccination protects children against measles.", ("vaccination", "reduces", "measles")),
        ("Sunscreen protects the skin from melanoma.", ("sunscreen", "reduces", "melanoma")),
        ("Atropine eye drops slow myopia progression.",
         ("atropine_eye_drops", "reduces", "myopia_progression")),
        ("Exercise slows cognitive decline in older adults.",
         ("exercise", "reduces", "cognitive_decline")),
    ],
)  # fmt: skip
def test_a_protective_verb_reduces_what_it_protects_against(
    sentence: str, relation: tuple[str, str, str]
) -> None:
    assert relation in _relations(sentence)


def test_a_named_decline_is_no_cue_but_a_decline_in_something_is() -> None:
    assert ("cognitive", "decreases", "older_adults") not in _relations(
        "Reading reduces cognitive decline in older adults.")
    assert ("statins", "decreases", "muscle_strength") in _relations(
        "Statins caused a decline in muscle strength.")
    assert _relations("The disease has a slow onset.") == []


def test_protecting_oneself_is_no_effect() -> None:
    assert _relations(
        "Some people use denial to protect themselves from the full force of bad news."
    ) == []


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Honey lozenges soothe a dry cough.", ("honey_lozenges", "reduces", "dry_cough")),
        ("Chamomile tea calms anxiety.", ("chamomile_tea", "reduces", "anxiety")),
        ("Calming music reduces stress.", ("calming_music", "reduces", "stress")),
    ],
)
def test_what_soothes_or_calms_a_complaint_reduces_it(
    sentence: str, relation: tuple[str, str, str]
) -> None:
    assert _relations(sentence) == [relation]
