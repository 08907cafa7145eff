"""Without --corpus, query, table and view look in the bundled corpus: their errors say so.

A user who built a corpus of their own and forgot ``--corpus`` was told
"unknown entity 'fungaemia'; no entity of the corpus has that name" — of
*which* corpus? Their own has fungaemia. Now the line names the corpus
searched, and for the bundled one says how to give one's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

BUNDLED = "the bundled corpus emotional-blunting"
HINT = "give --corpus DIR to search your own corpus"


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "causes", "fungaemia"],
        ["table", "--outcome", "fungaemia"],
        ["view", "--focus", "fungaemia", "-o", "{tmp}/map.html"],
    ],
    ids=["query", "table", "view"],
)
def test_an_unknown_name_in_the_bundled_corpus_names_it(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([a.replace("{tmp}", str(tmp_path)) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("bluntgraph: error: unknown ")
    assert f"has that name; {HINT}" in err and BUNDLED in err
    assert "of the corpus has" not in err
    assert not (tmp_path / "map.html").exists()


def test_suggestions_keep_their_place_and_the_corpus_follows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["query", "claims", "--source", "nosuch-site"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bluntgraph: error: unknown source 'nosuch-site'; did you mean: ")
    assert err.endswith(f"? (searched {BUNDLED}; {HINT})")


def test_a_corpus_given_is_named_by_its_folder_without_the_hint(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": "Drug A1 can cause the S."})
    assert main(["query", "causes", "fungaemia", "--corpus", str(root)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"bluntgraph: error: unknown entity 'fungaemia'; no entity of the corpus in {root} "
        "has that name"
    )


def test_nothing_found_in_the_bundled_corpus_is_said_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a drug the bundled corpus names, with no claim that it causes anything
    assert main(["query", "causes", "ketamine"]) == 0
    out, err = capsys.readouterr()
    assert out == "no results\n"
    assert err == f"bluntgraph: note: nothing found in {BUNDLED}; {HINT}\n"
    assert main(["table", "--outcome", "ketamine", "--format", "csv"]) == 0
    assert capsys.readouterr().err == f"bluntgraph: note: nothing found in {BUNDLED}; {HINT}\n"


def test_nothing_found_in_a_corpus_given_adds_no_note(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": "Drug A1 can cause the S."})
    assert main(["query", "causes", "symptom S", "--corpus", str(root)]) == 0
    assert "note" not in capsys.readouterr().err
