"""Push to a real Oxigraph server, push again, query it: the same rows as the local graph."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd
import pytest

from bluntgraph import Corpus, KnowledgeGraph, PushError, load_corpus
from bluntgraph.errors import EndpointError
from bluntgraph.rdf import EXAMPLE_QUERIES
from bluntgraph.store import Endpoint
from tests.store.servers import Server

GRAPH_SIZES = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }
GROUP BY ?g ORDER BY ?g
"""
MANIFEST_STATUS = """
SELECT ?status WHERE { GRAPH ?m { ?m schema:actionStatus ?status } }
"""


def rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]


def graph_sizes(endpoint: Endpoint, prefix: str) -> dict[str, int]:
    """Triples per named graph of the store under ``prefix``, the manifest left out."""
    frame = endpoint.query(GRAPH_SIZES)
    return {
        g: n for g, n in rows(frame) if g.startswith(prefix) and not g.endswith("/graph/manifest")
    }


def local_sizes(kg: KnowledgeGraph) -> dict[str, int]:
    return dict(rows(kg.sparql(GRAPH_SIZES)))


@pytest.fixture(scope="module")
def pushed(shared_oxigraph: Server) -> Iterator[tuple[KnowledgeGraph, Endpoint]]:
    kg = KnowledgeGraph(load_corpus())
    with Endpoint(shared_oxigraph.query) as endpoint:
        endpoint.push(kg.corpus, kg.findings, batch=40)
        yield kg, endpoint


@pytest.fixture
def endpoints() -> Iterator[Callable[..., Endpoint]]:
    """Make endpoints that are closed after the test."""
    made: list[Endpoint] = []

    def make(*args: Any, **kwargs: Any) -> Endpoint:
        made.append(Endpoint(*args, **kwargs))
        return made[-1]

    yield make
    for endpoint in made:
        endpoint.close()


@pytest.mark.parametrize("name", sorted(EXAMPLE_QUERIES))
def test_documented_queries_give_the_local_rows(
    pushed: tuple[KnowledgeGraph, Endpoint], name: str
) -> None:
    kg, endpoint = pushed
    query = EXAMPLE_QUERIES[name][1]
    local, remote = kg.sparql(query), endpoint.query(query)
    assert list(remote.columns) == list(local.columns)
    assert len(local) > 0
    assert rows(remote) == rows(local)


def test_every_graph_arrives_whole(pushed: tuple[KnowledgeGraph, Endpoint]) -> None:
    kg, endpoint = pushed
    expected = local_sizes(kg)
    assert graph_sizes(endpoint, "https://w3id.org/bluntgraph/corpus/emotional-blunting/") == (
        expected
    )
    # four graphs per claim, the records, the findings
    assert len(expected) == 4 * len(kg.corpus.claims) + 2


def test_ask_and_construct_match(pushed: tuple[KnowledgeGraph, Endpoint]) -> None:
    kg, endpoint = pushed
    ask = "ASK { ?c a bg:Claim ; bg:negated true }"
    assert rows(endpoint.query(ask)) == rows(kg.sparql(ask))
    construct = """CONSTRUCT { ?c dcterms:identifier ?id } WHERE {
        ?c a bg:Claim ; dcterms:identifier ?id } """
    assert rows(endpoint.query(construct)) == rows(kg.sparql(construct))


def test_numbers_come_back_typed(pushed: tuple[KnowledgeGraph, Endpoint]) -> None:
    _, endpoint = pushed
    frame = endpoint.query(
        "SELECT (COUNT(?c) AS ?n) (MAX(?high) AS ?top) WHERE { ?c a bg:Claim ; bg:quantity ?q ."
        " ?q schema:maxValue ?high }"
    )
    n, top = rows(frame)[0]
    assert isinstance(n, int) and n > 0
    assert isinstance(top, float) and frame.top.dtype == "float64"  # as kg.sparql gives them


def small(claims: int = 40) -> Corpus:
    """The bundled corpus cut to its first claims (single-graph requests are slow to test)."""
    corpus = load_corpus()
    return dataclasses.replace(corpus, claims=corpus.claims[:claims])


def shrink(corpus: Corpus, drop: int, edit: str) -> Corpus:
    """The corpus less its first ``drop`` claims, and with one claim's note changed."""
    claims = list(corpus.claims[drop:])
    claims[0] = dataclasses.replace(claims[0], note=edit)
    return dataclasses.replace(corpus, claims=tuple(claims))


def test_push_again_replaces_drops_stale_and_spares_other_corpora(
    oxigraph: Server, endpoints: Callable[..., Endpoint]
) -> None:
    endpoint = endpoints(oxigraph.query)
    first = KnowledgeGraph(small(60))
    report = endpoint.push(first.corpus, first.findings, batch=25)
    assert report.created == report.graphs == 4 * len(first.corpus.claims) + 2
    other = KnowledgeGraph(dataclasses.replace(first.corpus, name="another-corpus"))
    endpoint.push(other.corpus, other.findings)
    other_prefix = "https://w3id.org/bluntgraph/corpus/another-corpus/"
    other_before = graph_sizes(endpoint, other_prefix)

    second = KnowledgeGraph(shrink(first.corpus, drop=7, edit="edited on a second push"))
    report = endpoint.push(second.corpus, second.findings, batch=25)
    prefix = "https://w3id.org/bluntgraph/corpus/emotional-blunting/"
    assert graph_sizes(endpoint, prefix) == local_sizes(second)  # nothing doubled, none stale
    assert report.deleted == 4 * 7
    assert report.unchanged > 0 and report.replaced > 0  # positions moved: pubinfo graphs changed
    assert graph_sizes(endpoint, other_prefix) == other_before
    note = 'SELECT ?n WHERE { ?c skos:note ?n FILTER(?n = "edited on a second push") }'
    assert len(endpoint.query(note)) == 1
    status = rows(endpoint.query(MANIFEST_STATUS))
    assert ("https://schema.org/CompletedActionStatus",) in status

    again = endpoint.push(second.corpus, second.findings, batch=25)
    assert again.unchanged == again.graphs and again.bytes == 0
    forced = endpoint.push(second.corpus, second.findings, batch=25, force=True)
    assert forced.replaced == forced.graphs
    assert graph_sizes(endpoint, prefix) == local_sizes(second)


def test_per_graph_push_gives_the_same_store(
    oxigraph: Server, endpoints: Callable[..., Endpoint]
) -> None:
    endpoint = endpoints(oxigraph.query, store=oxigraph.store)
    kg = KnowledgeGraph(small(30))
    report = endpoint.push(kg.corpus, kg.findings, per_graph=True)
    assert report.created == report.graphs
    assert graph_sizes(endpoint, "https://w3id.org/bluntgraph/corpus/") == local_sizes(kg)


def test_graph_base_moves_every_graph(oxigraph: Server, endpoints: Callable[..., Endpoint]) -> None:
    endpoint = endpoints(oxigraph.query)
    kg = KnowledgeGraph(small(10))
    endpoint.push(kg.corpus, kg.findings, base="http://example.org/kg/")
    sizes = graph_sizes(endpoint, "")
    assert sizes and all(g.startswith("http://example.org/kg/emotional-blunting/") for g in sizes)


def test_a_failed_batch_is_reported_and_the_rest_keeps_its_state(
    oxigraph: Server, endpoints: Callable[..., Endpoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = endpoints(oxigraph.query)
    old = KnowledgeGraph(small(100))
    endpoint.push(old.corpus, old.findings, batch=20)
    new = KnowledgeGraph(
        dataclasses.replace(
            old.corpus,
            claims=tuple(dataclasses.replace(c, note=f"v2 {c.id}") for c in old.corpus.claims),
        )
    )
    real_put = Endpoint.put_graph
    calls = {"n": 0}
    # only the pubinfo graphs changed (the note): one PUT a claim (the manifest is sent
    # from a file, not through put_graph); fail on the third PUT of batch 4
    fail_at = 3 * 20 + 3

    def failing_put(self: Endpoint, iri: str, turtle: str) -> None:
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise EndpointError("PUT http://127.0.0.1/store: HTTP 503 Service Unavailable")
        real_put(self, iri, turtle)

    monkeypatch.setattr(Endpoint, "put_graph", failing_put)
    with pytest.raises(PushError) as failed:
        endpoint.push(new.corpus, new.findings, batch=20)
    message = str(failed.value)
    assert "batch 4 of" in message and "claims 61–80" in message and "HTTP 503" in message
    assert "batches 1–3 are replaced" in message and "2 of the 80 graphs of batch 4" in message
    assert "\n" not in message

    notes = dict(rows(endpoint.query(
        "SELECT ?id ?note WHERE { ?c a bg:Claim ; dcterms:identifier ?id ."
        " OPTIONAL { ?c skos:note ?note } }"
    )))  # fmt: skip
    for position, claim in enumerate(old.corpus.claims, start=1):
        # batches 1-3 and the first two claims of batch 4 carry the new notes, the rest the old
        expected = f"v2 {claim.id}" if position <= 62 else claim.note
        assert notes[claim.id] == expected, claim.id
    status = rows(endpoint.query(MANIFEST_STATUS))
    assert status == [("https://schema.org/ActiveActionStatus",)]

    monkeypatch.setattr(Endpoint, "put_graph", real_put)
    finished = endpoint.push(new.corpus, new.findings, batch=20)
    assert finished.unchanged == 0  # after an unfinished push every graph is sent again
    assert graph_sizes(endpoint, "https://w3id.org/bluntgraph/corpus/") == local_sizes(new)
    assert rows(endpoint.query(MANIFEST_STATUS)) == [("https://schema.org/CompletedActionStatus",)]


def test_a_missing_store_is_one_clear_error(
    oxigraph: Server, endpoints: Callable[..., Endpoint]
) -> None:
    endpoint = endpoints(oxigraph.query, store=oxigraph.store.replace("/store", "/nowhere"))
    kg = KnowledgeGraph(small(5))
    with pytest.raises(EndpointError, match=r"HTTP 404") as failed:
        endpoint.push(kg.corpus, kg.findings)
    assert not isinstance(failed.value, PushError)  # nothing was written yet
    assert graph_sizes(endpoints(oxigraph.query), "") == {}


def test_server_errors_on_queries_are_one_line(
    oxigraph: Server, endpoints: Callable[..., Endpoint]
) -> None:
    endpoint = endpoints(oxigraph.query)
    with pytest.raises(EndpointError, match=r"HTTP [45]\d\d") as failed:
        endpoint.query("SELECT ?x WHERE { ?x ?p ?o FILTER(bg:noSuchFunction(?x)) }")
    assert "\n" not in str(failed.value)
