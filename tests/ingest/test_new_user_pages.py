"""A new user's pages on new topics (fasting, knee osteoarthritis, PPIs): what `add` keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.ingest import read_article
from bluntgraph.review import drafts_of

from .conftest import snapshot


def test_a_numbered_list_keeps_its_numbers(data: Path) -> None:
    article = read_article(data / "fasting-blood-pressure.html")
    lines = article.text.splitlines()
    references = lines[lines.index("References") + 2 :]
    assert [line.split(".")[0] for line in references] == ["1", "2", "3"]
    assert "- Drink water on fasting days." in lines  # a bulleted list stays bulleted


def test_list_with_min_confidence_shows_what_accept_all_would_accept(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root)]) == 0
    capsys.readouterr()
    from bluntgraph import load_corpus

    drafts = drafts_of(load_corpus(root, include_drafts=True))
    sure = [d.claim.id for d in drafts if (d.claim.confidence or 0) >= 0.5]
    assert sure and len(sure) < len(drafts)  # the stand-in: hedged 0.4, plain 0.8
    before = snapshot(root)
    assert main(["review", "--corpus", str(root), "--list", "--min-confidence", "0.5"]) == 0
    out = capsys.readouterr().out
    assert snapshot(root) == before  # listing decides nothing
    assert all(claim_id in out for claim_id in sure)
    assert not any(d.claim.id in out for d in drafts if d.claim.id not in sure)
    assert f"{len(sure)} of {len(drafts)} draft claims have confidence ≥ 0.5" in out
