"""Stray entries in `claims/`: editor backups and hidden files are not claims; a folder
named like a claims file is refused in one line."""

from __future__ import annotations

import os

from bluntgraph import load_corpus, validate_corpus
from tests.conftest import CorpusMaker

TEXT = "Drug A1 can cause the S. Drug A1 does not cause the S."
CLAIM = {"id": "a-yes", "quote": "Drug A1 can cause the S.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s"}  # fmt: skip


def test_backups_and_hidden_files_in_claims_are_ignored(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    claims = root / "claims"
    original = (claims / "a.yaml").read_text(encoding="utf-8")
    (claims / "a.yaml.bak").write_text(original, encoding="utf-8")  # same ids: no duplicate
    (claims / "a.yaml~").write_text(original, encoding="utf-8")
    (claims / "old.jsonl.bak").write_text("not json\n", encoding="utf-8")
    # Emacs's lock while a.yaml is open (a link to nowhere), macOS's AppleDouble file
    os.symlink("someone@host.4242:1700000000", claims / ".#a.yaml")
    (claims / "._a.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (claims / ".a.yaml.swp").write_bytes(b"b0VIM 9.0\x00")
    assert validate_corpus(root) == []
    assert [c.id for c in load_corpus(root).claims] == ["a-yes"]


def test_a_folder_named_like_a_claims_file_is_one_problem(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    (root / "claims" / "x.yaml").mkdir()
    problems = [str(p) for p in validate_corpus(root)]
    assert problems == [
        "claims/x.yaml: is not a regular file (a FIFO, device or folder); use a plain file"
    ]
