"""Drafting shapes of new topics: prevalence, lists, coordination, attribution, advice.

Topics of our own (vitamin D and falls, iron, zinc and colds, caffeine in pregnancy,
magnesium); the vocabulary is empty unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from bluntgraph import Entity, draft_claims

pytest.importorskip("negspacy")


def _claims(text: str, vocabulary: list[Entity] | None = None
            ) -> list[tuple[str, str, str, str | None, bool]]:
    drafts = draft_claims(f"Notes\n\n{text}\n", vocabulary=vocabulary)
    return [(c.subject, c.predicate, c.object, c.population, c.negated) for c in drafts.claims]


def test_a_long_population_id_is_cut_where_a_word_ends() -> None:
    drafts = draft_claims(
        "Notes\n\nVitamin D supplements reduce falls in older adults living in residential "
        "care facilities in northern regions. Vitamin D supplements reduce falls in older "
        "adults living in residential care facilities in southern regions.\n")
    populations = [c.population for c in drafts.claims]
    assert populations[0] == "older_adults_living_in_residential_care"
    assert populations[1] == "older_adults_living_in_residential_care_2"  # still unique
    assert all(len(p or "") <= 48 for p in populations)


@pytest.mark.parametrize("sentence", [
    "Jane Smith, a dietitian at the University of Leeds, argues that zinc lozenges shorten "
    "colds.",
    "Zinc lozenges shorten colds, argues Jane Smith, a dietitian at the University of Leeds.",
])
def test_a_named_expert_with_a_role_is_the_attribution(sentence: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n")
    [claim] = drafts.claims
    assert (claim.subject, claim.predicate, claim.object) == ("zinc_lozenges", "reduces", "colds")
    assert claim.attribution.kind == "expert"
    assert claim.attribution.mode == "reports"
    assert claim.attribution.expert == "Jane Smith"  # the name, as for "says" (its role aside)
    assert "argues" in (claim.attribution.cue or "")
