"""Reference-list shapes health pages print (APA, Vancouver, Harvard, web pages) are read.

The entries are written for these tests (vitamin D, hay fever, sleep and caffeine);
none is copied from a page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.extract.references import bibtex_entry, cited_names, references_in
from bluntgraph.model import Reference


def _read(entry: str, mark: str = "1. ") -> Reference:
    text = f"Title\nSome text [1].\nReferences\n{mark}{entry}\n"
    found = references_in(text)
    assert len(found) == 1, found
    return found[0]


def _fields(reference: Reference) -> dict[str, str]:
    return {k: v for k, v in reference.fields if k != "note"}


def test_an_apa_organisation_with_a_publisher_gives_the_publisher_not_a_journal() -> None:
    found = _read("World Health Organization. (2019). Vitamin D supplementation in infants: "
                  "a guideline. WHO Press.")
    assert found.entry_type == "book"
    assert _fields(found) == {
        "author": "{World Health Organization}",
        "title": "Vitamin D supplementation in infants: a guideline",
        "year": "2019", "publisher": "WHO Press",
    }
    assert "  publisher = {WHO Press},\n" in bibtex_entry(found)


def test_an_apa_edition_and_description_leave_the_title() -> None:
    found = _read("American Academy of Sleep Medicine. (2014). Classification of sleep "
                  "disorders in adults (3rd ed.). American Academy of Sleep Medicine.")
    assert (found.title, found.get("edition"), found.get("publisher"), found.get("journal")) == (
        "Classification of sleep disorders in adults", "3rd", "American Academy of Sleep Medicine",
        None)
    found = _read("World Health Organization. (2022). Hay fever and air quality in cities "
                  "[Fact sheet]. World Health Organization.")
    assert (found.title, found.get("publisher")) == (
        "Hay fever and air quality in cities", "World Health Organization")


@pytest.mark.parametrize("imprint", [
    "Geneva: World Health Organization; 2017.",
    "Geneva: World Health Organization. 2017.",
    "Geneva: World Health Organization, 2017.",
    "Geneva: World Health Organization; c2017 [cited 2019 Mar 4].",
])
def test_a_vancouver_place_and_publisher_are_no_journal_and_no_title(imprint: str) -> None:
    found = _read("World Health Organization. Hay fever in adults: global health estimates. "
                  + imprint)
    assert found.entry_type == "book"
    assert _fields(found) == {
        "author": "{World Health Organization}",
        "title": "Hay fever in adults: global health estimates",
        "year": "2017", "address": "Geneva", "publisher": "World Health Organization",
    }


def test_a_vancouver_web_report_drops_internet_and_the_date_it_was_read() -> None:
    found = _read("World Health Organization. Sleep hygiene for shift workers [Internet]. "
                  "Geneva: World Health Organization; 2020 [cited 2023 Jan 5]. Available from: "
                  "https://example.org/who-sleep")
    # online: a page, not a book; the year it came out, not the year it was read
    assert found.entry_type == "misc"
    assert _fields(found) == {
        "author": "{World Health Organization}", "title": "Sleep hygiene for shift workers",
        "year": "2020", "url": "https://example.org/who-sleep", "address": "Geneva",
        "publisher": "World Health Organization",
    }


def test_a_publisher_without_place_before_the_year() -> None:
    found = _read("World Health Organization. Caffeine intake in childhood and later sleep. "
                  "World Health Organization; 2018.")
    assert (found.get("publisher"), found.get("address"), found.get("journal"), found.year) == (
        "World Health Organization", None, None, "2018")


def test_an_apa_journal_keeps_its_volume_and_a_paper_online_first_its_journal() -> None:
    found = _read("Hollis, D., Mbeki, T. and Carter, J. (2016) Pollen counts and hay fever "
                  "admissions. Allergy Notes, 7(1), pp. 12-19.")
    assert (found.entry_type, found.get("journal"), found.get("publisher")) == (
        "article", "Allergy Notes", None)
    found = _read("Evans, R. (2021). Morning light and sleep timing in teenagers. Sleep Notes. "
                  "Advance online publication.")
    assert (found.get("journal"), found.get("publisher")) == ("Sleep Notes", None)


@pytest.mark.parametrize(("entry", "expected"), [
    # a web page: the date with its day, "Retrieved … from" and the address
    ("Centers for Disease Control and Prevention. (2022, March 2). Caffeine and sleep in "
     "adults. Retrieved June 1, 2022, from https://example.org/cdc-sleep",
     ("centers2022", "{Centers for Disease Control and Prevention}",
      "Caffeine and sleep in adults", "2022")),
    # Vancouver names, an APA year: how some health sites print them
    ("Aronson D, et al. (2019). Vitamin D levels and hay fever symptoms in adults. "
     "https://example.org/vitd",
     ("aronson2019", "Aronson, D and others", "Vitamin D levels and hay fever symptoms in adults",
      "2019")),
    ("O'Connor, P. J., van der Berg, A., & Li, X. (2018). Coffee and sleep onset. Sleep Notes, "
     "41(2), 1-9.",
     ("oconnor2018", "O'Connor, P. J. and van der Berg, A. and Li, X.", "Coffee and sleep onset",
      "2018")),
    ("van der Berg A, Li X. Evening caffeine and sleep onset. Sleep Notes. 2018;41:1-9.",
     ("vanderberg2018", "van der Berg, A and Li, X", "Evening caffeine and sleep onset", "2018")),
    # an acronym alone is an organisation's name
    ("NHS. (2021). Caffeine and your sleep at night. NHS website. https://example.org/nhs",
     ("nhs2021", "{NHS}", "Caffeine and your sleep at night", "2021")),
    # a comma inside an organisation's name
    ("American Academy of Allergy, Asthma & Immunology. (2020). Hay fever in children and "
     "adults. AAAAI.",
     ("american2020", "{American Academy of Allergy, Asthma & Immunology}",
      "Hay fever in children and adults", "2020")),
], ids=["apa-web-page", "vancouver-names-apa-year", "apa-particles", "vancouver-particles",
        "acronym", "comma-in-name"])
def test_entries_health_pages_print_are_read(
    entry: str, expected: tuple[str, str, str, str]
) -> None:
    found = _read(entry)
    assert (found.key, found.get("author"), found.title, found.year) == expected


@pytest.mark.parametrize(("entry", "expected"), [
    ("Ahmed N. Caffeine and sleep in older adults [dissertation]. Leeds: University of Leeds; "
     "2016.", ("phdthesis", "Caffeine and sleep in older adults", "University of Leeds")),
    ("Okafor, B. (2019). Pollen, hay fever and school exams [Doctoral dissertation, University "
     "of Ibadan]. Campus Repository.",
     ("phdthesis", "Pollen, hay fever and school exams", "University of Ibadan")),
    ("Lind, M. (2018). Light at night and sleep in students [Master's thesis]. Uppsala "
     "University.", ("mastersthesis", "Light at night and sleep in students",
                     "Uppsala University")),
], ids=["vancouver", "apa-school-in-brackets", "apa-masters"])
def test_a_thesis_names_its_school_not_a_publisher(
    entry: str, expected: tuple[str, str, str]
) -> None:
    found = _read(entry)
    assert (found.entry_type, found.title, found.get("school"), found.get("publisher")) == (
        *expected, None)


def test_a_bracketed_description_leaves_a_vancouver_title() -> None:
    found = _read("Harlow J, Pinto S. Sleep and caffeine in nurses [editorial]. Sleep Notes. "
                  "2020;1:2-3.")
    assert (found.title, found.get("journal")) == ("Sleep and caffeine in nurses", "Sleep Notes")


def test_initials_after_a_comma_are_people_even_before_a_body_word() -> None:
    found = _read("Jones AB, Group T. Sleep in groups of adults today. Sleep Med. 2019;1:1-2.")
    assert found.get("author") == "Jones, AB and Group, T"


@pytest.mark.parametrize("mark", ["1. ", "[1] ", "1) ", "- ", ""])
def test_printed_identifiers_go_into_their_fields_whatever_the_numbering(mark: str) -> None:
    found = _read("Lee K, Park J, et al. Caffeine and sleep onset in students. Sleep Med. "
                  "2019 Mar;55:10-15. doi: 10.1016/j.sleep.2019.01.001. PMID: 30770000; "
                  "PMCID: PMC6000000.", mark)
    assert (found.key, found.get("author"), found.get("journal"), found.year) == (
        "lee2019", "Lee, K and Park, J and others", "Sleep Med", "2019")
    # as printed, in their fields (the check missing-identifier then finds them)
    assert (found.doi, found.pmid, found.get("pmcid")) == (
        "10.1016/j.sleep.2019.01.001", "30770000", "PMC6000000")
    assert "(with" not in (found.get("note") or "")


@pytest.mark.parametrize(("link", "field", "value"), [
    ("https://doi.org/10.1093/ajcn/nqz210", "doi", "10.1093/ajcn/nqz210"),
    ("https://dx.doi.org/10.1093/ajcn/nqz210.", "doi", "10.1093/ajcn/nqz210"),
    ("https://pubmed.ncbi.nlm.nih.gov/31712812/", "pmid", "31712812"),
    ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6943007/", "pmcid", "PMC6943007"),
])
def test_an_identifier_s_link_goes_into_its_field_not_url(
        link: str, field: str, value: str) -> None:
    found = _read("Ortiz, M., & Haddad, R. (2020). Vitamin K intake and arterial stiffness in "
                  f"older adults. American Journal of Bone Health, 12(1), 33-41. {link}")
    assert (found.get(field), found.get("url")) == (value, None)
    assert f"  {field} = {{{value}}},\n" in bibtex_entry(found)


def test_a_doi_keeps_its_own_parentheses_and_loses_the_sentence_s() -> None:
    found = _read("Kahn P, Obi N. Zinc lozenges and the common cold: a trial. Respir Notes. "
                  "2011;7(3):201-208. doi:10.1016/S1234-5678(11)60001-2. PMID: 21500001.")
    assert (found.doi, found.pmid) == ("10.1016/S1234-5678(11)60001-2", "21500001")
    inside = references_in("Title\nZinc shortens colds (Kahn and Obi, 2011).\nReferences\n"
                           "Kahn P, Obi N (2011) Zinc lozenges and colds "
                           "(doi:10.1000/zc.2011.7).\n")
    assert [r.doi for r in inside] == ["10.1000/zc.2011.7"]


def test_an_identifier_without_its_shape_stays_in_the_note() -> None:
    # "PMCID: 6000000" lacks the PMC prefix: not made into one, the note keeps it as printed
    found = _read("Lee K, Park J. Caffeine and sleep onset in students. Sleep Med. 2019;55:10-15. "
                  "PMID: 30770000. PMCID: 6000000.")
    assert (found.pmid, found.get("pmcid")) == ("30770000", None)
    assert "(with PMCID 6000000)" in (found.get("note") or "")


def test_a_work_listed_before_with_its_printed_doi_is_not_listed_again() -> None:
    first = _read("Lee K, Park J. Caffeine and sleep onset in students. Sleep Med. 2019;55:10-15. "
                  "doi: 10.1016/j.sleep.2019.01.001. PMID: 30770000.")
    again = ("Title\nText [1].\nReferences\n1. Lee K, Park J. Caffeine, sleep onset and "
             "grades. Sleep Med. 2019;55:10-15. doi:10.1016/j.sleep.2019.01.001\n")
    assert references_in(again, [first]) == ()


def test_the_names_a_marker_may_cite_a_reference_by() -> None:
    def names(author: str) -> list[str]:
        return sorted(cited_names(Reference("k", "misc", (("author", author),))))

    assert names("{World Health Organization}") == ["who", "world health organization"]
    assert names("{National Institute for Health and Care Excellence (NICE)}") == [
        "national institute for health and care excellence", "nice", "nihce"]
    assert names("{The Sleep Research Society}") == ["sleep research society", "srs"]
    assert names("van der Berg, A. and Li, X. and others") == ["berg", "li", "van der berg"]


_ARTICLE = """Hay fever, sleep and caffeine

Hay fever can cause poor sleep (WHO, 2019). Antihistamines can cause drowsiness (World Health Organization, 2017).
Steroid nasal sprays can cause nosebleeds (NICE, 2022).
According to the American Academy of Sleep Medicine (2014), caffeine can cause insomnia.
Pollen can cause asthma attacks (CDC, 2020). Coffee can cause heartburn (APA, 2013).
Late coffee can cause poor sleep (Li, 2018).
Blocked noses can cause snoring (World Health Organization [WHO], 2019).

References
1. World Health Organization. (2019). Allergy and sleep in adults: a report. WHO Press.
2. World Health Organization. Antihistamine safety in adults and children. Geneva: World Health Organization; 2017.
3. International Labour Organization. Shift work and sleep in factories. Geneva: International Labour Organization; 2017.
4. National Institute for Health and Care Excellence (NICE). (2022). Nasal sprays for hay fever in adults. NICE.
5. American Academy of Sleep Medicine. (2014). Classification of sleep disorders in adults (3rd ed.). American Academy of Sleep Medicine.
6. American Psychiatric Association. (2013). Caffeine use disorder: a statement. APA.
7. American Psychological Association. (2013). Caffeine and attention in students. APA.
8. Williams, K. (2018). Coffee timing and sleep in nurses. Sleep Notes, 3(1), 4-9.
"""  # noqa: E501


def test_markers_naming_an_organisation_resolve_and_others_make_up_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluntgraph import load_corpus

    page = tmp_path / "hayfever.txt"
    page.write_text(_ARTICLE, encoding="utf-8")
    root = tmp_path / "kb"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(page), "--corpus", str(root), "--id", "hayfever"]) == 0
    assert "8 references from its reference list" in capsys.readouterr().out
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "@book{world2019,\n  author = {{World Health Organization}},\n" in bib
    assert "  publisher = {WHO Press},\n" in bib and "journal = {WHO Press}" not in bib
    corpus = load_corpus(root, include_drafts=True)
    keys = [r.key for r in corpus.references]
    assert keys == ["world2019", "world2017", "international2017", "nice2022", "american2014",
                    "american2013", "american2013a", "williams2018"]

    def cited(words: str) -> set[tuple[str, ...]]:
        return {c.attribution.references for c in corpus.claims if words in c.quote}

    # an acronym: the initials of the organisation's words, or the one its entry writes
    assert cited("(WHO, 2019)") == {("world2019",)}
    assert cited("(World Health Organization [WHO], 2019)") == {("world2019",)}
    assert cited("(NICE, 2022)") == {("nice2022",)}
    # the whole name: not any "Organization" of 2017
    assert cited("(World Health Organization, 2017)") == {("world2017",)}
    assert cited("Academy of Sleep Medicine (2014)") == {("american2014",)}
    # no such reference, two that fit, or part of a surname: no citation, nothing made up
    assert cited("(CDC, 2020)") == {()}
    assert cited("(APA, 2013)") == {()}
    assert cited("(Li, 2018)") == {()}
    assert [r.key for r in load_corpus(root, include_drafts=True).references] == keys
    # the entries read pass the corpus's checks of entry types and their fields
    main(["check", "--corpus", str(root), "--include-drafts", "--format", "json",
          "--fail-on", "never"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings  # the check ran: no entry has an identifier, for one
    assert not [f for f in findings if f["rule"] == "reference-missing-fields"]


@pytest.mark.parametrize("initials", ["J.-P.", "Y.-H.", "M. -L.", "A. B."])
def test_an_apa_author_with_hyphenated_initials_is_an_author(initials: str) -> None:
    """ "Wang, Y.-H." made the entry's title "Moreau, C" and its authors a journal."""
    found = _read(f"Moreau, C., Wang, {initials}, & Okafor, N. (2021). Ginger and nausea "
                  "in early pregnancy. Journal of Midwifery Notes, 12(3), 45–67.")
    assert _fields(found)["author"] == f"Moreau, C. and Wang, {initials} and Okafor, N."
    assert _fields(found)["title"] == "Ginger and nausea in early pregnancy"
    assert _fields(found)["journal"] == "Journal of Midwifery Notes"
