"""A references.bib entry two articles' reference lists print names both in its note.

Before, the second article's reference list merged its DOI and PMID into the
entry the first one's list had written, and the entry's note still said
"From the reference list of <first>, as the article prints it": what was
merged came from an article the note did not name, and a replace of the first
article left the note naming a source that no longer lists the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main

_BROE = ("Broe KE, Chen TC, Weinberg J, Bischoff-Ferrari HA, Holick MF, Kiel DP. A higher dose "
         "of vitamin D reduces the risk of falls in nursing home residents: a randomized, "
         "multiple-dose study. J Am Geriatr Soc. 2007;55(2):234-239.")
_CARE_HOMES = f"""Vitamin D and falls in care homes

Vitamin D supplements reduce falls in care home residents [1].

References

1. {_BROE}
"""
_OLDER_ADULTS = f"""Falls prevention for older adults

High-dose vitamin D may reduce falls in nursing homes [1].

References

1. {_BROE} doi:10.1111/j.1532-5415.2007.01048.x. PMID: 17302660.
"""
_EXERCISE = f"""Exercise, vitamin D and falls

Balance training reduces falls in older people, and so may vitamin D [2].

References

1. Sherrington C, Fairhall N, Wallbank G, et al. Exercise for preventing falls in older \
people living in the community. Cochrane Database Syst Rev. 2019;1:CD012424.
2. {_BROE}
"""
_CARE_HOMES_NEW = """Vitamin D and falls in care homes

Falls in care homes are common, and many causes add up.
"""


def _add(root: Path, tmp_path: Path, name: str, text: str, *more: str) -> str:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["add", str(path), "--corpus", str(root), "--id", name, *more]) == 0
    assert validate_corpus(root) == []
    return (root / "references.bib").read_text(encoding="utf-8")


def _note(root: Path) -> str:
    (broe,) = [r for r in load_corpus(root, include_drafts=True).references
               if r.key.startswith("broe")]  # fmt: skip
    return " ".join((broe.get("note") or "").split())


def test_every_article_whose_list_prints_the_work_is_named(
    tmp_path: Path, stand_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    _add(root, tmp_path, "care-homes", _CARE_HOMES)
    assert _note(root).startswith("From the reference list of care-homes, as the article prints")
    capsys.readouterr()
    _add(root, tmp_path, "older-adults", _OLDER_ADULTS)
    # and add says so
    assert ", 1 reference already there completed from its reference list (broe2007)" in \
        capsys.readouterr().out
    (broe,) = load_corpus(root, include_drafts=True).references
    assert (broe.doi, broe.pmid) == ("10.1111/j.1532-5415.2007.01048.x", "17302660")
    assert _note(root) == ("From the reference lists of care-homes and older-adults, as the "
                           "articles print it; not checked against the publisher")
    _add(root, tmp_path, "exercise", _EXERCISE)
    assert _note(root).startswith(
        "From the reference lists of care-homes, older-adults and exercise, as the articles print")
    # adding one of them again changes nothing in the note
    _add(root, tmp_path, "exercise", _EXERCISE.replace("Balance", "Strength"), "--replace")
    assert _note(root).startswith(
        "From the reference lists of care-homes, older-adults and exercise, as the articles print")


def test_a_replace_that_drops_the_work_leaves_the_others_named(
    tmp_path: Path, stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    _add(root, tmp_path, "care-homes", _CARE_HOMES)
    _add(root, tmp_path, "older-adults", _OLDER_ADULTS)
    _add(root, tmp_path, "care-homes", _CARE_HOMES_NEW, "--replace")
    # the other article still lists it: kept, and its note names only that article
    assert _note(root) == ("From the reference list of older-adults, as the article prints it; "
                           "not checked against the publisher")
