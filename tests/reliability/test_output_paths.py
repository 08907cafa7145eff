"""Single-file outputs (`export`, `view`, `table`) into a folder or a missing folder: one
line, said before any work, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S. Drug A1 does not cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip

COMMANDS = {
    "export": ["export", "--format", "ttl", "--out"],
    "view": ["view", "-o"],
    "table": ["table", "-o"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_that_is_a_folder_is_refused_in_one_line(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    folder = tmp_path / "graph.ttl"
    folder.mkdir()
    assert main([*COMMANDS[command], str(folder), "--corpus", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"bluntgraph: error: cannot write {folder}: it is a folder; "
                   "give a file name in it"]  # fmt: skip
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_in_a_missing_folder_is_refused_before_the_corpus_is_read(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "claims" / "a.yaml").write_text("not: [valid", encoding="utf-8")  # never read
    target = tmp_path / "missing" / "out.html"
    assert main([*COMMANDS[command], str(target), "--corpus", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"bluntgraph: error: cannot write {target}: {target.parent} does not "
                   "exist (create it first)"]  # fmt: skip
    assert not target.parent.exists()


def test_an_output_under_a_file_is_refused(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    target = tmp_path / "notes.txt" / "view.html"
    assert main(["view", "-o", str(target), "--corpus", str(root)]) == 2
    assert "notes.txt is not a folder" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_build_into_a_file_says_it_is_a_file(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    target = tmp_path / "out"
    target.write_text("mine", encoding="utf-8")
    assert main(["build", "--corpus", str(root), "--out", str(target)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"bluntgraph: error: cannot write to {target}: it is a file, not a folder; give a folder"
    ]
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_corpus_whose_sources_yaml_is_a_folder_says_so(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "sources.yaml").unlink()
    (root / "sources.yaml").mkdir()
    assert main(["validate", "--corpus", str(root)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "sources.yaml is not a regular file (a folder, FIFO or device)" in line


@pytest.mark.parametrize("command", ["build", "validate", "check", "reanchor", "add", "review"])
def test_a_corpus_that_is_a_file_says_so_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """It said "corpus folder not found" for a file that is there (reanchor: "…/sources.yaml
    is missing"); now each command names it as a file."""
    article = tmp_path / "article.txt"
    article.write_text("Statins\n\nStatins can cause muscle pain.\n", encoding="utf-8")
    extra = {"add": [str(article)], "review": ["--list"]}.get(command, [])
    assert main([command, *extra, "--corpus", str(article)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        f"bluntgraph: error: {article} is a file, not a corpus folder; give the folder that "
        "holds sources.yaml (`bluntgraph init DIR --empty` makes one)"
    )
    missing = tmp_path / "nowhere"
    assert main([command, *extra, "--corpus", str(missing)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == f"bluntgraph: error: corpus folder not found: {missing}"
    assert article.read_text(encoding="utf-8").startswith("Statins")
