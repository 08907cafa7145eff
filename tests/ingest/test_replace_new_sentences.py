"""`add --replace` drafts the sentences the new version adds or changes, nothing else.

A sentence the old version had was drafted then, and the reviewer's decision on it
stands: a draft edited and accepted was drafted again as it first was ("…-2"), and a
sentence that had drafted nothing drafted new noise once the vocabulary had grown.
Drafts still waiting for review are kept, where their sentence now is.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from bluntgraph import Entity, load_corpus
from bluntgraph.cli import main

from .conftest import StandInDrafts, corpus_with_article, stand_in_drafter

_TEXT = (
    "Knee care\n\nBy Ana Ruiz, 4 May 2023\n\n"
    "Running can cause knee strain in beginners. Stretching is popular.\n\n"
    "Swimming relieves joint stiffness often.\n"
)


@pytest.fixture
def grown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in drafter, which also drafts 'stretching associated_with knees' from the
    stretching sentence once the vocabulary holds a term 'knees' (added after the first add)."""
    import bluntgraph.ingest

    def drafter(text: str, vocabulary: Any = None, source_id: str = "draft",
                references: Any = None) -> StandInDrafts:  # fmt: skip
        drafts = stand_in_drafter(text, vocabulary, source_id, references)
        quote = "Stretching is popular."
        known = {e.id for e in getattr(vocabulary, "entities", ())}
        if "knees" not in known or quote not in text:
            return drafts
        start = text.index(quote)
        noise = dataclasses.replace(
            drafts.claims[0], id=f"{source_id}-draft-noise", quote=quote, start=start,
            end=start + len(quote), subject="stretching", predicate="associated_with",
            object="knees", cues=(),
        )  # fmt: skip
        stretching = Entity("stretching", "stretching", "concept", status="proposed")
        return StandInDrafts([*drafts.claims, noise], [*drafts.entities, stretching])

    monkeypatch.setattr(bluntgraph.ingest, "_default_drafter", lambda: drafter)


def _add(root: Path, article: Path, text: str, *more: str) -> None:
    article.write_text(text, encoding="utf-8")
    assert main(["add", str(article), "--corpus", str(root), "--id", "knees", *more]) == 0


def _drafts(root: Path) -> list[tuple[str, str, str, str]]:
    return [(c.quote, c.subject, c.predicate, c.object)
            for c in load_corpus(root, include_drafts=True).claims if c.is_draft]  # fmt: skip


def test_reviewed_sentences_are_not_drafted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], grown: None
) -> None:
    root, article = corpus_with_article(tmp_path, _TEXT, "knees")
    claims_file = root / "claims" / "knees.yaml"
    # the reviewer corrects the running draft (it is a risk for beginners), accepts everything
    text = claims_file.read_text(encoding="utf-8")
    claims_file.write_text(text.replace("predicate: causes", "predicate: increases"), "utf-8")
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    with (root / "entities.yaml").open("a", encoding="utf-8") as entities:
        entities.write("- {id: knees, label: knees, type: concept}\n")  # the vocabulary grows
    capsys.readouterr()
    _add(root, article, _TEXT + "\nCycling may worsen hip pain sometimes.\n", "--replace")
    assert "1 draft claim" in capsys.readouterr().out
    assert _drafts(root) == [("Cycling may worsen hip pain", "cycling", "worsens", "hip_pain")]
    curated = load_corpus(root).claims
    assert sorted((c.subject, c.predicate) for c in curated) == [
        ("running", "increases"), ("swimming", "reduces")]  # fmt: skip
    assert "stretching" not in load_corpus(root, include_drafts=True).entity_by_id


def test_drafts_still_to_review_are_kept_where_their_sentence_now_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], grown: None
) -> None:
    twice = _TEXT + "\nAgain: Swimming relieves joint stiffness often.\n"
    root, article = corpus_with_article(tmp_path, twice, "knees")
    before = yaml.safe_load((root / "claims" / "knees.yaml").read_text(encoding="utf-8"))
    ids = [c["id"] for c in before["claims"]]
    assert [c.get("start") for c in before["claims"]][2] is not None  # the second swimming
    # the new version puts a paragraph first: every sentence moves, none changes
    moved = twice.replace("By Ana Ruiz, 4 May 2023\n\n",
                          "By Ana Ruiz, 4 May 2023\n\nSoccer can cause ankle sprains.\n\n")
    _add(root, article, moved, "--replace")
    corpus = load_corpus(root, include_drafts=True)
    after = [c for c in corpus.claims if c.is_draft]
    assert [c.id for c in after][:3] == ids  # the same drafts, still to review
    text = corpus.source_by_id["knees"].text
    assert all(text[c.start : c.end] == c.quote for c in after)
    assert after[2].start > after[1].start  # the second occurrence is still the second
    assert [c.quote for c in after[3:]] == ["Soccer can cause ankle sprains"]


def test_reanchor_takes_a_new_text_that_lost_curated_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stand_in: None
) -> None:
    """A publisher's edit touching a curated quote: refused with the way out, and with
    --reanchor the new text is taken, the claim kept for the reviewer to mend."""
    root, article = corpus_with_article(tmp_path, _TEXT, "knees")
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    newer = _TEXT.replace("cause knee strain", "cause knee pain") + (
        "\nCycling may worsen hip pain sometimes.\n"
    )
    article.write_text(newer, encoding="utf-8")
    capsys.readouterr()
    add = ["add", str(article), "--corpus", str(root), "--id", "knees", "--replace"]
    assert main(add) == 2
    assert "--replace --reanchor" in capsys.readouterr().err
    assert main(["add", str(article), "--corpus", str(root), "--reanchor"]) == 2
    assert "--reanchor goes with --replace" in capsys.readouterr().err
    assert main([*add, "--reanchor"]) == 1
    said = capsys.readouterr()
    assert "quote not found" in said.err and "1 curated claim no longer matches" in said.err
    assert (root / "texts" / "knees.txt").read_text(encoding="utf-8") == newer
    claims = yaml.safe_load((root / "claims" / "knees.yaml").read_text(encoding="utf-8"))
    quotes = {(c["quote"], c.get("status")) for c in claims["claims"]}
    assert ("Running can cause knee strain", None) in quotes  # kept, to mend
    assert ("Cycling may worsen hip pain", "draft") in quotes  # the new sentence drafted
    assert ("Swimming relieves joint stiffness", None) in quotes
    assert main(["validate", "--corpus", str(root)]) == 1  # until the claim is mended
