"""Claims, entities, sources and references as pandas DataFrames and CSV files."""

from __future__ import annotations

import json

import pandas as pd

from ..model import Corpus

__all__ = [
    "CLAIM_COLUMNS",
    "ENTITY_COLUMNS",
    "SOURCE_COLUMNS",
    "claims_frame",
    "entities_frame",
    "sources_frame",
]

CLAIM_COLUMNS = [
    "id", "source", "section", "quote", "start", "end", "subject", "predicate", "object",
    "population", "condition", "time_course", "quantity_measure", "quantity_low",
    "quantity_high", "quantity_unit", "quantity_bound", "certainty", "certainty_cue",
    "negated", "attribution", "attribution_cue", "references", "expert", "attribution_mode",
    "facets", "note",
]  # fmt: skip
ENTITY_COLUMNS = [
    "id", "label", "type", "synonyms", "broader", "acts_on", "member_if", "disjoint_with",
    "takes", "has_condition", "duration", "xrefs", "description",
]  # fmt: skip
SOURCE_COLUMNS = [
    "id", "title", "publisher", "authors", "date", "url", "kind", "interests", "interests_note",
    "text_path", "sha256", "claims",
]  # fmt: skip


def claims_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per claim with its anchor, relation and qualifiers (``CLAIM_COLUMNS``).

    Lists (``references``) are joined with ``;``; ``facets`` is a JSON object;
    quantity bounds are floats (the model keeps exact decimals).

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> frame = claims_frame(load_corpus())
    >>> list(frame.columns[:5])
    ['id', 'source', 'section', 'quote', 'start']
    """
    rows = []
    for c in corpus.claims:
        q = c.quantity
        rows.append(
            {
                "id": c.id,
                "source": c.source,
                "section": c.section,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
                "subject": c.subject,
                "predicate": c.predicate,
                "object": c.object,
                "population": c.population,
                "condition": c.condition,
                "time_course": c.time_course,
                "quantity_measure": q.measure if q else None,
                "quantity_low": float(q.low) if q and q.low is not None else None,
                "quantity_high": float(q.high) if q and q.high is not None else None,
                "quantity_unit": q.unit if q else None,
                "quantity_bound": q.bound if q else None,
                "certainty": c.certainty.level,
                "certainty_cue": c.certainty.cue,
                "negated": c.negated,
                "attribution": c.attribution.kind,
                "attribution_cue": c.attribution.cue,
                "references": ";".join(c.attribution.references),
                "expert": c.attribution.expert,
                "attribution_mode": c.attribution.mode,
                "facets": json.dumps(dict(c.facets), ensure_ascii=False, sort_keys=True),
                "note": c.note,
            }
        )
    frame: pd.DataFrame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return frame


def entities_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per entity; lists joined with ``;``, mappings as ``key=value;…``."""
    rows = []
    for e in corpus.entities:
        rows.append(
            {
                "id": e.id,
                "label": e.label,
                "type": e.type,
                "synonyms": ";".join(e.synonyms),
                "broader": ";".join(e.broader),
                "acts_on": ";".join(e.acts_on),
                "member_if": ";".join(f"{k}={v}" for k, v in e.member_if),
                "disjoint_with": ";".join(e.disjoint_with),
                "takes": e.takes,
                "has_condition": e.has_condition,
                "duration": e.duration,
                "xrefs": ";".join(f"{k}={v}" for k, v in e.xrefs),
                "description": e.description,
            }
        )
    frame: pd.DataFrame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame


def sources_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per source: publisher, kind, interests and how many claims it makes."""
    counts: dict[str, int] = {}
    for claim in corpus.claims:
        counts[claim.source] = counts.get(claim.source, 0) + 1
    rows = []
    for s in corpus.sources:
        rows.append(
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "authors": ";".join(s.authors),
                "date": s.date,
                "url": s.url,
                "kind": s.kind,
                "interests": ";".join(s.interests),
                "interests_note": s.interests_note,
                "text_path": s.text_path,
                "sha256": s.sha256,
                "claims": counts.get(s.id, 0),
            }
        )
    frame: pd.DataFrame = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    return frame
