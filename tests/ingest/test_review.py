"""`bluntgraph review`: accept, reject and edit drafts; the whole "done when" flow."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bluntgraph import load_corpus, validate_corpus
from bluntgraph.cli import main
from bluntgraph.review import drafts_of, review_interactively

from .conftest import snapshot


def _corpus_with_drafts(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], *pages: str
) -> Path:
    root = tmp_path / "new"
    assert main(["init", str(root), "--empty"]) == 0
    for page in pages or ("statins-muscle-pain.html",):
        assert main(["add", str(data / page), "--corpus", str(root)]) == 0
    capsys.readouterr()
    return root


def test_done_when_flow_init_add_review_build(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(
        tmp_path, data, capsys, "statins-muscle-pain.html", "caffeine-notes.txt"
    )
    drafts = load_corpus(root, include_drafts=True).claims
    sure = {c.id for c in drafts if c.confidence is not None and c.confidence >= 0.5}
    unsure = {c.id for c in drafts} - sure
    assert sure and unsure  # the stand-in gives hedged drafts 0.4 and plain ones 0.8
    (root / "claims" / "do-statins-cause-muscle-pain.yaml").write_text(
        (root / "claims" / "do-statins-cause-muscle-pain.yaml").read_text(encoding="utf-8")
        + "# a reviewer's comment at the end\n",
        encoding="utf-8",
    )
    assert main(["review", "--corpus", str(root), "--accept-all", "--min-confidence", "0.5"]) == 0
    assert f"accepted {len(sure)}, rejected 0, left {len(unsure)} drafts" in capsys.readouterr().out
    corpus = load_corpus(root, include_drafts=True)
    for claim in corpus.claims:
        if claim.id in sure:
            assert (claim.status, claim.confidence, claim.cues) == (None, None, ())
        else:
            assert claim.is_draft
    # the entities accepted claims name are accepted; the others stay proposed
    named_by_accepted = {x for c in corpus.claims if c.id in sure for x in (c.subject, c.object)}
    assert named_by_accepted
    for entity in corpus.entities:  # every entity here was proposed by `add`
        assert entity.is_proposed == (entity.id not in named_by_accepted), entity.id
    text = (root / "claims" / "do-statins-cause-muscle-pain.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Draft claims") and "# a reviewer's comment" in text
    assert validate_corpus(root) == []

    out = tmp_path / "out"
    assert main(["build", "--corpus", str(root), "--out", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert f"{len(sure)} claim{'s' * (len(sure) != 1)}," in printed
    assert f"left out {len(unsure)} draft" in printed
    rows = (out / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + len(sure)
    assert main(["build", "--corpus", str(root), "--out", str(out), "-q", "--include-drafts"]) == 0
    assert f"{len(drafts)} claim{'s' * (len(drafts) != 1)}," in capsys.readouterr().out
    assert json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"] is not None


def test_accept_and_reject_by_id(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(tmp_path, data, capsys)
    ids = [c.id for c in load_corpus(root, include_drafts=True).claims]
    assert len(ids) >= 3
    entities_before = {e.id for e in load_corpus(root, include_drafts=True).entities}
    code = main(["review", "--corpus", str(root), "--accept", ids[0], "--reject", *ids[1:]])
    assert code == 0
    corpus = load_corpus(root)
    assert [c.id for c in corpus.claims] == [ids[0]]
    kept = load_corpus(root, include_drafts=True)
    assert [c.id for c in kept.claims] == [ids[0]]
    # proposed entities only rejected drafts used are gone; the accepted one's are curated
    claim = kept.claims[0]
    assert {e.id for e in kept.entities} == {claim.subject, claim.object}
    assert not any(e.is_proposed for e in kept.entities)
    assert {claim.subject, claim.object} < entities_before


def test_unknown_id_changes_nothing(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(tmp_path, data, capsys)
    first = load_corpus(root, include_drafts=True).claims[0].id
    before = snapshot(root)
    assert main(["review", "--corpus", str(root), "--accept", first, "no-such-claim"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no draft claim 'no-such-claim'" in err[0]
    # the command to run, with this corpus's folder (it said --corpus DIR)
    assert err[0].endswith(f"`bluntgraph review --corpus {root} --list` lists the drafts"), err
    assert snapshot(root) == before
    assert main(["review", "--corpus", str(root), "--accept", first, "--reject", first]) == 2
    assert "both accepted and rejected" in capsys.readouterr().err
    assert main(["review", "--corpus", str(root), "--min-confidence", "0.5"]) == 2
    assert snapshot(root) == before


def test_list_and_non_terminal_show_the_quote_in_context(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(tmp_path, data, capsys)
    before = snapshot(root)
    assert main(["review", "--corpus", str(root), "--list"]) == 0
    out = capsys.readouterr().out
    assert "»Atorvastatin may cause muscle aches« in some patients." in out
    assert "atorvastatin [atorvastatin] (proposed) —causes→ muscle aches" in out
    assert "confidence 0.40" in out
    assert snapshot(root) == before
    assert main(["review", "--corpus", str(root), "--source", "nope"]) == 2
    assert "unknown source 'nope'" in capsys.readouterr().err


def test_no_terminal_and_no_decision_is_a_usage_error(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    """`review` in a pipe or CI without --list/--accept/--reject/--accept-all: exit 2, not 0."""
    root = _corpus_with_drafts(tmp_path, data, capsys)
    before = snapshot(root)
    # as a user runs it: stdin and stdout not a terminal (`< /dev/null`, output captured)
    run = subprocess.run(
        [sys.executable, "-m", "bluntgraph.cli", "review", "--corpus", str(root)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stdout == ""
    err = run.stderr.strip().splitlines()
    assert len(err) == 1, run.stderr
    assert "needs a terminal" in err[0] and "--list" in err[0] and "--accept-all" in err[0]
    assert snapshot(root) == before
    # the non-interactive ways still work without a terminal
    assert main(["review", "--corpus", str(root), "--list"]) == 0
    assert "draft claims to review" in capsys.readouterr().out
    assert snapshot(root) == before


def test_no_drafts_says_so(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(tmp_path, data, capsys, "caffeine-sleep.htm")
    source = load_corpus(root).sources[0].id
    assert main(["review", "--corpus", str(root), "--source", source, "--accept-all"]) == 0
    assert "no draft claims of source" in capsys.readouterr().out


def test_interactive_keys_accept_reject_edit_skip(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    root = _corpus_with_drafts(tmp_path, data, capsys)
    corpus = load_corpus(root, include_drafts=True)
    drafts = drafts_of(corpus)
    assert len(drafts) == 3
    # 1: edit the predicate inline (a bad value first, refused), then accept; 2: reject; 3: skip
    keys = io.StringIO(
        "e\npredicate: pushes\n\ne\npredicate: associated_with\n\na\nr\ns\n"
    )
    shown = io.StringIO()
    result = review_interactively(root, drafts, corpus, keys=keys, out=shown)
    assert "not saved" in shown.getvalue() and "'predicate' is 'pushes'" in shown.getvalue()
    assert result.accepted == (drafts[0].claim.id,)
    assert result.rejected == (drafts[1].claim.id,)
    assert result.edited == (drafts[0].claim.id,)
    after = load_corpus(root, include_drafts=True).claim_by_id
    assert after[drafts[0].claim.id].predicate == "associated_with"
    assert not after[drafts[0].claim.id].is_draft
    assert drafts[1].claim.id not in after
    assert after[drafts[2].claim.id].is_draft


def test_interactive_edit_in_editor(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    root = _corpus_with_drafts(tmp_path, data, capsys)
    corpus = load_corpus(root, include_drafts=True)
    drafts = drafts_of(corpus)[:1]
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('predicate: causes', 'predicate: worsens'))\n"
    )
    import sys

    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    result = review_interactively(root, drafts, corpus, keys=io.StringIO("e\na\n"),
                                  out=io.StringIO())  # fmt: skip
    assert result.accepted == (drafts[0].claim.id,)
    claim = load_corpus(root).claim_by_id[drafts[0].claim.id]
    assert claim.predicate == "worsens" and claim.status is None


def test_quit_keeps_decisions_so_far(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(tmp_path, data, capsys)
    corpus = load_corpus(root, include_drafts=True)
    drafts = drafts_of(corpus)
    result = review_interactively(root, drafts, corpus, keys=io.StringIO("r\nq\n"),
                                  out=io.StringIO())  # fmt: skip
    assert result.rejected == (drafts[0].claim.id,)
    left = load_corpus(root, include_drafts=True).claims
    assert [c.id for c in left] == [d.claim.id for d in drafts[1:]]


HAND_WRITTEN = """\
source: c
claims:
  # ------------------------------------------------ written by hand
  - id: c-caffeine-delays-sleep
    quote: "Caffeine can delay sleep onset."
    section: body
    subject: caffeine
    predicate: causes      # not 'worsens': onset is delayed, not made worse
    object: sleep_onset_delay
    certainty: {level: possible, cue: "can"}

  # ------------------------------------------------ drafted
  - id: c-coffee-deep-sleep
    quote: 'Drinking coffee late in the day reduces deep sleep.'
    section: body
    subject: caffeine
    predicate: decreases
    object: deep_sleep
    status: draft
    confidence: 0.7
    cues: [reduces]
  - id: c-insomnia-shift
    quote: "Insomnia is common in shift workers."
    section: body
    subject: insomnia
    predicate: prevalence
    object: shift_workers
    status: draft
    confidence: 0.3
    cues: [common]
"""


def test_review_changes_only_the_decided_lines(
    make_corpus: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_drafts import ENTITIES, TEXT

    root = make_corpus(texts={"c": TEXT}, claims={}, entities=ENTITIES)
    claims_file = root / "claims" / "c.yaml"
    claims_file.write_text(HAND_WRITTEN, encoding="utf-8")
    entities_before = (root / "entities.yaml").read_text(encoding="utf-8")
    assert main(["review", "--corpus", str(root), "--accept", "c-coffee-deep-sleep",
                 "--reject", "c-insomnia-shift"]) == 0  # fmt: skip
    after = claims_file.read_text(encoding="utf-8")
    expected = HAND_WRITTEN.split("  - id: c-insomnia-shift")[0]
    expected = expected.replace("    status: draft\n    confidence: 0.7\n    cues: [reduces]\n", "")
    # the rejected draft is remembered below the claims, for `add --replace`
    expected += (
        "# drafts rejected in review: `bluntgraph add --replace` does not draft them again\n"
        "rejected:\n  - {quote: \"Insomnia is common in shift workers.\", subject: insomnia, "
        "predicate: prevalence, object: shift_workers}\n"
    )
    assert after == expected
    # deep_sleep (named by the accepted draft) is accepted; shift_workers (named only
    # by the rejected one) goes; late_coffee, which no claim named, stays: no draft
    # that named it was rejected
    entities = (root / "entities.yaml").read_text(encoding="utf-8")
    assert entities != entities_before
    corpus = load_corpus(root, include_drafts=True)
    assert not corpus.entity_by_id["deep_sleep"].is_proposed
    assert "shift_workers" not in corpus.entity_by_id
    assert corpus.entity_by_id["late_coffee"].is_proposed


def test_a_proposed_entity_an_edit_no_longer_names_is_removed(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    root = _corpus_with_drafts(tmp_path, data, capsys)
    corpus = load_corpus(root, include_drafts=True)
    first = corpus.claims[0]
    other = next(e.id for e in corpus.entities if e.id not in (first.subject, first.object))
    assert [c for c in corpus.claims if first.subject in (c.subject, c.object)] == [first]
    # the reviewer edits the draft (review's e) to name another term, then accepts it
    edited = {"quote": first.quote, "section": first.section, "subject": other,
              "predicate": first.predicate, "object": first.object}  # fmt: skip
    keys = io.StringIO("e\n" + f"subject: {other}\n\n" + "a\nq\n")
    drafts = drafts_of(corpus)
    result = review_interactively(root, drafts, corpus, keys=keys, out=io.StringIO())
    assert result.accepted == (first.id,), result
    after = load_corpus(root, include_drafts=True)
    assert after.claim_by_id[first.id].subject == edited["subject"]
    assert first.subject not in after.entity_by_id  # nobody names it: gone, not left proposed
    assert result.entities_removed == (first.subject,)  # and the summary says so


def test_an_accepted_draft_keeps_its_id(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    """A claim's id is stable (design: IRIs, finding ids and dismissals are made from it).

    A draft may have been built, checked, exported or dismissed with
    ``--include-drafts`` under its id: accepting it keeps that id, "-draft-"
    and all, so none of those references breaks.
    """
    root = _corpus_with_drafts(tmp_path, data, capsys)
    before = {c.id: c.quote for c in load_corpus(root, include_drafts=True).claims}
    assert before and all("-draft-" in claim_id for claim_id in before)
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    after = load_corpus(root)
    assert {c.id: c.quote for c in after.claims} == before
    assert not any(c.is_draft for c in after.claims)


def test_interactive_review_of_a_read_only_corpus_is_refused_before_any_key(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], stand_in: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import os

    from bluntgraph.errors import OutputError

    root = _corpus_with_drafts(tmp_path, data, capsys)
    corpus = load_corpus(root, include_drafts=True)
    drafts = drafts_of(corpus)
    before = {p: p.read_bytes() for p in (root / "claims").iterdir()}
    # the claims folder as a read-only mount shows it (root ignores chmod, not a mount): the
    # system says it cannot be written
    real_access = os.access
    claims = root / "claims"
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if (
        Path(path) == claims and mode & os.W_OK) else real_access(path, mode, **kw))
    shown = io.StringIO()
    with pytest.raises(OutputError, match=r"cannot write .*claims: the folder is read-only"):
        review_interactively(root, drafts, corpus, keys=io.StringIO("a\na\nq\n"), out=shown)
    assert shown.getvalue() == ""  # no draft shown, no key asked for
    assert {p: p.read_bytes() for p in claims.iterdir()} == before
