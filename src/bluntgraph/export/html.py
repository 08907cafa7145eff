"""The evidence graph as one interactive HTML page that works offline and keeps text inert.

The page is bluntgraph's own small template (``bluntgraph/templates/graph.*``)
with vis-network's JavaScript inlined from the files the pinned ``pyvis``
package ships; the nodes, edges, tooltips and legend travel as one JSON
document inside ``<script type="application/json">`` and the page builds
every piece of corpus text into the DOM with ``textContent``.

Why not pyvis's ``Network`` class: in pyvis 0.3.2 any node title containing
"href" switches every tooltip to an ``innerHTML`` popup, ``heading`` and
``select_menu`` insert raw text, the template links Bootstrap from a CDN even
with ``cdn_resources="in_line"``, ``from_nx`` mutates its input and
``add_edge`` scans a list per edge. Owning the template removes all five; the
only thing taken from pyvis is the vis-network build it ships.

A Content-Security-Policy stops the page from making any request
(``default-src 'none'``) and lets only its own two scripts run (their
sha256 hashes; ``'unsafe-inline'`` is the fallback for browsers without
hash support), so even markup that slipped into the DOM could neither run
nor reach the network.

Graphs of up to :data:`PHYSICS_LIMIT` nodes are laid out by vis-network's
physics in the browser, then frozen, and the page moves apart what would draw
one name on another (``separateLabels`` in ``graph.js``); larger ones get positions computed here
(a seeded spring layout of the best-connected nodes, every other node placed
beside its neighbours) and physics off.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import itertools
import json
import math
import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import networkx as nx

from ..errors import OutputError, QueryError, UnknownTermError
from ..graph import FINDING_RELATIONS, node_id
from ..vocabulary import Vocabulary

if TYPE_CHECKING:
    from IPython.display import HTML

    from ..model import Corpus

__all__ = [
    "KINDS",
    "LEVELS",
    "PHYSICS_LIMIT",
    "graph_html",
    "iframe_html",
    "notebook_html",
    "relation_key",
    "resolve_focus",
    "view_nodes",
    "write_html",
]

#: the node kinds a view can show, in legend order
KINDS = ("source", "claim", "entity", "reference")

#: above this many nodes, positions are computed in Python and physics is off
PHYSICS_LIMIT = 300

#: at most this many nodes go through the force layout (numpy's dense solver
#: stays below networkx's 500-node switch to scipy); the rest are placed beside
#: their neighbours in linear time
_LAYOUT_ANCHORS = 400
_LAYOUT_SEED = 7

_VIS_JS = "templates/lib/vis-9.1.2/vis-network.min.js"
_CONFLICT_RELATIONS = frozenset(FINDING_RELATIONS.values())
_KIND_OF_RELATION = {relation: kind for kind, relation in FINDING_RELATIONS.items()}

#: kind -> (shape, fill, border)
_KIND_STYLE = {
    "source": ("square", "#1f4e79", "#0d2a45"),
    "claim": ("dot", "#f6c85f", "#b7862a"),
    "entity": ("diamond", "#90a4ae", "#546e7a"),
    "reference": ("triangle", "#9e9e9e", "#616161"),
}
#: entity type -> fill colour (families: drugs teal, illness red/pink, care green…)
_ENTITY_COLOURS = {
    "drug": "#2a9d8f",
    "brand": "#66c2b5",
    "drug_class": "#17695f",
    "condition": "#a23b72",
    "symptom": "#e07a9b",
    "therapy": "#3f9b3f",
    "practice": "#8bc34a",
    "action": "#c0ca33",
    "substance": "#0097a7",
    "target": "#4dd0e1",
    "population": "#7e57c2",
    "concept": "#a1887f",
    "organization": "#607d8b",
    "journal": "#b0bec5",
}
_CONFLICT_COLOUR = "#d62728"
_DRAFT_DASHES = [5, 4]  # the border of a draft claim or proposed term
_FOCUS_BORDER = "#111111"

Tip = dict[str, Any]


# ---------------------------------------------------------------- selecting


def _kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    """The kinds asked for, checked against :data:`KINDS` (a str may list them with commas)."""
    if kinds is None:
        return KINDS
    names = kinds.split(",") if isinstance(kinds, str) else list(kinds)
    chosen = tuple(dict.fromkeys(name.strip() for name in names if name.strip()))
    unknown = [name for name in chosen if name not in KINDS]
    if unknown or not chosen:
        raise QueryError(
            f"unknown node kind {', '.join(map(repr, unknown))}; choose from {', '.join(KINDS)}"
            if unknown
            else f"no node kind given; choose from {', '.join(KINDS)}"
        )
    return chosen


def resolve_focus(graph: nx.MultiDiGraph, term: str, vocabulary: Vocabulary | None = None) -> str:
    """The graph node ``term`` names: an entity's id, label or synonym, or any record's id.

    Raises :class:`~bluntgraph.errors.UnknownTermError`, with the closest
    names as suggestions, when nothing matches.

    Examples
    --------
    >>> from bluntgraph import load
    >>> kg = load()
    >>> resolve_focus(kg.graph, "Selective Serotonin Reuptake Inhibitor", kg.vocabulary)
    'entity:ssri'
    """
    if not isinstance(term, str):
        shown = f"{term!r:.60}"
        raise TypeError(f"the focus must be named as text, not {type(term).__name__} {shown}")
    wanted = term.strip()
    if vocabulary is not None:
        entity = vocabulary.resolve(wanted)
        if entity is not None and node_id("entity", entity) in graph:
            return node_id("entity", entity)
    if wanted in graph:
        return wanted
    for kind in KINDS:
        if node_id(kind, wanted) in graph:
            return node_id(kind, wanted)
    names: dict[str, str] = {}
    labels: dict[str, str] = {}  # entity labels: where a part of a name is looked for
    for node, attrs in graph.nodes(data=True):
        names.setdefault(str(attrs.get("id", node)).casefold(), str(attrs.get("id", node)))
        if attrs.get("kind") == "entity":
            label = str(attrs.get("label", "")).casefold()
            names.setdefault(label, str(attrs.get("id")))
            labels.setdefault(label, str(attrs.get("id")))
    close = difflib.get_close_matches(wanted.casefold(), list(names), n=3, cutoff=0.7)
    if wanted:
        # "omega" → "omega-3 supplements": entities whose label contains the word given
        close += [label for label in labels if wanted.casefold() in label][:5]
    raise UnknownTermError(
        "entity, claim, source or reference", wanted, list(dict.fromkeys(names[c] for c in close))
    )


def view_nodes(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 2,
    kinds: str | Iterable[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[list[str], str | None]:
    """The nodes a view shows, in graph order, and the focus node (None without a focus).

    Only nodes of ``kinds`` are kept; with a ``focus``, only those at most
    ``depth`` hops from it (in either direction) through kept nodes.

    Examples
    --------
    >>> from bluntgraph import load
    >>> kg = load()
    >>> nodes, focus = view_nodes(kg.graph, focus="ssri", depth=1, vocabulary=kg.vocabulary)
    >>> focus, focus in nodes, len(nodes) < kg.graph.number_of_nodes()
    ('entity:ssri', True, True)
    """
    chosen = set(_kinds(kinds))
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise QueryError(f"depth must be a whole number of hops, 0 or more (got {depth!r})")
    kept = {node for node, kind in graph.nodes(data="kind") if kind in chosen}
    if focus is None:
        return [node for node in graph if node in kept], None
    start = resolve_focus(graph, focus, vocabulary)
    kept.add(start)
    hops = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if hops[here] == depth:
            continue
        for there in itertools.chain(graph.successors(here), graph.predecessors(here)):
            if there in kept and there not in hops:
                hops[there] = hops[here] + 1
                queue.append(there)
    if "source" in chosen:
        # a claim without its source means little: keep the source of every claim shown
        for node in list(hops):
            if graph.nodes[node].get("kind") == "claim":
                source = node_id("source", str(graph.nodes[node].get("source")))
                if source in graph:
                    hops.setdefault(source, depth + 1)
    return [node for node in graph if node in hops], start


# ---------------------------------------------------------------- layout


def _components(neighbours: dict[str, set[str]], nodes: list[str]) -> list[list[str]]:
    """Connected components, largest first (ties in graph order), each in BFS order."""
    seen: set[str] = set()
    components = []
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        component = [start]
        for here in component:  # the list grows while we walk it: a BFS
            for there in neighbours[here]:
                if there not in seen:
                    seen.add(there)
                    component.append(there)
        components.append(component)
    return sorted(components, key=len, reverse=True)


def _spread_out(
    neighbours: dict[str, set[str]], component: list[str]
) -> dict[str, tuple[float, float]]:
    """Positions for one connected component, centred on the origin.

    The best-connected nodes (at most ``_LAYOUT_ANCHORS``) get a seeded spring
    layout; every other node goes beside the nodes it links to, on a small
    golden-angle spiral so nodes sharing a spot fan out.
    """
    spread = 100.0 * math.sqrt(len(component))
    order = sorted(component, key=lambda node: (-len(neighbours[node]), node))
    if len(component) <= 2:
        anchors = order[:1]
        pos = {anchors[0]: (0.0, 0.0)}
    else:
        anchors = order[:_LAYOUT_ANCHORS]
        core = nx.Graph()
        core.add_nodes_from(anchors)
        anchor_set = set(anchors)
        core.add_edges_from((u, v) for u in anchors for v in neighbours[u] if v in anchor_set)
        raw = nx.spring_layout(core, seed=_LAYOUT_SEED, scale=spread)
        pos = {node: (float(xy[0]), float(xy[1])) for node, xy in raw.items()}
    step = 55.0
    crowd: Counter[tuple[int, int]] = Counter()
    queue = deque(anchors)
    while queue:
        here = queue.popleft()
        # Filter the (small) neighbour set; `set - dict.keys()` walks every placed node.
        for there in sorted(n for n in neighbours[here] if n not in pos):
            placed = [pos[n] for n in neighbours[there] if n in pos]
            cx = sum(p[0] for p in placed) / len(placed)
            cy = sum(p[1] for p in placed) / len(placed)
            cell = (round(cx / step), round(cy / step))
            k = crowd[cell]
            crowd[cell] += 1
            radius, angle = step * math.sqrt(k + 1), k * 2.399963
            pos[there] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            queue.append(there)
    return pos


def _layout(
    nodes: list[str], links: Iterable[tuple[str, str]]
) -> dict[str, tuple[float, float]]:
    """Screen positions for ``nodes`` joined by ``links``: each connected component spread
    out, the largest first, the smaller ones packed in rows below it (time linear in the
    graph's size, plus a spring layout of at most ``_LAYOUT_ANCHORS`` nodes per component)."""
    neighbours: dict[str, set[str]] = {node: set() for node in nodes}
    for u, v in links:
        if u != v and u in neighbours and v in neighbours:
            neighbours[u].add(v)
            neighbours[v].add(u)
    positions: dict[str, tuple[float, float]] = {}
    gap = 70.0
    row_left = row_width = x = y = row_height = 0.0
    for index, component in enumerate(_components(neighbours, nodes)):
        local = _spread_out(neighbours, component)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        if index == 0:
            row_left, row_width = min(xs), max(width, 900.0)
            x, y = row_left + row_width + 1, max(ys) + 2 * gap
        if x + width > row_left + row_width:  # start a new row below
            x, y, row_height = row_left, y + row_height + gap, 0.0
        dx = x - min(xs) if index else 0.0
        dy = y - min(ys) if index else 0.0
        for node, (px, py) in local.items():
            positions[node] = (px + dx, py + dy)
        if index:
            x += width + gap
            row_height = max(row_height, height)
    return positions


# ---------------------------------------------------------------- text


def _short(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _label_of(graph: nx.MultiDiGraph, kind: str, ident: Any) -> str:
    """The label of the ``kind`` record ``ident`` (the id if the graph lacks it)."""
    attrs = graph.nodes.get(node_id(kind, str(ident)))
    return str(attrs.get("label") or ident) if attrs else str(ident)


def _says(graph: nx.MultiDiGraph, claim: Mapping[str, Any]) -> str:
    """A claim as one line of words: 'SSRI causes emotional blunting', 'statins do not
    cause memory loss'."""
    from ..checks.wording import relation

    subject = _label_of(graph, "entity", claim.get("subject"))
    obj = _label_of(graph, "entity", claim.get("object"))
    return relation(subject, str(claim.get("predicate", "")), obj, bool(claim.get("negated")))


def _figure(quantity: Mapping[str, Any]) -> str:
    """A quantity as words: '40–60 percent (range) of proportion_affected'."""
    low, high = quantity.get("low"), quantity.get("high")
    if low is not None and high is not None and low != high:
        value = f"{low}–{high}"
    else:
        value = str(low if low is not None else high if high is not None else "?")
    unit = f" {quantity['unit']}" if quantity.get("unit") else ""
    bound = str(quantity.get("bound") or "exact").replace("_", " ")
    return f"{value}{unit} ({bound}) of {quantity.get('measure', '')}".strip()


def _rows(*pairs: tuple[str, Any]) -> list[list[Any]]:
    """Tooltip rows, leaving out empty values; lists stay lists (shown as bullets)."""
    rows: list[list[Any]] = []
    for name, value in pairs:
        if value is None or value == "" or value == [] or value == ():
            continue
        rows.append(
            [name, [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)]
        )
    return rows


def _cites_and_evidence(
    graph: nx.MultiDiGraph, attribution: Mapping[str, Any]
) -> tuple[list[str], str]:
    """A claim's citations as "key: title (year)" lines, and its evidence in one line."""
    cites = []
    for key in attribution.get("references") or ():
        fields = (graph.nodes.get(node_id("reference", str(key))) or {}).get("fields") or {}
        title, year = fields.get("title"), fields.get("year")
        cites.append(str(key) + (f": {title}" if title else "") + (f" ({year})" if year else ""))
    evidence = " · ".join(
        str(part)
        for part in (
            attribution.get("kind"),
            attribution.get("mode") if attribution.get("mode") != "asserts" else None,
            f"“{attribution['cue']}”" if attribution.get("cue") else None,
            attribution.get("expert"),
        )
        if part
    )
    return cites, evidence


def _claim_tip(graph: nx.MultiDiGraph, attrs: Mapping[str, Any], findings: list[str]) -> Tip:
    source = str(attrs.get("source", ""))
    certainty = attrs.get("certainty") or {}
    attribution = attrs.get("attribution") or {}
    cites, evidence = _cites_and_evidence(graph, attribution)
    level = str(certainty.get("level", ""))
    cue = certainty.get("cue")
    quantity = attrs.get("quantity")
    rows = [["quote", f"“{attrs.get('quote', '')}”", "quote"]]
    rows += _rows(
        ("source", f"{_label_of(graph, 'source', source)} ({source})"),
        ("section", attrs.get("section")),
        ("says", _says(graph, attrs)),
        (
            "population",
            _label_of(graph, "entity", attrs["population"]) if attrs.get("population") else None,
        ),
        ("condition", attrs.get("condition")),
        ("time course", attrs.get("time_course")),
        ("figure", _figure(quantity) if quantity else None),
        ("certainty", level + (f" (“{cue}”)" if cue else "")),
        ("evidence", evidence),
        ("cites", cites),
        ("findings", findings),
        ("note", attrs.get("note")),
        ("status", "draft, not yet reviewed" if attrs.get("status") == "draft" else None),
        ("confidence", attrs.get("confidence")),
        ("cues", list(attrs.get("cues") or ())),
        ("id", attrs.get("id")),
    )
    return {"title": "Draft claim" if attrs.get("status") == "draft" else "Claim", "rows": rows}


def _entity_tip(graph: nx.MultiDiGraph, attrs: Mapping[str, Any], claims: int) -> Tip:
    xrefs = attrs.get("xrefs") or {}
    return {
        "title": str(attrs.get("label", attrs.get("id", ""))),
        "rows": _rows(
            ("type", str(attrs.get("entity_type", "")).replace("_", " ")),
            ("id", attrs.get("id")),
            ("synonyms", ", ".join(map(str, attrs.get("synonyms") or ()))),
            ("identifiers", [f"{scheme}: {value}" for scheme, value in xrefs.items()]),
            ("is a", ", ".join(_label_of(graph, "entity", b) for b in attrs.get("broader") or ())),
            (
                "acts on",
                ", ".join(_label_of(graph, "entity", b) for b in attrs.get("acts_on") or ()),
            ),
            ("description", attrs.get("description")),
            ("status", "proposed, not yet reviewed" if attrs.get("status") == "proposed" else None),
            ("claims", claims or None),
        ),
    }


def _source_tip(graph: nx.MultiDiGraph, attrs: Mapping[str, Any], claims: int) -> Tip:
    return {
        "title": str(attrs.get("title", attrs.get("id", ""))),
        "rows": _rows(
            ("publisher", attrs.get("publisher")),
            ("authors", ", ".join(map(str, attrs.get("authors") or ()))),
            ("date", attrs.get("date")),
            ("kind", attrs.get("source_kind")),
            ("url", attrs.get("url")),
            (
                "sells or promotes",
                ", ".join(_label_of(graph, "entity", i) for i in attrs.get("interests") or ()),
            ),
            ("interests", attrs.get("interests_note")),
            ("claims", claims),
            ("id", attrs.get("id")),
        ),
    }


_BIB_ORDER = ("title", "author", "year", "journal", "booktitle", "publisher", "doi", "pmid", "url")


def _reference_tip(attrs: Mapping[str, Any], citing: int) -> Tip:
    from ..model import _shown_names

    fields = dict(attrs.get("fields") or {})
    for name in ("author", "editor"):  # "{World Health Organization}" is one name, shown bare
        if isinstance(fields.get(name), str):
            fields[name] = _shown_names(fields[name])
    ordered = [name for name in _BIB_ORDER if name in fields]
    ordered += sorted(name for name in fields if name not in _BIB_ORDER)
    return {
        "title": str(fields.get("title") or attrs.get("key", "")),
        "rows": _rows(
            ("key", attrs.get("key")),
            ("type", attrs.get("entry_type")),
            *((name, fields[name]) for name in ordered),
            ("cited by", f"{citing} claim{'s' * (citing != 1)}" if citing else None),
        ),
    }


def _conflict_tip(graph: nx.MultiDiGraph, u: str, v: str, attrs: Mapping[str, Any]) -> Tip:
    kind = _KIND_OF_RELATION.get(str(attrs.get("relation")), str(attrs.get("relation")))
    rows = _rows(
        ("finding", attrs.get("finding")),
        ("why", attrs.get("message")),
        ("rule", attrs.get("rule")),
    )
    for end in (u, v):
        claim = graph.nodes.get(end) or {}
        rows.append(["quote", f"“{claim.get('quote', '')}”", "quote"])
        rows += _rows(
            ("from", f"{_label_of(graph, 'source', claim.get('source'))} ({claim.get('id', end)})")
        )
    return {
        "title": f"{kind} ({attrs.get('severity', '')}): {attrs.get('relation', '')}",
        "rows": rows,
        "style": "conflict",
    }


def _edge_tip(graph: nx.MultiDiGraph, u: str, v: str, attrs: Mapping[str, Any]) -> Tip:
    return {
        "title": str(attrs.get("relation", "")),
        "rows": _rows(
            ("from", _short(str(graph.nodes[u].get("label", u)), 80)),
            ("to", _short(str(graph.nodes[v].get("label", v)), 80)),
            ("predicate", attrs.get("predicate")),
        ),
    }


# ---------------------------------------------------------------- page data


def _safe_link(url: Any) -> str | None:
    """``url`` if it is an http(s) address (never ``javascript:`` or ``data:``), else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _page_data(graph: nx.MultiDiGraph, nodes: list[str], focus: str | None) -> dict[str, Any]:
    """Everything the page draws, as plain JSON-able data (one pass over nodes and edges)."""
    shown = set(nodes)
    findings_of: dict[str, list[str]] = {}
    claims_about: Counter[str] = Counter()
    for u, v, attrs in graph.edges(data=True):
        relation = attrs.get("relation")
        if relation in _CONFLICT_RELATIONS:
            for here, there in ((u, v), (v, u)):
                findings_of.setdefault(here, []).append(
                    f"{attrs.get('finding')}: {relation} {graph.nodes[there].get('id', there)}"
                )
        elif relation in ("asserts", "cites"):
            claims_about[v if relation == "cites" else u] += 1
        elif relation in ("subject", "object", "population"):
            claims_about[v] += 1

    physics = len(nodes) <= PHYSICS_LIMIT
    positions = {} if physics else _layout(nodes, graph.edges())
    items = []
    kinds_seen: Counter[str] = Counter()
    types_seen: Counter[str] = Counter()
    drafts_seen = 0
    for node in nodes:
        attrs = graph.nodes[node]
        kind = str(attrs.get("kind", "entity"))
        kinds_seen[kind] += 1
        shape, fill, border = _KIND_STYLE.get(kind, _KIND_STYLE["entity"])
        border_width = 1.5
        size = 10.0
        extra: dict[str, Any] = {}
        link = None
        names = [str(attrs.get("id", node))]
        if kind == "claim":
            label = _short(_says(graph, attrs), 60)
            tip = _claim_tip(graph, attrs, findings_of.get(node, []))
            size = 8.0
            extra["widthConstraint"] = {"maxWidth": 170}
            names.append(str(attrs.get("quote", "")))
            if node in findings_of:
                border, border_width = _CONFLICT_COLOUR, 3.0
            if attrs.get("status") == "draft":
                label = f"draft: {label}"
                extra["shapeProperties"] = {"borderDashes": _DRAFT_DASHES}
                drafts_seen += 1
        elif kind == "source":
            label = _short(str(attrs.get("title", node)), 48)
            tip = _source_tip(graph, attrs, claims_about[node])
            size = 22.0
            extra["font"] = {"size": 16, "bold": True}
            link = _safe_link(attrs.get("url"))
            names.append(str(attrs.get("title", "")))
        elif kind == "reference":
            label = _short(str(attrs.get("key", node)), 40)
            tip = _reference_tip(attrs, claims_about[node])
            size = 11.0
            names.append(str((attrs.get("fields") or {}).get("title", "")))
        else:
            entity_type = str(attrs.get("entity_type", "concept"))
            types_seen[entity_type] += 1
            fill = _ENTITY_COLOURS.get(entity_type, fill)
            label = _short(str(attrs.get("label", node)), 36)
            tip = _entity_tip(graph, attrs, claims_about[node])
            size = min(9.0 + 2.2 * math.sqrt(claims_about[node]), 30.0)
            names += [str(attrs.get("label", "")), *map(str, attrs.get("synonyms") or ())]
            if attrs.get("status") == "proposed":
                extra["shapeProperties"] = {"borderDashes": _DRAFT_DASHES}
                drafts_seen += 1
        if node == focus:
            border, border_width = _FOCUS_BORDER, 4.0
            size *= 1.4
        vis: dict[str, Any] = {
            "label": label,
            "shape": shape,
            "size": round(size, 1),
            "borderWidth": border_width,
            "color": {
                "background": fill,
                "border": border,
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            },
            **extra,
        }
        if not physics:
            x, y = positions[node]
            vis["x"], vis["y"] = round(x, 1), round(y, 1)
        item: dict[str, Any] = {
            "id": node,
            "kind": kind,
            "vis": vis,
            "tip": tip,
            "find": " ".join(names).casefold(),
        }
        if link:
            item["link"] = link
        items.append(item)

    edges: list[dict[str, Any]] = []
    parallel: Counter[tuple[str, str]] = Counter()
    conflicts: set[str] = set()
    for u, v, attrs in graph.edges(data=True):
        if u not in shown or v not in shown:
            continue
        relation = str(attrs.get("relation", ""))
        pair = (u, v) if u <= v else (v, u)
        rank = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, Any] = {"label": relation.replace("_", " ")}
        if rank and not physics:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * rank}
        if relation in _CONFLICT_RELATIONS:
            conflicts.add(str(attrs.get("finding")))
            edge.update(
                color={
                    "color": _CONFLICT_COLOUR,
                    "highlight": _CONFLICT_COLOUR,
                    "hover": _CONFLICT_COLOUR,
                },
                dashes=[8, 5],
                width=3,
                arrows={"to": {"enabled": False}},
                font={"color": _CONFLICT_COLOUR, "size": 11},
            )
            tip = _conflict_tip(graph, u, v, attrs)
        else:
            tip = _edge_tip(graph, u, v, attrs)
        edges.append({"id": f"e{len(edges)}", "from": u, "to": v, "vis": edge, "tip": tip})

    legend_nodes: list[dict[str, Any]] = []
    for kind in KINDS:
        if not kinds_seen[kind]:
            continue
        shape, fill, border = _KIND_STYLE[kind]
        if kind == "entity":
            for entity_type in sorted(types_seen, key=lambda t: (t not in _ENTITY_COLOURS, t)):
                legend_nodes.append(
                    {
                        "label": f"entity: {entity_type.replace('_', ' ')}",
                        "shape": shape,
                        "color": _ENTITY_COLOURS.get(entity_type, fill),
                        "border": border,
                    }
                )
            continue
        legend_nodes.append({"label": kind, "shape": shape, "color": fill, "border": border})
        if kind == "claim" and findings_of.keys() & shown:
            legend_nodes.append(
                {
                    "label": "claim in a conflict",
                    "shape": shape,
                    "color": fill,
                    "border": _CONFLICT_COLOUR,
                }
            )
    if drafts_seen:
        legend_nodes.append(
            {"label": "draft claim or proposed term (dashed border): not yet reviewed",
             "shape": "dot", "color": "#ffffff", "border": "#555555", "dashed": True}
        )  # fmt: skip
    legend_edges = [{"label": "relation (its name is on the edge)", "style": "line"}]
    if conflicts:
        legend_edges.append({"label": "conflict found by the checks", "style": "dashed"})
    return {
        "physics": physics,
        "focus": focus,
        "nodes": items,
        "edges": edges,
        "legend": {"nodes": legend_nodes, "edges": legend_edges},
        "counts": dict(kinds_seen) | {"conflicts": len(conflicts)},
    }


# ---------------------------------------------------------------- the map level

#: predicate -> (wording, wording when denied), as the map's edge labels say it
_VERBS = {
    "causes": ("causes", "does not cause"),
    "worsens": ("worsens", "does not worsen"),
    "reduces": ("reduces", "does not reduce"),
    "treats": ("treats", "does not treat"),
    "recommends": ("recommended for", "not recommended for"),
    "associated_with": ("associated with", "not associated with"),
    "symptom_of": ("symptom of", "not a symptom of"),
    "prevalence": ("occurs in", "does not occur in"),
    "defined_as": ("is", "is not"),
    "same_as": ("same as", "not the same as"),
    "distinct_from": ("distinct from", "not distinct from"),
    "acts_on": ("acts on", "does not act on"),
    "increases": ("raises", "does not raise"),
    "decreases": ("lowers", "does not lower"),
    "safe_for": ("safe for", "not safe for"),
    "interacts_with": ("interacts with", "does not interact with"),
}
#: predicate -> edge colour on the map (families: more of the object, less of it, links)
_PREDICATE_COLOURS = {
    "causes": "#2f6db5",
    "worsens": "#2f6db5",
    "increases": "#2f6db5",
    "reduces": "#2e8b57",
    "treats": "#2e8b57",
    "decreases": "#2e8b57",
    "recommends": "#2e8b57",
    "symptom_of": "#7a869a",
    "associated_with": "#7a869a",
    "prevalence": "#7a869a",
    "acts_on": "#7a869a",
    "defined_as": "#8e7cc3",
    "same_as": "#8e7cc3",
    "distinct_from": "#8e7cc3",
    "safe_for": "#2e8b57",
    "interacts_with": "#7a869a",
}
_OTHER_COLOUR = "#7a869a"
#: finding kinds that mean two claims cannot (comfortably) both be right
_CONFLICT_KINDS = frozenset(FINDING_RELATIONS)
_CONTEXT = 160  # characters of the article shown on each side of a quote


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The words just before and after ``text[start:end]``, cut at word boundaries."""
    if not text or not 0 <= start <= end <= len(text):
        return "", ""
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    if start > _CONTEXT and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + _CONTEXT < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return before, after


def _finding_records(
    graph: nx.MultiDiGraph, findings: Iterable[Any] | None, claims: set[str]
) -> dict[str, dict[str, Any]]:
    """Every finding involving one of ``claims`` (ids), once, keyed by its id.

    Without ``findings`` they are read back from the graph's claim–claim edges.
    """
    records: dict[str, dict[str, Any]] = {}
    if findings is None:
        for u, v, attrs in graph.edges(data=True):
            relation = attrs.get("relation")
            if relation not in _CONFLICT_RELATIONS:
                continue
            ident = str(attrs.get("finding"))
            record = records.setdefault(
                ident,
                {
                    "id": ident,
                    "kind": _KIND_OF_RELATION.get(str(relation), str(relation)),
                    "severity": str(attrs.get("severity", "")),
                    "rule": str(attrs.get("rule", "")),
                    "message": str(attrs.get("message", "")),
                    "claims": [],
                },
            )
            for end in (u, v):
                claim = str(graph.nodes[end].get("id", end))
                if claim not in record["claims"]:
                    record["claims"].append(claim)
    else:
        for finding in findings:
            ident = str(finding.id)
            if ident in records:
                continue
            records[ident] = {
                "id": ident,
                "kind": str(finding.kind),
                "severity": str(finding.severity),
                "rule": str(finding.rule),
                "message": str(finding.message),
                "claims": list(dict.fromkeys(str(c.id) for c in finding.claims)),
            }
    return {
        ident: record
        for ident, record in sorted(records.items())
        if any(claim in claims for claim in record["claims"])
    }


def _claim_record(
    graph: nx.MultiDiGraph, attrs: Mapping[str, Any], texts: Mapping[str, str]
) -> dict[str, Any]:
    """What the page's panels and filters need of one claim, as plain data."""
    certainty = attrs.get("certainty") or {}
    attribution = attrs.get("attribution") or {}
    source = str(attrs.get("source", ""))
    start, end = int(attrs.get("start") or 0), int(attrs.get("end") or 0)
    before, after = _context(texts.get(source, ""), start, end)
    cites, evidence = _cites_and_evidence(graph, attribution)
    quantity = attrs.get("quantity")
    record: dict[str, Any] = {
        "id": str(attrs.get("id", "")),
        "source": source,
        "section": str(attrs.get("section", "")),
        "quote": str(attrs.get("quote", "")),
        "before": before,
        "after": after,
        "says": _says(graph, attrs),
        "subject": str(attrs.get("subject", "")),
        "predicate": str(attrs.get("predicate", "")),
        "object": str(attrs.get("object", "")),
        "negated": bool(attrs.get("negated")),
        "certainty": str(certainty.get("level") or "certain"),
        "draft": attrs.get("status") == "draft",
        "findings": [],
    }
    optional = {
        "population": _label_of(graph, "entity", attrs["population"])
        if attrs.get("population")
        else None,
        "condition": attrs.get("condition"),
        "time_course": attrs.get("time_course"),
        "figure": _figure(quantity) if quantity else None,
        "cue": certainty.get("cue"),
        "evidence": evidence,
        "cites": cites,
        "note": attrs.get("note"),
        "confidence": attrs.get("confidence"),
    }
    record.update({k: v if isinstance(v, list) else str(v) for k, v in optional.items() if v})
    return record


def _canonical(graph: nx.MultiDiGraph, entity: str) -> str:
    """The entity a name stands for on the evidence table: a brand stands for its drug."""
    attrs = graph.nodes.get(node_id("entity", entity)) or {}
    broader = attrs.get("broader") or ()
    return str(broader[0]) if attrs.get("entity_type") == "brand" and broader else entity


def relation_key(subject: str, predicate: str, obj: str) -> str:
    """The key that names one relation on the map and in links to it (``#rel=…``).

    Examples
    --------
    >>> relation_key("ssri", "causes", "emotional_blunting")
    'ssri|causes|emotional_blunting'
    """
    return f"{subject}|{predicate}|{obj}"


def _map_data(
    graph: nx.MultiDiGraph, claims: Mapping[str, Mapping[str, Any]], focus: str | None
) -> dict[str, Any]:
    """The map level: entities as nodes, one edge per (subject, predicate, object)."""
    relations: dict[tuple[str, str, str], list[str]] = {}
    mentions: Counter[str] = Counter()
    for ident, claim in claims.items():
        key = (claim["subject"], claim["predicate"], claim["object"])
        relations.setdefault(key, []).append(ident)
        population = graph.nodes[node_id("claim", ident)].get("population")
        for entity in {claim["subject"], claim["object"], population}:
            if entity:
                mentions[str(entity)] += 1
    wanted = {node_id("entity", e) for key in relations for e in (key[0], key[2])}
    if focus is not None and graph.nodes[focus].get("kind") == "entity":
        wanted.add(focus)
    nodes = [node for node in graph if node in wanted]  # graph order: the same every time
    broader = [
        (u, v)
        for node in nodes
        for u, v, relation in graph.out_edges(node, data="relation")
        if relation == "broader" and v in wanted
    ]
    physics = len(nodes) <= PHYSICS_LIMIT
    positions = (
        {}
        if physics
        else _layout(
            nodes,
            itertools.chain(
                ((node_id("entity", s), node_id("entity", o)) for s, _, o in relations), broader
            ),
        )
    )
    items = []
    types_seen: Counter[str] = Counter()
    for node in nodes:
        attrs = graph.nodes[node]
        entity_type = str(attrs.get("entity_type", "concept"))
        types_seen[entity_type] += 1
        count = mentions[str(attrs.get("id", ""))]
        size = min(8.0 + 3.2 * math.sqrt(count), 46.0)
        font = min(15.0 + 1.8 * math.sqrt(count), 34.0)
        fill = _ENTITY_COLOURS.get(entity_type, _KIND_STYLE["entity"][1])
        border, border_width = _KIND_STYLE["entity"][2], 1.5
        if node == focus:
            border, border_width = _FOCUS_BORDER, 4.0
        vis: dict[str, Any] = {
            "label": _short(str(attrs.get("label", node)), 32),
            "shape": "dot",
            "size": round(size, 1),
            "borderWidth": border_width,
            "font": {"size": round(font, 1)},
            "color": {
                "background": fill,
                "border": border,
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            },
        }
        if not physics:
            x, y = positions[node]
            vis["x"], vis["y"] = round(x, 1), round(y, 1)
        names = [str(attrs.get("id", "")), str(attrs.get("label", ""))]
        names += map(str, attrs.get("synonyms") or ())
        items.append(
            {
                "id": node,
                "kind": "entity",
                "type": entity_type,
                "vis": vis,
                "tip": _entity_tip(graph, attrs, count),
                "find": " ".join(names).casefold(),
            }
        )
    edges: list[dict[str, Any]] = []
    for (subject, predicate, obj), members in relations.items():
        verb, denied = _VERBS.get(predicate, (predicate.replace("_", " "),) * 2)
        edges.append(
            {
                "id": "rel:" + relation_key(subject, predicate, obj),
                "from": node_id("entity", subject),
                "to": node_id("entity", obj),
                "predicate": predicate,
                "says": f"{_label_of(graph, 'entity', subject)} {verb} "
                f"{_label_of(graph, 'entity', obj)}",
                "verb": verb,
                "denied": denied,
                "colour": _PREDICATE_COLOURS.get(predicate, _OTHER_COLOUR),
                "table": relation_key(
                    _canonical(graph, subject), predicate, _canonical(graph, obj)
                ),
                "claims": members,
            }
        )
    for u, v in broader:
        edges.append(
            {
                "id": f"isa:{u}|{v}",
                "from": u,
                "to": v,
                "predicate": "broader",
                "says": f"{graph.nodes[u].get('label', u)} is a kind of "
                f"{graph.nodes[v].get('label', v)}",
                "claims": [],
            }
        )
    legend_nodes = [
        {
            "label": entity_type.replace("_", " "),
            "shape": "dot",
            "color": _ENTITY_COLOURS.get(entity_type, _KIND_STYLE["entity"][1]),
            "border": _KIND_STYLE["entity"][2],
        }
        for entity_type in sorted(types_seen, key=lambda t: (t not in _ENTITY_COLOURS, t))
    ]
    families: dict[str, list[str]] = {}
    for _, predicate, _ in relations:
        colour = _PREDICATE_COLOURS.get(predicate, _OTHER_COLOUR)
        verb = _VERBS.get(predicate, (predicate.replace("_", " "),))[0]
        if verb not in families.setdefault(colour, []):
            families[colour].append(verb)
    legend_edges = [
        {"label": ", ".join(verbs), "style": "line", "color": colour}
        for colour, verbs in families.items()
    ]
    return {
        "physics": physics,
        "nodes": items,
        "edges": edges,
        "legend": {"nodes": legend_nodes, "edges": legend_edges},
    }


# ---------------------------------------------------------------- page


@cache
def _asset(name: str) -> str:
    """A template file shipped in ``bluntgraph/templates``."""
    return (resources.files("bluntgraph") / "templates" / name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    """vis-network's JavaScript from the installed pyvis package, safe to inline."""
    try:
        code = (resources.files("pyvis") / _VIS_JS).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - pinned dependency
        raise OutputError(
            f"cannot find vis-network in the pyvis package ({exc}); reinstall pyvis==0.3.2"
        ) from exc
    # The source-map comment would make a browser with devtools fetch a file.
    code = re.sub(r"//# sourceMappingURL=\S*\s*$", "", code)
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:  # pragma: no cover - pinned dependency
        raise OutputError("the vis-network script cannot be inlined safely; reinstall pyvis==0.3.2")
    return code


def _json_for_script(data: Any) -> str:
    """``data`` as JSON that cannot end or open a ``<script>``: ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(code: str) -> str:
    """The Content-Security-Policy source that allows exactly the inline script ``code``."""
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _count(n: int, word: str) -> str:
    """'1 entity', '2 entities', '0 conflicts'."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


#: what a page shows first: the map of relations, or every claim as a node
LEVELS = ("map", "claims")


def graph_html(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 2,
    kinds: str | Iterable[str] | None = None,
    vocabulary: Vocabulary | None = None,
    title: str | None = None,
    level: str = "map",
    corpus: Corpus | None = None,
    findings: Iterable[Any] | None = None,
) -> str:
    """The graph as one self-contained interactive HTML page (a str), focused and filtered if asked.

    The page opens on the evidence map (entities as nodes, one edge per
    relation with the claims behind it) or, with ``level="claims"``, on the
    claim-level graph; a toggle on the page switches between them.

    Parameters
    ----------
    graph
        The evidence graph (``KnowledgeGraph.graph``); it is not modified.
    focus
        An entity's id, label or synonym (resolved with ``vocabulary``), or a
        claim, source or reference id: show only what is within ``depth``
        hops of it.
    depth
        Hops from ``focus``, in either direction (ignored without a focus).
    kinds
        Node kinds to show, from :data:`KINDS` (a list or ``"claim,entity"``);
        all by default. Hops are counted through shown nodes only. The map
        draws the relations of the claims kept.
    vocabulary
        Resolves entity labels and synonyms for ``focus``.
    title
        The page heading; by default the corpus name from ``graph.graph["name"]``.
    level
        ``"map"`` (default) or ``"claims"``: what the page shows first.
    corpus
        The corpus the graph was built from: its texts give each quote its
        context in the panels (without it, quotes stand alone).
    findings
        The checks' findings, listed in the panels; by default those drawn
        in the graph as claim–claim edges.

    Raises
    ------
    UnknownTermError
        ``focus`` names nothing in the graph.
    QueryError
        ``kinds``, ``depth`` or ``level`` is not valid.

    Examples
    --------
    >>> from bluntgraph import load
    >>> kg = load()
    >>> page = graph_html(kg.graph, focus="ssri", depth=1, vocabulary=kg.vocabulary)
    >>> page.startswith("<!DOCTYPE html>") and "https://" not in page.split("<script")[0]
    True
    """
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}; choose from {', '.join(LEVELS)}")
    nodes, focus_node = view_nodes(
        graph, focus=focus, depth=depth, kinds=kinds, vocabulary=vocabulary
    )
    data = _page_data(graph, nodes, focus_node)
    texts = {source.id: source.text for source in corpus.sources} if corpus else {}
    claims = {
        str(graph.nodes[node].get("id")): _claim_record(graph, graph.nodes[node], texts)
        for node in nodes
        if graph.nodes[node].get("kind") == "claim"
    }
    finding_records = _finding_records(graph, findings, set(claims))
    for record in finding_records.values():
        for claim in record["claims"]:
            if claim in claims:
                claims[claim]["findings"].append(record["id"])
    sources = {}
    for claim in claims.values():
        if claim["source"] not in sources:
            attrs = graph.nodes.get(node_id("source", claim["source"])) or {}
            sources[claim["source"]] = {
                "title": str(attrs.get("title") or claim["source"]),
                "kind": str(attrs.get("source_kind") or ""),
            }
            link = _safe_link(attrs.get("url"))
            if link:
                sources[claim["source"]]["link"] = link
    page_data = {
        "level": level,
        "focus": focus_node,
        "claims": claims,
        "findings": finding_records,
        "conflictKinds": sorted(_CONFLICT_KINDS),
        "sources": sources,
        "map": _map_data(graph, claims, focus_node),
        "graph": data,
    }
    counts = data["counts"]
    name = title if title is not None else str(graph.graph.get("name") or "corpus")
    parts = [_count(counts.get(kind, 0), kind) for kind in KINDS if counts.get(kind, 0)] + [
        _count(counts["conflicts"], "conflict")
    ]
    subtitle = " · ".join(parts)
    if focus_node is not None:
        focus_label = str(graph.nodes[focus_node].get("label", focus_node))
        subtitle += f" — within {_count(depth, 'hop')} of {focus_label}"
        subtitle += f" ({len(nodes)} of {graph.number_of_nodes()} nodes)"
    elif len(nodes) < graph.number_of_nodes():
        subtitle += f" ({len(nodes)} of {graph.number_of_nodes()} nodes)"
    scripts = {"vis": _vis_js(), "app": _asset("graph.js")}
    values = {
        # Browsers that know script hashes run only these two scripts, whatever a
        # future bug might let into the page; older ones fall back to 'unsafe-inline'.
        "script_hashes": " ".join(_csp_hash(code) for code in scripts.values()),
        "title": html.escape(f"{name} — bluntgraph evidence graph"),
        "subtitle": html.escape(subtitle),
        "css": _asset("graph.css"),
        "data": _json_for_script(page_data),
        **scripts,
    }
    # One pass over the template: text put in is never scanned for markers again.
    return re.sub(r"@@(\w+)@@", lambda m: values[m.group(1)], _asset("graph.html"))


def write_html(page: str, path: str | os.PathLike[str]) -> Path:
    """Write ``page`` to ``path`` as UTF-8, all or nothing (temporary file, then rename).

    Raises :class:`~bluntgraph.errors.OutputError` if the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_html("<!DOCTYPE html><title>x</title>", folder / "x.html").read_text()
    '<!DOCTYPE html><title>x</title>'
    """
    from .._atomic import write_text_atomically

    return write_text_atomically(path, page)


def iframe_html(page: str, height: int = 650) -> str:
    """``page`` inside a sandboxed ``<iframe srcdoc=…>``, the form notebooks display reliably.

    The page is escaped into the attribute, and the sandbox lets its scripts
    run without touching the notebook that shows it.

    Examples
    --------
    >>> iframe_html('<p title="a">x & y</p>', height=300)[:89]
    '<div class="bluntgraph"><iframe srcdoc="&lt;p title=&quot;a&quot;&gt;x &amp; y&lt;/p&gt;"'
    """
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise QueryError(f"height must be a positive number of pixels (got {height!r})")
    # The <div> keeps IPython from suggesting its own IFrame, which shows blank in places.
    return (
        f'<div class="bluntgraph"><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'sandbox="allow-scripts" style="width:100%;height:{height}px;border:1px solid #ddd" '
        f'title="bluntgraph evidence graph"></iframe></div>'
    )


def notebook_html(page: str, height: int = 650, summary: str | None = None) -> HTML:
    """An IPython ``HTML`` object showing ``page`` in an iframe (needs IPython, e.g. ipykernel).

    ``summary`` is its plain-text form, what a viewer that shows no HTML
    prints instead of ``<IPython.core.display.HTML object>``.
    """
    try:
        from IPython.display import HTML
    except ImportError as exc:
        raise ImportError(
            "showing the graph in a notebook needs IPython: pip install ipykernel"
        ) from exc

    class View(HTML):
        def __repr__(self) -> str:
            return summary or super().__repr__()  # type: ignore[no-untyped-call]

    return View(iframe_html(page, height))  # type: ignore[no-untyped-call]
