"""A long article drafts in time linear in its length: each sentence looks at its own terms.

Every sentence used to scan every term match of the whole text (and every
proposal), so a 1.8 MB article of 40,000 sentences took 9 minutes to draft.
The work is counted here, not timed: reads of a match's offsets grow with the
text, not with its square.
"""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import draft_claims
from bluntgraph.extract.terms import TermMatch, TermMatcher

SENTENCES = (
    "Statins can cause muscle pain in older adults.",
    "Regular walking may reduce muscle pain.",
    "Grapefruit juice raises statin levels.",
)


class _Counted(TermMatch):
    """A term match that counts how often its offsets are read."""

    reads = 0

    def __getattribute__(self, name: str) -> Any:
        if name in ("start", "end"):
            _Counted.reads += 1
        return object.__getattribute__(self, name)


def _reads(repeats: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Offset reads and draft claims for the sentences ``repeats`` times, one paragraph each."""
    find = TermMatcher.find

    def counted(self: TermMatcher, text: str) -> list[TermMatch]:
        return [_Counted(m.start, m.end, m.entity, m.text) for m in find(self, text)]

    monkeypatch.setattr(TermMatcher, "find", counted)
    text = "Statins and muscle pain\n\n" + "\n\n".join([" ".join(SENTENCES)] * repeats) + "\n"
    _Counted.reads = 0
    drafts = draft_claims(text, source_id="statins")
    return _Counted.reads, len(drafts.claims)


def test_drafting_work_grows_linearly_with_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    small_reads, small_claims = _reads(40, monkeypatch)
    large_reads, large_claims = _reads(160, monkeypatch)
    assert small_claims >= 40 and large_claims == 4 * small_claims  # every repeat drafted
    # 4 times the text: about 4 times the reads (measured 4.8; 16 when each sentence read
    # every match of the text: 15.7)
    assert large_reads < 6 * small_reads, (small_reads, large_reads)


@pytest.mark.parametrize("filler", ["q" * 30_000, "very " * 6_000])
def test_one_very_long_sentence_is_drafted_whole(filler: str) -> None:
    # an endless token or thousands of words in one sentence: read in linear time (the
    # spelled-out abbreviations are looked for from word starts only, pysbd reads windows)
    short = draft_claims("Salt\n\nSalt raises blood pressure in adults.\n").claims
    long = draft_claims(f"Salt\n\nSalt raises blood pressure in adults {filler.strip()}.\n").claims
    assert (
        [(c.subject, c.predicate, c.object) for c in long]
        == [(c.subject, c.predicate, c.object) for c in short]
        == [("salt", "increases", "blood_pressure")]
    )
    assert long[0].quote.endswith(filler.strip()[-20:] + ".")
