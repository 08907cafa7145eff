"""An author is stored by name: no "Dr", "Prof.", "Mrs" before it, no degree after it.

Before, sources.yaml held "Dr Jane Smith" and "Prof. A. Lee" (the same person
written by two articles was two authors), and a page's metadata gave a degree
as an author of its own ("Jane Smith, MD" was Jane Smith and MD), a second
``rel="author"`` link was lost, and a page's byline in its text was not read.
sources.yaml has no field for a title: the text keeps the byline as printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bluntgraph.cli import main
from bluntgraph.ingest import read_article

_BODY = "".join(f"<p>{line}</p>" for line in (
    "Eating oily fish twice a week may lower triglycerides in adults, small trials suggest.",
    "A portion is about 140 grams, roughly the size of the palm of an adult's hand.",
    "Tinned sardines and mackerel count, and they cost less than fresh salmon does.",
    "People who take blood thinners should ask their pharmacist before taking fish oil.",
    "Frying fish in a lot of butter adds saturated fat, so grill or bake it instead.",
))


def _page(tmp_path: Path, head: str = "", byline: str = "") -> Path:
    path = tmp_path / "fish.html"
    path.write_text(
        f"<html><head><title>Oily fish and your heart</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a></nav></header><article>"
        f"<h1>Oily fish and your heart</h1>{byline}{_BODY}</article>"
        "<footer>Heart Notes</footer></body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("head", "byline", "authors"),
    [
        ('<meta name="author" content="Dr Jane Smith, MD">', "", ("Jane Smith",)),
        ('<meta name="author" content="Prof. A. Lee">', "", ("A. Lee",)),
        ('<meta name="author" content="Rita Gomez, MD, and Omar Haddad, PharmD">', "",
         ("Rita Gomez", "Omar Haddad")),
        ("", '<p class="byline">By <a rel="author" href="/team/lee">Prof. Sam Lee</a> and '
             '<a rel="author" href="/team/doe">Jo Doe, RN</a></p>', ("Sam Lee", "Jo Doe")),
        ("", '<div class="byline"><span class="author">By Dr. Jane Smith, PhD</span> '
             '<time datetime="2024-03-05">5 March</time></div>', ("Jane Smith",)),
        ("", '<p class="byline">By Jo Doe and Dr Sam Lee</p>', ("Jo Doe", "Sam Lee")),
        ("", "<p>By Mrs Ann Okoro, RD</p>", ("Ann Okoro",)),  # a byline in the text only
        ('<script type="application/ld+json">{"@context": "https://schema.org", '
         '"@type": "Article", "author": [{"@type": "Person", "name": "Dr. Jane Smith"}, '
         '{"@type": "Person", "name": "Sam Lee, MD"}], "publisher": {"@type": '
         '"Organization", "name": "Heart Notes"}}</script>', "", ("Jane Smith", "Sam Lee")),
    ],
)
def test_a_pages_authors_are_names(
    tmp_path: Path, head: str, byline: str, authors: tuple[str, ...]
) -> None:
    assert read_article(_page(tmp_path, head, byline)).authors == authors


def test_a_commenter_is_no_author(tmp_path: Path) -> None:
    page = _page(tmp_path, byline='<p class="byline">By Dr Ana Ruiz</p>')
    html = page.read_text(encoding="utf-8").replace(
        "</article>", '</article><section id="comments"><div class="comment">'
        '<span class="comment-author">Bob Stone</span> Great read!</div></section>')
    page.write_text(html, encoding="utf-8")
    assert read_article(page).authors == ("Ana Ruiz",)


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        ("By Dr Jane Smith", ("Jane Smith",)),
        ("By Dr. Jane Smith, PhD — 3 May 2024", ("Jane Smith",)),
        ("Written by Jane Smith, MD", ("Jane Smith",)),
        ("By Jo Doe and Dr Sam Lee", ("Jo Doe", "Sam Lee")),
        ("By Prof. A. Lee & Associate Professor Kim Ng", ("A. Lee", "Kim Ng")),
        ("By Drew Barry", ("Drew Barry",)),  # a name that begins like a title is kept whole
    ],
)
def test_a_text_bylines_authors_are_names(
    tmp_path: Path, head: str, authors: tuple[str, ...]
) -> None:
    path = tmp_path / "fish.txt"
    path.write_text(f"Oily fish\n\n{head}\n\nOily fish may lower triglycerides.\n",
                    encoding="utf-8")
    assert read_article(path).authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ('author: "Dr Jane Smith"', ("Jane Smith",)),
        ("author: Prof. A. Lee", ("A. Lee",)),
        ("authors: [Dr. Jane Smith, PhD, Mr Tom Reilly]", ("Jane Smith", "Tom Reilly")),
        ("authors:\n  - Dr Rita Gomez\n  - Sam Lee, MD", ("Rita Gomez", "Sam Lee")),
    ],
)
def test_front_matter_authors_are_names(
    tmp_path: Path, line: str, authors: tuple[str, ...]
) -> None:
    path = tmp_path / "fish.md"
    path.write_text(f"---\ntitle: Oily fish\n{line}\n---\n\nOily fish may lower triglycerides.\n",
                    encoding="utf-8")
    assert read_article(path).authors == authors


def test_sources_yaml_holds_the_names(tmp_path: Path, stand_in: None) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = _page(tmp_path, byline='<p class="byline">By Jo Doe and Dr Sam Lee, MD</p>')
    assert main(["add", str(page), "--corpus", str(root), "--id", "fish"]) == 0
    sources = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    assert sources[0]["authors"] == ["Jo Doe", "Sam Lee"]
