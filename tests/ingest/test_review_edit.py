"""Editing a draft during `bluntgraph review`: what a reviewer may get wrong is said in one
line, and the review goes on (no traceback, no decision lost)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bluntgraph import load_corpus
from bluntgraph.review import drafts_of, review_interactively


@pytest.fixture
def root(statins_drafts: Path) -> Path:
    return statins_drafts


def _review(root: Path, keys: str) -> tuple[str, list[str]]:
    corpus = load_corpus(root, include_drafts=True)
    drafts = drafts_of(corpus)
    shown = io.StringIO()
    review_interactively(root, drafts, corpus, keys=io.StringIO(keys), out=shown)
    return shown.getvalue(), [d.claim.id for d in drafts]


@pytest.fixture
def no_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


def test_a_new_quote_is_anchored_where_it_is(root: Path, no_editor: None) -> None:
    """The old offset is not kept with a new quote (it would point at the old place)."""
    quote = "Atorvastatin may cause muscle aches in some patients."
    shown, ids = _review(root, f"e\nquote: {quote}\n\na\n")
    assert "saved; still a draft" in shown, shown
    claim = load_corpus(root).claim_by_id[ids[0]]
    text = load_corpus(root).source_by_id[claim.source].text
    assert claim.quote == quote and text[claim.start : claim.end] == quote


def test_a_value_that_is_not_yaml_is_asked_again(root: Path, no_editor: None) -> None:
    shown, ids = _review(root, 'e\nquote: "never closed\npredicate: associated_with\n\na\n')
    assert "not a YAML value" in shown, shown
    claim = load_corpus(root).claim_by_id[ids[0]]
    assert claim.predicate == "associated_with" and not claim.is_draft


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text("import pathlib, sys\np = pathlib.Path(sys.argv[1])\n" + body)
    return f"{sys.executable} {script}"


@pytest.mark.parametrize(
    ("editor", "says"),
    [
        ("no-such-editor-anywhere", "cannot start the editor 'no-such-editor-anywhere'"),
        ("'unbalanced", "cannot start the editor"),
        (None, "the editor exited with status 3; nothing changed"),  # vim's :cq
    ],
)
def test_an_editor_that_fails_leaves_the_draft_and_the_review_goes_on(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str | None, says: str
) -> None:
    command = editor or _editor(tmp_path, "sys.exit(3)\n")
    monkeypatch.setenv("EDITOR", command)
    shown, ids = _review(root, "e\na\nr\n")
    assert says in shown, shown
    after = load_corpus(root, include_drafts=True).claim_by_id
    assert not after[ids[0]].is_draft  # accepted after the failed edit
    assert ids[1] not in after  # rejected: decisions after it still count


def test_an_editor_that_changes_nothing_says_unchanged(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "p.write_text(p.read_text())\n"))
    before = (root / "claims" / "do-statins-cause-muscle-pain.yaml").read_bytes()
    shown, _ = _review(root, "e\ns\ns\ns\n")
    assert "  unchanged" in shown.splitlines() and "saved" not in shown
    assert (root / "claims" / "do-statins-cause-muscle-pain.yaml").read_bytes() == before


def test_a_quote_changed_in_the_editor_is_anchored_where_it_is(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = "Lowering the dose can also help."
    monkeypatch.setenv("EDITOR", _editor(
        tmp_path,
        "import re\n"
        f"p.write_text(re.sub(r'quote: .*', 'quote: \"{new}\"', p.read_text()))\n",
    ))  # fmt: skip
    shown, ids = _review(root, "e\na\nq\n")
    assert "saved; still a draft" in shown, shown
    claim = load_corpus(root).claim_by_id[ids[0]]
    assert claim.quote == new and not claim.is_draft


def test_an_edit_may_name_a_new_term_which_is_proposed_then_accepted_with_the_claim(
    root: Path, no_editor: None
) -> None:
    """The usual fix for a wrongly drafted term: name the right one, even if the corpus
    does not have it yet. It is made a proposed entity (its type to be set), shown in the
    draft shown again, and accepted with the claim."""
    shown, ids = _review(root, "e\nobject: Rhabdomyolysis\n\na\n")
    assert "new proposed entity 'rhabdomyolysis' (type concept" in shown, shown
    after_edit = shown.split("saved; still a draft", 1)[1]
    assert "Rhabdomyolysis [rhabdomyolysis] (proposed)" in after_edit  # shown again
    # with its place in the review, and not the extractor's score of what it was
    assert f"[1/{len(ids)}] {ids[0]}  " in after_edit and "edited by you" in after_edit
    shown_again = after_edit.split("[a]ccept")[0]
    assert "confidence" not in shown_again and "cues:" not in shown_again
    corpus = load_corpus(root)
    claim = corpus.claim_by_id[ids[0]]
    assert claim.object == "rhabdomyolysis" and not claim.is_draft
    entity = corpus.entity_by_id["rhabdomyolysis"]
    assert (entity.label, entity.type, entity.status) == ("Rhabdomyolysis", "concept", None)


def test_an_edit_naming_a_term_by_its_label_names_its_id(root: Path, no_editor: None) -> None:
    corpus = load_corpus(root, include_drafts=True)
    some = next(e for e in corpus.entities if e.label != e.id)
    shown, ids = _review(root, f"e\nsubject: {some.label.upper()}\n\na\n")
    assert "new proposed entity" not in shown
    assert load_corpus(root).claim_by_id[ids[0]].subject == some.id


def test_a_typo_of_a_term_is_refused_not_made_a_term(root: Path, no_editor: None) -> None:
    corpus = load_corpus(root, include_drafts=True)
    term = max((e.id for e in corpus.entities), key=len)
    typo = term[:-2] + term[-1]  # one letter dropped
    shown, _ = _review(root, f"e\nsubject: {typo}\n\ns\ns\ns\n")
    assert "not saved" in shown and f"did you mean '{term}'" in shown, shown
    assert typo not in load_corpus(root, include_drafts=True).entity_by_id


def test_a_second_edit_starts_from_the_first(root: Path, no_editor: None) -> None:
    _, ids = _review(root, "e\npredicate: associated_with\n\ne\nnegated: true\n\na\n")
    claim = load_corpus(root).claim_by_id[ids[0]]
    assert claim.predicate == "associated_with" and claim.negated


def test_a_broader_or_narrower_group_is_a_new_term_not_a_typo(root: Path, no_editor: None) -> None:
    """A population one word shorter or longer than a term's ("adults" beside
    "older_adults") is another group, made a new population term, with its type said."""
    corpus = load_corpus(root, include_drafts=True)
    narrow = "older_adults_with_high_cholesterol"
    assert narrow not in corpus.entity_by_id
    shown, ids = _review(
        root,  # the subgroup on the first draft, then the wider group on the second
        f"e\npopulation: {narrow.replace('_', ' ')}\n\ns\n"
        "e\npopulation: adults with high cholesterol\n\na\n",
    )
    assert "did you mean" not in shown, shown
    assert f"new proposed entity '{narrow}' (type population" in shown, shown
    assert "new proposed entity 'adults_with_high_cholesterol' (type population" in shown, shown
    after = load_corpus(root, include_drafts=True)
    assert after.claim_by_id[ids[0]].population == narrow
    assert after.claim_by_id[ids[1]].population == "adults_with_high_cholesterol"
    assert after.entity_by_id["adults_with_high_cholesterol"].type == "population"
