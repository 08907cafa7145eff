"""The evidence table a review team pastes into its report: one row per relation.

Built on :func:`bluntgraph.checks.evidence_table` (its grouping, brand → drug
normalisation, attribution classes and score), with the asserted and the
denied form of each relation on one row: the sources for and against it, the
figures given with their populations, the strongest attribution, how firmly
the sources for it and those against it put it, and the conflicts the checks
found. :func:`format_evidence` writes it as Markdown, CSV or a standalone HTML
page whose rows link to the map.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import pandas as pd

from ..checks.evidence import ATTRIBUTION_WEIGHTS, CONFLICT_KINDS, evidence_table
from ..checks.findings import Finding
from ..checks.wording import figure, relation
from ..errors import QueryError, printable
from ..model import Corpus
from ..vocabulary import Vocabulary
from .tables import frame_csv

__all__ = ["EVIDENCE_TABLE_COLUMNS", "EVIDENCE_TABLE_FORMATS", "evidence_rows", "format_evidence"]

#: the columns of :func:`evidence_rows`, in order
EVIDENCE_TABLE_COLUMNS = [
    "relation", "subject", "predicate", "object", "sources_for", "sources_against",
    "for", "against", "claims", "figures", "populations", "attribution", "certainty",
    "hedged_only", "certainty_against", "hedged_only_against", "conflicts", "finding_ids",
    "conflict_kinds", "conflict_notes", "score", "key", "claim_ids",
]  # fmt: skip
#: the formats :func:`format_evidence` writes
EVIDENCE_TABLE_FORMATS = ("md", "csv", "html")

_ATTRIBUTION_WORDS = {
    "peer_reviewed": "peer-reviewed",
    "cited": "cites a source",
    "expert": "named expert",
    "vague": "vague appeal",
    "unattributed": "none given",
}


def evidence_rows(
    corpus: Corpus,
    findings: Sequence[Finding],
    vocabulary: Vocabulary | None = None,
    outcome: str | None = None,
) -> pd.DataFrame:
    """One row per relation (subject, predicate, object) with its evidence for and against.

    Parameters
    ----------
    corpus, findings
        The loaded corpus and the checks' findings.
    vocabulary
        Resolves ``outcome`` (built from the corpus when omitted).
    outcome
        An entity's id, label or synonym: keep the relations whose object is
        it or a kind of it ("what causes, treats… emotional blunting").

    Returns
    -------
    pandas.DataFrame
        Columns ``EVIDENCE_TABLE_COLUMNS``: ``relation`` in words; entity ids;
        ``sources_for``/``sources_against`` (distinct sources asserting or
        denying it) and ``for``/``against`` (their ids, ``;``-joined);
        ``claims``; ``figures`` (each figure given, with its population and
        source); ``populations``; ``attribution`` (the strongest backing any
        claim gives: peer-reviewed, cites a source, named expert, vague
        appeal, none given); ``certainty`` (the firmest wording of the
        sources for it — of those against it when none asserts it: a firm
        denial lends a hedged assertion nothing); ``hedged_only`` (none of
        them states it as certain); ``certainty_against`` and
        ``hedged_only_against`` (the same for the sources against it; empty
        when none denies it); ``conflicts``,
        ``finding_ids``, ``conflict_kinds`` and ``conflict_notes`` (the
        conflict findings involving its claims, each once, with their kind
        and message); ``score`` (the support score of
        the asserted form, see ``docs/checks.md``); ``key`` (names the
        relation on the map: ``graph.html#rel=<key>``); ``claim_ids``.
        Sorted by number of sources, then score (both descending).

    Raises
    ------
    UnknownTermError
        ``outcome`` names no entity.

    Examples
    --------
    >>> import bluntgraph
    >>> table = bluntgraph.load().evidence_table(outcome="emotional blunting")
    >>> table.columns[:3].tolist()
    ['relation', 'subject', 'predicate']
    """
    vocab = vocabulary if vocabulary is not None else Vocabulary(corpus)
    base = evidence_table(corpus, findings)
    wanted: frozenset[str] | None = None
    if outcome is not None:
        from ..query import resolve_entity

        wanted = vocab.descendants(resolve_entity(vocab, outcome))
    by_id = {f.id: f for f in findings}
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for record in base.to_dict(orient="records"):
        row = {str(k): v for k, v in record.items()}
        if wanted is not None and row["object"] not in wanted:
            continue
        groups.setdefault((row["subject"], row["predicate"], row["object"]), []).append(row)
    rows = []
    for (subject, predicate, obj), parts in groups.items():
        asserted = next((r for r in parts if not r["negated"]), None)
        denied = next((r for r in parts if r["negated"]), None)
        claim_ids = [c for r in parts for c in str(r["claim_ids"]).split(";") if c]
        claims = [corpus.claim_by_id[c] for c in claim_ids if c in corpus.claim_by_id]
        figures = []
        # who the sources for it speak of, then who those against it do: "older adults"
        # of a denial is no group the relation is claimed for
        populations: dict[bool, list[str]] = {False: [], True: []}
        for claim in claims:
            population = vocab.label(claim.population) if claim.population else ""
            if population and population not in populations[claim.negated]:
                populations[claim.negated].append(population)
            if claim.quantity is not None:
                text = figure(claim.quantity) + (f" in {population}" if population else "")
                text += f" ({claim.source})"
                if text not in figures:
                    figures.append(text)
        finding_ids = sorted({f for r in parts for f in str(r["finding_ids"]).split(";") if f})
        conflicts = [
            by_id[f] for f in finding_ids if f in by_id and by_id[f].kind in CONFLICT_KINDS
        ]
        strongest = next(
            (name for name in ATTRIBUTION_WEIGHTS if any(r[name] for r in parts)), "unattributed"
        )
        # how firmly the sources for it put it (those against it when none asserts it); the
        # sources against it have their own columns, never lent to the sources for it
        side = asserted if asserted else denied
        assert side is not None  # a group has at least one row
        firmest, hedged_only = _firmness(side)
        against_firmest, against_hedged_only = _firmness(denied) if denied else (None, None)
        rows.append(
            {
                "relation": relation(vocab.label(subject), predicate, vocab.label(obj), False),
                "subject": subject,
                "predicate": predicate,
                "object": obj,
                "sources_for": int(asserted["sources"]) if asserted else 0,
                "sources_against": int(denied["sources"]) if denied else 0,
                "for": str(asserted["source_ids"]) if asserted else "",
                "against": str(denied["source_ids"]) if denied else "",
                "claims": len(claims),
                "figures": "; ".join(figures),
                "populations": _populations(populations[False], populations[True]),
                "attribution": _ATTRIBUTION_WORDS[strongest],
                "certainty": firmest,
                "hedged_only": hedged_only,
                "certainty_against": against_firmest,
                "hedged_only_against": against_hedged_only,
                "conflicts": len(conflicts),
                "finding_ids": ";".join(f.id for f in conflicts),
                "conflict_kinds": ";".join(f"{f.kind} {f.id}" for f in conflicts),
                "conflict_notes": "\n".join(f"{f.kind}: {f.message}" for f in conflicts),
                "score": float(asserted["score"]) if asserted else 0.0,
                "key": f"{subject}|{predicate}|{obj}",
                "claim_ids": ";".join(claim_ids),
            }
        )
    frame = pd.DataFrame(rows, columns=EVIDENCE_TABLE_COLUMNS)
    frame["_sources"] = frame["sources_for"] + frame["sources_against"]
    frame = frame.sort_values(
        ["_sources", "score", "relation"], ascending=[False, False, True], kind="stable"
    )
    result: pd.DataFrame = frame.drop(columns="_sources").reset_index(drop=True)
    return result


def _firmness(row: dict[str, Any]) -> tuple[str, bool]:
    """The firmest certainty of one side's claims, and whether every source of it hedges."""
    return str(row["certainty"]), int(row["hedged"]) == int(row["sources"])


def _certainty_words(level: str, hedged_only: bool) -> str:
    return level + (" (hedged only)" if hedged_only else "")


def _sources_cell(count: int, ids: str) -> str:
    return f"{count} ({ids.replace(';', ', ')})" if count else "0"


def _cells(row: Any) -> list[str]:
    kinds = str(row.conflict_kinds).replace(";", ", ")
    conflicts = f"{row.conflicts}: {kinds}" if row.conflicts else ""
    certainty = _certainty_words(str(row.certainty), bool(row.hedged_only))
    # a frame built otherwise (an older CSV read back) may not have the column
    against = getattr(row, "certainty_against", None)
    if isinstance(against, str) and against:
        against = _certainty_words(against, bool(getattr(row, "hedged_only_against", False)))
    else:
        against = ""
    return [
        str(row.relation),
        _sources_cell(int(row.sources_for), str(row["for"])),
        _sources_cell(int(row.sources_against), str(row.against)),
        str(row.figures),
        str(row.populations),
        str(row.attribution),
        certainty,
        against,
        conflicts,
    ]


def _populations(asserted: list[str], denied: list[str]) -> str:
    """The Populations cell: "adults; children; against: older adults"."""
    against = f"against: {'; '.join(denied)}" if denied else ""
    return "; ".join([*asserted, against] if against else asserted)


_HEADS = ["Relation", "Sources for", "Sources against", "Figures", "Populations",
          "Strongest attribution", "Certainty", "Certainty against", "Conflicts"]  # fmt: skip

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1rem 1.5rem; color: #1d1d1f; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }}
th {{ background: #f0f0f0; position: sticky; top: 0; }}
tr.conflict td:first-child {{ border-left: 4px solid #d62728; }}
td {{ overflow-wrap: anywhere; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{intro}</p>
<table>
<thead><tr>{heads}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def format_evidence(
    frame: pd.DataFrame, format: str = "md", *, map_href: str = "graph.html", title: str = ""
) -> str:
    """The evidence table as Markdown, CSV (every column) or a standalone HTML page.

    In HTML, every relation links to ``map_href#rel=<key>``, where the map
    page selects that relation and opens its claims. All text is escaped.
    Certainty is how firmly the sources for a relation put it (its denials,
    when none asserts it); Certainty against, how firmly the sources against
    it put it (empty when none denies it).

    Examples
    --------
    >>> import bluntgraph
    >>> table = bluntgraph.load().evidence_table(outcome="emotional blunting")
    >>> format_evidence(table, "md").splitlines()[0].startswith("| Relation | Sources for")
    True
    """
    if format not in EVIDENCE_TABLE_FORMATS:
        raise QueryError(
            f"unknown table format {format!r}; choose from {', '.join(EVIDENCE_TABLE_FORMATS)}"
        )
    if format == "csv":  # formulas neutralised, as every CSV bluntgraph writes
        return frame_csv(frame)
    if format == "md":

        def md(text: str) -> str:  # inert: no HTML a Markdown renderer would pass through
            return html.escape(printable(" ".join(text.split())), quote=False).replace("|", "\\|")

        lines = ["| " + " | ".join(_HEADS) + " |", "|" + "---|" * len(_HEADS)]
        for _, row in frame.iterrows():
            lines.append("| " + " | ".join(md(c) for c in _cells(row)) + " |")
        return "\n".join(lines) + "\n"
    body = []
    for _, row in frame.iterrows():
        cells = [html.escape(c) for c in _cells(row)]
        link = html.escape(f"{map_href}#rel={quote(str(row.key), safe='')}", quote=True)
        cells[0] = f'<a href="{link}">{cells[0]}</a>'
        if row.conflicts:
            notes = "".join(
                f"<li>{html.escape(note)}</li>" for note in str(row.conflict_notes).split("\n")
            )
            cells[-1] = f"<details><summary>{cells[-1]}</summary><ul>{notes}</ul></details>"
        css = ' class="conflict"' if row.conflicts else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    name = title or "Evidence table"
    return _PAGE.format(
        csp="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'",
        title=html.escape(name),
        intro=html.escape(
            f"{len(frame)} relation{'s' * (len(frame) != 1)}, one row each: the sources that "
            "assert it and those that "
            "deny it, the figures given, the strongest attribution, how firmly the sources for "
            "it put it and how firmly those against it do, and the conflicts the checks found. "
            "Each relation links to its claims on the map."
        ),
        heads="".join(f"<th>{html.escape(h)}</th>" for h in _HEADS),
        rows="\n".join(body),
    )
