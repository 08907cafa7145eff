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


def _read(entry: str, mark: str = "1. ") -> Reference:
    text = f"Title\nSome text [1].\nReferences\n{mark}{entry}\n"
    found = references_in(text)
    assert len(found) == 1, found
    return found[0]


def _fields(reference: Reference) -> dict[str, str]:
    return {k: v for k, v in reference.fields if k != "note"}


@pytest.mark.parametrize(("entry", "expected"), [
    ("Patel, R. (2020). Gout. Rheumatology Notes, 4(1), 1-3.",
     {"author": "Patel, R.", "title": "Gout", "journal": "Rheumatology Notes", "year": "2020"}),
    ("Patel R. Gout flares. Rheum Notes. 2020;4:1-3.",
     {"author": "Patel, R", "title": "Gout flares", "journal": "Rheum Notes", "year": "2020"}),
    ("Okoye, C., & Brandt, L. (2021). Tinnitus? Hearing Review, 12(2), 45-50.",
     {"author": "Okoye, C. and Brandt, L.", "title": "Tinnitus?", "journal": "Hearing Review",
      "year": "2021"}),
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
