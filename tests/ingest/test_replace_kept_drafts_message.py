"""`add --replace` says how many drafts it kept to review, not "nothing was drafted".

A replace drafts only the new version's new or changed sentences and keeps the old
drafts still to review whose sentence stayed. It said "0 draft claims … next: nothing was
drafted from it; write its claims … by hand" though those drafts were still there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.cli import main


def test_a_replace_counts_the_drafts_it_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = tmp_path / "corpus"
    assert main(["init", str(root), "--empty"]) == 0
    page = tmp_path / "zinc.txt"
    page.write_text("Zinc\n\nZinc may cause nausea in some people.\n", encoding="utf-8")
    assert main(["add", str(page), "--corpus", str(root)]) == 0
    capsys.readouterr()
    # the same text, with a new kind: a full replace that keeps the draft to review
    assert main(["add", str(page), "--corpus", str(root), "--id", "zinc", "--replace",
                 "--kind", "news"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "0 new draft claims (1 still to review kept from before)" in out, out
    assert "nothing was drafted" not in out
    assert "next: bluntgraph review --corpus" in out
    # a new sentence: its draft is new, the old one still kept
    page.write_text("Zinc\n\nZinc may cause nausea in some people.\n\nZinc can worsen "
                    "stomach cramps.\n", encoding="utf-8")  # fmt: skip
    assert main(["add", str(page), "--corpus", str(root), "--id", "zinc", "--replace"]) == 0
    out = capsys.readouterr().out
    assert "1 new draft claim (1 still to review kept from before)" in out, out
    assert len(load_corpus(root, include_drafts=True).claims) == 2
