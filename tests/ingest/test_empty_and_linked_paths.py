"""Paths a user did not mean: an empty one, and a symbolic link inside a folder of pages.

`bluntgraph build --out ''` wrote its eleven files into the current folder and
`bluntgraph add '' --corpus C` added whatever page or text the current folder held
(Path('') is '.'); `add FOLDER` followed a link in it to any file on the machine
("notes.txt" -> /etc/passwd became a source). Now an empty path is refused in one line,
and a folder's links are skipped with a note (named on its own, a link is still added).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main


@pytest.mark.parametrize(
    "argv",
    [
        ["build", "--out", ""],
        ["build", "--corpus", " "],
        ["init", ""],
        ["view", "--out", ""],
        ["export", "--format", "ttl", "--out", ""],
        ["table", "--out", ""],
    ],
)
def test_an_empty_path_is_refused_and_nothing_is_written(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "an empty path: give a file or folder name" in err and err.count("\n") == 1, err
    assert list(tmp_path.iterdir()) == []


def test_add_refuses_an_empty_path_and_adds_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    stand_in: None,
) -> None:  # fmt: skip
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "zinc.md"
    page.write_text("# Zinc\n\nZinc may cause nausea.\n", encoding="utf-8")
    # the current folder holds a text that must not be added
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stray.txt").write_text("Stray notes\n\nCoffee may cause jitters.\n")
    capsys.readouterr()
    assert main(["add", "", str(page), "--corpus", str(root)]) != 0
    assert "an empty path: give a file or folder name" in capsys.readouterr().err
    assert [s.id for s in load_corpus(root, include_drafts=True).sources] == ["zinc"]


def test_a_folder_add_skips_linked_files_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    secret = tmp_path / "elsewhere" / "diary.txt"
    secret.parent.mkdir()
    secret.write_text("My diary\n\nNothing here is an article.\n", encoding="utf-8")
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "zinc.md").write_text("# Zinc\n\nZinc may cause nausea.\n", encoding="utf-8")
    (saved / "notes.txt").symlink_to(secret)
    capsys.readouterr()
    assert main(["add", str(saved), "--corpus", str(root)]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 linked file (a symbolic link, such as notes.txt)" in err, err
    assert [s.id for s in load_corpus(root, include_drafts=True).sources] == ["zinc"]
    # named on its own, the link is what the user asked for
    assert main(["add", str(saved / "notes.txt"), "--corpus", str(root)]) == 0
    assert len(load_corpus(root, include_drafts=True).sources) == 2
