"""``build --out``: never into the corpus, all or nothing, on mount points, no leftovers."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bluntgraph.cli import main
from bluntgraph.outputs import OUTPUTS, STAGING_PREFIX
from tests.conftest import CorpusMaker

TEXT = "Statins can cause muscle pain. Caffeine delays sleep onset."
CLAIM = {"id": "a-statins", "quote": "Statins can cause muscle pain.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip
BIB = "% my comment\n@article{ma2021,\n  title = {Caf{\\'e} --- and sleep},\n}\n"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("where", ["same", "inside"])
def test_output_folder_in_the_corpus_is_refused(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]}, bib=BIB)
    before = snapshot(root.parent)
    out = {"same": root, "inside": root / "out"}[where]
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "corpus folder" in err and len(err.strip().splitlines()) == 1
    assert snapshot(root.parent) == before


def test_the_folder_holding_the_corpus_is_built_into_and_the_corpus_left_alone(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cd projects && bluntgraph build --corpus melatonin --out .`: the outputs go
    beside the corpus folder (its references.bib is not the output's)."""
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]}, bib=BIB)
    corpus_before = snapshot(root)
    assert main(["build", "--corpus", str(root), "--out", str(root.parent), "--quiet"]) == 0
    assert snapshot(root) == corpus_before
    assert all((root.parent / name).is_file() for name, _ in OUTPUTS)
    assert "ma2021" in (root.parent / "references.bib").read_text(encoding="utf-8")


def test_output_folder_reached_through_a_symlink_is_refused(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]}, bib=BIB)
    link = tmp_path / "link"
    link.symlink_to(root)
    before = (root / "references.bib").read_bytes()
    assert main(["build", "--corpus", str(root), "--out", str(link), "--quiet"]) == 2
    assert (root / "references.bib").read_bytes() == before


def test_a_folder_in_the_way_changes_nothing(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    last = OUTPUTS[-1][0]
    (out / last).unlink()
    (out / last).mkdir()
    (root / "texts" / "a.txt").write_text(TEXT + " More.", encoding="utf-8")
    assert main(["reanchor", "--corpus", str(root)]) == 0
    before = snapshot(out)
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 2
    assert last in capsys.readouterr().err
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_output_folder_on_its_own_device(
    make_corpus: CorpusMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mount point: a rename from outside the folder fails with EXDEV."""
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "volume"
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).parent == out and not Path(src).resolve().is_relative_to(out.resolve()):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(name for name, _ in OUTPUTS)


def test_stale_staging_of_a_killed_build_is_removed(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = out / f"{STAGING_PREFIX}{dead.stdout.strip()}-x1y2"
    stale.mkdir()
    (stale / "graph.ttl").write_text("half", encoding="utf-8")
    running = out / f"{STAGING_PREFIX}{os.getppid()}-a1b2"  # a live process's
    running.mkdir()
    mine = out / ".my-hidden-notes"
    mine.mkdir()
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    assert not stale.exists()
    assert running.exists() and mine.exists()


def test_killed_build_leaves_a_recognisable_folder(
    make_corpus: CorpusMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    out = tmp_path / "out"
    seen: list[Path] = []
    import bluntgraph.outputs as outputs

    def spy(kg: object, path: Path) -> None:
        seen.append(path.parent)
        raise KeyboardInterrupt  # as if killed while writing

    monkeypatch.setattr(outputs, "OUTPUTS", [("claims.csv", spy)])
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 130
    (staging,) = seen
    assert staging.parent == out and staging.name.startswith(f"{STAGING_PREFIX}{os.getpid()}-")


def _rebuilt_corpus(make_corpus: CorpusMaker, out: Path) -> tuple[Path, dict[str, bytes]]:
    """A corpus built into ``out``, then changed so that a new build differs; out's files."""
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]}, bib=BIB)
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    (root / "texts" / "a.txt").write_text(TEXT + " More.", encoding="utf-8")
    assert main(["reanchor", "--corpus", str(root)]) == 0
    return root, snapshot(out)


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
@pytest.mark.parametrize("failure", ["refused", "interrupted"])
def test_a_move_that_fails_puts_back_the_files_already_replaced(
    make_corpus: CorpusMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, failure: str, links: bool,
) -> None:  # fmt: skip
    """An output that cannot be replaced (immutable, another owner's in a sticky folder), or
    Ctrl-C between two moves: the folder keeps the previous build's files, all of them."""
    out = tmp_path / "out"
    root, before = _rebuilt_corpus(make_corpus, out)
    capsys.readouterr()
    stuck = out / OUTPUTS[len(OUTPUTS) // 2][0]  # half the files are moved before it
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == stuck:
            if failure == "interrupted":
                raise KeyboardInterrupt
            raise OSError(errno.EPERM, "Operation not permitted")
        real(src, dst)

    def no_link(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "replace", replace)
    if not links:
        monkeypatch.setattr(os, "link", no_link)
    code = main(["build", "--corpus", str(root), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    if failure == "refused":
        assert code == 2 and len(err) == 1, err
        assert f"cannot replace {stuck}" in err[0] and "left as they were" in err[0], err
    else:
        assert code == 130 and err == ["bluntgraph: interrupted"]
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    # and the same build, unhindered, replaces them all
    monkeypatch.setattr(os, "replace", real)
    assert main(["build", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    after = snapshot(out)
    assert after.keys() == before.keys() and after["sources.csv"] != before["sources.csv"]


def test_an_interrupted_build_leaves_no_empty_folder_it_made(
    make_corpus: CorpusMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    import bluntgraph.outputs as outputs

    def interrupted(kg: object, path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs, "OUTPUTS", [("claims.csv", interrupted)])
    new = tmp_path / "new" / "out"  # both folders made by the build
    assert main(["build", "--corpus", str(root), "--out", str(new), "--quiet"]) == 130
    assert not new.parent.exists()
    mine = tmp_path / "mine"  # a folder that was there stays, with what it held
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["build", "--corpus", str(root), "--out", str(mine), "--quiet"]) == 130
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", "--corpus", str(root), "--out", str(empty), "--quiet"]) == 130
    assert empty.is_dir()
