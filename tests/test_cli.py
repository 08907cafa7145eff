"""The command line: outputs, exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.outputs import OUTPUTS
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause symptom S. Therapy T treats condition C."
CLAIM = {
    "id": "a-causes",
    "quote": "Drug A1 can cause symptom S.",
    "section": "body",
    "subject": "drug_a1",
    "predicate": "causes",
    "object": "symptom_s",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console entry point, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bluntgraph.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_build_writes_every_output(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    result = run("build", "--corpus", str(root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 source, 1 claim, " in result.stdout  # the nouns agree with the counts
    assert sorted(p.name for p in out.iterdir()) == sorted(name for name, _ in OUTPUTS)
    with (out / "claims.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert TEXT[int(row["start"]) : int(row["end"])] == row["quote"]
    for column in ("id", "source", "quote", "start", "end", "subject", "predicate", "object",
                   "section"):  # fmt: skip
        assert column in row
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir()), "staging folder left"


def test_bad_corpus_writes_nothing_and_exits_1(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [dict(CLAIM, quote="not in the text")]})
    out = tmp_path / "out"
    result = run("build", "--corpus", str(root), "--out", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "quote not found" in result.stderr.splitlines()[0]
    assert "nothing was written" in result.stderr
    assert not out.exists()


def test_failed_rebuild_keeps_previous_outputs(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    good = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(good), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "mine.txt").write_text("a file of the user's", encoding="utf-8")
    bad = make_corpus(texts={"a": TEXT}, claims={"a": [dict(CLAIM, object="unknown")]})
    assert main(["build", "--corpus", str(bad), "--out", str(out)]) == 1
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "mine.txt"}
    assert after == before
    assert (out / "mine.txt").exists()


def test_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", "--corpus", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "corpus folder not found" in result.stderr


def test_validate_lists_every_problem(make_corpus: CorpusMaker) -> None:
    root = make_corpus(
        texts={"a": TEXT},
        claims={"a": [dict(CLAIM, object="nope"), dict(CLAIM, id="b", quote="absent")]},
    )
    result = run("validate", "--corpus", str(root))
    assert result.returncode == 1
    assert result.stdout == ""  # problem lines go to stderr, as the README says
    assert len(result.stderr.strip().splitlines()) == 3
    assert "2 problems" in result.stderr.splitlines()[-1]


def test_validate_bundled_corpus_is_clean() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


def test_unwritable_output_is_one_line(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("build", "--corpus", str(root), "--out", str(blocker / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_explains_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "validate", "check", "reanchor", "init"):
        assert command in result.stdout
    assert "examples:" in result.stdout


def test_usage_error_exits_2() -> None:
    result = run("build", "--no-such-flag")
    assert result.returncode == 2


def test_reanchor_records_new_hash(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "texts" / "a.txt").write_text("Preface. " + TEXT, encoding="utf-8")
    assert run("validate", "--corpus", str(root)).returncode == 1
    result = run("reanchor", "--corpus", str(root))
    assert result.returncode == 0, result.stdout
    assert "recorded new text hashes for: a" in result.stdout
    assert run("validate", "--corpus", str(root)).returncode == 0


def test_reanchor_reports_quotes_that_vanished(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "texts" / "a.txt").write_text("Therapy T treats condition C.", encoding="utf-8")
    result = run("reanchor", "--corpus", str(root))
    assert result.returncode == 1
    assert "quote not found" in result.stderr


def test_init_copies_a_valid_template(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    assert main(["init", str(target)]) == 0
    assert main(["validate", "--corpus", str(target)]) == 0
    assert main(["init", str(target)]) == 2


@pytest.mark.parametrize("argv", [["build", "--quiet"], ["build"]])
def test_piped_build_prints_no_progress_noise(
    tmp_path: Path, make_corpus: CorpusMaker, argv: list[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    result = run(*argv, "--corpus", str(root), "--out", str(tmp_path / "o"))
    assert result.returncode == 0
    assert "\r" not in result.stderr and "\x1b" not in result.stderr


def test_outputs_get_the_usual_file_permissions(tmp_path: Path, make_corpus: CorpusMaker) -> None:
    import os
    import stat

    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    mask = os.umask(0)
    os.umask(mask)
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path.name


def test_a_corpus_folder_given_without_corpus_gets_one_line_saying_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "mine"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    for argv in (["validate", str(root)], ["review", str(root), "--list"],
                 ["check", str(root)]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and f"--corpus {root}" in err[0], err
    # a path that is not a corpus keeps argparse's own message
    with pytest.raises(SystemExit):
        main(["validate", str(tmp_path)])
    # an option's value is not a corpus given bare
    from bluntgraph.cli import _corpus_hint, build_parser

    assert _corpus_hint(build_parser(), ["build", "--out", str(root)]) is None


class _ClosedPipe(io.StringIO):
    """A stdout whose reader went away after a few lines (``bluntgraph … | head -3``)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        if self.lines > 3:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


@pytest.mark.parametrize(
    "argv", [["check", "--list-rules"], ["query", "claims"], ["check", "--format", "md"], ["check"]]
)
def test_a_reader_that_stops_reading_is_no_error_line(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`review --list | head -1` printed "bluntgraph: error: Broken pipe" and exited 2."""
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(argv) == 141  # 128 + SIGPIPE, as a shell shows for a process SIGPIPE ends
    assert capsys.readouterr().err == ""


def test_python_dash_m_bluntgraph_is_the_command() -> None:
    """`python -m bluntgraph` runs the same command (for when the script is not on PATH)."""

    def module(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "bluntgraph", *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    done = module("validate")
    assert done.returncode == 0, done.stderr
    assert ": OK — 5 sources" in done.stdout
    usage = module("nonsense")
    assert usage.returncode == 2 and usage.stderr.startswith("bluntgraph: error:")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["add", "page.html"], "bluntgraph add: error: the following arguments are required: "
                               "--corpus (see bluntgraph add --help)"),
        (["check", "--format", "xml"], "bluntgraph check: error: argument --format: invalid "
                                       "choice: 'xml'"),
        (["check", "--formt", "md"], "--formt: did you mean --format?"),
        (["query", "causes", "x", "--bogus"], "bluntgraph query: error: unrecognized "
                                              "arguments: --bogus"),
    ],
)
def test_a_usage_error_is_one_line(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Wrong usage: one line naming the error and where the usage is, exit 2 (no usage block)."""
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err, err


def test_counts_agree_with_their_nouns(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    result = run("validate", "--corpus", str(root))
    assert result.returncode == 0, result.stderr
    assert " 1 source, 1 claim, " in result.stdout and "1 sources" not in result.stdout


@pytest.mark.parametrize(
    ("command", "flag", "written"),
    [
        (["table", "--format", "md"], "--out", "t.md"),
        (["export", "--format", "ttl"], "-o", "g.ttl"),
        (["export", "--format", "ttl"], "--output", "g2.ttl"),
        (["view"], "--out", "v.html"),
        (["build", "-q"], "-o", "built"),
        (["build", "-q"], "--output", "built2"),
    ],
)
def test_every_command_that_writes_takes_o_out_and_output(
    tmp_path: Path, make_corpus: CorpusMaker, command: list[str], flag: str, written: str
) -> None:
    # a new user's `table --out` was "ambiguous" (--outcome) and `export -o` unknown
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    target = tmp_path / written
    assert main([*command, "--corpus", str(root), flag, str(target)]) == 0
    assert target.exists()
