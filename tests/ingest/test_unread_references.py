"""Reference-list lines that `add` cannot read as entries are named on stderr, not dropped.

The articles are written for these tests (magnesium and leg cramps, zinc and
colds); no entry is copied from a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.extract.references import reference_list

_CRAMPS = """Magnesium and leg cramps

Magnesium may reduce night-time leg cramps [1], though a trial found little effect [2].

References
1. Garrison SR, Allan GM, Sekhon RK. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2012;(9):CD009402.
2. Roguin Maor N, et al. Effect of magnesium oxide on nocturnal leg cramps. JAMA Intern Med. 2017;177(5):617-623.
3. Ask your pharmacist about supplements.
4. Blake, leg cramps in athletes, Sports Health
Want to read more?
"""  # noqa: E501


def test_the_lines_meant_as_entries_that_give_no_entry_are_returned_with_their_numbers() -> None:
    found = reference_list(_CRAMPS)
    assert [r.key for r in found.references] == ["garrison2012", "roguinmaor2017"]
    # the heading and the question after the list are no entries; the two numbered lines are
    assert [(u.number, u.text) for u in found.unread] == [
        (8, "3. Ask your pharmacist about supplements."),
        (9, "4. Blake, leg cramps in athletes, Sports Health"),
    ]


def test_a_list_read_whole_leaves_nothing_unread() -> None:
    text = ("Zinc and colds\nZinc lozenges may shorten colds (Hemila, 2017).\n\n## Sources\n"
            "- Hemila, H. (2017). Zinc lozenges and the common cold. JRSM Open, 8(5), 1-7.\n")
    found = reference_list(text)
    assert len(found.references) == 1 and found.unread == ()


def test_add_warns_once_per_unread_line_with_where_it_is_and_still_adds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "cramps.txt"
    page.write_text(_CRAMPS, encoding="utf-8")
    root = tmp_path / "kb"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    assert main(["add", str(page), "--corpus", str(root), "--id", "cramps"]) == 0
    out, err = capsys.readouterr()
    assert "2 references from its reference list" in out
    text = root / "texts" / "cramps.txt"
    warnings = [line for line in err.splitlines() if "warning:" in line]
    assert len(warnings) == 3, err
    assert "2 lines of the reference list of 'cramps' not read as references" in warnings[0]
    assert str(root / "references.bib") in warnings[0]
    assert warnings[1].endswith(f"{text}:8: 3. Ask your pharmacist about supplements.")
    assert warnings[2].endswith(f"{text}:9: 4. Blake, leg cramps in athletes, Sports Health")
    # the numbers point into the text add wrote
    lines = text.read_text(encoding="utf-8").split("\n")
    assert lines[7].startswith("3. Ask") and lines[8].startswith("4. Blake")


def test_add_shows_the_first_few_unread_lines_then_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = "\n".join(f"{n}. Note {n} about this page." for n in range(1, 10))
    page = tmp_path / "zinc.txt"
    page.write_text(f"Zinc and colds\nZinc may shorten colds.\n\nReferences\n{notes}\n",
                    encoding="utf-8")
    root = tmp_path / "kb"
    assert main(["init", str(root), "--empty"]) == 0
    assert main(["add", str(page), "--corpus", str(root), "--id", "zinc"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "warning:" in line]
    assert "9 lines of the reference list" in warnings[0]
    assert len(warnings) == 1 + 5 + 1 and warnings[-1].endswith("… and 4 more")
