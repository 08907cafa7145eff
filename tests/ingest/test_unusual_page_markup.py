"""A page whose byline, date and references use markup of their own.

Found by adding such a page: a byline in a plain ``<span>`` ("By Dr. …") gave
no author; each footnote's link back to its marker ("↩") was copied into the
reference list's lines; a DOI linked under other words ("Full text") was lost
from its entry. The date only in ``<time datetime>`` was read already, and is
checked here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.ingest import read_article

_ENTRIES = {
    1: "Ernst E, Pittler MH. Efficacy of ginger for nausea and vomiting: a systematic review of "
       "randomized clinical trials. Br J Anaesth. 2000;84(3):367-371. "
       '<a href="https://doi.org/10.1093/oxfordjournals.bja.a013442">Full text</a>',
    2: "Viljoen E, Visser J, Koen N, Musekiwa A. A systematic review and meta-analysis of the "
       "effect and safety of ginger in the treatment of pregnancy-associated nausea and "
       "vomiting. Nutr J. 2014;13:20. "
       '<a href="https://doi.org/10.1186/1475-2891-13-20">doi:10.1186/1475-2891-13-20</a>',
}


def _page(entries: tuple[int, ...] = (1, 2)) -> str:
    listed = "".join(f'<li id="fn{n}">{_ENTRIES[n]} <a href="#ref{n}">↩</a></li>' for n in entries)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Does ginger ease nausea? | "
        "Kitchen Remedies</title></head><body><header><nav><a href='/'>Home</a></nav></header>"
        "<main><article><h1>Does ginger ease nausea?</h1>"
        '<div class="meta"><span>By Dr. Priya Raman, PhD</span> · '
        '<time datetime="2023-11-14T08:00:00Z">Updated recently</time></div>'
        "<p>Ginger may relieve nausea in early pregnancy, a review of trials found."
        '<sup><a href="#fn1" id="ref1">1</a></sup> Most trials were small.</p>'
        "<p>Ginger capsules can cause heartburn in some people, and a high dose may interact "
        "with blood thinners such as warfarin.</p>"
        "<p>Sipping water slowly and eating small meals often help too, and cost nothing.</p>"
        f"<h2>References</h2><ol>{listed}</ol></article></main>"
        "<footer><p>Kitchen Remedies</p></footer></body></html>"
    )


def test_a_byline_in_a_span_and_a_date_in_time(tmp_path: Path) -> None:
    path = tmp_path / "ginger.html"
    path.write_text(_page(), encoding="utf-8")
    article = read_article(path)
    assert (article.authors, article.date) == (("Priya Raman",), "2023-11-14")
    assert "↩" not in article.text  # a footnote's way back is no word of the reference list
    assert "Br J Anaesth. 2000;84(3):367-371. Full text\n" in article.text


def test_a_doi_linked_under_other_words_goes_into_its_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "ginger.html"
    page.write_text(_page(), encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root), "--id", "ginger"]) == 0
    works = {r.key: r for r in load_corpus(root, include_drafts=True).references}
    assert {r.doi for r in works.values()} == {"10.1093/oxfordjournals.bja.a013442",
                                               "10.1186/1475-2891-13-20"}
    ernst = works["ernst2000"]
    assert "its DOI 10.1093/oxfordjournals.bja.a013442 from the entry's link" in (
        ernst.get("note") or "")
    assert validate_corpus(root) == []
    # a new version without that entry: it goes, as add wrote it (not kept as edited by hand)
    page.write_text(_page((2,)), encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(page), "--corpus", str(root), "--id", "ginger", "--replace"]) == 0
    captured = capsys.readouterr()
    assert "removed 1 reference only the old version cited (ernst2000)" in captured.out
    assert "kept" not in captured.err
    assert [r.key for r in load_corpus(root, include_drafts=True).references] == ["viljoen2014"]
