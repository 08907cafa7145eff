"""`bluntgraph add` with bad input: one line on stderr, nothing written; and the encodings
a saved page may come in (tests/data/ingest/iron-*.html, a topic apart from the others)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.ingest import read_article

from .conftest import snapshot


def _empty_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "iron"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    return root


def _refused(root: Path, page: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Add ``page``: exit 2, exactly one line on stderr, nothing on stdout, nothing written."""
    before = snapshot(root)
    assert main(["add", str(page), "--corpus", str(root), *extra]) == 2
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert len(err) == 1 and err[0].startswith("bluntgraph: error: "), err
    assert captured.out == ""
    assert snapshot(root) == before
    return err[0]


def test_a_latin1_page_without_a_charset_is_read_as_a_browser_reads_it(data: Path) -> None:
    article = read_article(data / "iron-latin1-nocharset.html")
    assert article.title == "Iron tablets and the gut"
    assert "A café crème with the tablet is a naïve choice" in article.text
    assert "\ufffd" not in article.text and "Ã" not in article.text


def test_a_utf8_page_with_a_broken_byte_and_no_charset_is_refused(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    """Read as windows-1252 (as an undeclared legacy page), every 'é' would become 'Ã©'."""
    root = _empty_corpus(tmp_path, capsys)
    line = _refused(root, data / "iron-broken-utf8.html", capsys)
    raw = (data / "iron-broken-utf8.html").read_bytes()
    offset = raw.index(b"\xff")
    line_number = raw.count(b"\n", 0, offset) + 1
    assert f"line {line_number}, column " in line
    assert "(byte 0xff) is not UTF-8, though the rest" in line


def test_a_fifo_is_refused_without_waiting_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _empty_corpus(tmp_path, capsys)
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    assert "is not a regular file" in _refused(root, fifo, capsys)


def test_a_link_to_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _empty_corpus(tmp_path, capsys)
    link = tmp_path / "zero.html"
    link.symlink_to("/dev/zero")  # read to the end, it never ends
    assert "is not a regular file" in _refused(root, link, capsys)


def test_a_file_far_larger_than_an_article_is_refused(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import bluntgraph.ingest

    root = _empty_corpus(tmp_path, capsys)
    monkeypatch.setattr(bluntgraph.ingest, "MAX_BYTES", 500)
    line = _refused(root, data / "iron-latin1-nocharset.html", capsys)
    assert "is more than an article (500 at most)" in line


def test_a_duplicate_id_is_one_line_and_replace_is_named(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _empty_corpus(tmp_path, capsys)
    page = data / "iron-latin1-nocharset.html"
    assert main(["add", str(page), "--corpus", str(root), "--id", "iron"]) == 0
    capsys.readouterr()
    line = _refused(root, data / "caffeine-notes.txt", capsys, "--id", "iron")
    assert "a source with id 'iron' is already in" in line and "--replace" in line


def test_the_same_text_again_says_so_in_one_line_and_changes_nothing(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    """Not an error (exit 0), so adding a batch of pages again adds only the new ones."""
    root = _empty_corpus(tmp_path, capsys)
    page = data / "iron-latin1-nocharset.html"
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    capsys.readouterr()
    before = snapshot(root)
    assert main(["add", str(page), "--corpus", str(root), "--id", "iron-again"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines() == [
        f"{page}: its text is already in {root} as source 'iron-tablets-and-the-gut'; "
        "nothing changed"
    ]
    assert snapshot(root) == before


def test_progress_is_shown_on_a_terminal_only(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import sys

    root = _empty_corpus(tmp_path, capsys)
    assert main(["add", str(data / "caffeine-notes.txt"), "--corpus", str(root)]) == 0
    assert capsys.readouterr().err == ""  # captured: not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["add", str(data / "statins-qa.md"), "--corpus", str(root)]) == 0
    err = capsys.readouterr().err
    assert "bluntgraph: reading" in err and "bluntgraph: writing" in err


def test_init_into_a_file_says_it_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    assert main(["init", str(target), "--empty"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"bluntgraph: error: {target} exists and is a file, not a folder; "
                   "give a new or empty folder"]  # fmt: skip
    assert target.read_text(encoding="utf-8") == "mine"


def test_scripts_and_styles_in_a_page_are_never_text(tmp_path: Path) -> None:
    """A heading holding a script gave the script's code as part of the title."""
    page = tmp_path / "zinc.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Zinc and colds</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Article", "author": {"@type": "Person", "name": "Nadia Okafor"}}</script>'
        "<style>h1 { color: red }</style></head><body><article>"
        "<h1>Zinc lozenges <script>track('h1')</script>and colds</h1>"
        "<p>Zinc lozenges may shorten a cold by a day.<script>var x = '<p>fake</p>';</script>"
        " High doses can cause nausea.</p>"
        "<p><style>.ad { display: none }</style>Zinc nasal sprays were linked to loss of "
        "smell.</p><template><p>Zinc cures colds.</p></template>"
        "</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.title == "Zinc lozenges and colds"
    assert "Zinc lozenges may shorten a cold by a day. High doses can cause nausea." in article.text
    assert "Zinc nasal sprays were linked to loss of smell." in article.text
    for code in ("track", "var x", "fake", "color", "display", "Zinc cures colds"):
        assert code not in article.text + article.title, code
    assert article.authors == ("Nadia Okafor",)  # the JSON-LD metadata is still read


@pytest.mark.parametrize("page", ["headline", "deep"])
def test_a_page_whose_text_is_only_its_title_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str
) -> None:
    """It was added as a source of one line, with no draft: the article's text was lost."""
    root = _empty_corpus(tmp_path, capsys)
    path = tmp_path / f"{page}.html"
    body = "<div id='app'></div>" if page == "headline" else (
        "<div>" * 50_000 + "<p>Iron tablets can cause constipation.</p>" + "</div>" * 50_000)
    path.write_text(f"<html><head><title>Iron and the gut</title></head><body><article>"
                    f"<h1>Iron and the gut</h1>{body}</article></body></html>", encoding="utf-8")
    line = _refused(root, path, capsys)
    assert "no main text found, only the title 'Iron and the gut'" in line, line


def test_an_id_too_long_for_a_file_name_is_refused_by_the_id_rule(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 300 characters gave the system's "File name too long: …/texts/aaaa….txt"
    root = _empty_corpus(tmp_path, capsys)
    line = _refused(root, data / "caffeine-notes.txt", capsys, "--id", "a" * 300)
    assert "is 300 characters long; give one of at most 100" in line
    assert "File name too long" not in line
