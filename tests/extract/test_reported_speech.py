"""Who says a claim: a speaker named before 'says' (with or without 'that', with a role
between commas), and studies appealed to by their design."""

from __future__ import annotations

import pytest

from bluntgraph import draft_claims


def _drafts(sentence: str) -> list[tuple[str, str, str, str, str | None]]:
    drafted = draft_claims("Notes\n\n" + sentence)
    return [
        (c.subject, c.predicate, c.object, c.attribution.kind, c.attribution.expert)
        for c in drafted.claims
    ]


@pytest.mark.parametrize(
    ("sentence", "expert"),
    [
        ("Dr. Mira Patel says ibuprofen causes stomach ulcers.", "Dr. Mira Patel"),
        ("Mira Patel says ibuprofen can cause stomach ulcers in older adults.", "Mira Patel"),
        ("Dr. Mira Patel, a GP in Bristol, says ibuprofen causes stomach ulcers.",
         "Dr. Mira Patel"),
        ("Professor Leo Grant, who runs a pain clinic, said that ibuprofen causes stomach "
         "ulcers.", "Professor Leo Grant"),
    ],
)  # fmt: skip
def test_a_named_speaker_before_the_verb_is_the_expert(sentence: str, expert: str) -> None:
    drafts = _drafts(sentence)
    assert ("ibuprofen", "causes", "stomach_ulcers", "expert", expert) in drafts, drafts


def test_a_speech_verb_is_not_part_of_the_subject_without_that() -> None:
    # the clause a speech verb reports starts after it, as after "that"
    drafts = _drafts("The nurse says regular walking reduces back pain.")
    assert [d[:3] for d in drafts] == [("regular_walking", "reduces", "back_pain")]


def test_studies_named_by_their_design_are_an_appeal_to_research() -> None:
    drafts = _drafts("In observational studies, coffee reduces liver cancer.")
    assert drafts == [("coffee", "reduces", "liver_cancer", "research-appeal", None)]


def test_an_appositive_with_the_does_not_hide_the_subject() -> None:
    drafts = _drafts("Ibuprofen, the most common painkiller, can cause stomach ulcers.")
    assert [d[:3] for d in drafts] == [("ibuprofen", "causes", "stomach_ulcers")]
