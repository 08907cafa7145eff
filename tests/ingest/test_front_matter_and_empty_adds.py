"""`add` of an article with nothing drafted, or with front matter it cannot use, says so.

The texts are written for these tests (sleep, walking, lentils); none is copied from a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.ingest import read_article
from bluntgraph.loading import corpus_warnings, load_corpus


def _new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "c"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    return root


def test_an_article_with_nothing_drafted_leaves_no_claims_file_to_warn_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _new(tmp_path, capsys)
    page = tmp_path / "evening.txt"
    page.write_text("An evening walk\n\nWe walked by the river after dinner.\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert "0 draft claims" in out and "nothing was drafted" in out and "review" not in out
    assert list((root / "claims").iterdir()) == []
    assert corpus_warnings(root) == []  # validate stays quiet about it, run after run
    assert [s.id for s in load_corpus(root).sources] == ["an-evening-walk"]


def test_replacing_with_a_text_that_drafts_nothing_removes_the_old_drafts_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _new(tmp_path, capsys)
    page = tmp_path / "lentils.txt"
    page.write_text("Lentils\n\nLentils can cause bloating in adults.\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    assert (root / "claims" / "lentils.yaml").exists()
    page.write_text("Lentils\n\nLentils are a legume.\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root), "--id", "lentils", "--replace"]) == 0
    assert not (root / "claims" / "lentils.yaml").exists()
    # (the old drafts' proposed terms are still warned about, as after any --replace)
    assert not [p for p in corpus_warnings(root) if p.file.startswith("claims")]


@pytest.mark.parametrize(("lines", "ignored"), [
    ("title: [unclosed", ["title '[unclosed' (a '[' never closed)"]),
    ('title: "Walking and mood', ["title '\"Walking and mood' (a \" never closed)"]),
    ("title: {x: y}", ["title '{x: y}' (a mapping, not a title)"]),
    ("author: {a: b}", ["author '{a: b}' (a mapping, not names)"]),
    ("authors: [Jo Park, {a: b}]", ["authors '[Jo Park, {a: b}]' (a list, not names)"]),
    ("date: yesterday", ["date 'yesterday' (not a date like 2024-01-01)"]),
])
def test_front_matter_that_cannot_be_used_is_ignored_and_said(
    tmp_path: Path, lines: str, ignored: list[str]
) -> None:
    path = tmp_path / "walk.md"
    path.write_text(f"---\n{lines}\n---\nWalking\n\nWalking lifts mood.\n", encoding="utf-8")
    article = read_article(path)
    assert list(article.ignored) == ignored
    assert article.title == "Walking" and article.authors == () and article.date is None


def test_usable_front_matter_is_used_and_nothing_said(tmp_path: Path) -> None:
    path = tmp_path / "walk.md"
    path.write_text("---\ntitle: \"Walking: the facts\"\nauthors: [Jo Park, 'Al Diaz']\n"
                    "date: 2024-02-02T09:30:00+01:00\n---\nWalking lifts mood.\n",
                    encoding="utf-8")  # fmt: skip
    article = read_article(path)
    assert (article.title, article.authors, article.date, article.ignored) == (
        "Walking: the facts", ("Jo Park", "Al Diaz"), "2024-02-02", ())
    path.write_text("---\ntitle: [Draft] Walking\n---\nWalking lifts mood.\n", encoding="utf-8")
    assert (read_article(path).title, read_article(path).ignored) == ("[Draft] Walking", ())


def test_add_says_in_one_line_what_of_the_front_matter_it_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _new(tmp_path, capsys)
    page = tmp_path / "naps.md"
    page.write_text("---\ntitle: Naps\nauthor: {a: b}\ndate: 2023-02-30\n---\nNaps\n\n"
                    "Long naps can cause grogginess later.\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert len(err) == 1, err
    assert "author '{a: b}' (a mapping, not names)" in err[0]
    assert "date '2023-02-30' (a date like 2024-01-01" in err[0]
    (source,) = load_corpus(root, include_drafts=True).sources
    assert (source.title, source.authors, source.date) == ("Naps", (), None)
