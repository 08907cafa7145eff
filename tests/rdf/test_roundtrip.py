"""model → RDF → model gives the same corpus, and re-exporting gives an isomorphic graph."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from bluntgraph import Corpus, CorpusError, load_corpus
from bluntgraph.checks.findings import Finding
from bluntgraph.rdf import (
    BG,
    CorpusIris,
    export_rdf,
    findings_from_rdf,
    from_rdf,
    parse_rdf,
    to_dataset,
    to_rdf,
)
from tests.conftest import CorpusMaker

from .strategies import corpora, findings_of

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("fmt", ["ttl", "trig", "jsonld", "nt", "nq"])
def test_the_small_corpus_comes_back_from_every_format(
    fmt: str, small: Corpus, small_findings: list[Finding]
) -> None:
    back = from_rdf(parse_rdf(export_rdf(small, fmt, small_findings), fmt))
    assert back == small
    assert [s.text for s in back.sources] == [s.text for s in small.sources]
    assert (
        findings_from_rdf(parse_rdf(export_rdf(small, fmt, small_findings), fmt)) == small_findings
    )


def test_the_bundled_corpus_comes_back_from_turtle_and_trig(bundled: Corpus) -> None:
    for fmt in ("ttl", "trig"):
        assert from_rdf(parse_rdf(export_rdf(bundled, fmt), fmt)) == bundled


def test_graphs_and_datasets_are_both_read(small: Corpus) -> None:
    assert from_rdf(to_rdf(small)) == small
    assert from_rdf(to_dataset(small)) == small


def test_the_order_of_records_and_lists_survives(small: Corpus) -> None:
    back = from_rdf(to_rdf(small))
    assert [c.id for c in back.claims] == [c.id for c in small.claims]
    assert back.sources[0].authors == ("Zed Zulu", "Amy Adams", "Zed Zulu")
    assert back.entity_by_id["drug_a2"].synonyms == ("A-2", "a two", "A-2")
    assert back.claim_by_id["a-therapy-reduces"].attribution.references == ("smith2020", "doe2021")


@_SETTINGS
@given(st.data())
def test_generated_corpora_survive_turtle_and_trig(data: st.DataObject) -> None:
    corpus = data.draw(corpora())
    findings = data.draw(findings_of(corpus))
    original = to_rdf(corpus, findings)
    for fmt in ("ttl", "trig"):
        parsed = parse_rdf(export_rdf(corpus, fmt, findings), fmt)
        back = from_rdf(parsed)
        assert back == corpus
        assert [s.text for s in back.sources] == [s.text for s in corpus.sources]
        again = findings_from_rdf(parsed)
        assert again == findings
        assert [f.details for f in again] == [f.details for f in findings]
        assert isomorphic(to_rdf(back, again), original)


@settings(_SETTINGS, max_examples=30)
@given(st.data())
def test_generated_corpora_survive_json_ld_n_triples_and_n_quads(data: st.DataObject) -> None:
    corpus = data.draw(corpora())
    for fmt in ("jsonld", "nt", "nq"):
        assert from_rdf(parse_rdf(export_rdf(corpus, fmt), fmt)) == corpus


def test_from_rdf_lists_every_broken_record(small: Corpus) -> None:
    graph, iris = to_rdf(small), CorpusIris.for_name(small.name)
    graph.remove((iris.claim("a-causes-s"), RDF.predicate, None))
    graph.add((iris.claim("a-causes-s"), RDF.predicate, BG.actsOn))
    graph.add((iris.claim("a-causes-s"), RDF.predicate, BG.causes))
    graph.remove((iris.source("a"), DCTERMS.title, None))
    with pytest.raises(CorpusError) as raised:
        from_rdf(graph)
    messages = [str(p) for p in raised.value.problems]
    assert any("2 values for rdf:predicate" in m and "a-causes-s" in m for m in messages)
    assert any("no dcterms:title" in m and "source/a" in m for m in messages)


def test_from_rdf_needs_exactly_one_corpus(small: Corpus) -> None:
    with pytest.raises(CorpusError, match="no bg:Corpus"):
        from_rdf(Graph())
    other = dataclasses.replace(small, name="other")
    both = to_rdf(small) + to_rdf(other)
    with pytest.raises(CorpusError, match="several corpora"):
        from_rdf(both)
    assert from_rdf(both, corpus="other") == other
    assert from_rdf(both, corpus=str(CorpusIris.for_name(small.name).corpus)) == small


def test_a_claim_naming_an_entity_outside_the_graph_is_reported(small: Corpus) -> None:
    graph, iris = to_rdf(small), CorpusIris.for_name(small.name)
    graph.remove((iris.entity("drug_a1"), None, None))
    with pytest.raises(CorpusError, match="not an entity of the corpus"):
        from_rdf(graph)


def test_a_wrong_literal_is_reported_not_raised(small: Corpus) -> None:
    graph, iris = to_rdf(small), CorpusIris.for_name(small.name)
    quantity = graph.value(iris.claim("a-causes-s"), BG.quantity)
    graph.set((quantity, BG.measure, iris.entity("drug_a1")))
    with pytest.raises(CorpusError, match="bg:measure must be a literal"):
        from_rdf(graph)
    graph, quantity = to_rdf(small), None
    quantity = graph.value(iris.claim("a-causes-s"), BG.quantity)
    from rdflib.namespace import SDO

    graph.set((quantity, SDO.minValue, Literal("forty")))
    with pytest.raises(CorpusError, match="must be a decimal number"):
        from_rdf(graph)


@pytest.mark.parametrize(
    ("where", "bad"),
    [("quote", "a\x00b"), ("quote", "a\x1bb"), ("note", "x\x7f"), ("label", "lone \ud800")],
)
def test_text_rdf_cannot_carry_is_refused_on_the_way_in(
    make_corpus: CorpusMaker, where: str, bad: str
) -> None:
    text = "Drug A1 causes the S. " + (bad if where == "quote" else "")
    claim = {"id": "a-x", "quote": bad if where == "quote" else "Drug A1 causes the S",
             "section": "body", "subject": "drug_a1", "predicate": "causes",
             "object": "symptom_s"}  # fmt: skip
    if where == "note":
        claim["note"] = bad
    entities = None
    if where == "label":
        from tests.conftest import DEFAULT_ENTITIES

        entities = [{**e, "label": bad} if e["id"] == "drug_a1" else e for e in DEFAULT_ENTITIES]
    try:
        root = make_corpus(texts={"a": text}, claims={"a": [claim]}, entities=entities)
    except UnicodeEncodeError:  # a lone surrogate cannot even be written as UTF-8
        pytest.skip("the file system refuses the surrogate before bluntgraph sees it")
    with pytest.raises(CorpusError) as raised:
        load_corpus(root)
    message = str(raised.value)
    assert "control character or lone surrogate" in message
    assert "RDF and HTML cannot carry it" in message
    assert "\n" not in message
