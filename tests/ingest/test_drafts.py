"""Draft claims and proposed entities: parsed, validated, warned about, left out by default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bluntgraph
from bluntgraph import corpus_warnings, load_corpus, validate_corpus, without_drafts

from ..conftest import CorpusMaker

TEXT = (
    "Caffeine can delay sleep onset. Drinking coffee late in the day reduces deep sleep. "
    "Insomnia is common in shift workers."
)
ENTITIES: list[dict[str, Any]] = [
    {"id": "caffeine", "label": "caffeine", "type": "substance"},
    {"id": "sleep_onset_delay", "label": "delayed sleep onset", "type": "symptom"},
    {"id": "insomnia", "label": "insomnia", "type": "condition"},
    {"id": "shift_workers", "label": "shift workers", "type": "population", "status": "proposed"},
    {"id": "deep_sleep", "label": "deep sleep", "type": "concept", "status": "proposed"},
    {"id": "late_coffee", "label": "coffee late in the day", "type": "substance",
     "status": "proposed", "broader": ["caffeine"]},
]  # fmt: skip
CURATED = {
    "id": "c-caffeine-delays-sleep",
    "quote": "Caffeine can delay sleep onset.",
    "section": "body",
    "subject": "caffeine",
    "predicate": "causes",
    "object": "sleep_onset_delay",
    "certainty": {"level": "possible", "cue": "can"},
}
DRAFT = {
    "id": "c-late-coffee-deep-sleep",
    "quote": "Drinking coffee late in the day reduces deep sleep.",
    "section": "body",
    "subject": "late_coffee",
    "predicate": "decreases",
    "object": "deep_sleep",
    "status": "draft",
    "confidence": 0.7,
    "cues": ["reduces"],
}
CURATED_PROPOSED = {
    "id": "c-insomnia-shift",
    "quote": "Insomnia is common in shift workers.",
    "section": "body",
    "subject": "insomnia",
    "predicate": "prevalence",
    "object": "shift_workers",
}


def _corpus(make_corpus: CorpusMaker, claims: list[dict[str, Any]]) -> Path:
    return make_corpus(texts={"c": TEXT}, claims={"c": claims}, entities=ENTITIES)


def test_draft_fields_are_parsed_and_left_out_by_default(make_corpus: CorpusMaker) -> None:
    root = _corpus(make_corpus, [CURATED, DRAFT, CURATED_PROPOSED])
    assert validate_corpus(root) == []
    everything = load_corpus(root, include_drafts=True)
    draft = everything.claim_by_id["c-late-coffee-deep-sleep"]
    assert (draft.status, draft.confidence, draft.cues) == ("draft", 0.7, ("reduces",))
    assert draft.is_draft and not everything.claim_by_id["c-caffeine-delays-sleep"].is_draft
    assert everything.entity_by_id["deep_sleep"].is_proposed

    curated = load_corpus(root)
    assert [c.id for c in curated.claims] == ["c-caffeine-delays-sleep", "c-insomnia-shift"]
    # proposed entities only the draft used go; one a curated claim names stays
    assert "deep_sleep" not in curated.entity_by_id
    assert "late_coffee" not in curated.entity_by_id
    assert curated.entity_by_id["shift_workers"].status == "proposed"
    assert without_drafts(everything) == curated
    assert bluntgraph.load(root).summary()["claims"] == 2
    assert bluntgraph.load(root, include_drafts=True).summary()["claims"] == 3


def test_drafts_and_proposed_entities_are_warnings_with_lines(make_corpus: CorpusMaker) -> None:
    root = _corpus(make_corpus, [CURATED, DRAFT, CURATED_PROPOSED])
    shown = [str(w) for w in corpus_warnings(root)]
    assert any(
        w.startswith("claims/c.yaml:") and "claim 'c-late-coffee-deep-sleep': draft, "
        "confidence 0.70" in w for w in shown
    ), shown
    proposed = sorted(w.split("'")[1] for w in shown if "proposed term" in w)
    assert proposed == ["deep_sleep", "late_coffee", "shift_workers"]
    assert all(w.startswith("entities.yaml:") for w in shown if "proposed term" in w)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"status": "accepted"}, "'status' is 'accepted', not one of: draft"),
        ({"confidence": 1.5}, "'confidence' is 1.5, not between 0 and 1"),
        ({"confidence": -0.1}, "'confidence' is -0.1, not between 0 and 1"),
        ({"confidence": "high"}, "'confidence' must be a number from 0 to 1"),
        ({"confidence": True}, "'confidence' must be a number from 0 to 1"),
        ({"cues": {"a": 1}}, "field 'cues' must be a list"),
    ],
)
def test_bad_draft_fields_are_errors(
    make_corpus: CorpusMaker, change: dict[str, Any], expected: str
) -> None:
    root = _corpus(make_corpus, [CURATED, {**DRAFT, **change}])
    problems = [str(p) for p in validate_corpus(root)]
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_draft_quote_is_checked_like_any_quote(make_corpus: CorpusMaker) -> None:
    root = _corpus(make_corpus, [{**DRAFT, "quote": "coffee late at night"}])
    problems = [str(p) for p in validate_corpus(root)]
    assert len(problems) == 1 and "quote not found" in problems[0]


def test_bad_entity_status_is_an_error(make_corpus: CorpusMaker) -> None:
    entities = [*ENTITIES[:3], {"id": "x", "label": "x", "type": "concept", "status": "draft"}]
    root = make_corpus(texts={"c": TEXT}, claims={"c": [CURATED]}, entities=entities)
    problems = [str(p) for p in validate_corpus(root)]
    assert len(problems) == 1 and "'status' is 'draft', not one of: proposed" in problems[0]


def test_the_html_page_marks_drafts_and_proposed_terms(
    make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    root = _corpus(make_corpus, [CURATED, DRAFT, CURATED_PROPOSED])
    bluntgraph.load(root, include_drafts=True).to_html(tmp_path / "d.html")
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "draft: " in page and '"Draft claim"' in page and "borderDashes" in page
    assert "draft, not yet reviewed" in page and "proposed, not yet reviewed" in page
    assert "draft claim or proposed term" in page  # the legend says what dashes mean
    bluntgraph.load(root).to_html(tmp_path / "c.html")
    curated = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "Draft claim" not in curated and "draft, not yet reviewed" not in curated


def test_commands_leave_drafts_out_unless_asked(
    make_corpus: CorpusMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from bluntgraph.cli import main

    root = str(_corpus(make_corpus, [CURATED, DRAFT, CURATED_PROPOSED]))
    for drafts in ([], ["--include-drafts"]):
        assert main(["query", "claims", "--corpus", root, "--format", "csv", *drafts]) == 0
        shown = "c-late-coffee-deep-sleep" in capsys.readouterr().out
        assert shown == bool(drafts)
        assert main(["check", "--corpus", root, "--format", "json", *drafts]) == 0
        capsys.readouterr()
        assert main(["export", "--corpus", root, "--format", "nt", *drafts]) == 0
        shown = "c-late-coffee-deep-sleep" in capsys.readouterr().out
        assert shown == bool(drafts)
        out = tmp_path / f"view{len(drafts)}.html"
        assert main(["view", "--corpus", root, "-o", str(out), *drafts]) == 0
        assert ("Draft claim" in out.read_text(encoding="utf-8")) == bool(drafts)
    assert main(["validate", "--corpus", root]) == 0
    captured = capsys.readouterr()
    warned = captured.err.splitlines()  # reminders on stderr, the OK line alone on stdout
    # one reminder per file: the claims file's draft, entities.yaml's 3 proposed terms
    assert [line.split(" (")[0] for line in warned if line.startswith("warning: ")] == [
        "warning: entities.yaml: 3 proposed terms not yet reviewed",
        "warning: claims/c.yaml: 1 draft claim not yet reviewed",
    ]
    out = captured.out.splitlines()
    assert "(1 draft to review" in out[-1]
    assert not any(line.startswith("warning: ") for line in out)
    assert main(["validate", "--corpus", root, "--verbose"]) == 0  # each, with what to do
    warned = capsys.readouterr().err.splitlines()
    assert sum(line.startswith("warning: ") for line in warned) == 4
    assert sum("proposed term, not yet reviewed (a draft names it" in line for line in warned) == 3


def test_rdf_marks_drafts_and_round_trips_them(make_corpus: CorpusMaker) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from bluntgraph.rdf import from_rdf, to_rdf
    from bluntgraph.rdf.namespace import BG
    from bluntgraph.rdf.shapes import validate_rdf

    root = _corpus(make_corpus, [CURATED, {**DRAFT, "cues": ["reduces", "late in the day"]}])
    corpus = load_corpus(root, include_drafts=True)
    graph = to_rdf(corpus)
    drafts = set(graph.subjects(BG.status, Literal("draft")))
    assert [str(d).rsplit("/", 1)[-1] for d in drafts] == ["c-late-coffee-deep-sleep"]
    claim = next(iter(drafts))
    assert graph.value(claim, BG.confidence) == Literal("0.7", datatype=XSD.decimal)
    assert {str(c) for c in graph.objects(claim, BG.cue)} == {"reduces", "late in the day"}
    proposed = {str(e).rsplit("/", 1)[-1] for e in graph.subjects(BG.status, Literal("proposed"))}
    assert proposed == {"shift_workers", "deep_sleep", "late_coffee"}
    assert validate_rdf(graph) == []
    back = from_rdf(graph)
    assert back.claim_by_id["c-late-coffee-deep-sleep"].cues == ("reduces", "late in the day")
    assert back.claim_by_id["c-late-coffee-deep-sleep"].confidence == 0.7
    assert back.claims == corpus.claims and back.entities == corpus.entities
    # the shapes keep status values closed and confidence within 0–1
    graph.set((claim, BG.status, Literal("accepted")))
    graph.set((claim, BG.confidence, Literal("1.5", datatype=XSD.decimal)))
    problems = validate_rdf(graph)
    assert any("status" in p for p in problems) and any("confidence" in p for p in problems)
    assert isinstance(claim, URIRef)
