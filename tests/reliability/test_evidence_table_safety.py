"""`bluntgraph table`: hostile entity labels stay inert in Markdown and in CSV.

The Markdown table (the one a review team pastes into its report) passed an
entity label's HTML through as it was, and the CSV table skipped the formula
neutralising every other CSV of bluntgraph gets.
"""

from __future__ import annotations

import copy

import pytest

from bluntgraph.cli import main
from tests.conftest import DEFAULT_ENTITIES, CorpusMaker

TEXT = "Drug A1 can cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip


def _corpus(make_corpus: CorpusMaker, label: str) -> str:
    entities = copy.deepcopy(DEFAULT_ENTITIES)
    for entity in entities:
        if entity["id"] == "drug_a1":
            entity["label"] = label
    return str(make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]}, entities=entities))


def test_html_in_a_label_is_escaped_in_the_markdown_table(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _corpus(make_corpus, "<img src=x onerror=alert(1)> & co")
    assert main(["table", "--corpus", root]) == 0
    out = capsys.readouterr().out
    assert "<img" not in out
    # "X & co" is two subjects: the relation's verb is plural (wording.py)
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co cause symptom S" in out


def test_a_formula_label_is_neutralised_in_the_csv_table(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _corpus(make_corpus, "=HYPERLINK(1)")
    assert main(["table", "--corpus", root, "--format", "csv"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert header.split(",")[0] == "relation"
    assert row.startswith("'=HYPERLINK(1) causes symptom S,")
