"""Where in its journal a work is (volume, issue, pages or article number) is read as printed.

An APA entry with an issue and no volume ("Cochrane Database of Systematic
Reviews, (9), CD009402") was read as no journal at all, a @misc. The entries
are written for these tests (cough, leg cramps, falls, sleep); none is copied
from a page, and the journals' numbers are examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from tests.ingest.test_reference_shapes import _fields, _read


@pytest.mark.parametrize(("entry", "journal", "located"), [
    # APA, an issue and no volume: the Cochrane Library numbers its reviews
    ("Smith, J., & Lee, K. (2019). Honey for acute cough in children. Cochrane Database of "
     "Systematic Reviews, (9), CD009402.",
     "Cochrane Database of Systematic Reviews", {"number": "9", "eid": "CD009402"}),
    ("Haddad, M. (2021). Night-time leg cramps in older adults. Australian Prescriber, (4), "
     "112–115.",
     "Australian Prescriber", {"number": "4", "pages": "112–115"}),
    ("Berg, T., & Osei, A. (2020). Falls after starting sleeping pills. Age and Ageing, (2).",
     "Age and Ageing", {"number": "2"}),
    # APA with a volume: an article number, a page range, a volume alone
    ("Okafor, N. (2021). Vitamin D and falls in care homes. PLOS ONE, 16(4), Article e0249123.",
     "PLOS ONE", {"volume": "16", "number": "4", "eid": "e0249123"}),
    ("Lindqvist, E. (2018). Caffeine and sleep in shift workers. Sleep Health, 4(6), 512-519.",
     "Sleep Health", {"volume": "4", "number": "6", "pages": "512-519"}),
    ("Lindqvist, E. (2018). Caffeine and sleep in shift workers. Sleep Health, 4, 512-519.",
     "Sleep Health", {"volume": "4", "pages": "512-519"}),
    # Harvard: "pp." ends a piece of the entry
    ("Hollis, D. and Carter, J. (2017) ‘Magnesium for leg cramps’, Muscle Notes, 9(2), pp. 14-20.",
     "Muscle Notes", {"volume": "9", "number": "2", "pages": "14-20"}),
    # Vancouver, with and without a volume
    ("Garrison SR, Allan GM, Sekhon RK. Magnesium for skeletal muscle cramps. Cochrane Database "
     "Syst Rev. 2012;(9):CD009402.",
     "Cochrane Database Syst Rev", {"number": "9", "eid": "CD009402"}),
    ("Paul IM, Beiler J. Honey and nocturnal cough. Arch Pediatr Adolesc Med. 2007 Dec;161(12):"
     "1140-6.",
     "Arch Pediatr Adolesc Med", {"volume": "161", "number": "12", "pages": "1140-6"}),
    # MLA
    ('Patel, Ravi, and Karen Lund. "Leg cramps at night." Muscle Notes, vol. 3, no. 2, 2020, '
     "pp. 10-15.",
     "Muscle Notes", {"volume": "3", "number": "2", "pages": "10-15"}),
], ids=["apa-cochrane", "apa-issue-pages", "apa-issue-only", "apa-article-number",
        "apa-volume-issue", "apa-volume", "harvard", "vancouver-no-volume", "vancouver", "mla"])
def test_a_journal_entry_keeps_its_volume_issue_and_pages(
    entry: str, journal: str, located: dict[str, str]
) -> None:
    found = _read(entry)
    assert found.entry_type == "article"
    fields = _fields(found)
    assert fields["journal"] == journal
    assert {k: v for k, v in fields.items() if k in ("volume", "number", "pages", "eid")} == located


def test_a_book_or_a_page_gets_no_journal_numbers() -> None:
    book = _read("Brandt, L. (2019). Living with leg cramps (2nd ed.). Hearing Trust.")
    page = _read("Mayo Clinic Staff. (2023, May 4). Night leg cramps. Mayo Clinic. "
                 "https://example.org/cramps")
    for found in (book, page):
        assert not {"volume", "number", "pages", "eid"} & set(_fields(found))


def test_add_writes_the_issue_and_article_number_and_the_entry_passes_the_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from bluntgraph import load_corpus

    page = tmp_path / "honey.txt"
    page.write_text(
        "Honey for coughs\nHoney may relieve cough in children (Smith & Lee, 2019).\n\n"
        "References\nSmith, J., & Lee, K. (2019). Honey for acute cough in children. Cochrane "
        "Database of Systematic Reviews, (9), CD009402.\n", encoding="utf-8")
    root = tmp_path / "kb"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(page), "--corpus", str(root), "--id", "honey"]) == 0
    bib = (root / "references.bib").read_text(encoding="utf-8")
    assert "@article{smith2019," in bib
    assert "  number = {9},\n  eid = {CD009402},\n" in bib
    (reference,) = load_corpus(root, include_drafts=True).references
    assert (reference.get("journal"), reference.get("number"), reference.get("eid")) == (
        "Cochrane Database of Systematic Reviews", "9", "CD009402")
    capsys.readouterr()
    main(["check", "--corpus", str(root), "--include-drafts", "--format", "json",
          "--fail-on", "never"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert not [f for f in findings if f["rule"] == "reference-missing-fields"]
