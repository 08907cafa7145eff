"""A new user's three articles on fish oil and atrial fibrillation: what `add` keeps.

The articles (tests/data/ingest: a saved page, a Markdown text and a plain
text) were written for these tests; their reference lists name invented
works with no identifiers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main
from bluntgraph.extract.references import references_in
from bluntgraph.ingest import read_article


def test_a_harvard_reference_list_with_and_between_authors_is_read() -> None:
    text = ("Omega-3\n\nIt raises the risk (Hollis et al. 2021).\n\n## References\n\n"
            "Hollis, D., Mbeki, T. and Carter, J. (2021). Omega-3 supplementation and atrial "
            "fibrillation: a meta-analysis. Clinical Nutrition Insights, 12, 310-322.\n\n"
            "Ramirez, E. and Cole, B. (2020). Prescription omega-3 fatty acids in "
            "hypertriglyceridaemia. Lipid Therapy Today, 5, 77-86.\n")
    found = {r.key: (r.get("author"), r.get("journal")) for r in references_in(text)}
    assert found == {
        "hollis2021": ("Hollis, D. and Mbeki, T. and Carter, J.", "Clinical Nutrition Insights"),
        "ramirez2020": ("Ramirez, E. and Cole, B.", "Lipid Therapy Today"),
    }
    # "and" inside a title is not a list of authors
    assert references_in("T\n\nReferences\n\nSmith, J. (2019). Diet and sleep in older "
                         "adults. Sleep Notes, 3, 1-9.\n")[0].get("author") == "Smith, J."


def test_a_byline_naming_a_team_still_dates_the_text(data: Path) -> None:
    from bluntgraph.ingest import _byline

    notes = read_article(data / "fish-oil-notes.txt")
    assert (notes.authors, notes.date) == ((), "2025-01-12")  # a team is not a person
    assert _byline("T\nBy the way, on 2 June 2024 it rained.\n") == ((), None)
    assert _byline("T\nBy 12 March 2020, cases had doubled.\n") == ((), None)


def test_the_markdown_article_cites_its_author_year_references(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "fishoil"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(data / "omega3-heart-rhythm.md"), "--corpus", str(root)]) == 0
    assert "2 references from its reference list" in capsys.readouterr().out
    corpus = load_corpus(root, include_drafts=True)
    assert {r.key for r in corpus.references} == {"hollis2021", "ramirez2020"}
    cited = {k for c in corpus.claims for k in c.attribution.references}
    assert cited == {"hollis2021", "ramirez2020"}


def test_the_saved_page_keeps_its_metadata_faq_and_numbered_references(data: Path) -> None:
    article = read_article(data / "fish-oil-afib.html")
    assert article.title == "Fish oil supplements and atrial fibrillation: what the trials show"
    assert article.date == "2024-03-18"
    # no site name in its metadata: the one its <title> gives after the article's, not the host
    assert article.publisher == "HeartWise Clinic"
    from bluntgraph.ingest import _site_in_title

    assert _site_in_title("<title>Other words | Site</title>", "A title") is None
    lines = article.text.splitlines()
    assert "Does fish oil cause atrial fibrillation?" in lines  # a FAQ question, a line
    assert not any("Book your heart rhythm screening" in line for line in lines)  # footer
    assert [r.key for r in references_in(article.text)] == [
        "ward2021", "lindgren2022", "nakamura2019"]
