"""The graph derived from a corpus: node kinds, typed edges, stable keys."""

from __future__ import annotations

import networkx as nx

from bluntgraph import Corpus, build_graph, load_corpus
from bluntgraph.graph import graphml_ready
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
