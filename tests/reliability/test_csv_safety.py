"""Every CSV bluntgraph writes reads back row for row and opens safely in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "=HYPERLINK(\"http://evil\",\"x\") said one.\rStatins can cause muscle pain.\r\n@SUM(A1)"
HOSTILE = [
    {"id": "a-formula", "quote": '=HYPERLINK("http://evil","x") said one.', "section": "body",
     "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
     "note": "-2+3", "condition": "+cmd|' /C calc'!A0"},
    {"id": "a-cr", "quote": "one.\rStatins can cause muscle pain.", "section": "body",
     "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
     "quantity": {"measure": "pain", "low": "-5", "unit": "@points"}},
]  # fmt: skip
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as stream:  # keep a bare CR as it is
        return stream.read()


def assert_safe(table: list[dict[str, str]]) -> None:
    for row in table:
        for column, cell in row.items():
            if cell.startswith(FORMULA):
                try:
                    float(cell)
                except ValueError:
                    pytest.fail(f"{column}: {cell!r} would run as a formula")


def test_claims_csv_round_trips_and_is_neutralised(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": HOSTILE})
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    claims = rows(read(out / "claims.csv"))
    assert [r["id"] for r in claims] == ["a-formula", "a-cr"]  # a bare CR splits no row
    assert claims[1]["quote"] == "one.\rStatins can cause muscle pain."
    assert claims[0]["quote"] == "'" + HOSTILE[0]["quote"]
    assert claims[1]["quantity_low"] == "-5.0"  # a number stays a number
    assert_safe(claims)
    for name in ("entities.csv", "sources.csv"):
        assert_safe(rows(read(out / name)))


def test_query_csv_is_neutralised(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": HOSTILE})
    assert main(["query", "claims", "--corpus", str(root), "--format", "csv"]) == 0
    table = rows(capsys.readouterr().out)
    assert len(table) == 2
    assert_safe(table)


def test_sparql_csv_is_neutralised(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": HOSTILE})
    query = (
        "SELECT ?quote ?low WHERE { ?s oa:exact ?quote . "
        "OPTIONAL { ?c bg:quantity ?q . ?q schema:minValue ?low } } ORDER BY ?quote"
    )
    assert main(["sparql", query, "--corpus", str(root), "--format", "csv"]) == 0
    table = rows(capsys.readouterr().out)
    assert any(r["quote"].startswith("'=HYPERLINK") for r in table)
    assert any(r["quote"] == "one.\rStatins can cause muscle pain." for r in table)
    assert_safe(table)
