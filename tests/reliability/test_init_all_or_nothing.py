"""`bluntgraph init` on a disk that fills up, or stopped with Ctrl-C: no half corpus is left.

The bundled corpus used to be copied straight into the new folder, so a
full disk left some texts and no claims (and the error was a Python list of
tuples); `init --empty` likewise wrote its files one by one into the folder.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bluntgraph._atomic
from bluntgraph.cli import main


def _failing_after(
    calls: int, real: Callable[..., Any], error: BaseException
) -> Callable[..., Any]:
    count = 0

    def copy(*args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        if count > calls:
            raise error
        return real(*args, **kwargs)

    return copy


FULL = OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_during_init_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(shutil, "copyfile", _failing_after(2, shutil.copyfile, FULL))
    target = tmp_path / "mine"
    assert main(["init", str(target)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"bluntgraph: error: cannot write {target}: No space left on device; nothing was written"
    ]
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_during_init_leaves_an_empty_folder_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(shutil, "copyfile", _failing_after(3, shutil.copyfile, KeyboardInterrupt()))
    target = tmp_path / "mine"
    target.mkdir()
    assert main(["init", str(target)]) == 130
    assert capsys.readouterr().err.strip() == "bluntgraph: interrupted"
    assert [p.name for p in tmp_path.iterdir()] == ["mine"] and list(target.iterdir()) == []


def test_a_full_disk_during_init_empty_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = bluntgraph._atomic.write_text_atomically
    monkeypatch.setattr(
        bluntgraph._atomic,
        "write_text_atomically",
        _failing_after(2, real, bluntgraph._atomic.OutputError("cannot write x: No space left")),
    )
    assert main(["init", "--empty", str(tmp_path / "statins")]) == 2
    assert "No space left" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_init_still_makes_a_valid_corpus_with_the_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--empty", str(tmp_path / "statins")]) == 0
    assert main(["init", str(tmp_path / "copy")]) == 0
    for name in ("statins", "copy"):
        assert main(["validate", "--corpus", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_mode & 0o755 == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy", "statins"]  # no staging left
