"""Sentence shapes a new user's own corpus showed drafting wrongly, on other topics."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims


def _drafts(text: str) -> list[tuple[str, str, str, bool]]:
    return [(c.subject, c.predicate, c.object, c.negated)
            for c in draft_claims(text, source_id="t").claims]


def test_a_run_on_sentence_is_read_clause_by_clause() -> None:
    """A sentence of thousands of words with no full stop (a flattened table) still drafts
    its relations, each cue read near itself: the denial at its end is its own."""
    text = ("Run-on\n\n" + "walking lowers blood pressure and " * 600
            + "garlic does not cure colds.\n")
    drafts = _drafts(text)
    assert ("walking", "decreases", "blood_pressure", False) in drafts
    assert any(p == "treats" and o == "colds" and negated for _, p, o, negated in drafts)
    assert not any(negated for _, p, _, negated in drafts if p == "decreases")


def _one(text: str) -> tuple[str, str | None, str | None]:
    claim = draft_claims(text, source_id="t").claims[0]
    assert claim.attribution is not None and claim.certainty is not None
    return claim.attribution.kind, claim.attribution.cue, claim.certainty.level


@pytest.mark.parametrize(
    ("text", "kind", "cue", "level"),
    [
        ("Green tea lowers cholesterol by 5% in adults, an earlier trial had suggested.",
         "unidentified-work", "an earlier trial", "probable"),
        ("Zinc shortens colds by two days, a previous review suggested.",
         "unidentified-work", "a previous review", "probable"),
        ("Flossing prevents gum disease, experts say.", "research-appeal", "experts say",
         "certain"),
        ("Stretching eases back pain, physiotherapists say.", "research-appeal",
         "physiotherapists say", "certain"),
    ],
)
def test_an_attribution_after_the_claim_is_read(
    text: str, kind: str, cue: str, level: str
) -> None:
    """", a previous review had suggested" and ", experts say" after the claim say who
    reports it (before: no attribution, and certain)."""
    assert _one(text) == (kind, cue, level)
