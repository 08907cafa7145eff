"""`bluntgraph add` without the 'extract' extra: one line naming the extra, nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bluntgraph.cli import main

from .conftest import snapshot


@pytest.mark.parametrize("package", ["pysbd", "ahocorasick", "spacy", "negspacy"])
@pytest.mark.parametrize("page", ["caffeine-notes.txt", "statins-muscle-pain.html"])
def test_add_without_the_drafting_packages_names_the_extra(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, package: str, page: str,
) -> None:  # fmt: skip
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    before = snapshot(root)
    monkeypatch.setitem(sys.modules, package, None)  # as if it were not installed
    assert main(["add", str(data / page), "--corpus", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "bluntgraph: error: drafting claims needs the 'extract' extra: "
        "pip install 'bluntgraph[extract]'"
    ]
    assert snapshot(root) == before


def test_an_extra_package_that_fails_to_import_names_the_extra(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Installed but broken (find_spec finds it, the import fails): the same one line."""
    import bluntgraph.extract

    def broken(text: str, **options: object) -> object:
        raise ImportError("libfoo.so: cannot open shared object file")

    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    before = snapshot(root)
    monkeypatch.setattr(bluntgraph.extract, "draft_claims", broken)
    assert main(["add", str(data / "caffeine-notes.txt"), "--corpus", str(root), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'bluntgraph[extract]'" in err[0], err
    assert snapshot(root) == before
