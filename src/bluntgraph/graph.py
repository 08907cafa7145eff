"""The evidence graph: a networkx MultiDiGraph derived from a corpus.

Nodes are named ``"<kind>:<id>"`` (``source:``, ``claim:``, ``entity:``,
``reference:``) and carry a ``kind`` attribute plus the record's fields.
Edges carry a ``relation`` attribute and use it as their key, so building
twice gives the same graph and adding an edge twice changes nothing.

Edge relations:

=================  ==================  ===============================
relation           from → to           meaning
=================  ==================  ===============================
asserts            source → claim      the source makes the claim
subject / object   claim → entity      the claim's subject and object
population         claim → entity      who the claim is about
cites              claim → reference   the claim's cited evidence
broader            entity → entity     is-a
acts_on            entity → entity     mechanism fact
takes              entity → entity     a population takes a drug
has_condition      entity → entity     a population has a condition
interest           source → entity     what the publisher sells
=================  ==================  ===============================

Findings from the checks add claim–claim edges (``contradicts``,
``conflicts_with``…) through :func:`add_findings`.
"""

from __future__ import annotations

import itertools
import json
import operator
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from typing import Any

import networkx as nx

from ._gc import paused_gc
from .model import Claim, Corpus, Entity, Reference, Source

__all__ = ["FINDING_RELATIONS", "add_findings", "build_graph", "node_id"]

#: finding kind -> relation name of the claim–claim edge it draws
FINDING_RELATIONS = {
    "contradiction": "contradicts",
    "internal-inconsistency": "inconsistent_with",
    "definition-conflict": "conflicts_with",
    "scope-drift": "drifts_from",
    "tension": "in_tension_with",
}


def node_id(kind: str, ident: str) -> str:
    """The graph node name of a record: ``node_id("claim", "x") == "claim:x"``."""
    return f"{kind}:{ident}"


def _plain(value: Any) -> Any:
    """A JSON-able copy of a record field (Decimals become strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


_SCALARS = (str, int, float, bool)
_SCALAR_TYPES = frozenset({"str", "int", "float", "bool", "None"})
#: record class -> (a getter of all its fields, their names, the names that need converting)
_LAYOUTS: dict[type, tuple[Callable[[Any], tuple[Any, ...]], tuple[str, ...], tuple[str, ...]]] = {}


def _layout(
    cls: type,
) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[str, ...], tuple[str, ...]]:
    layout = _LAYOUTS.get(cls)
    if layout is None:
        names = tuple(f.name for f in fields(cls))
        # fields declared as str, int, bool (or None) are copied as they are
        mixed = tuple(
            f.name
            for f in fields(cls)
            if not set(str(f.type).replace(" ", "").split("|")) <= _SCALAR_TYPES
        )
        getter = operator.attrgetter(*names)
        layout = _LAYOUTS[cls] = (getter, names, mixed)
    return layout


def _record(record: Any) -> dict[str, Any]:
    """``_plain(asdict(record))`` for a model record, without asdict's deep copies.

    asdict copied every value and was most of the time a big corpus took to
    build (80 µs a claim); this reads all fields at once and converts only
    those not declared as plain text, numbers or flags.
    """
    getter, names, mixed = _layout(type(record))
    attrs = dict(zip(names, getter(record), strict=True))
    for name in mixed:
        value = attrs[name]
        if value is None or type(value) in _SCALARS:
            continue
        attrs[name] = _record(value) if is_dataclass(value) else _plain(value)
    return attrs


def _source_attrs(source: Source) -> dict[str, Any]:
    attrs = _record(source)
    attrs.pop("text")
    attrs["source_kind"] = attrs.pop("kind")
    return {"kind": "source", "label": source.title, **attrs}


def _claim_attrs(claim: Claim) -> dict[str, Any]:
    attrs = _record(claim)
    attrs["facets"] = dict(claim.facets)
    return {"kind": "claim", "label": claim.id, **attrs}


def _entity_attrs(entity: Entity) -> dict[str, Any]:
    attrs = _record(entity)
    attrs["entity_type"] = attrs.pop("type")
    attrs["member_if"] = dict(entity.member_if)
    attrs["xrefs"] = dict(entity.xrefs)
    return {"kind": "entity", **attrs}


def _reference_attrs(reference: Reference) -> dict[str, Any]:
    return {
        "kind": "reference",
        "label": reference.key,
        "key": reference.key,
        "entry_type": reference.entry_type,
        "fields": dict(reference.fields),
    }


def build_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """The corpus as a MultiDiGraph of sources, claims, entities and references.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> graph = build_graph(load_corpus())
    >>> graph.nodes["source:anxietycentre"]["kind"]
    'source'
    """
    with paused_gc():
        return _build(corpus)


def _build(corpus: Corpus) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name=corpus.name)

    def link(u: str, v: str, relation: str, **attrs: Any) -> None:
        graph.add_edge(u, v, key=relation, relation=relation, **attrs)

    for entity in corpus.entities:
        graph.add_node(node_id("entity", entity.id), **_entity_attrs(entity))
    for reference in corpus.references:
        graph.add_node(node_id("reference", reference.key), **_reference_attrs(reference))
    for source in corpus.sources:
        graph.add_node(node_id("source", source.id), **_source_attrs(source))
        for interest in source.interests:
            link(node_id("source", source.id), node_id("entity", interest), "interest")
    for entity in corpus.entities:
        here = node_id("entity", entity.id)
        for parent in entity.broader:
            link(here, node_id("entity", parent), "broader")
        for target in entity.acts_on:
            link(here, node_id("entity", target), "acts_on")
        if entity.takes:
            link(here, node_id("entity", entity.takes), "takes")
        if entity.has_condition:
            link(here, node_id("entity", entity.has_condition), "has_condition")
    for claim in corpus.claims:
        here = node_id("claim", claim.id)
        graph.add_node(here, **_claim_attrs(claim))
        link(node_id("source", claim.source), here, "asserts")
        link(here, node_id("entity", claim.subject), "subject", predicate=claim.predicate)
        link(here, node_id("entity", claim.object), "object", predicate=claim.predicate)
        if claim.population:
            link(here, node_id("entity", claim.population), "population")
        for key in claim.attribution.references:
            link(here, node_id("reference", key), "cites")
    return graph


def add_findings(
    graph: nx.MultiDiGraph, findings: Iterable[Any], *, copy: bool = True
) -> nx.MultiDiGraph:
    """A copy of ``graph`` with one claim–claim edge per pair in each finding.

    Each finding needs ``id``, ``kind``, ``rule``, ``message`` and ``claims``
    (records with an ``id``); kinds without a pairwise meaning add no edge.
    The pairs are the finding's ``pairs`` (claim ids that clash) when it has
    them, otherwise each claim with the next. With ``copy=False`` the edges
    go into ``graph`` itself, which is returned: for a graph nobody else
    holds, as copying one of 100,000 claims takes seconds.
    """
    result = graph.copy() if copy else graph
    for finding in findings:
        relation = FINDING_RELATIONS.get(finding.kind)
        if relation is None:
            continue
        ids = [c.id for c in finding.claims]
        pairs = getattr(finding, "pairs", ()) or list(itertools.pairwise(ids))
        for first, second in pairs:
            result.add_edge(
                node_id("claim", first),
                node_id("claim", second),
                key=f"{relation}:{finding.id}",
                relation=relation,
                finding=finding.id,
                rule=finding.rule,
                severity=finding.severity,
                message=finding.message,
            )
    return result


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML can hold: None dropped, lists and dicts as JSON."""
    result = nx.MultiDiGraph(name=graph.graph.get("name", ""))

    def flat(attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple, dict)):
                out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            else:
                out[key] = value
        return out

    for node, attrs in graph.nodes(data=True):
        result.add_node(node, **flat(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        result.add_edge(u, v, key=key, **flat(attrs))
    return result
