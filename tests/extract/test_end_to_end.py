"""End to end: anxietycentre's claims all drafted from its raw text still show the FAQ reversal."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

import bluntgraph
from bluntgraph import Claim, Entity, draft_claims, load_corpus


def _claim_yaml(claim: Claim) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": claim.id, "quote": claim.quote, "start": claim.start, "section": claim.section,
        "subject": claim.subject, "predicate": claim.predicate, "object": claim.object,
        "status": claim.status, "confidence": claim.confidence, "cues": list(claim.cues),
    }  # fmt: skip
    if claim.population:
        raw["population"] = claim.population
    if claim.quantity is not None:
        q = claim.quantity
        raw["quantity"] = {"measure": q.measure, "unit": q.unit, "bound": q.bound}
        raw["quantity"].update({k: float(v) for k, v in (("low", q.low), ("high", q.high))
                                if v is not None})
    if claim.certainty.level != "certain" or claim.certainty.cue:
        raw["certainty"] = {"level": claim.certainty.level, "cue": claim.certainty.cue}
    if claim.negated:
        raw["negated"] = True
    a = claim.attribution
    if a.kind != "none":
        raw["attribution"] = {"kind": a.kind, "cue": a.cue, "mode": a.mode,
                              "references": list(a.references), "expert": a.expert}
    return raw


def _entity_yaml(entity: Entity) -> dict[str, Any]:
    raw: dict[str, Any] = {"id": entity.id, "label": entity.label, "type": entity.type,
                           "status": entity.status}
    if entity.takes:
        raw["takes"] = entity.takes
    if entity.has_condition:
        raw["has_condition"] = entity.has_condition
    return raw


def test_drafted_anxietycentre_still_shows_the_faq_reversal(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(bluntgraph.bundled_corpus_path(), root)
    corpus = load_corpus(root)
    text = corpus.source_by_id["anxietycentre"].text
    drafts = draft_claims(text, corpus, source_id="anxietycentre", references=corpus.references)
    assert drafts.claims
    document = {"source": "anxietycentre", "claims": [_claim_yaml(c) for c in drafts.claims]}
    (root / "claims" / "anxietycentre.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if drafts.entities:
        entities = yaml.safe_load((root / "entities.yaml").read_text(encoding="utf-8"))
        entities["entities"].extend(_entity_yaml(e) for e in drafts.entities)
        (root / "entities.yaml").write_text(
            yaml.safe_dump(entities, allow_unicode=True, sort_keys=False), encoding="utf-8")

    without = bluntgraph.load(root)
    assert not [c for c in without.corpus.claims if c.source == "anxietycentre"]

    kg = bluntgraph.load(root, include_drafts=True)
    drafted = [c for c in kg.corpus.claims if c.source == "anxietycentre"]
    assert drafted and all(c.status == "draft" for c in drafted)
    faq = [c for c in drafted if c.section == "faq" and c.quantity is not None]
    directions = {c.predicate for c in faq}
    assert {"causes", "reduces"} <= directions
    reversal = [
        f for f in kg.findings
        if f.kind == "contradiction"
        and {"causes", "reduces"} <= {kg.corpus.claim_by_id[c.id].predicate for c in f.claims}
        and any(kg.corpus.claim_by_id[c.id].section == "faq" for c in f.claims)
        and all(c.source == "anxietycentre" for c in f.claims)
    ]
    assert reversal, [f.message for f in kg.findings if f.kind == "contradiction"]
    quotes = {c.quote for c in reversal[0].claims}
    assert any("40 to 60 percent" in q for q in quotes)
    assert any("40 - 60 percent" in q for q in quotes)
