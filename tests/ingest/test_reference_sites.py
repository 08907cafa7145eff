"""A reference-list entry naming a web site where a journal would be is a page, not an article.

"Smith J. Title. My Health Blog. 2020. https://…" has authors, a year and a
name after the title: read as a journal, the evidence table called a blog
post "peer-reviewed". Without a volume, issue, pages, DOI or PMID, and with a
web address that is not a DOI or PubMed link, the name is the site's
(``publisher``) and the entry a ``misc``; a journal keeps its place when any
of those is printed, or when its name says it is a periodical.
"""

from __future__ import annotations

from bluntgraph.extract.references import reference_list


def _read(*entries: str) -> dict[str, tuple[str, dict[str, str]]]:
    text = "Sleep and naps\nNaps help.\nReferences\n" + "".join(
        f"{n}. {entry}\n" for n, entry in enumerate(entries, 1)
    )
    return {dict(r.fields)["title"]:
            (r.entry_type, dict(r.fields)) for r in reference_list(text).references}


def test_a_site_with_an_address_is_a_page_not_a_journal() -> None:
    found = _read(
        "Okafor T. Naps and toddlers. Sleepy Parents Blog. 2021. https://sleepyparents.example.org/naps",
        "Berg L, Ito K. Naps and memory. The Morning Ledger. 2019. https://ledger.example.com/naps",
    )
    for title in ("Naps and toddlers", "Naps and memory"):
        kind, fields = found[title]
        assert kind == "misc"
        assert "journal" not in fields
    assert found["Naps and toddlers"][1]["publisher"] == "Sleepy Parents Blog"
    assert found["Naps and memory"][1]["year"] == "2019"


def test_journals_keep_their_place() -> None:
    found = _read(
        "Okafor T. Naps in infants. Child Sleep. 2021;7(2):101-9.",  # volume and pages
        "Okafor T. Naps in teenagers. Lancet. 2021. https://doi.org/10.1016/S0000-0000(21)00001-1",
        "Okafor T. Naps in adults. Pediatrics. 2022. https://pubmed.ncbi.nlm.nih.gov/30000001/",
        "Okafor T. Naps in elders. Sleep Review. 2022. https://sleepreview.example.org/elders",
        "Okafor T. Naps at work. BMJ. 2022.",  # no address either: a journal as printed
    )
    for title in ("Naps in infants", "Naps in teenagers", "Naps in adults", "Naps in elders",
                  "Naps at work"):
        kind, fields = found[title]
        assert kind == "article", title
        assert fields["journal"]


def test_a_dated_page_is_not_noted_as_undated() -> None:
    found = _read(
        "Naps. National Sleep Service website. 2020.",
        "Okafor T. Naps and toddlers. Sleepy Parents Blog. 2021. https://sleepyparents.example.org/naps",
        "Okafor T. (n.d.). Naps for shift workers. Sleepy Parents Blog.",
    )
    assert "no date" not in found["Naps"][1]["note"]
    assert "no date" not in found["Naps and toddlers"][1]["note"]
    assert "year" not in found["Naps for shift workers"][1]
    assert "no date" in found["Naps for shift workers"][1]["note"]
