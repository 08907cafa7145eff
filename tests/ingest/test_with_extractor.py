"""The "done when" flow with the real extractor (no stand-in), on both test topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main


@pytest.mark.parametrize(
    "page", ["statins-muscle-pain.html", "caffeine-sleep.htm", "caffeine-notes.txt"]
)
def test_init_add_review_build_with_the_real_extractor(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], page: str
) -> None:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / page), "--corpus", str(root)]) == 0
    assert validate_corpus(root) == []
    drafted = load_corpus(root, include_drafts=True)
    text = drafted.sources[0].text
    assert drafted.claims, "the extractor drafted nothing"
    for claim in drafted.claims:
        assert claim.is_draft and claim.confidence is not None and 0 <= claim.confidence <= 1
        assert text[claim.start : claim.end] == claim.quote
        assert claim.cues
    capsys.readouterr()
    # the step; on an empty vocabulary the extractor may rate no draft that high
    sure = [c for c in drafted.claims if c.confidence is not None and c.confidence >= 0.5]
    assert main(["review", "--corpus", str(root), "--accept-all", "--min-confidence", "0.5"]) == 0
    assert f"accepted {len(sure)}," in capsys.readouterr().out
    # the better half of the drafts (whatever the extractor's scale), through review and build
    median = sorted(c.confidence or 0 for c in drafted.claims)[len(drafted.claims) // 2]
    sure = [c for c in drafted.claims if c.confidence is not None and c.confidence >= median]
    assert sure
    code = main(["review", "--corpus", str(root), "--accept-all", "--min-confidence", str(median)])
    assert code == 0
    assert f"left {len(drafted.claims) - len(sure)} draft" in capsys.readouterr().out
    reviewed = load_corpus(root)
    assert {c.id for c in reviewed.claims} == {c.id for c in sure}
    assert not any(c.is_draft for c in reviewed.claims)
    # every entity an accepted claim names is curated now
    for claim in reviewed.claims:
        for entity_id in (claim.subject, claim.object, claim.population):
            if entity_id:
                assert not reviewed.entity_by_id[entity_id].is_proposed
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out), "-q"]) == 0
    assert f"{len(sure)} claims" in capsys.readouterr().out
    assert (out / "graph.html").is_file() and (out / "graph.ttl").is_file()
