"""The closed bluntgraph namespace, its ontology file and the shapes agree with the model."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from bluntgraph import model
from bluntgraph.checks.findings import KINDS, SEVERITIES
from bluntgraph.loading import data_path
from bluntgraph.rdf import BG, BG_NAMESPACE, PREDICATE_TERMS, shapes_graph
from bluntgraph.rdf.namespace import BIBO, CITO, NP, OA, SPDX


def _terms() -> set[URIRef]:
    return {BG[name] for name in BG.__annotations__}


def test_a_misspelled_term_raises_instead_of_minting_an_iri() -> None:
    with pytest.raises(AttributeError, match="not in namespace"):
        _ = BG.cuases
    for namespace in (OA, BIBO, CITO, NP, SPDX):
        with pytest.raises(AttributeError):
            _ = namespace.noSuchTerm


def test_every_term_lives_in_the_one_documented_namespace() -> None:
    assert BG_NAMESPACE == "https://w3id.org/bluntgraph/vocab#"
    assert all(str(term).startswith(BG_NAMESPACE) for term in _terms())


def test_every_predicate_of_the_model_has_a_term() -> None:
    assert set(PREDICATE_TERMS) == set(model.PREDICATES)
    assert set(PREDICATE_TERMS.values()) <= _terms()
    assert len(set(PREDICATE_TERMS.values())) == len(PREDICATE_TERMS)


def test_the_ontology_file_describes_exactly_the_namespace() -> None:
    ontology = Graph().parse(data_path("ontology", "bluntgraph.ttl"), format="turtle")
    described = set(
        ontology.subjects(RDFS.isDefinedBy, URIRef("https://w3id.org/bluntgraph/vocab"))
    )
    assert described == _terms()
    for term in _terms():
        kinds = set(ontology.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        assert ontology.value(term, RDFS.label) is not None, term
        comment = ontology.value(term, RDFS.comment)
        assert isinstance(comment, Literal) and len(str(comment)) > 10, term


def _allowed(shapes: Graph, path: URIRef) -> list[str]:
    """The sh:in list of the property shape on ``path`` (the first one that has it)."""
    for shape in shapes.subjects(SH.path, path):
        values = shapes.value(shape, SH["in"])
        if values is not None:
            return [str(v) for v in Collection(shapes, values)]
    raise AssertionError(f"no sh:in for {path}")


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (BG.section, model.SECTIONS),
        (BG.certainty, model.CERTAINTY_LEVELS),
        (BG.attributionKind, model.ATTRIBUTION_KINDS),
        (BG.attributionMode, model.ATTRIBUTION_MODES),
        (BG.bound, model.BOUND_KINDS),
        (BG.timeCourse, model.TIME_COURSES),
        (BG.sourceKind, model.SOURCE_KINDS),
        (BG.entityType, model.ENTITY_TYPES),
        (BG.findingKind, KINDS),
        (BG.severity, SEVERITIES),
    ],
)
def test_the_shapes_closed_lists_are_the_models(path: URIRef, allowed: tuple[str, ...]) -> None:
    assert _allowed(shapes_graph(), path) == list(allowed)


def test_the_shapes_list_every_predicate_term() -> None:
    shapes = shapes_graph()
    assert set(_allowed(shapes, RDF.predicate)) == {str(t) for t in PREDICATE_TERMS.values()}
