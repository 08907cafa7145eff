"""The graph derived from a corpus: node kinds, typed edges, stable keys."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from bluntgraph import Corpus, build_graph, load_corpus
from bluntgraph import graph as graph_module
from bluntgraph.graph import graphml_ready
from bluntgraph.synthetic import generate_corpus
from tests.conftest import CorpusMaker


def test_node_kinds_and_counts(bundled: Corpus) -> None:
    graph = build_graph(bundled)
    kinds = nx.get_node_attributes(graph, "kind")
    counts = {k: list(kinds.values()).count(k) for k in set(kinds.values())}
    assert counts == {
        "source": len(bundled.sources),
        "claim": len(bundled.claims),
        "entity": len(bundled.entities),
        "reference": len(bundled.references),
    }


def test_typed_edges(make_corpus: CorpusMaker) -> None:
    text = "Drug A1 causes symptom S in class A users."
    root = make_corpus(
        texts={"a": text},
        claims={"a": [{
            "id": "a-1", "quote": text, "section": "body", "subject": "drug_a1",
            "predicate": "causes", "object": "symptom_s", "population": "class_a_users",
            "attribution": {"kind": "cited", "references": ["k2020"]},
        }]},
        bib="@article{k2020, title={T}, year={2020}, author={K, A}}\n",
    )  # fmt: skip
    graph = build_graph(load_corpus(root))
    edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}
    assert ("source:a", "claim:a-1", "asserts") in edges
    assert ("claim:a-1", "entity:drug_a1", "subject") in edges
    assert ("claim:a-1", "entity:symptom_s", "object") in edges
    assert ("claim:a-1", "entity:class_a_users", "population") in edges
    assert ("claim:a-1", "reference:k2020", "cites") in edges
    assert ("entity:drug_a1", "entity:drug_class_a", "broader") in edges
    assert ("entity:class_a_users", "entity:drug_class_a", "takes") in edges


def test_building_twice_gives_the_same_graph(bundled: Corpus) -> None:
    first, second = build_graph(bundled), build_graph(bundled)
    assert nx.utils.graphs_equal(first, second)
    assert sorted(first.edges(keys=True)) == sorted(second.edges(keys=True))


def test_graphml_attributes_are_scalars(bundled: Corpus) -> None:
    ready = graphml_ready(build_graph(bundled))
    for _, attrs in ready.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())


def _same_structure(first: nx.MultiDiGraph, second: nx.MultiDiGraph, *, pred: bool) -> None:
    """Equal nodes, edges and attributes, in the same order (GraphML follows it)."""
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
    assert [list(first.succ[n]) for n in first] == [list(second.succ[n]) for n in second]
    if pred:  # and in-edges in the order they were added
        assert [list(first.pred[n]) for n in first] == [list(second.pred[n]) for n in second]
    assert all(first.pred[n] == second.pred[n] for n in first)


def test_filling_the_graph_directly_is_what_networkx_adding_gives() -> None:
    # build_graph fills networkx's dicts itself; the same steps through
    # add_node/add_edge must give the same graph, in the same order
    steps: list[tuple[str, ...]] = [
        ("edge", "a", "b", "subject"),  # both ends new
        ("node", "b", "label", "B"),  # a node made by an edge, given attributes later
        ("node", "c", "label", "C"),
        ("edge", "a", "b", "object"),  # a second key between the same pair
        ("edge", "a", "b", "subject"),  # the same edge again
        ("edge", "c", "c", "broader"),  # a loop
        ("edge", "b", "a", "cites"),  # back the other way
        ("node", "c", "kind", "entity"),  # attributes added to a known node
    ]
    expected, graph = nx.MultiDiGraph(name="x"), nx.MultiDiGraph(name="x")
    fill = graph_module._Filler(graph)
    for kind, first, second, third in steps:
        if kind == "node":
            expected.add_node(first, **{second: third})
            fill.node(first, {second: third})
        else:
            expected.add_edge(first, second, key=third, relation=third, n=len(first))
            fill.edge(first, second, third, {"n": len(first)})
    _same_structure(graph, expected, pred=True)
    assert graph.in_degree("b") == expected.in_degree("b") == 2
    graph.add_edge("c", "a", key="x")  # networkx's own methods still work on it
    assert graph.has_edge("c", "a", "x") and list(graph.predecessors("a")) == ["b", "c"]


def test_the_graph_is_what_adding_each_record_through_networkx_gives(
    bundled: Corpus, tmp_path: Path
) -> None:
    synthetic = load_corpus(generate_corpus(tmp_path / "c", claims=300, seed=5).root)
    for corpus in (bundled, synthetic):
        graph = build_graph(corpus)
        expected = nx.MultiDiGraph(name=corpus.name)
        for node, attrs in graph.nodes(data=True):
            expected.add_node(node, **attrs)
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            expected.add_edge(u, v, key=key, **attrs)
        _same_structure(graph, expected, pred=False)
        assert graph.graph == expected.graph
        claim = corpus.claims[0]
        assert graph.nodes[f"claim:{claim.id}"]["id"] == claim.id
        assert graph[f"claim:{claim.id}"][f"entity:{claim.subject}"]["subject"] == {
            "relation": "subject",
            "predicate": claim.predicate,
        }
