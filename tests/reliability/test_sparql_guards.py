"""Hostile SPARQL: refused or stopped in one clean line, never a traceback or a hang."""

from __future__ import annotations

import time

import pytest
from rdflib import Graph, Literal, URIRef

from bluntgraph.cli import main
from bluntgraph.errors import QueryError, UnsafeQueryError
from bluntgraph.rdf import sparql


@pytest.fixture(scope="module")
def small() -> Graph:
    graph = Graph()
    for i in range(60):
        graph.add((URIRef(f"urn:x:{i}"), URIRef("urn:p"), Literal("a" * 28 + "!")))
    return graph


def test_service_through_a_prefixed_name_is_refused(small: Graph) -> None:
    query = "PREFIX ex: <http://example.org/> SELECT * WHERE { SERVICE ex:q { ?s ?p ?o } }"
    with pytest.raises(UnsafeQueryError, match="SERVICE ex:q is refused"):
        sparql(small, query)


def test_a_malformed_regex_is_a_query_error(small: Graph) -> None:
    with pytest.raises(QueryError, match="cannot run"):
        sparql(small, 'SELECT ?o WHERE { ?s ?p ?o FILTER REGEX(?o, "(") }')


def test_a_hugely_nested_query_is_a_query_error(small: Graph) -> None:
    query = "SELECT * WHERE { " + "{ " * 20_000 + "?s ?p ?o" + " }" * 20_000 + " }"
    with pytest.raises(QueryError, match=r"nested too deeply|not a SPARQL query"):
        sparql(small, query)


@pytest.mark.parametrize(
    "query",
    ['SELECT ?o WHERE { ?s ?p ?o FILTER REGEX(?o, "^(a+)+$") }',
     "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"],
)  # fmt: skip
def test_a_runaway_query_is_stopped_at_the_timeout(small: Graph, query: str) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match="longer than 1 s"):
        sparql(small, query, timeout=1)
    assert time.monotonic() - started < 30  # stopped, not left to run for minutes


def test_a_quick_query_answers_within_the_timeout(small: Graph) -> None:
    frame = sparql(small, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=30)
    assert int(frame.n[0]) == 60


def test_errors_inside_the_worker_come_back_as_query_errors(small: Graph) -> None:
    with pytest.raises(QueryError, match="cannot run"):
        sparql(small, 'SELECT ?o WHERE { ?s ?p ?o FILTER REGEX(?o, "[") }', timeout=30)


def test_cli_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
    assert main(["sparql", query, "--timeout", "1"]) == 2
    err = capsys.readouterr().err
    assert "longer than 1 s" in err and len(err.strip().splitlines()) == 1


def test_cli_has_a_default_timeout() -> None:
    from bluntgraph.cli import SPARQL_TIMEOUT, build_parser

    args = build_parser().parse_args(["sparql", "SELECT * WHERE { ?s ?p ?o }"])
    assert args.timeout == SPARQL_TIMEOUT > 0
