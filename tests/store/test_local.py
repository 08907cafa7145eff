"""``kg.sparql`` on Oxigraph (the ``scale`` extra) gives rdflib's answers, row for row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from bluntgraph import Corpus, KnowledgeGraph, load_corpus
from bluntgraph.errors import QueryError, UnsafeQueryError
from bluntgraph.rdf import EXAMPLE_QUERIES
from bluntgraph.synthetic import generate_corpus
from tests.rdf.test_docs import QUERIES

CLAIMS_PER_PREDICATE_AND_SOURCE = """
SELECT ?source ?predicate (COUNT(?c) AS ?claims) WHERE {
  ?c a bg:Claim ; rdf:predicate ?p ; prov:wasQuotedFrom ?s .
  ?s dcterms:identifier ?source .
  BIND(STRAFTER(STR(?p), STR(bg:)) AS ?predicate)
}
GROUP BY ?source ?predicate
ORDER BY ?source ?predicate
"""
#: the same aggregate grouped on the IRIs first, each group's names looked up after
#: (docs/sharing.md: the form that is fast at scale)
CLAIMS_PER_PREDICATE_AND_SOURCE_BY_IRI = EXAMPLE_QUERIES["claims-per-source-relation"][1]
MORE = [
    CLAIMS_PER_PREDICATE_AND_SOURCE,
    "ASK { ?c bg:negated true }",
    "CONSTRUCT { ?c dcterms:identifier ?id } WHERE { ?c a bg:Claim ; dcterms:identifier ?id }",
    "SELECT ?c ?cue WHERE { ?c a bg:Claim OPTIONAL { ?c bg:certaintyCue ?cue } } ORDER BY ?c",
    "SELECT ?q ?low ?high WHERE { ?q schema:minValue ?low ; schema:maxValue ?high } ORDER BY ?q",
    # every triple once: rdflib's default graph is the set union of the graphs, Oxigraph's
    # union counts a triple once per graph holding it (equal while no triple is in two)
    "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    # blank nodes (RDF lists) joined: each list cell and the next (the engines name blank
    # nodes differently, so the nodes themselves are not compared)
    "SELECT ?first ?next WHERE { ?x rdf:first ?first ; rdf:rest ?r"
    " OPTIONAL { ?r rdf:first ?next } }",
]


def rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]


@pytest.fixture(scope="module")
def bundled_kg(bundled: Corpus) -> KnowledgeGraph:
    return KnowledgeGraph(bundled)


@pytest.fixture(scope="module")
def synthetic_kg(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    """A machine-made corpus on other topics, with planted findings."""
    root: Path = tmp_path_factory.mktemp("synth") / "corpus"
    generate_corpus(root, claims=400, seed=3, problem_rate=0.05)
    return KnowledgeGraph(load_corpus(root))


ALL = [q for _, q in QUERIES] + MORE
#: queries whose ORDER BY fixes the order of every row
TOTALLY_ORDERED = {q for _, q in EXAMPLE_QUERIES.values()}


@pytest.mark.parametrize("query", ALL, ids=[f"q{i}" for i in range(len(ALL))])
@pytest.mark.parametrize("which", ["bundled_kg", "synthetic_kg"])
def test_oxigraph_answers_as_rdflib(query: str, which: str, request: pytest.FixtureRequest) -> None:
    kg: KnowledgeGraph = request.getfixturevalue(which)
    expected = kg.sparql(query, engine="rdflib")
    got = kg.sparql(query, engine="oxigraph")
    assert list(got.columns) == list(expected.columns)
    if query in TOTALLY_ORDERED:
        assert rows(got) == rows(expected)
    else:  # ORDER BY may leave ties, which engines may break differently
        assert sorted(rows(got), key=str) == sorted(rows(expected), key=str)


def test_the_aggregate_counts_every_claim(bundled_kg: KnowledgeGraph) -> None:
    frame = bundled_kg.sparql(CLAIMS_PER_PREDICATE_AND_SOURCE, engine="oxigraph")
    assert sum(frame.claims) == len(bundled_kg.corpus.claims)
    assert all(isinstance(n, int) for n in frame.claims)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("which", ["bundled_kg", "synthetic_kg"])
def test_grouping_on_iris_first_gives_the_same_rows(
    engine: str, which: str, request: pytest.FixtureRequest
) -> None:
    kg: KnowledgeGraph = request.getfixturevalue(which)
    per_claim = kg.sparql(CLAIMS_PER_PREDICATE_AND_SOURCE, engine=engine)
    by_iri = kg.sparql(CLAIMS_PER_PREDICATE_AND_SOURCE_BY_IRI, engine=engine)
    assert len(per_claim) > 5
    assert rows(by_iri) == rows(per_claim)


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/q> { ?s ?p ?o } }", UnsafeQueryError),
        ("LOAD <http://127.0.0.1:1/x.ttl>", UnsafeQueryError),
        ("DELETE WHERE { ?s ?p ?o }", UnsafeQueryError),
        ("SELECT * WHERE { FROM }", QueryError),
        ("SELECT ?x WHERE { ?x nope:p ?y }", QueryError),
    ],
)
def test_the_same_refusals(bundled_kg: KnowledgeGraph, query: str, error: type) -> None:
    with pytest.raises(error):
        bundled_kg.sparql(query, engine="oxigraph")


def test_from_is_answered_by_rdflib(bundled_kg: KnowledgeGraph) -> None:
    graph = "https://w3id.org/bluntgraph/corpus/emotional-blunting/graph/corpus"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    with_from = f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}"
    assert rows(bundled_kg.sparql(with_from, engine="oxigraph")) == rows(
        bundled_kg.sparql(query, engine="rdflib")
    )


def test_the_store_holds_every_quad_of_the_mapping(synthetic_kg: KnowledgeGraph) -> None:
    from bluntgraph.rdf.mapping import quads
    from bluntgraph.store.local import OxigraphCorpus

    kg = synthetic_kg
    expected = sum(1 for _ in quads(kg.corpus, kg.findings))
    assert len(OxigraphCorpus(kg.corpus, kg.findings)) == expected
    # loaded in chunks of 7 claims: the same store as in one piece
    assert len(OxigraphCorpus(kg.corpus, kg.findings, chunk=7)) == expected


def test_a_refused_query_is_refused_every_time(bundled_kg: KnowledgeGraph) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/again> { ?s ?p ?o } }"
    for _ in range(2):
        with pytest.raises(UnsafeQueryError):
            bundled_kg.sparql(query, engine="oxigraph")
    with pytest.raises(UnsafeQueryError):
        bundled_kg.sparql(query, engine="oxigraph", timeout=5)


def test_unknown_engine(bundled_kg: KnowledgeGraph) -> None:
    with pytest.raises(ValueError, match="unknown SPARQL engine"):
        bundled_kg.sparql("ASK {}", engine="jena")
