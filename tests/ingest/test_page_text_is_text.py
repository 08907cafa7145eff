"""What a page says is text: no date made up from a year it mentions, no LaTeX command in
references.bib.

New-user audit nu10 (repros 01, 21): a page with no date of its own got "2019-01-01" from
"a 2019 study" in its body (trafilatura's date searches the text); a cited title holding
``\\input{/etc/passwd}`` was written to references.bib as ``\\input/etc/passwd``, a command
LaTeX runs when the entry is cited.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bluntgraph import load_corpus
from bluntgraph.cli import main
from bluntgraph.ingest import read_article

_UNDATED = """<html><head><title>Sleep and memory</title></head><body><article>
<h1>Sleep and memory</h1>
<p>Poor sleep worsens memory in students, according to a 2017 study. Naps improve recall
in older adults. Caffeine late in the day may shorten sleep.</p>
<p>Sleep loss causes daytime tiredness in shift workers, a 2021 survey found.</p>
</article></body></html>
"""


def test_a_year_in_a_page_s_text_is_not_its_date(tmp_path: Path) -> None:
    page = tmp_path / "sleep.html"
    page.write_text(_UNDATED, encoding="utf-8")
    assert read_article(page).date is None


def test_a_date_the_page_states_is_kept(tmp_path: Path) -> None:
    page = tmp_path / "sleep.html"
    page.write_text(_UNDATED.replace(
        "<title>", '<meta property="article:published_time" content="2023-05-09">'
        "<title>"), encoding="utf-8")  # fmt: skip
    assert read_article(page).date == "2023-05-09"


def test_latex_in_a_cited_title_reads_back_as_the_page_s_characters(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    title = r"Green tea \input{/etc/passwd} and {focus} ~ 5% of a_b \def\x"
    text = tmp_path / "tea.txt"
    text.write_text("Green tea and focus\n\nGreen tea improves focus in adults [1].\n\n"
                    f"References\n\n1. Lane A, Ruiz B. {title}. BMJ. 2020;3:5-9.\n",
                    encoding="utf-8")
    assert main(["add", str(text), "--corpus", str(root)]) == 0
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "\\input" not in bib and "\\def" not in bib
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in bib
    (reference,) = load_corpus(root, include_drafts=True).references
    assert dict(reference.fields)["title"] == title
    assert yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))


def test_a_full_vancouver_author_list_before_an_apa_year_is_read(tmp_path: Path) -> None:
    """New-user audit nu10 repro 03: "Lane A, Ruiz B, Ode C. (2016). …" was not read (its
    closing full stop made "Ode C." no name); with "et al." it was."""
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    text = tmp_path / "iron.txt"
    text.write_text(
        "Iron and fatigue\n\nIron supplements reduce fatigue in women (Lane et al., 2016). "
        "Iron supplements cause constipation (Ruiz et al., 2018).\n\nReferences\n\n"
        "- Lane A, Ruiz B, Ode C. (2016). Iron for fatigue in menstruating women. "
        "Journal of Blood, 7(1), 20-28.\n"
        "- Ruiz B, Lane A, Ode C, et al. (2018). Side effects of oral iron. "
        "Journal of Blood, 9(3), 40-49.\n", encoding="utf-8")
    assert main(["add", str(text), "--corpus", str(root)]) == 0
    references = load_corpus(root, include_drafts=True).references
    assert {r.key for r in references} == {"lane2016", "ruiz2018"}
    (lane,) = (r for r in references if r.key == "lane2016")
    assert dict(lane.fields)["author"] == "Lane, A and Ruiz, B and Ode, C"


def _sources(root: Path) -> list[dict[str, object]]:
    return list(yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))["sources"])


def test_replace_of_an_unchanged_text_applies_kind_and_interests(tmp_path: Path) -> None:
    """New-user audit nu10 repro 13: the same text with --replace --kind --interest said
    "nothing changed" and dropped them."""
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    text = tmp_path / "shop.txt"
    text.write_text("CalmTea\n\nChamomile tea improves sleep in adults. CalmTea bags hold "
                    "2 g of chamomile.\n", encoding="utf-8")
    assert main(["add", str(text), "--corpus", str(root), "--id", "shop"]) == 0
    assert main(["add", str(text), "--corpus", str(root), "--id", "shop", "--replace",
                 "--kind", "provider-marketing", "--interest", "CalmTea bags"]) == 0
    (source,) = _sources(root)
    assert source["kind"] == "provider-marketing"
    assert source["interests"]
    # without --replace the same text is still a duplicate that changes nothing
    before = (root / "sources.yaml").read_bytes()
    assert main(["add", str(text), "--corpus", str(root), "--kind", "other"]) == 0
    assert (root / "sources.yaml").read_bytes() == before



_LINKED = """<html><head><title>Stretching and back pain</title></head><body><article>
<h1>Stretching and back pain</h1>
<p>Daily stretching reduces back pain in office workers, as
<a href="https://doi.org/10.5555/stretch.2020.7">a 2020 trial</a> showed.</p>
<p>Yoga improves flexibility in adults.</p>
</article></body></html>
"""


def test_replace_of_a_page_that_only_lost_a_link_removes_its_entry(tmp_path: Path) -> None:
    """Noticed by ingest4: a page whose only change is a removed link has the same text, so
    --replace said "nothing changed" and the link's references.bib entry stayed."""
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "stretch.html"
    page.write_text(_LINKED, encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    assert "10.5555/stretch.2020.7" in (root / "references.bib").read_text(encoding="utf-8")
    page.write_text(_LINKED.replace('<a href="https://doi.org/10.5555/stretch.2020.7">', "")
                    .replace("</a>", ""), encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root), "--replace"]) == 0
    assert "10.5555" not in (root / "references.bib").read_text(encoding="utf-8")
    assert "10-5555" not in (root / "claims" / "stretching-and-back-pain.yaml").read_text(
        encoding="utf-8")


_FIRST = """Zinc and colds

Zinc lozenges shorten colds in adults (Hemila et al., 2017).

References

- Hemila, H., et al. (2017). Zinc acetate lozenges for treating the common cold: an individual
  patient data meta-analysis. British Journal of Clinical Pharmacology, 83(5), 1-9.
"""
_SECOND = """Zinc for colds

Zinc lozenges shorten colds in adults [1].

References

1. Hemila H, Fitzgerald JT, Petrus EJ, et al. Zinc acetate lozenges for treating the common
  cold: an individual patient data meta-analysis. Br J Clin Pharmacol. 2017;83(5):1-9.
  doi:{doi}
"""


def test_a_second_article_s_doi_is_merged_into_the_entry_of_the_same_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """New-user audit nu10 repro 02: the entry already in references.bib lacked the DOI the
    second article printed; it was thrown away and `check` found nothing identifying it."""
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    for name, text in (("a", _FIRST), ("b", _SECOND.format(doi="10.1111/bcp.13057"))):
        (tmp_path / f"{name}.txt").write_text(text.replace("\n  ", " "), encoding="utf-8")
        assert main(["add", str(tmp_path / f"{name}.txt"), "--corpus", str(root)]) == 0
    (reference,) = load_corpus(root, include_drafts=True).references
    assert reference.doi == "10.1111/bcp.13057"
    # a third article printing another DOI for the work: reported, the entry kept
    capsys.readouterr()
    (tmp_path / "c.txt").write_text(_SECOND.replace("Zinc for colds", "Zinc again").format(
        doi="10.9999/other.1").replace("\n  ", " "), encoding="utf-8")
    assert main(["add", str(tmp_path / "c.txt"), "--corpus", str(root)]) == 0
    assert "prints 10.9999/other.1" in capsys.readouterr().err
    (reference,) = load_corpus(root, include_drafts=True).references
    assert reference.doi == "10.1111/bcp.13057"
