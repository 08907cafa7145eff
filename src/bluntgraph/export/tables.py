"""Claims, entities, sources and references as pandas DataFrames and CSV files."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..model import Corpus

__all__ = [
    "CLAIM_COLUMNS",
    "ENTITY_COLUMNS",
    "SOURCE_COLUMNS",
    "claims_frame",
    "csv_text",
    "entities_frame",
    "frame_csv",
    "neutralise_formula",
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


#: a cell starting with one of these is read as a formula by spreadsheets (OWASP, "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a leading ``'`` when it would be a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    is run as a formula by Excel, LibreOffice and Google Sheets; OWASP's
    advice is to prefix such a cell with a single quote, which the
    spreadsheet shows as text. Plain numbers (``-0.5``, ``+3``) are left as
    they are.

    Examples
    --------
    >>> print(neutralise_formula('=HYPERLINK("http://x","click")'))
    '=HYPERLINK("http://x","click")
    >>> neutralise_formula("-12.5"), neutralise_formula("statins")
    ('-12.5', 'statins')
    """
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    text = neutralise_formula(str(value)) if isinstance(value, str) else str(value)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV (RFC 4180 quoting, ``\\n`` line ends), safe to open in a spreadsheet.

    Every field holding a comma, a double quote, a line feed *or a carriage
    return* is quoted (Python's csv module leaves a bare CR unquoted when
    lines end in LF, which splits the row for every reader); text that a
    spreadsheet would run as a formula is neutralised
    (:func:`neutralise_formula`). Missing values are empty.

    Examples
    --------
    >>> print(csv_text(["id", "quote"], [["a", "line one\\rline two"], ["b", "=1+1"]]), end="")
    id,quote
    a,"line one\rline two"
    b,'=1+1
    """
    lines = [",".join(_cell(c) for c in columns)]
    lines += [",".join(_cell(value) for value in row) for row in rows]
    return "".join(line + "\n" for line in lines)


def frame_csv(frame: pd.DataFrame) -> str:
    """A DataFrame as :func:`csv_text` writes it: every column, no index."""
    return csv_text([str(c) for c in frame.columns], frame.itertuples(index=False, name=None))
