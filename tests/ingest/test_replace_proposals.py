"""`add --replace` takes away the proposed terms only the replaced drafts named.

Before, the old drafts went and their proposed entities stayed in
entities.yaml, each warned about by every `validate` ("proposed term, not
yet reviewed") with no draft left to review. A term another claim, a kept
curated claim, a source's interests or another entity still names stays, as
does every term that was not proposed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main

from .conftest import corpus_with_article

_FIRST = (
    "Walking and knees\n\nBy Ana Ruiz, 4 May 2023\n\n"
    "Running can cause knee strain in beginners. Swimming relieves joint stiffness often.\n"
)
_SECOND = (
    "Walking and knees\n\nBy Ana Ruiz, 4 May 2023\n\n"
    "Swimming relieves joint stiffness often. Updated in June.\n"
)


def _added(tmp_path: Path) -> tuple[Path, Path]:
    """A new corpus with the first version of the knee article added as 'knees'."""
    return corpus_with_article(tmp_path, _FIRST)


def _ids(root: Path) -> set[str]:
    return {e.id for e in load_corpus(root, include_drafts=True).entities}


def test_replace_removes_the_old_drafts_proposals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    assert {"running", "knee_strain", "swimming", "joint_stiffness"} <= _ids(root)
    capsys.readouterr()
    article.write_text(_SECOND, encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", "knees", "--replace"]) == 0
    out = capsys.readouterr().out
    assert "removed 2 unused proposed entities only the old drafts named" in out
    ids = _ids(root)
    assert {"running", "knee_strain"}.isdisjoint(ids)
    assert {"swimming", "joint_stiffness"} <= ids  # the new drafts still name them
    assert main(["validate", "--corpus", str(root)]) == 0
    assert "running" not in capsys.readouterr().err


def test_replace_keeps_a_proposal_something_else_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, article = _added(tmp_path)
    other = tmp_path / "bikes.txt"  # another source's draft names "running" too
    other.write_text("Cycling tips\n\nBy Li Wei, 2 June 2023\n\nRunning can cause knee pain "
                     "sometimes.\n", encoding="utf-8")
    assert main(["add", str(other), "--corpus", str(root), "--id", "bikes"]) == 0
    capsys.readouterr()
    article.write_text(_SECOND, encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", "knees", "--replace"]) == 0
    assert "removed 1 unused proposed entity only the old drafts named (knee_strain)" in (
        capsys.readouterr().out)
    ids = _ids(root)
    assert "running" in ids and "knee_strain" not in ids
