"""Reference-list entries web health pages print beyond journal papers are read.

Short titles, undated pages, pages without an author and organisations named
without a body word ("Public Health England"), and the in-text markers citing
them. The entries are written for these tests (gout, tinnitus, shingles,
measles, physical activity); none is copied from a page, and every address and
DOI is an example, not a real one.
"""

from __future__ import annotations

import pytest

from bluntgraph.extract.references import references_in
from bluntgraph.model import Reference
from tests.ingest.test_reference_shapes import _fields, _read


@pytest.mark.parametrize(("entry", "expected"), [
    ("Patel, R. (2020). Gout. Rheumatology Notes, 4(1), 1-3.",
     {"author": "Patel, R.", "title": "Gout", "journal": "Rheumatology Notes", "year": "2020",
      "volume": "4", "number": "1", "pages": "1-3"}),
    ("Patel R. Gout flares. Rheum Notes. 2020;4:1-3.",
     {"author": "Patel, R", "title": "Gout flares", "journal": "Rheum Notes", "year": "2020",
      "volume": "4", "pages": "1-3"}),
    ("Okoye, C., & Brandt, L. (2021). Tinnitus? Hearing Review, 12(2), 45-50.",
     {"author": "Okoye, C. and Brandt, L.", "title": "Tinnitus?", "journal": "Hearing Review",
      "year": "2021", "volume": "12", "number": "2", "pages": "45-50"}),
    ("Mayo Clinic Staff. (2023, May 4). Shingles. Mayo Clinic. https://example.org/shingles",
     {"author": "{Mayo Clinic Staff}", "title": "Shingles", "year": "2023",
      "url": "https://example.org/shingles", "publisher": "Mayo Clinic"}),
], ids=["apa-one-word", "vancouver-two-words", "apa-question", "apa-web-page"])
def test_a_title_of_one_or_two_words_is_a_title(entry: str, expected: dict[str, str]) -> None:
    assert _fields(_read(entry)) == expected


@pytest.mark.parametrize("entry", [
    "Lund, K. (2019). Allopurinol vs. febuxostat for gout. Joint Health, 3(2), 10-15.",
    "Lund K. Allopurinol vs. febuxostat for gout. Joint Health. 2019;3:10-15.",
])
def test_an_abbreviation_does_not_end_a_title(entry: str) -> None:
    found = _read(entry)
    assert (found.title, found.get("journal")) == (
        "Allopurinol vs. febuxostat for gout", "Joint Health")


def test_a_short_title_is_not_taken_for_another_work_with_its_word() -> None:
    text = ("Title\nText [1] [2].\nReferences\n"
            "1. Lund, K. (2020). Gout in older women: a cohort. Joint Health, 3(2), 10-15.\n"
            "2. Patel, R. (2020). Gout. Rheumatology Notes, 4(1), 1-3.\n")
    assert [r.key for r in references_in(text)] == ["lund2020", "patel2020"]
    # the same work printed twice is still one
    assert [r.key for r in references_in(text + "3. Patel R. Gout. Rheum Notes. 2020;4:1-3.\n")
            ] == ["lund2020", "patel2020"]


@pytest.mark.parametrize(("entry", "expected"), [
    ("Brandt, L. (n.d.). Living with tinnitus in older age. Hearing Trust.",
     ("brandtnd", "book", {"author": "Brandt, L.", "title": "Living with tinnitus in older age",
                           "publisher": "Hearing Trust"})),
    ("Mayo Clinic Staff. (n.d.). Shingles vaccine. Mayo Clinic. https://example.org/vaccine",
     ("mayond", "misc", {"author": "{Mayo Clinic Staff}", "title": "Shingles vaccine",
                         "url": "https://example.org/vaccine", "publisher": "Mayo Clinic"})),
    # Harvard: no full stop after the date, the address and when it was read
    ("Brandt, L. (n.d.) Living with tinnitus. Available at: https://example.org/tinnitus "
     "(Accessed: 3 May 2023).",
     ("brandtnd", "misc", {"author": "Brandt, L.", "title": "Living with tinnitus",
                           "url": "https://example.org/tinnitus"})),
    # Vancouver: NLM's "[date unknown]", or "n.d." where the year goes
    ("Hearing Trust. Tinnitus in children [Internet]. London: Hearing Trust; [date unknown] "
     "[cited 2023 May 3]. Available from: https://example.org/children",
     ("hearingnd", "misc", {"author": "{Hearing Trust}", "title": "Tinnitus in children",
                            "url": "https://example.org/children", "address": "London",
                            "publisher": "Hearing Trust"})),
    ("Brandt L. Living with tinnitus. London: Hearing Trust; n.d.",
     ("brandtnd", "book", {"author": "Brandt, L", "title": "Living with tinnitus",
                           "address": "London", "publisher": "Hearing Trust"})),
], ids=["apa", "apa-web-page", "harvard", "vancouver-date-unknown", "vancouver-nd"])
def test_an_undated_entry_is_read_without_a_year(
    entry: str, expected: tuple[str, str, dict[str, str]]
) -> None:
    found = _read(entry)
    assert (found.key, found.entry_type, _fields(found)) == expected
    # no year made up: the note says the article printed none
    assert found.year is None and "no date" in (found.get("note") or "")


def test_undated_works_of_one_author_keep_apart() -> None:
    text = ("Title\nText.\nReferences\n"
            "Brandt, L. (n.d.-a). Living with tinnitus. Hearing Trust.\n"
            "Brandt, L. (n.d.-b). Tinnitus and sleep. Hearing Trust.\n"
            "Brandt, L. (2019). Tinnitus at work. Hearing Trust.\n")
    assert [(r.key, r.title, r.year) for r in references_in(text)] == [
        ("brandtnd", "Living with tinnitus", None), ("brandtnda", "Tinnitus and sleep", None),
        ("brandt2019", "Tinnitus at work", "2019")]


@pytest.mark.parametrize(("entry", "expected"), [
    # APA: an organisation with no body word in its name, then the title and the site
    ("Public Health England. (2019). Health matters: physical activity. GOV.UK. "
     "https://example.org/phe",
     ("public2019", "misc", {"author": "{Public Health England}",
                             "title": "Health matters: physical activity", "year": "2019",
                             "url": "https://example.org/phe", "publisher": "GOV.UK"})),
    ("Diabetes UK. (2021). Gout and type 2 diabetes. https://example.org/gout-diabetes",
     ("diabetes2021", "misc", {"author": "{Diabetes UK}", "title": "Gout and type 2 diabetes",
                               "year": "2021", "url": "https://example.org/gout-diabetes"})),
    # Vancouver and Harvard
    ("Public Health England. Health matters: physical activity [Internet]. London: PHE; 2019.",
     ("public2019", "book", {"author": "{Public Health England}",
                             "title": "Health matters: physical activity", "year": "2019",
                             "address": "London", "publisher": "PHE"})),
    ("Public Health England (2019) Health matters: physical activity. Available at: "
     "https://example.org/phe (Accessed: 2 March 2023).",
     ("public2019", "misc", {"author": "{Public Health England}",
                             "title": "Health matters: physical activity", "year": "2019",
                             "url": "https://example.org/phe"})),
], ids=["apa-site", "apa-no-site", "vancouver", "harvard"])
def test_an_organisation_named_without_a_body_word_is_the_author(
    entry: str, expected: tuple[str, str, dict[str, str]]
) -> None:
    found = _read(entry)
    assert (found.key, found.entry_type, _fields(found)) == expected


@pytest.mark.parametrize(("entry", "expected"), [
    # APA: the title takes the author's place, then the date and the site
    ("Shingles: symptoms and treatment. (2022). NHS inform. https://example.org/shingles",
     ("shingles2022", {"title": "Shingles: symptoms and treatment", "year": "2022",
                       "url": "https://example.org/shingles", "publisher": "NHS inform"})),
    ("Gout. (n.d.). Versus Arthritis. https://example.org/gout",
     ("goutnd", {"title": "Gout", "url": "https://example.org/gout",
                 "publisher": "Versus Arthritis"})),
    ("What is tinnitus? (2020, June 3). Hearing Trust.",
     ("what2020", {"title": "What is tinnitus?", "year": "2020", "publisher": "Hearing Trust"})),
    # Harvard: the title, the year, where it is
    ("Measles in adults (2020) Available at: https://example.org/measles (Accessed: 1 May 2023).",
     ("measles2020", {"title": "Measles in adults", "year": "2020",
                      "url": "https://example.org/measles"})),
    # Vancouver: the title, then the place, publisher and year
    ("Tinnitus [Internet]. Rochester (MN): Mayo Clinic; 2021 [cited 2023 Jan 5]. Available "
     "from: https://example.org/tinnitus",
     ("tinnitus2021", {"title": "Tinnitus", "year": "2021", "url": "https://example.org/tinnitus",
                       "address": "Rochester (MN)", "publisher": "Mayo Clinic"})),
    ("Measles and the MMR vaccine. NHS website; 2020. Available from: https://example.org/mmr",
     ("measles2020", {"title": "Measles and the MMR vaccine", "year": "2020",
                      "url": "https://example.org/mmr", "publisher": "NHS website"})),
    # a title in quotes, then the site and the date
    ('"Living with gout." Versus Arthritis, 12 May 2022, https://example.org/living.',
     ("living2022", {"title": "Living with gout", "year": "2022",
                     "url": "https://example.org/living", "publisher": "Versus Arthritis"})),
    ("“Measles outbreaks in schools.” Health Protection Notes. 3 Mar 2020.",
     ("measles2020", {"title": "Measles outbreaks in schools", "year": "2020",
                      "publisher": "Health Protection Notes"})),
    ("Gout. NHS website. 2020. Available from: https://example.org/gout",
     ("gout2020", {"title": "Gout", "year": "2020", "url": "https://example.org/gout",
                   "publisher": "NHS website"})),
], ids=["apa", "apa-undated", "apa-question", "harvard", "vancouver", "vancouver-no-place",
        "quoted", "quoted-curly", "vancouver-site"])
def test_an_entry_without_an_author_is_read_by_its_title(
    entry: str, expected: tuple[str, dict[str, str]]
) -> None:
    found = _read(entry)
    # no author made up: a page (misc) with its title, site and date
    assert (found.key, found.entry_type, _fields(found)) == (expected[0], "misc", expected[1])
    assert found.get("author") is None


@pytest.mark.parametrize("line", [
    "Further reading. (2021). See the pages below.",
    "Last reviewed: 2021. Next review due: 2024.",
    "Smith, John, & Doe, Anne. (2019). Gout in men. Joint Health, 3(1), 1-2.",
    "John Smith and Anne Lee. (2020). Gout in men. Joint Health, 3(1), 1-2.",
])
def test_lines_that_are_no_entry_are_still_left_out(line: str) -> None:
    assert references_in(f"Title\nText.\nReferences\n{line}\n") == ()


@pytest.mark.parametrize("entry", [
    "Living With Gout. (2019). Joint Health, 3(2), 10-15.",
    "Living With Gout. Joint Health. 2019;3:10-15.",
    "Living With Gout and Diabetes. (2019). Joint Health, 3(2), 10-15.",
])
def test_a_title_in_capitals_before_a_journal_is_no_organisation(entry: str) -> None:
    found = _read(entry)
    assert (found.get("author"), found.title.split(" and")[0], found.get("journal"),
            found.entry_type) == (None, "Living With Gout", "Joint Health", "article")


def test_people_whose_names_cannot_be_read_are_not_taken_for_a_title() -> None:
    text = ("Title\nText.\nReferences\n"
            "Smith JA, Doe B, for the Gout Study Group. Gout in men. Joint Health. 2020;1:2-3.\n")
    assert references_in(text) == ()


_PAGE = """Gout, shingles and staying active

Being inactive can cause weight gain (Public Health England, 2019).
Inactivity can cause muscle loss (PHE, 2019).
High blood pressure can cause strokes (NICE, 2022).
Shingles can cause nerve pain (CDC, 2020).
Beer can cause gout flares (Mayo Clinic, 2023).
Alcohol can cause gout attacks (Versus Arthritis, 2021).
Some gout medicines can cause rashes (FDA, 2018).
Red meat can cause bowel cancer (CRUK, 2022).
Processed meat can cause stomach cancer (USDA, 2018).

References
Public Health England. (2019). Health matters: physical activity. GOV.UK. https://example.org/phe
National Institute for Health and Care Excellence. (2022). Hypertension in adults: diagnosis and management. NICE.
Centers for Disease Control and Prevention. (2020). Shingles: clinical overview. https://example.org/cdc
Mayo Clinic Staff. (2023, May 4). Gout. Mayo Clinic. https://example.org/mayo-gout
Gout and alcohol. (2021). Versus Arthritis. https://example.org/va
U.S. Food and Drug Administration. (2018). Gout medicines. https://example.org/fda
Cancer Research UK. (2022). Bowel cancer risk. https://example.org/cruk
"""  # noqa: E501


def _cited(text: str) -> dict[str, tuple[str, ...]]:
    from bluntgraph import draft_claims

    drafts = draft_claims(text, source_id="page", references=references_in(text))
    return {c.quote: c.attribution.references for c in drafts.claims
            if c.section != "references"}


def test_markers_naming_an_organisation_by_name_or_initials_cite_its_entry() -> None:
    cited = _cited(_PAGE)

    def of(words: str) -> set[tuple[str, ...]]:
        return {keys for quote, keys in cited.items() if words in quote}

    # the whole name, or its initials: all of them, or all but one word's
    assert of("(Public Health England, 2019)") == {("public2019",)}
    assert of("(PHE, 2019)") == {("public2019",)}
    assert of("(NICE, 2022)") == {("national2022",)}  # no "(NICE)" printed in the list
    assert of("(CDC, 2020)") == {("centers2020",)}
    assert of("(FDA, 2018)") == {("us2018",)}
    assert of("(CRUK, 2022)") == {("cancer2022",)}  # a word in capitals kept whole
    # the body whose staff wrote the page; the site of a page without an author
    assert of("(Mayo Clinic, 2023)") == {("mayo2023",)}
    assert of("(Versus Arthritis, 2021)") == {("gout2021",)}
    # initials that are not this body's, whatever its words: nothing made up
    assert of("(USDA, 2018)") == {()}


def test_initials_two_entries_share_cite_neither() -> None:
    text = _PAGE.replace(
        "Cancer Research UK.",
        "Community Dental Council. (2020). Shingles and the mouth. https://example.org/cdc2\n"
        "Cancer Research UK.")
    assert {keys for quote, keys in _cited(text).items() if "(CDC, 2020)" in quote} == {()}


def test_the_names_a_marker_may_cite_a_page_or_a_body_by() -> None:
    from bluntgraph.extract.references import cited_names

    def names(*fields: tuple[str, str]) -> set[str]:
        return set(cited_names(Reference("k", "misc", fields)))

    # no author: the title (to its colon) and the site
    assert names(("title", "Shingles: who can get it"), ("publisher", "NHS inform")) == {
        "shingles: who can get it", "shingles", "nhs inform"}
    assert names(("author", "{Mayo Clinic Staff}")) == {"mayo clinic staff", "mayo clinic", "mc"}
    # initials without one word's only for a name of four words or more, and only when the
    # entry prints no abbreviation of its own
    assert "nice" in names(("author", "{National Institute for Health and Care Excellence}"))
    assert names(("author", "{Public Health England}")) == {"public health england", "phe"}
    assert "nihe" not in names(
        ("author", "{National Institute for Health and Care Excellence (NICE)}"))


def test_a_numbered_marker_cites_its_own_entry_when_a_short_title_shares_its_words() -> None:
    text = ("Gout in older women\n\nBeer can cause gout flares [1]. Diuretics can cause gout "
            "attacks [2].\n\nReferences\n"
            "1. Patel, R. (2020). Gout. Rheumatology Notes, 4(1), 1-3.\n"
            "2. Lund, K. (2020). Gout in older women: a cohort. Joint Health, 3(2), 10-15.\n")
    assert _cited(text) == {"Beer can cause gout flares [1].": ("patel2020",),
                            "Diuretics can cause gout attacks [2].": ("lund2020",)}


@pytest.mark.parametrize(("entry", "expected"), [
    ("American Heart Association. Gout and heart disease. Published March 3, 2021. "
     "https://example.org/aha",
     ("american2021", {"author": "{American Heart Association}",
                       "title": "Gout and heart disease", "year": "2021",
                       "url": "https://example.org/aha"})),
    ("Shingles: symptoms and causes. Mayo Clinic. Updated May 4, 2023. Accessed June 1, 2023. "
     "https://example.org/shingles",
     ("shingles2023", {"title": "Shingles: symptoms and causes", "year": "2023",
                       "url": "https://example.org/shingles", "publisher": "Mayo Clinic"})),
], ids=["published", "updated"])
def test_the_date_a_page_gives_is_nobody_s_name(
    entry: str, expected: tuple[str, dict[str, str]]
) -> None:
    found = _read(entry)
    assert (found.key, _fields(found)) == expected


@pytest.mark.parametrize(("entry", "expected"), [
    ('Patel, Ravi, and Karen Lund. "Beer, spirits and gout flares." Joint Health, vol. 3, '
     "no. 2, 2020, pp. 10-15.",
     ("patel2020", "article", {"author": "Patel, Ravi and Lund, Karen",
                               "title": "Beer, spirits and gout flares",
                               "journal": "Joint Health", "year": "2020", "volume": "3",
                               "number": "2", "pages": "10-15"})),
    ('O\'Neill, Mary J., Jean-Luc Martin, and Anne van der Berg. "Gout in France." Joint '
     "Health, vol. 2, 2019.",
     ("oneill2019", "article", {"author": "O'Neill, Mary J. and Martin, Jean-Luc and "
                                          "van der Berg, Anne",
                                "title": "Gout in France", "journal": "Joint Health",
                                "year": "2019", "volume": "2"})),
    # every name inverted, a journal named as one, no volume
    ('Ma, Lin, Cai, Wei, and Wang, Jun. "Tinnitus in older adults." Frontiers in Hearing, '
     "14 Dec 2021.",
     ("ma2021", "article", {"author": "Ma, Lin and Cai, Wei and Wang, Jun",
                            "title": "Tinnitus in older adults",
                            "journal": "Frontiers in Hearing", "year": "2021"})),
    ('Goodwin, GM, et al. "Tinnitus and sleep: a survey." Journal of Hearing Disorders, '
     "15 Oct 2017.",
     ("goodwin2017", "article", {"author": "Goodwin, GM and others",
                                 "title": "Tinnitus and sleep: a survey",
                                 "journal": "Journal of Hearing Disorders", "year": "2017"})),
    # a page on a site
    ('Lee, Anne. "Gout and beer." Healthline, 3 May 2021, https://example.org/lee.',
     ("lee2021", "misc", {"author": "Lee, Anne", "title": "Gout and beer", "year": "2021",
                          "url": "https://example.org/lee", "publisher": "Healthline"})),
    # Harvard and APA with the title in quotation marks
    ("Smith, J. (2019) ‘Women’s gout and diet’, Joint Health, 3(1), pp. 1-2.",
     ("smith2019", "article", {"author": "Smith, J.", "title": "Women’s gout and diet",
                               "journal": "Joint Health", "year": "2019", "volume": "3",
                               "number": "1", "pages": "1-2"})),
    ('Smith, J. (2019). "Gout and diet." Joint Health, 3(1), 1-2.',
     ("smith2019", "article", {"author": "Smith, J.", "title": "Gout and diet",
                               "journal": "Joint Health", "year": "2019", "volume": "3",
                               "number": "1", "pages": "1-2"})),
], ids=["mla", "mla-particles", "mla-all-inverted", "mla-initials", "mla-web-page",
        "harvard-quoted", "apa-quoted"])
def test_a_title_in_quotation_marks_after_its_authors(
    entry: str, expected: tuple[str, str, dict[str, str]]
) -> None:
    found = _read(entry)
    assert (found.key, found.entry_type, _fields(found)) == expected
