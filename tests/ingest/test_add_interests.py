"""`add --interest`: what a seller's page sells, so `promotes-own-interest` can read it.

Before, `add` wrote `interests: []` and had no way to say what the publisher
sells: the rule never fired on a user's own seller pages without editing
sources.yaml by hand. And `add --replace` wrote the entry afresh, losing the
kind and interests a person had set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, run_checks
from bluntgraph.cli import main

_PAGE = "Knee balm shop\n\nBy Ana Ruiz, 4 May 2023\n\nKneeCalm relieves joint stiffness fast.\n"


def _corpus_and_page(tmp_path: Path) -> tuple[Path, Path]:
    """A new empty corpus, and the seller's page saved beside it."""
    root = tmp_path / "knees"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "shop.txt"
    page.write_text(_PAGE, encoding="utf-8")
    return root, page


def _add(root: Path, page: Path, *args: str) -> None:
    assert main(["add", str(page), "--corpus", str(root), "--id", "shop", *args]) == 0


def test_interest_names_a_drafted_term_and_the_rule_fires(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, page = _corpus_and_page(tmp_path)
    _add(root, page, "--kind", "provider-marketing", "--interest", "KNEECALM",
         "--interest", "Ankle Soother")
    corpus = load_corpus(root, include_drafts=True)
    source = corpus.sources[0]
    assert source.interests == ("kneecalm", "ankle_soother")  # the drafted term; a new one
    made = corpus.entity_by_id["ankle_soother"]
    assert (made.label, made.status) == ("Ankle Soother", "proposed")
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    corpus = load_corpus(root)
    assert [f.rule for f in run_checks(corpus) if f.rule == "promotes-own-interest"] == [
        "promotes-own-interest"]
    # the publisher updates the page: the replace keeps what a person set
    page.write_text(_PAGE + "Order today.\n", encoding="utf-8")
    _add(root, page, "--replace")
    source = load_corpus(root, include_drafts=True).sources[0]
    assert (source.kind, source.interests) == ("provider-marketing",
                                               ("kneecalm", "ankle_soother"))
    # given again, they are the new ones
    page.write_text(_PAGE + "Order today!\n", encoding="utf-8")
    _add(root, page, "--replace", "--kind", "blog", "--interest", "kneecalm")
    source = load_corpus(root, include_drafts=True).sources[0]
    assert (source.kind, source.interests) == ("blog", ("kneecalm",))


def test_an_interest_without_letters_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root, page = _corpus_and_page(tmp_path)
    capsys.readouterr()
    assert main(["add", str(page), "--corpus", str(root), "--interest", "  "]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "--interest needs a name" in line
    assert load_corpus(root, include_drafts=True).sources == ()
