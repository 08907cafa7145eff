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
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from typing import Any

import networkx as nx

from ._arguments import corpus_argument
from ._gc import paused_gc
from .model import Claim, Corpus, Entity, Reference, Source

__all__ = ["FINDING_RELATIONS", "add_findings", "build_graph", "finding_pairs", "node_id"]

#: finding kind -> relation name of the claim–claim edge it draws
FINDING_RELATIONS = {
    "contradiction": "contradicts",
    "internal-inconsistency": "inconsistent_with",
    "definition-conflict": "conflicts_with",
    "scope-drift": "drifts_from",
    "tension": "in_tension_with",
}


def finding_pairs(finding: Any) -> list[tuple[str, str]]:
    """The (claim id, claim id) pairs a finding sets against each other.

    Its ``pairs`` when the rule named them; otherwise, for the kinds with a
    pairwise meaning (:data:`FINDING_RELATIONS`), each claim with the next;
    otherwise none. The graph's claim–claim edges and the RDF's ``bg:pair``
    are both these, so the page and a SPARQL query agree.
    """
    pairs = list(getattr(finding, "pairs", ()))
    if pairs or finding.kind not in FINDING_RELATIONS:
        return pairs
    return list(itertools.pairwise(c.id for c in finding.claims))


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
#: a field's converter: its value (never None) -> the value the graph keeps
_Convert = Callable[[Any], Any]
#: a getter of all a record class's fields, their names, and (name, converter) of those
#: not copied as they are
_Layout = tuple[Callable[[Any], tuple[Any, ...]], tuple[str, ...], tuple[tuple[str, _Convert], ...]]
_LAYOUTS: dict[type, _Layout] = {}


def _mixed(value: Any) -> Any:
    return _record(value) if is_dataclass(value) else _plain(value)


def _converter(annotation: Any) -> _Convert | None:
    """How a field declared as ``annotation`` is made plain; None to copy it as it is.

    Decided once per field from its type, not per value (None is kept as
    None by the caller): text, numbers and flags are copied, records become
    dicts, tuples lists, other objects (Decimals) text, and anything else
    goes through :func:`_plain`.
    """
    options = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        options = [annotation]
    if all(option in _SCALARS for option in options):
        return None
    if len(options) != 1:
        return _mixed
    (declared,) = options
    if typing.get_origin(declared) is tuple:
        args = typing.get_args(declared)
        if len(args) == 2 and args[1] is Ellipsis:
            inner = _converter(args[0])
            if inner is None:
                return list
            if inner is not _plain and typing.get_origin(args[0]) is tuple:
                return lambda values: [inner(value) for value in values]  # never None
        elif args and all(arg in _SCALARS for arg in args):
            return list
        return _plain
    if isinstance(declared, type):
        if is_dataclass(declared):
            return _record
        if not issubclass(declared, (dict, list, tuple, *_SCALARS)):
            return str  # what _plain gives for any other object
    return _plain


def _layout(cls: type) -> _Layout:
    layout = _LAYOUTS.get(cls)
    if layout is None:
        names = tuple(f.name for f in fields(cls))
        hints = typing.get_type_hints(cls)
        converters = tuple(
            (name, convert) for name in names if (convert := _converter(hints[name])) is not None
        )
        getter = operator.attrgetter(*names)
        layout = _LAYOUTS[cls] = (getter, names, converters)
    return layout


def _record(record: Any, attrs: dict[str, Any] | None = None) -> dict[str, Any]:
    """``_plain(asdict(record))`` for a model record, without asdict's deep copies.

    asdict copied every value and was most of the time a big corpus took to
    build (80 µs a claim); this reads all fields at once and converts only
    those not declared as plain text, numbers or flags, each the way its
    declared type says (decided once per class, not per value).
    """
    getter, names, converters = _layout(type(record))
    if attrs is None:
        attrs = dict(zip(names, getter(record), strict=True))
    else:  # after the keys already there
        attrs.update(zip(names, getter(record), strict=True))
    for name, convert in converters:
        value = attrs[name]
        if value is not None:
            attrs[name] = convert(value)
    return attrs


def _source_attrs(source: Source) -> dict[str, Any]:
    attrs = _record(source)
    attrs.pop("text")
    attrs["source_kind"] = attrs.pop("kind")
    return {"kind": "source", "label": source.title, **attrs}


def _claim_attrs(claim: Claim) -> dict[str, Any]:
    attrs = _record(claim, {"kind": "claim", "label": claim.id})
    attrs["facets"] = dict(claim.facets)
    return attrs


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
    corpus_argument(corpus, "corpus", "build_graph")
    with paused_gc():
        return _build(corpus)


class _Filler:
    """Fills a new, empty MultiDiGraph's node and adjacency dicts directly.

    What ``add_node(n, **attrs)`` and ``add_edge(u, v, key=relation, relation=relation,
    **attrs)`` do, node and edge order included, without their keyword-argument
    copies and cache clearing per call: the graph's attribute dicts are the
    ones given here, and nobody has seen the graph yet.
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        # a MultiDiGraph's documented data structure: node -> attrs, and
        # node -> neighbour -> key -> edge attrs, shared by _succ and _pred
        self.nodes: dict[Any, dict[str, Any]] = graph._node
        self.succ: dict[Any, dict[Any, dict[Any, dict[str, Any]]]] = graph._succ
        self.pred: dict[Any, dict[Any, dict[Any, dict[str, Any]]]] = graph._pred

    def node(self, node: str, attrs: dict[str, Any]) -> None:
        known = self.nodes.get(node)
        if known is None:
            self.nodes[node] = attrs
            self.succ[node] = {}
            self.pred[node] = {}
        else:
            known.update(attrs)

    def edge(self, u: str, v: str, relation: str, attrs: dict[str, Any] | None = None) -> None:
        succ = self.succ
        if u not in succ:
            self.node(u, {})
        if v not in succ:
            self.node(v, {})
        data = {"relation": relation} if attrs is None else {"relation": relation, **attrs}
        keys = succ[u].get(v)
        if keys is None:
            succ[u][v] = self.pred[v][u] = {relation: data}
        elif relation in keys:
            keys[relation].update(data)
        else:
            keys[relation] = data


def _build(corpus: Corpus) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name=corpus.name)
    fill = _Filler(graph)
    node, link = fill.node, fill.edge
    # node names as node_id gives them, spelled out: half a million calls at 100k claims

    for entity in corpus.entities:
        node(f"entity:{entity.id}", _entity_attrs(entity))
    for reference in corpus.references:
        node(f"reference:{reference.key}", _reference_attrs(reference))
    for source in corpus.sources:
        here = f"source:{source.id}"
        node(here, _source_attrs(source))
        for interest in source.interests:
            link(here, f"entity:{interest}", "interest")
    for entity in corpus.entities:
        here = f"entity:{entity.id}"
        for parent in entity.broader:
            link(here, f"entity:{parent}", "broader")
        for target in entity.acts_on:
            link(here, f"entity:{target}", "acts_on")
        if entity.takes:
            link(here, f"entity:{entity.takes}", "takes")
        if entity.has_condition:
            link(here, f"entity:{entity.has_condition}", "has_condition")
    for claim in corpus.claims:
        here = f"claim:{claim.id}"
        node(here, _claim_attrs(claim))
        link(f"source:{claim.source}", here, "asserts")
        predicate = {"predicate": claim.predicate}
        link(here, f"entity:{claim.subject}", "subject", predicate)
        link(here, f"entity:{claim.object}", "object", predicate)
        if claim.population:
            link(here, f"entity:{claim.population}", "population")
        for key in claim.attribution.references:
            link(here, f"reference:{key}", "cites")
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
        for first, second in finding_pairs(finding):
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
