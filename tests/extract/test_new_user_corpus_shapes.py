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
