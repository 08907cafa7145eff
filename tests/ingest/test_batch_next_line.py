"""A batch `add` says to review only when something was drafted.

Before, adding several articles from none of which anything was drafted still
ended with "next: bluntgraph review --corpus DIR", where review then said there
was nothing to review; one article says to write its claims by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.cli import main

# the stand-in drafter drafts from "X can cause Y Z" and nothing else
_NOTHING = ("Tea and sleep\n\nGreen tea is popular in many countries.\n",
            "Tea blends\n\nSome blends add dried orange peel for taste.\n")  # fmt: skip
_SOMETHING = "Strong tea\n\nStrong tea can cause mild heartburn in some drinkers.\n"


def _add(tmp_path: Path, texts: tuple[str, ...]) -> tuple[Path, list[str]]:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"tea{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return root, paths


def test_a_batch_that_drafted_nothing_says_to_write_claims_by_hand(
    tmp_path: Path, stand_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root, paths = _add(tmp_path, _NOTHING)
    capsys.readouterr()
    assert main(["add", *paths, "--corpus", str(root)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert "next: nothing was drafted from them; write their claims in" in last
    assert f"{root / 'claims'} by hand" in last and "review" not in last
    # adding them again changes nothing, and there is still nothing to review
    assert main(["add", *paths, "--corpus", str(root)]) == 0
    assert "review" not in capsys.readouterr().out.splitlines()[-1]


def test_a_batch_with_one_draft_says_to_review(
    tmp_path: Path, stand_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root, paths = _add(tmp_path, (*_NOTHING, _SOMETHING))
    capsys.readouterr()
    assert main(["add", *paths, "--corpus", str(root)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.endswith(f"next: bluntgraph review --corpus {root}"), last
    assert main(["add", *paths, "--corpus", str(root)]) == 0  # still there to review
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"review --corpus {root}")
