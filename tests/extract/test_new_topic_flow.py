"""A fresh topic: clear sentences get confident drafts, and `review --accept-all` takes them.

Pages of three topics the bundled corpus does not cover (statins, vitamin D,
caffeine), with an empty vocabulary, through init --empty, add, review and build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"

#: per page, drafts of plainly stated sentences: (subject label, predicate, object label)
CLEAR = {
    "statins-qa.md": {("statin", "causes", "muscle aches")},  # "statin use": see test_draft
    "statins-muscle-pain.html": {("atorvastatin", "causes", "muscle aches"),
                                 ("statins", "causes", "rhabdomyolysis")},
    "vitamin-d-faq.md": {("vitamin D deficiency", "causes", "bone pain"),
                         # "Very high doses of vitamin D can cause nausea": that dose, a
                         # narrower term (broader: vitamin D), not vitamin D at any dose
                         ("very high doses of vitamin D", "causes", "nausea")},
    "caffeine-sleep.htm": {("caffeine", "decreases", "adenosine")},
}


@pytest.mark.parametrize("page", sorted(CLEAR))
def test_clear_drafts_reach_half_and_accept_all_takes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str
) -> None:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(DATA / page), "--corpus", str(root), "-q"]) == 0
    drafted = load_corpus(root, include_drafts=True)
    labels = {e.id: e.label for e in drafted.entities}

    def triple(claim_subject: str, predicate: str, claim_object: str) -> tuple[str, str, str]:
        return labels[claim_subject], predicate, labels[claim_object]

    confidence: dict[tuple[str, str, str], float] = {}
    for claim in drafted.claims:  # the best-stated draft of each relation
        key = triple(claim.subject, claim.predicate, claim.object)
        confidence[key] = max(confidence.get(key, 0.0), claim.confidence or 0.0)
    for wanted in CLEAR[page]:
        assert wanted in confidence, (wanted, sorted(confidence))
        assert confidence[wanted] >= 0.5, (wanted, confidence[wanted])
    capsys.readouterr()
    assert main(["review", "--corpus", str(root), "--accept-all", "--min-confidence", "0.5"]) == 0
    reviewed = load_corpus(root)
    labels = {e.id: e.label for e in reviewed.entities}
    accepted = {(labels[c.subject], c.predicate, labels[c.object]) for c in reviewed.claims}
    assert CLEAR[page] <= accepted
    assert {c.id for c in reviewed.claims} == {
        c.id for c in drafted.claims if (c.confidence or 0.0) >= 0.5}
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out), "-q"]) == 0
    assert (out / "graph.html").is_file()
