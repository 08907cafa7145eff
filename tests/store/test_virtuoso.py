"""The same push and queries on Virtuoso: the protocol code is not tied to one server.

Virtuoso 7 differs from Oxigraph in ways the code must survive: writes need
an authenticated user (HTTP Digest on ``/sparql-graph-crud-auth``), an N-Quads
body posted to the store loses its graph names (so ``per_graph=True``, and
a push without it must stop with a clear error instead of losing data), and
ORDER BY ties on strings come back in another order (rows are compared as
multisets).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from bluntgraph import Corpus, KnowledgeGraph, PushError, load_corpus
from bluntgraph.errors import EndpointError
from bluntgraph.rdf import EXAMPLE_QUERIES
from bluntgraph.store import Credentials, Endpoint
from tests.store.servers import VIRTUOSO_USER, Server

CORPUS_PREFIX = "https://w3id.org/bluntgraph/corpus/"
SIZES = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"""


def rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return sorted(
        (tuple(row) for row in frame.itertuples(index=False)),
        key=lambda row: [str(v) for v in row],
    )


def sizes(frame: pd.DataFrame, prefix: str) -> dict[str, int]:
    return {
        g: n
        for g, n in frame.itertuples(index=False)
        if g.startswith(prefix) and not g.endswith("/graph/manifest")
    }


def small(claims: int, name: str, step: int = 1) -> Corpus:
    """The bundled corpus cut to ``claims`` claims (every ``step``-th), under another name."""
    corpus = load_corpus()
    return dataclasses.replace(corpus, claims=corpus.claims[::step][:claims], name=name)


@pytest.fixture(scope="module")
def admin(virtuoso: Server) -> Iterator[Endpoint]:
    user, password = VIRTUOSO_USER
    with Endpoint(
        virtuoso.query, store=virtuoso.store, credentials=Credentials(user, password)
    ) as endpoint:
        yield endpoint


@pytest.fixture(scope="module")
def pushed(admin: Endpoint) -> KnowledgeGraph:
    kg = KnowledgeGraph(small(160, "virtuoso-queries", step=3))  # some of every query's rows
    admin.push(kg.corpus, kg.findings, per_graph=True, batch=25)
    return kg


@pytest.mark.parametrize("name", sorted(EXAMPLE_QUERIES))
def test_documented_queries_give_the_local_rows(
    admin: Endpoint, pushed: KnowledgeGraph, name: str
) -> None:
    query = EXAMPLE_QUERIES[name][1]
    local, remote = pushed.sparql(query), admin.query(query)
    assert list(remote.columns) == list(local.columns)
    assert len(local) > 0
    assert rows(remote) == rows(local)


def test_push_again_replaces_and_drops_stale_graphs(admin: Endpoint) -> None:
    first = KnowledgeGraph(small(30, "virtuoso-repush"))
    admin.push(first.corpus, first.findings, per_graph=True)
    claims = list(first.corpus.claims[5:])
    claims[0] = dataclasses.replace(claims[0], note="changed on Virtuoso")
    second = KnowledgeGraph(dataclasses.replace(first.corpus, claims=tuple(claims)))
    report = admin.push(second.corpus, second.findings, per_graph=True)
    assert report.deleted == 4 * 5
    prefix = f"{CORPUS_PREFIX}virtuoso-repush/"
    assert sizes(admin.query(SIZES), prefix) == dict(second.sparql(SIZES).itertuples(index=False))


def test_a_quads_batch_that_loses_its_graphs_stops_the_push(admin: Endpoint) -> None:
    kg = KnowledgeGraph(small(5, "virtuoso-quads"))
    with pytest.raises(PushError, match=r"did not store its named graphs.*--per-graph"):
        admin.push(kg.corpus, kg.findings)
    report = admin.push(kg.corpus, kg.findings, per_graph=True)  # what the error says to do
    assert report.graphs == 4 * 5 + 1 + (1 if kg.findings else 0)
    prefix = f"{CORPUS_PREFIX}virtuoso-quads/"
    assert sizes(admin.query(SIZES), prefix) == dict(kg.sparql(SIZES).itertuples(index=False))


def test_anonymous_writes_are_refused_in_one_line(virtuoso: Server) -> None:
    kg = KnowledgeGraph(small(2, "virtuoso-anonymous"))
    anonymous = virtuoso.store.replace("-auth", "")  # /sparql-graph-crud, no login
    endpoint = Endpoint(virtuoso.query, store=anonymous, credentials=Credentials())
    with endpoint, pytest.raises(EndpointError, match=r"HTTP 40[13]") as failed:
        endpoint.push(kg.corpus, kg.findings, per_graph=True)
    assert "\n" not in str(failed.value)
