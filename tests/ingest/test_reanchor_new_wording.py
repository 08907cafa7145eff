"""`add --replace --reanchor` drafts the new wording of a lost curated quote's sentence.

Before, a curated claim whose quote the new version lost was kept to mend, and
only the drafts the extractor happened to make of the new sentences were
written: a rewording it read nothing from left the person mending the claim
without a draft of what the sentence says now, and a draft it did make was not
marked as that claim's new wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bluntgraph import load_corpus
from bluntgraph.cli import main
from bluntgraph.review import drafts_of, format_draft

from .conftest import corpus_with_article

_TEXT = (
    "Ear drops at home\n\nBy Lena Ortiz, 2 March 2024\n\n"
    "Garlic drops can cause ear irritation in young children. Olive oil is often used.\n\n"
    "Warm compresses relieve ear pain for some.\n\n"
    "See a doctor if a fever lasts more than two days.\n"
)


def _replace(root: Path, article: Path, text: str) -> int:
    article.write_text(text, encoding="utf-8")
    # (corpus_with_article adds the article as 'knees')
    return main(["add", str(article), "--corpus", str(root), "--id", "knees", "--replace",
                 "--reanchor"])  # fmt: skip


def _drafts(root: Path) -> dict[str, tuple[str, str, str, str, str | None]]:
    """The drafts of the claims file (the corpus does not load until the claim is mended)."""
    claims = yaml.safe_load((root / "claims" / "knees.yaml").read_text(encoding="utf-8"))
    return {c["id"]: (c["quote"], c["subject"], c["predicate"], c["object"], c.get("note"))
            for c in claims["claims"] if c.get("status") == "draft"}  # fmt: skip


@pytest.fixture
def curated(tmp_path: Path, stand_in: None) -> tuple[Path, Path, str]:
    """The article added and its drafts accepted: the curated claim of the garlic sentence."""
    root, article = corpus_with_article(tmp_path, _TEXT, "ears")
    assert main(["review", "--corpus", str(root), "--accept-all"]) == 0
    garlic = next(c.id for c in load_corpus(root).claims if c.object == "ear_irritation")
    return root, article, garlic


def test_a_rewording_that_drafts_nothing_gets_the_lost_claims_reading(
    curated: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root, article, garlic = curated
    new = "Some parents say garlic drops sting young children's ears."
    assert _replace(root, article, _TEXT.replace(
        "Garlic drops can cause ear irritation in young children.", new)) == 1  # fmt: skip
    drafts = _drafts(root)
    assert len(drafts) == 1, drafts
    quote, subject, predicate, obj, note = next(iter(drafts.values()))
    assert (quote, subject, predicate, obj) == (new, "drops", "causes", "ear_irritation")
    assert note is not None and f"new wording of the sentence of claim '{garlic}'" in note
    assert note.startswith("Nothing drafted")
    # the person reviewing sees why it is there (once the lost claim is deleted, here)
    path = root / "claims" / "knees.yaml"
    claims = yaml.safe_load(path.read_text(encoding="utf-8"))
    claims["claims"] = [c for c in claims["claims"] if c["id"] != garlic]
    path.write_text(yaml.safe_dump(claims), encoding="utf-8")
    corpus = load_corpus(root, include_drafts=True)
    shown = format_draft(drafts_of(corpus)[0], corpus)
    assert f"note: Nothing drafted from the new wording of the sentence of claim '{garlic}'" \
        in shown


def test_a_draft_of_the_new_wording_is_marked_and_other_new_sentences_are_not(
    curated: tuple[Path, Path, str]
) -> None:
    root, article, garlic = curated
    newer = _TEXT.replace("Garlic drops can cause ear irritation in young",
                          "Garlic drops may cause ear redness in young") + (
        "\nCold drops may worsen ear pain quickly.\n")  # fmt: skip
    assert _replace(root, article, newer) == 1
    drafts = sorted(_drafts(root).values())
    assert [d[:4] for d in drafts] == [
        ("drops may cause ear redness", "drops", "causes", "ear_redness"),
        ("drops may worsen ear pain", "drops", "worsens", "ear_pain"),
    ]
    assert drafts[1][4] is None  # a new sentence, not the new wording of a lost one
    assert drafts[0][4] is not None and drafts[0][4].startswith(
        f"The new wording of the sentence of claim '{garlic}'")


def test_a_deleted_sentence_has_no_new_wording(curated: tuple[Path, Path, str]) -> None:
    root, article, _ = curated
    assert _replace(root, article, _TEXT.replace(
        "Garlic drops can cause ear irritation in young children. ", "")) == 1  # fmt: skip
    assert _drafts(root) == {}
