"""A Markdown page with front matter, soft-wrapped paragraphs and a reference list.

Found by adding such a page of my own (ginger and migraine): its paragraphs, wrapped
at about 85 characters as Markdown allows, were cut into sentence pieces at every
line end ("…in a small trial of 100 adults,"); a reference entry's Markdown
("*Cephalalgia*", "[https://doi.org/…](https://doi.org/…)") left the journal
"*Phytother Res*" with its asterisks, or the entry unread; and Vancouver's four
initials ("Rodrigues AMDS") or an abbreviation inside brackets in a title
("(*Zingiber officinale* Rosc.)") made an entry unreadable.
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.ingest import read_article

_PAGE = """\
---
title: "Does ginger help with migraine?"
author: [Priya Nair, Leo Brandt]
date: 2024-02-09
---

# Does ginger help with migraine?

*Last reviewed: 9 February 2024*

Ginger powder reduced migraine pain within two hours in a small trial of 100 adults,
about as well as sumatriptan [1]. A later trial found that adding ginger to
ibuprofen did not reduce pain further [2].

## Side effects

Ginger can cause heartburn in some people (Maghbooli et al., 2014). High doses of
ginger may cause bloating, a patient leaflet says [3].

## References

1. Maghbooli M, Golipour F, Moghimi Esfandabadi A, Yousefi M. Comparison between the \
efficacy of ginger and sumatriptan in the ablative treatment of the common migraine. \
*Phytother Res*. 2014;28(3):412-415. doi:10.1002/ptr.4996
2. Martins LB, Rodrigues AMDS, Rodrigues DF, et al. Double-blind placebo-controlled \
randomized clinical trial of ginger (*Zingiber officinale* Rosc.) addition in migraine acute \
treatment. *Cephalalgia*. 2019;39(1):68-76. \
[https://doi.org/10.1177/0333102418776016](https://doi.org/10.1177/0333102418776016)
3. National Center for Complementary and Integrative Health. Ginger. Updated 2020. \
https://www.nccih.nih.gov/health/ginger
"""


def test_soft_wrapped_paragraphs_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "ginger.md"
    path.write_text(_PAGE, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.authors, article.date) == (
        "Does ginger help with migraine?", ("Priya Nair", "Leo Brandt"), "2024-02-09")
    lines = article.text.splitlines()
    assert "Ginger powder reduced migraine pain within two hours in a small trial of 100 " \
        "adults, about as well as sumatriptan [1]. A later trial found that adding ginger to " \
        "ibuprofen did not reduce pain further [2]." in lines
    # emphasis is no text: the words a reader reads (test_markdown_emphasis.py)
    assert "## Side effects" in lines and "Last reviewed: 9 February 2024" in lines


def test_its_reference_list_is_read_without_markdown(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    path = tmp_path / "ginger.md"
    path.write_text(_PAGE, encoding="utf-8")
    assert main(["add", str(path), "--corpus", str(root), "--id", "ginger"]) == 0
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    works = {r.key: r for r in corpus.references}
    assert sorted(works) == ["maghbooli2014", "martins2019", "national2020"]
    assert works["maghbooli2014"].get("journal") == "Phytother Res"
    martins = works["martins2019"]
    assert (martins.get("journal"), martins.doi) == ("Cephalalgia", "10.1177/0333102418776016")
    assert "Rodrigues, AMDS" in (martins.get("author") or "")
    assert martins.title == ("Double-blind placebo-controlled randomized clinical trial of ginger "
                             "(Zingiber officinale Rosc.) addition in migraine acute treatment")
    cited = {k for c in corpus.claims for k in c.attribution.references}
    assert {"maghbooli2014", "martins2019"} <= cited


def test_a_heading_over_its_paragraph_is_no_wrapped_line(tmp_path: Path) -> None:
    text = "Five knee myths\n\nDr Ana Ruiz\n\n" + "".join(
        f"Myth {n}: knees always hurt after {n} runs\nKnee pain after running is common, and "
        f"rest for {n} days often relieves it, as most runners find out early on.\n\n"
        for n in range(1, 6))  # fmt: skip
    path = tmp_path / "knees.txt"
    path.write_text(text, encoding="utf-8")
    assert read_article(path).text == text


def test_markdown_footnotes_are_references_their_marks_cite(tmp_path: Path) -> None:
    """A page citing with Markdown footnotes ("…sumatriptan[^1].", "[^1]: Maghbooli M, …"):
    each footnote read as an entry, wherever it stands, and the claims of a marked
    sentence citing it (before: no entry, and no claim cited anything)."""
    body, listed = _PAGE.split("## References\n\n")
    entries = [line.split(". ", 1)[1] for line in listed.strip().splitlines()]
    page = (body.replace(" [1]", "[^1]").replace(" [2]", "[^2]").replace(" [3]", "[^3]")
            + "".join(f"[^{n}]: {entry}\n" for n, entry in enumerate(entries, 1)))
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    path = tmp_path / "ginger.md"
    path.write_text(page, encoding="utf-8")
    assert main(["add", str(path), "--corpus", str(root), "--id", "ginger"]) == 0
    assert validate_corpus(root) == []
    corpus = load_corpus(root, include_drafts=True)
    assert sorted(r.key for r in corpus.references) == [
        "maghbooli2014", "martins2019", "national2020"]
    by_quote = {c.quote: c.attribution for c in corpus.claims}
    sumatriptan = next(a for q, a in by_quote.items() if q.endswith("sumatriptan[^1]."))
    assert (sumatriptan.kind, sumatriptan.references) == ("cited", ("maghbooli2014",))
    ibuprofen = next(a for q, a in by_quote.items() if q.endswith("further[^2]."))
    assert ibuprofen.references == ("martins2019",)
