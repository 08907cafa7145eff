"""`bluntgraph review` on a JSON-lines claims file: decisions keep the file's format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.review import drafts_of, review_interactively

from ..conftest import CorpusMaker
from .test_drafts import CURATED, DRAFT, ENTITIES, TEXT

SHIFT = {
    "id": "c-insomnia-shift", "quote": "Insomnia is common in shift workers.", "section": "body",
    "subject": "insomnia", "predicate": "prevalence", "object": "shift_workers",
    "status": "draft", "confidence": 0.3, "cues": ["common"],
}  # fmt: skip
SLEEP = {  # the curated claim again, as a second draft (another id) to leave undecided
    **CURATED, "id": "c-caffeine-sleep-draft", "status": "draft", "confidence": 0.55,
    "cues": ["can", "delay"],
}  # fmt: skip


def _jsonl_corpus(make_corpus: CorpusMaker, bom: bool = False, crlf: bool = False) -> Path:
    root = make_corpus(texts={"c": TEXT}, claims={}, entities=ENTITIES)
    end = "\r\n" if crlf else "\n"
    lines = [
        json.dumps(CURATED),
        "",  # blank lines are allowed and kept
        json.dumps(DRAFT, ensure_ascii=False, indent=None, separators=(",", ":")),
        json.dumps(SHIFT),
        json.dumps(SLEEP),
    ]
    text = ("\ufeff" if bom else "") + end.join(lines) + end
    (root / "claims" / "c.jsonl").write_bytes(text.encode("utf-8"))
    assert validate_corpus(root) == []
    return root


def _lines(root: Path) -> list[str]:
    return (root / "claims" / "c.jsonl").read_bytes().decode("utf-8").split("\n")


@pytest.mark.parametrize(("bom", "crlf"), [(False, False), (True, True)])
def test_accept_and_reject_in_a_jsonl_file(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], bom: bool, crlf: bool
) -> None:
    root = _jsonl_corpus(make_corpus, bom, crlf)
    before = _lines(root)
    drafts = drafts_of(load_corpus(root, include_drafts=True))
    assert {d.path.name for d in drafts} == {"c.jsonl"}
    assert main(["review", "--corpus", str(root), "--accept", DRAFT["id"],
                 "--reject", SHIFT["id"]]) == 0  # fmt: skip
    assert "accepted 1, rejected 1, left 1 draft" in capsys.readouterr().out
    after = _lines(root)
    # the curated line, the blank line, the undecided draft and the file's end: same bytes
    assert after[0] == before[0] and after[1] == before[1]
    assert after[3:] == before[4:]
    assert after[0].startswith("\ufeff") == bom and after[0].endswith("\r") == crlf
    accepted = json.loads(after[2])
    assert accepted == {k: v for k, v in DRAFT.items() if k not in ("status", "confidence",
                                                                     "cues")}  # fmt: skip
    assert list(accepted) == [k for k in DRAFT if k in accepted]  # field order kept
    assert after[2].endswith("\r") == crlf
    assert not any(SHIFT["id"] in line for line in after)
    corpus = load_corpus(root, include_drafts=True)
    assert not corpus.claim_by_id[DRAFT["id"]].is_draft
    assert SHIFT["id"] not in corpus.claim_by_id
    assert corpus.claim_by_id[SLEEP["id"]].is_draft
    # shift_workers, named only by the rejected draft, goes; deep_sleep is accepted
    assert "shift_workers" not in corpus.entity_by_id
    assert not corpus.entity_by_id["deep_sleep"].is_proposed
    assert validate_corpus(root) == []


def test_accept_all_by_confidence_in_a_jsonl_file(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _jsonl_corpus(make_corpus)
    code = main(["review", "--corpus", str(root), "--accept-all", "--min-confidence", "0.5"])
    assert code == 0
    assert "accepted 2, rejected 0, left 1 draft" in capsys.readouterr().out
    corpus = load_corpus(root, include_drafts=True)
    assert [c.id for c in corpus.claims if c.is_draft] == [SHIFT["id"]]


def test_interactive_edit_of_a_jsonl_draft(
    make_corpus: CorpusMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    root = _jsonl_corpus(make_corpus)
    corpus = load_corpus(root, include_drafts=True)
    drafts = drafts_of(corpus)
    assert [d.claim.id for d in drafts] == [DRAFT["id"], SHIFT["id"], SLEEP["id"]]
    # edit the first (a bad predicate refused, then a good one) and accept; skip the rest
    keys = io.StringIO("e\npredicate: pushes\n\ne\npredicate: associated_with\n\na\ns\ns\n")
    shown = io.StringIO()
    result = review_interactively(root, drafts, corpus, keys=keys, out=shown)
    assert "not saved" in shown.getvalue()
    assert result.accepted == (DRAFT["id"],) and result.edited == (DRAFT["id"],)
    line = _lines(root)[2]
    edited = json.loads(line)
    assert edited["predicate"] == "associated_with" and "status" not in edited
    assert edited["id"] == DRAFT["id"] and edited["quote"] == DRAFT["quote"]
    assert load_corpus(root).claim_by_id[DRAFT["id"]].predicate == "associated_with"


def test_an_unknown_id_changes_no_jsonl_file(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _jsonl_corpus(make_corpus)
    before = (root / "claims" / "c.jsonl").read_bytes()
    assert main(["review", "--corpus", str(root), "--accept", DRAFT["id"], "nope"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no draft claim 'nope'" in err[0], err
    assert (root / "claims" / "c.jsonl").read_bytes() == before
