"""`bluntgraph query`: every question, filters, formats and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.query import QUESTIONS
from tests.conftest import CorpusMaker
from tests.query.conftest import BIB, CLAIMS, TEXT_A, TEXT_B

ARGUMENTS = {"causes": "symptom S", "treatments": "the S", "about": "drug A1",
             "backed-by": "smith2020"}  # fmt: skip


@pytest.fixture
def corpus(make_corpus: CorpusMaker) -> Path:
    return make_corpus(texts={"a": TEXT_A, "b": TEXT_B}, claims=CLAIMS, bib=BIB)


def query(
    capsys: pytest.CaptureFixture[str], corpus: Path, *args: str
) -> tuple[int, str, str]:
    code = main(["query", *args, "--corpus", str(corpus)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("question", list(QUESTIONS))
@pytest.mark.parametrize("width", ["50", "80", "132"])
def test_every_question_as_a_table_that_fits(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, corpus: Path,
    question: str, width: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("COLUMNS", width)
    args = [question, ARGUMENTS[question]] if question in ARGUMENTS else [question]
    code, out, err = query(capsys, corpus, *args)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert all(len(line) <= int(width) for line in lines[:-1]), out
    assert " row" in lines[-1]


def test_csv_and_json_hold_the_same_rows(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = query(capsys, corpus, "claims", "--subject", "class A", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    code, out, _ = query(capsys, corpus, "claims", "--subject", "class A", "--format", "json")
    records = json.loads(out)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert {r["subject"] for r in records} == {"drug_class_a", "drug_a1"}
    # full quotes, not the table's cut ones
    assert all(TEXT_A.count(r["quote"]) + TEXT_B.count(r["quote"]) == 1 for r in rows)


def test_filters(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = query(capsys, corpus, "causes", "symptom S", "--source", "b",
                         "--format", "json")  # fmt: skip
    assert code == 0
    assert [r["cause"] for r in json.loads(out)] == ["drug_class_a"]
    code, out, _ = query(capsys, corpus, "statistics", "--population", "people",
                         "--section", "body", "--format", "json")  # fmt: skip
    assert [r["id"] for r in json.loads(out)] == ["b-c-prevalence"]
    code, out, _ = query(capsys, corpus, "unsupported", "--predicate", "prevalence",
                         "--certainty", "certain", "--object", "people", "--entity",
                         "condition C", "--format", "csv")  # fmt: skip
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["b-c-prevalence"]


def test_no_results(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, _ = query(capsys, corpus, "backed-by", "smith2020", "--source", "a")
    assert code == 0 and out == "no results\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["about", "drug A2"], "unknown entity 'drug A2'; did you mean: drug_a1"),
        (["claims", "--predicate", "cuases"], "unknown predicate 'cuases'; did you mean: causes"),
        (["causes"], "'causes' needs an outcome"),
        (["statistics", "symptom S"], "'statistics' takes no argument"),
        (["backed-by", "smith2021"], "unknown reference 'smith2021'"),
    ],
)
def test_bad_questions_get_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], corpus: Path, args: list[str], expected: str
) -> None:
    code, out, err = query(capsys, corpus, *args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("bluntgraph: error: ") and expected in err


def test_the_console_command(corpus: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bluntgraph.cli", "query", "about", "ssir", "--corpus", str(corpus)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "bluntgraph.cli", "query", "causes", "the S", "--corpus",
         str(corpus)],
        capture_output=True, text=True, check=False, env={"COLUMNS": "70", "PATH": ""},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()[:-1]) <= 70


@pytest.mark.parametrize(("args", "width"), [
    (("claims", "--predicate", "causes"), "100"), (("claims", "--predicate", "causes"), "60"),
    (("causes", "emotional blunting"), "100"), (("causes", "emotional blunting"), "60"),
    (("statistics",), "100"), (("statistics",), "60"),
])
def test_the_quotes_of_the_bundled_corpus_stay_readable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
    width: str,
) -> None:  # fmt: skip
    """At 100 columns the quote kept 20 characters beside a claim id of 58 ('a commonly
    reported…'), at 60 four ('a c…'): now a table gives it TEXT_MINIMUM and another column
    at least, else the rows are records."""
    from bluntgraph.query import TEXT_MINIMUM

    monkeypatch.setenv("COLUMNS", width)
    assert main(["query", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert " row" in lines[-1] and all(len(line) <= int(width) for line in lines[:-1])
    if set(lines[1]) <= {"-", " "}:  # a table: the quote column is the last
        headers, rules = lines[0].split(), lines[1].split()
        assert headers[-1] in ("quote", "quotes") and len(rules[-1]) >= TEXT_MINIMUM
    else:  # records: every quote shown, wrapped within the width
        quotes = [line for line in lines if line.split()[:1] in (["quote"], ["quotes"])]
        assert len(quotes) == int(lines[-1].split()[0])
        # each quote starts where it has room for 30 characters or more
        assert all(len(line) - len(line.split(maxsplit=1)[1]) <= int(width) - 30
                   for line in quotes)


@pytest.mark.parametrize("width", ["60", "100"])
def test_rows_for_an_outcome_and_a_kind_of_it_show_which(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    make_corpus: CorpusMaker, width: str,
) -> None:  # fmt: skip
    """One cause of "insomnia" and of "early waking" (a kind of it) gives two rows: the
    table shows the outcome that tells them apart, however narrow, rather than two rows
    that look the same."""
    entities = [
        {"id": "caffeine", "label": "caffeine", "type": "substance"},
        {"id": "insomnia", "label": "insomnia", "type": "condition"},
        {"id": "early_waking", "label": "early waking", "type": "symptom",
         "broader": ["insomnia"]},
    ]  # fmt: skip
    texts = {"a": "Caffeine causes insomnia in adults who drink it late in the day.",
             "b": "Caffeine causes early waking in many adults who drink it at night."}
    claims = {s: [{"id": f"{s}-1", "quote": t, "section": "body", "subject": "caffeine",
                   "predicate": "causes", "object": o}]
              for (s, t), o in zip(texts.items(), ("insomnia", "early_waking"), strict=True)}
    root = make_corpus(texts=texts, claims=claims, entities=entities)
    monkeypatch.setenv("COLUMNS", width)
    code, out, _ = query(capsys, root, "causes", "insomnia")
    assert code == 0
    lines = out.splitlines()
    if lines[0].startswith("cause "):  # a table
        assert lines[0].split()[:2] == ["cause", "outcome"]
        assert {lines[2].split()[1], lines[3].split()[1]} == {"insomnia", "early_waking"}
    else:  # too narrow for one: a record per row
        shown = [line.split() for line in lines if line.strip().startswith("outcome ")]
        assert sorted(words[1] for words in shown) == ["early_waking", "insomnia"]
    assert "outcome" not in lines[-1]
    # one outcome: the column keeps its place (and may be left out)
    code, out, _ = query(capsys, root, "causes", "early waking")
    assert out.splitlines()[0].split()[:2] != ["cause", "outcome"]
