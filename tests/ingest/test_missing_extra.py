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


class _BrokenImport:
    """A meta path finder for which importing ``name`` fails as a broken installation does."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname == self.name:
            raise ImportError(
                "lxml.html.clean module is now a separate project lxml_html_clean.\n"
                "Install lxml[html-clean] or lxml_html_clean directly."
            )


def test_a_page_reader_that_fails_to_import_says_why(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, stand_in: None,
) -> None:  # fmt: skip
    """trafilatura installed without lxml_html_clean (pip < 23.3 and lxml 6): one line
    that names the extra and the import's own reason, not a bare 'install the extra'."""
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    capsys.readouterr()
    before = snapshot(root)
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_BrokenImport("trafilatura"), *sys.meta_path])
    assert main(["add", str(data / "statins-muscle-pain.html"), "--corpus", str(root), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "bluntgraph: error: reading web pages needs the 'extract' extra: pip install "
        "'bluntgraph[extract]' (installed, but an import fails: lxml.html.clean module is "
        "now a separate project lxml_html_clean.)"
    ]
    assert snapshot(root) == before


def test_the_extract_extra_names_lxml_html_clean() -> None:
    """Old pips drop jusText's lxml[html_clean] with lxml 6; the extra must name it."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for extra in ("extract", "test"):
        assert any(r.startswith("lxml_html_clean") for r in extras[extra]), extra


def test_add_help_says_text_files_need_the_extra_too(capsys: pytest.CaptureFixture[str]) -> None:
    """--help said only web pages need it; drafting any article does."""
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Needs the 'extract' extra (pip install 'bluntgraph[extract]') for text files" in text
    assert "Web pages need the 'extract' extra" not in text
