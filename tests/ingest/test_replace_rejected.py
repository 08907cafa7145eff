"""A draft rejected in review stays rejected when the article is added again with --replace.

The publisher updates an article; `add --replace` drafts the new text. Before,
every draft the reviewer had rejected came back for review. Now `review`
remembers a rejected draft (its quote and relation) under ``rejected:`` in its
claims file, and `add --replace` leaves such drafts out while their quote is
still in the text (and drafts no sentence the old version had:
test_replace_new_sentences.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bluntgraph import corpus_warnings, load_corpus
from bluntgraph.cli import main

from .conftest import corpus_with_article

_TEXT = (
    "Knee care\n\nBy Ana Ruiz, 4 May 2023\n\n"
    "Running can cause knee strain in beginners. Swimming relieves joint stiffness often.\n"
)


def _added(tmp_path: Path) -> tuple[Path, Path]:
    """A new corpus with the knee article added as 'knees'."""
    return corpus_with_article(tmp_path, _TEXT, "knees")


def _drafts(root: Path) -> dict[str, str]:
    return {c.quote: c.id for c in load_corpus(root, include_drafts=True).claims if c.is_draft}


def test_rejected_drafts_are_not_drafted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    drafts = _drafts(root)
    strain, stiffness = (drafts[q] for q in ("Running can cause knee strain",
                                             "Swimming relieves joint stiffness"))
    assert main(["review", "--corpus", str(root), "--reject", strain]) == 0
    remembered = yaml.safe_load((root / "claims" / "knees.yaml").read_text(encoding="utf-8"))
    assert remembered["rejected"] == [{"quote": "Running can cause knee strain",
                                       "subject": "running", "predicate": "causes",
                                       "object": "knee_strain"}]  # fmt: skip
    assert main(["review", "--corpus", str(root), "--reject", stiffness]) == 0
    # every draft rejected: the file remembers them, and is no "file without claims"
    assert not any("holds no claims" in str(w) for w in corpus_warnings(root))
    article.write_text(_TEXT + "Cycling may worsen hip pain sometimes.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(article), "--corpus", str(root), "--id", "knees", "--replace"]) == 0
    assert "1 draft claim" in capsys.readouterr().out
    assert list(_drafts(root)) == ["Cycling may worsen hip pain"]
    # still remembered after the replace, for the next one
    again = yaml.safe_load((root / "claims" / "knees.yaml").read_text(encoding="utf-8"))
    assert len(again["rejected"]) == 2


def test_a_rejected_quote_the_new_text_lost_is_forgotten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    strain = _drafts(root)["Running can cause knee strain"]
    assert main(["review", "--corpus", str(root), "--reject", strain]) == 0
    article.write_text(_TEXT.replace("Running can cause knee strain in beginners. ", ""),
                       encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", "knees", "--replace"]) == 0
    data = yaml.safe_load((root / "claims" / "knees.yaml").read_text(encoding="utf-8"))
    assert "rejected" not in data
