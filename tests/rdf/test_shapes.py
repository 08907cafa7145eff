"""Exports conform to the shipped SHACL shapes, and the shapes catch broken claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Literal
from rdflib.namespace import DCTERMS, SKOS

from bluntgraph import Corpus, run_checks
from bluntgraph.checks.findings import Finding
from bluntgraph.loading import data_path
from bluntgraph.rdf import BG, CorpusIris, parse_rdf, to_rdf, validate_rdf
from bluntgraph.rdf.namespace import OA

from .strategies import corpora, findings_of


def test_the_shapes_file_ships_with_bluntgraph() -> None:
    assert data_path("shapes", "bluntgraph-shapes.ttl").is_file()


def test_the_bundled_corpus_conforms(bundled: Corpus) -> None:
    assert validate_rdf(to_rdf(bundled, run_checks(bundled))) == []


def test_the_small_corpus_conforms_as_turtle_and_trig(
    small: Corpus, small_findings: list[Finding]
) -> None:
    from bluntgraph.rdf import export_rdf

    for fmt in ("ttl", "trig"):
        assert validate_rdf(parse_rdf(export_rdf(small, fmt, small_findings), fmt)) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_corpora_conform(data: st.DataObject) -> None:
    corpus = data.draw(corpora(max_claims=4))
    assert validate_rdf(to_rdf(corpus, data.draw(findings_of(corpus)))) == []


def test_broken_claims_sources_and_entities_are_reported(small: Corpus) -> None:
    graph, iris = to_rdf(small), CorpusIris.for_name(small.name)
    claim = iris.claim("a-causes-s")
    graph.add((claim, BG.certainty, Literal("sure")))  # two values, one outside the list
    graph.remove((iris.source("a"), DCTERMS.title, None))
    graph.remove((iris.entity("drug_a1"), SKOS.prefLabel, None))
    span = iris.claim("a-causes-s", "position")
    graph.set((span, OA.start, Literal("0", datatype=XSD.nonNegativeInteger)))
    problems = "\n".join(validate_rdf(graph))
    assert "claim/a-causes-s" in problems and "bg#certainty" not in problems
    assert "sure" in problems
    assert "source/a" in problems and "title" in problems
    assert "entity/drug_a1" in problems and "one label" in problems
    assert "offsets do not match" in problems
