"""A page's footnote numbers in ``<sup>``: kept apart from the words, and still citing.

trafilatura reads ``<sup>`` as plain text, so "pain<sup>12</sup>" became
"pain12" and "adults.<sup>1</sup> Another" "adults.1 Another": a quote with a
word no reader sees, and "injury<sup>1,3</sup>" cited nothing. An exponent is
no footnote ("10<sup>9</sup>/L" is not 109 per litre).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.extract.segment import sentences
from bluntgraph.ingest import read_article

from .conftest import corpus_with_article

_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Heat therapy for back pain | Spine Notes</title></head><body>
<main><article><h1>Heat therapy for back pain</h1>
<p>Heat wraps reduced pain in a trial of 371 adults.<sup><a href="#fn1" id="r1">1</a></sup>
Another trial found heat improved stiffness<sup><a href="#fn2">2</a></sup> within days.</p>
<p>Walking after work helps many people too.<sup>4,5</sup></p>
<p>Cold packs reduce swelling after an injury<sup><a href="#fn1">1</a>,<a href="#fn3">3</a>
</sup>.</p>
<p>A normal white cell count is 4 to 11 x 10<sup>9</sup>/L, and a BMI over 30 kg/m<sup>2</sup>
makes back pain more likely.</p>
<p>The sources below are listed in the order they are cited.<sup class="reference">[6]</sup></p>
<h2>References</h2><ol>
<li id="fn1">Nadler SF, Steiner DJ, Erasala GN. Continuous low-level heat wrap therapy for acute
low back pain. Spine. 2002;27(10):1012-1017.</li>
<li id="fn2">Mayer JM, Ralph L, Look M. Treating acute low back pain with heat wrap therapy and
exercise. Spine J. 2005;5(4):395-403.</li>
<li id="fn3">Hayden JA, van Tulder MW, Tomlinson G. Strategies for using exercise therapy in
chronic low back pain. Ann Intern Med. 2005;142(9):776-785.</li>
</ol></article></main></body></html>
"""


def test_footnote_numbers_are_bracketed_and_exponents_are_not(tmp_path: Path) -> None:
    page = tmp_path / "heat.html"
    page.write_text(_PAGE, encoding="utf-8")
    text = read_article(page).text
    assert "371 adults.[1] Another trial found heat improved stiffness[2] within days." in text
    assert "helps many people too.[4,5]" in text
    assert "after an injury[1,3]." in text
    assert "10^9/L" in text and "kg/m2 " in text  # exponents, not citations
    assert "cited.[6]" in text  # one bracketed by the page stays as it is
    found = [s.text for s in sentences(text)]
    assert "Heat wraps reduced pain in a trial of 371 adults.[1]" in found


def test_a_superscript_marker_still_cites_its_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus_with_article(tmp_path, _PAGE, file="heat.html")  # the real drafter
    assert validate_corpus(root) == []
    drafted = load_corpus(root, include_drafts=True)
    cold = [c for c in drafted.claims if c.quote.startswith("Cold packs reduce swelling")]
    assert cold, [c.quote for c in drafted.claims]
    assert set(cold[0].attribution.references) == {"nadler2002", "hayden2005"}
    assert all("injury1" not in c.quote and "stiffness2" not in c.quote for c in drafted.claims)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Heat helped in one trial.[3–5] Cold works too.", "Heat helped in one trial.[3–5]"),
        ("Heat helped in one trial.¹² Cold works too.", "Heat helped in one trial.¹²"),
    ],
)
def test_a_marker_after_a_sentence_end_stays_with_its_sentence(text: str, first: str) -> None:
    found = [s.text for s in sentences(f"Heat and cold\n\n{text}\n")]
    assert found == [first, "Cold works too."]


def test_a_bulleted_reference_list_the_footnotes_count_into_is_numbered(
    tmp_path: Path,
) -> None:
    """The references as a <ul>: each written "- Nadler SF…", so "[1]" cited nothing; the
    footnote links name each item's position, so the list is numbered."""
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "heat.html"
    page.write_text(_PAGE.replace("<ol>", "<ul>").replace("</ol>", "</ul>"), encoding="utf-8")
    assert "\n2. Mayer JM, Ralph L, Look M." in read_article(page).text
    assert main(["add", str(page), "--corpus", str(root), "--id", "heat"]) == 0
    drafted = load_corpus(root, include_drafts=True)
    cold = next(c for c in drafted.claims if c.quote.startswith("Cold packs reduce swelling"))
    assert set(cold.attribution.references) == {"nadler2002", "hayden2005"}


def test_a_bulleted_list_the_numbers_do_not_count_into_stays_bulleted(tmp_path: Path) -> None:
    page = tmp_path / "heat.html"
    page.write_text(_PAGE.replace("<ol>", "<ul>").replace("</ol>", "</ul>").replace(
        'href="#fn2">2</a>', 'href="#fn3">2</a>'), encoding="utf-8")  # fmt: skip
    assert "\n- Mayer JM, Ralph L, Look M." in read_article(page).text
