"""`bluntgraph query` shows a FAQ's short answer ("Yes.") with the question it answers.

Before, a claim whose quote is a FAQ's "Yes." was printed as "Yes." alone in
the table of every question, so the row meant nothing; `check` reports
already named the question ("“Yes.” (answering “Does zinc shorten colds?”)").
CSV and JSON keep the quote as it is: it is the anchor in the text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = (
    "Melatonin: your questions answered\n\n"
    "## Does melatonin cause drowsiness the next day?\n\n"
    "Yes.\n\n"
    "## Does melatonin help jet lag?\n\n"
    "Melatonin reduces jet lag in most travellers.\n"
)
CLAIMS = {"melatonin": [
    {"id": "melatonin-causes-drowsiness", "quote": "Yes.", "section": "faq",
     "subject": "melatonin", "predicate": "causes", "object": "drowsiness"},
    {"id": "melatonin-reduces-jet-lag", "quote": "Melatonin reduces jet lag in most travellers.",
     "section": "faq", "subject": "melatonin", "predicate": "reduces", "object": "jet_lag"},
]}  # fmt: skip
ENTITIES = [
    {"id": "melatonin", "label": "melatonin", "type": "substance"},
    {"id": "drowsiness", "label": "drowsiness", "type": "symptom"},
    {"id": "jet_lag", "label": "jet lag", "type": "condition"},
]
SHOWN = "Yes. (answering “Does melatonin cause drowsiness the next day?”)"


@pytest.fixture
def corpus(make_corpus: CorpusMaker) -> Path:
    return make_corpus(texts={"melatonin": TEXT}, claims=CLAIMS, entities=ENTITIES)


@pytest.mark.parametrize("question", [
    ["claims"], ["causes", "drowsiness"], ["about", "melatonin"], ["unsupported"]])
def test_a_short_answer_is_shown_with_its_question(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, corpus: Path,
    question: list[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["query", *question, "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert SHOWN in out, out
    # a quote that says what it means by itself is shown alone
    assert out.count("answering") == 1


def test_a_narrow_table_shows_the_question_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["query", "claims", "--corpus", str(corpus)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "answering" in out and "drowsiness the" in out


def test_csv_keeps_the_quote_as_the_text_gives_it(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    assert main(["query", "claims", "--corpus", str(corpus), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["quote"] == "Yes."
