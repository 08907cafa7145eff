"""A work a page cites only by a link is kept: a reference of the source, cited by its claims."""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, run_checks, validate_corpus
from bluntgraph.cli import main
from bluntgraph.ingest import read_article

_PAGE = """<html><head><title>Zinc and colds | Winter Health</title>
<link rel="canonical" href="https://winter-health.example/zinc"></head><body>
<nav><a href="https://doi.org/10.9999/menu.1">Journal club</a></nav>
<article><h1>Zinc and colds</h1>
<p>Zinc lozenges may shorten colds in adults, according to
<a href="https://doi.org/10.1093/ofid/ofx059">a 2017 meta-analysis</a>.
Echinacea does not prevent colds (<a href="https://pubmed.ncbi.nlm.nih.gov/16107764/">one
large trial</a>).</p>
<p>Vitamin C may reduce the length of colds, as
<a href="https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD000980.pub4/full">a
review</a> found. Read our <a href="https://winter-health.example/flu">flu guide</a> for
more on winter illness and how to stay well.</p>
</article><footer><a href="https://pubmed.ncbi.nlm.nih.gov/11111111/">Archive</a></footer>
</body></html>
"""


def _add(tmp_path: Path, page: str, name: str = "zinc.html") -> Path:
    root = tmp_path / "corpus"
    if not root.exists():
        assert main(["init", str(root), "--empty"]) == 0
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    assert main(["add", str(path), "--corpus", str(root)]) == 0
    assert validate_corpus(root) == []
    return root


def test_a_pages_links_to_works_are_read(tmp_path: Path) -> None:
    path = tmp_path / "zinc.html"
    path.write_text(_PAGE, encoding="utf-8")
    article = read_article(path)
    found = [(article.text[x.start : x.end], x.kind, x.value) for x in article.links]
    assert found == [
        ("a 2017 meta-analysis", "doi", "10.1093/ofid/ofx059"),
        ("one large trial", "pmid", "16107764"),
        ("a review", "url",
         "https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD000980.pub4/full"),
    ]  # the menu's, the footer's and the site's own links are none


def test_linked_works_are_references_cited_by_their_sentences_claims(tmp_path: Path) -> None:
    root = _add(tmp_path, _PAGE)
    corpus = load_corpus(root, include_drafts=True)
    references = {r.key: r for r in corpus.references}
    by_kind = {name: r for r in references.values() for name in ("doi", "pmid", "url")
               if r.get(name)}
    assert by_kind["doi"].doi == "10.1093/ofid/ofx059"
    assert by_kind["pmid"].pmid == "16107764"
    assert (by_kind["url"].get("url") or "").startswith("https://www.cochranelibrary.com/")
    for reference in references.values():  # nothing made up: no title, author or year
        assert reference.entry_type == "misc"
        assert not reference.title and not reference.year and not reference.get("author")
    cited = {c.quote: c.attribution for c in corpus.claims}
    zinc = next(a for q, a in cited.items() if q.startswith("Zinc lozenges"))
    assert (zinc.kind, zinc.references, zinc.cue) == (
        "cited", (by_kind["doi"].key,), "a 2017 meta-analysis")
    echinacea = next(a for q, a in cited.items() if q.startswith("Echinacea"))
    assert echinacea.references == (by_kind["pmid"].key,)
    vitamin = next(a for q, a in cited.items() if q.startswith("Vitamin C"))
    assert vitamin.references == (by_kind["url"].key,)
    # no longer a work nobody can trace
    findings = run_checks(load_corpus(root, include_drafts=True))
    assert not [f for f in findings if f.rule == "untraceable-work"]


def test_a_work_linked_again_is_one_reference(tmp_path: Path) -> None:
    root = _add(tmp_path, _PAGE)
    other = _PAGE.replace("Zinc and colds", "Colds in winter").replace(
        "Zinc lozenges may", "Zinc lozenges can").replace("Vitamin C may", "Vitamin C can")
    root = _add(tmp_path, other, "winter.html")
    corpus = load_corpus(root, include_drafts=True)
    assert len([r for r in corpus.references if r.doi == "10.1093/ofid/ofx059"]) == 1
    assert len(corpus.references) == 3
    assert len({c.attribution.references for c in corpus.claims if c.quote.startswith("Zinc")}) == 1


def test_a_link_in_a_reference_list_is_that_entry(tmp_path: Path) -> None:
    page = _PAGE.replace("</article>", (
        "<h2>References</h2><ol><li>Hemila H. Zinc lozenges and the common cold: a "
        "meta-analysis of individual patient data. Open Forum Infect Dis. 2017;4(2):ofx059. "
        "<a href=\"https://doi.org/10.1093/ofid/ofx059\">doi:10.1093/ofid/ofx059</a></li>"
        "</ol></article>"))
    root = _add(tmp_path, page)
    corpus = load_corpus(root, include_drafts=True)
    # the entry as the list prints it (its DOI in its field), and no second entry for the link:
    # the body's link to that DOI cites the entry
    assert [r.key for r in corpus.references if r.doi == "10.1093/ofid/ofx059"] == ["hemila2017"]
    zinc = next(c for c in corpus.claims if c.quote.startswith("Zinc lozenges"))
    assert zinc.attribution.references == ("hemila2017",)


def test_a_markdown_link_to_a_work_is_a_reference(tmp_path: Path) -> None:
    text = (
        "# Green tea and blood pressure\n\n"
        "Green tea may lower blood pressure, according to "
        "[a 2020 meta-analysis](https://doi.org/10.1097/MD.0000000000019047). "
        "Caffeine can cause palpitations ([one trial](https://pubmed.ncbi.nlm.nih.gov/"
        "25432666/)).\n"
    )
    root = _add(tmp_path, text, "tea.md")
    corpus = load_corpus(root, include_drafts=True)
    assert {r.doi or r.pmid for r in corpus.references} == {
        "10.1097/MD.0000000000019047", "25432666"}
    tea = next(c for c in corpus.claims if c.quote.startswith("Green tea"))
    assert tea.attribution.kind == "cited" and tea.attribution.cue == "a 2020 meta-analysis"
    assert [r.doi for r in corpus.references if r.key in tea.attribution.references] == [
        "10.1097/MD.0000000000019047"]
