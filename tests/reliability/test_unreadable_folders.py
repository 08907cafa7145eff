"""A claims or texts folder that may not be read (chmod 000) is a problem line, not silence.

`glob` says nothing of a folder it may not list, so a corpus whose claims/
was unreadable validated as OK with no claims (and built outputs without
them); an unreadable texts/ stopped with a bare "Permission denied: …" line.
The folder is made unreadable with chmod where the tests run unprivileged,
and by refusing the system calls where they run as root.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bluntgraph import validate_corpus
from bluntgraph.cli import main
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip
DENIED = PermissionError(errno.EACCES, "Permission denied")


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``unreadable(folder)``: listing it, and reaching anything inside, is refused."""
    made: list[Path] = []

    def make(folder: Path) -> None:
        made.append(folder)
        folder.chmod(0)
        if os.access(folder, os.R_OK):  # root reads anything: refuse the calls instead
            real_listdir, real_stat = os.listdir, Path.stat
            refused = os.path.realpath(folder)

            def listdir(path: Any = ".") -> list[str]:
                if os.path.realpath(path) == refused:
                    raise DENIED
                return real_listdir(path)

            def stat(self: Path, **kwargs: Any) -> os.stat_result:
                if os.path.dirname(os.path.realpath(self)) == refused:
                    raise DENIED
                return real_stat(self, **kwargs)

            monkeypatch.setattr(os, "listdir", listdir)
            monkeypatch.setattr(Path, "stat", stat)

    yield make
    for folder in made:
        folder.chmod(0o755)


def test_an_unreadable_claims_folder_is_a_problem(
    make_corpus: CorpusMaker,
    unreadable: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    unreadable(root / "claims")
    assert [str(p) for p in validate_corpus(root)] == [
        "claims: cannot read the folder: Permission denied "
        "(make it readable; its claims were not checked)"
    ]
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out)]) == 1
    assert "claims: cannot read the folder" in capsys.readouterr().err
    assert not out.exists() or list(out.iterdir()) == []


def test_an_unreadable_texts_folder_is_a_problem_per_source(
    make_corpus: CorpusMaker, unreadable: Any
) -> None:
    root = make_corpus(texts={"a": TEXT, "b": TEXT}, claims={"a": [CLAIM]})
    unreadable(root / "texts")
    problems = [str(p) for p in validate_corpus(root)]
    assert [p.split(": ", 1)[1] for p in problems] == [
        f"source '{s}': text file texts/{s}.txt cannot read file: Permission denied"
        for s in ("a", "b")
    ]
