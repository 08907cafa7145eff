"""render(): tables that fit the terminal, CSV and JSON that keep everything."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from bluntgraph import KnowledgeGraph, UnknownTermError
from bluntgraph.query import TABLE_COLUMNS, TEXT_MINIMUM, render

LONG = "a quote far longer than any terminal is wide, " * 6


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["first-claim", "second-claim"],
            "subject": ["drug_a1", "drug_class_a"],
            "low": [40.0, float("nan")],
            "sources": [("a", "b"), ()],
            "expert": [None, "Dr Who"],
            "quote": [LONG, "short"],
        }
    )


@pytest.mark.parametrize("width", [70, 80, 100, 160, 250])
def test_table_fits_the_width_and_keeps_ids_whole(width: int) -> None:
    text = render(frame(), "table", width=width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines[:-1]), text
    assert "first-claim" in lines[2] and "second-claim" in lines[3]
    assert lines[-1].startswith("2 rows")


def test_table_cuts_only_long_text_when_there_is_room() -> None:
    text = render(frame(), "table", width=100)
    assert "…" in text and LONG not in text
    assert "drug_class_a" in text and "Dr Who" in text and "a, b" in text
    assert "40" in text and "nan" not in text and "None" not in text


def test_table_leaves_out_columns_rather_than_mangle_them() -> None:
    text = render(frame(), "table", width=70)
    assert "not shown: low, sources, expert" in text.splitlines()[-1]
    assert "first-claim" in text


@pytest.mark.parametrize("width", [70, 80, 100, 160])
def test_the_quote_keeps_its_minimum_before_anything_else_is_shown(width: int) -> None:
    lines = render(frame(), "table", width=width).splitlines()
    quote = lines[1].split("  ")[-1]  # the rule under the quote column's header
    assert len(quote) >= TEXT_MINIMUM
    assert lines[2].rstrip().endswith("…") and len(lines[2].split("  ")[-1]) >= TEXT_MINIMUM


@pytest.mark.parametrize("width", [30, 40, 50, 60])
def test_too_narrow_for_ids_and_a_readable_quote_gives_records(width: int) -> None:
    """At 60 the ids and the quote would fit, alone: every other column left out."""
    text = render(frame(), "table", width=width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines[:-1]), text
    assert lines[-1] == "2 rows" and "not shown" not in text
    # each record: its id whole, then every column that has a value, the quote wrapped
    assert lines[0] == "first-claim" and "second-claim" in lines
    first = lines[: lines.index("")]
    assert [line.split()[0] for line in first[1:5]] == ["subject", "low", "sources", "quote"]
    assert "expert" not in " ".join(first)  # no value: no line
    words = " ".join(line[len("  sources  "):] for line in first[4:]).split()
    shown = " ".join(words)
    assert shown.endswith("…") and shown[:-1].strip() in LONG and len(first) == 1 + 3 + 4


def test_table_shows_the_requested_columns() -> None:
    text = render(frame(), "table", columns=("id", "expert"), width=100)
    assert text.splitlines()[0].split() == ["id", "expert"]


def test_csv_keeps_every_column_and_the_full_text() -> None:
    rows = list(csv.DictReader(io.StringIO(render(frame(), "csv"))))
    assert list(rows[0]) == list(frame().columns)
    assert rows[0]["quote"] == LONG
    assert rows[0]["sources"] == "a;b" and rows[1]["sources"] == ""
    assert rows[1]["low"] == "" and rows[0]["expert"] == ""


def test_json_keeps_lists_and_nulls() -> None:
    records = json.loads(render(frame(), "json"))
    assert records[0]["sources"] == ["a", "b"] and records[1]["sources"] == []
    assert records[0]["low"] == 40 and records[1]["low"] is None
    assert records[0]["expert"] is None and records[0]["quote"] == LONG


def test_empty_frames() -> None:
    empty = frame().iloc[0:0]
    assert render(empty, "table") == "no results\n"
    assert render(empty, "csv").strip() == ",".join(frame().columns)
    assert json.loads(render(empty, "json")) == []


def test_unknown_format() -> None:
    with pytest.raises(UnknownTermError, match="did you mean: csv"):
        render(frame(), "cvs")


def test_real_answers_render_in_every_format(small_kg: KnowledgeGraph) -> None:
    answer = small_kg.causes("symptom S")
    for width in (50, 80, 120):
        text = render(answer, "table", columns=TABLE_COLUMNS["causes"], width=width)
        assert all(len(line) <= width for line in text.splitlines()[:-1])
    assert json.loads(render(answer, "json"))[0]["claims"] == list(answer.claims.iloc[0])
