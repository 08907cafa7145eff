"""Safety and interaction claims load, validate and come back from every RDF format."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import OWL, RDF, Graph
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from bluntgraph import Corpus, load_corpus
from bluntgraph.loading import data_path
from bluntgraph.query import claims
from bluntgraph.rdf import (
    BG,
    PREDICATE_TERMS,
    export_rdf,
    from_rdf,
    parse_rdf,
    shapes_graph,
    to_rdf,
    validate_rdf,
)
from bluntgraph.vocabulary import Vocabulary
from tests.conftest import CorpusMaker

TEXT = (
    "Up to 200 mg of caffeine a day is safe in pregnancy. "
    "There is no safe level of alcohol in pregnancy. "
    "St John's wort interacts with the contraceptive pill.\n"
)
ENTITIES: list[dict[str, Any]] = [
    {"id": "caffeine", "label": "caffeine", "type": "substance"},
    {"id": "alcohol", "label": "alcohol", "type": "substance"},
    {"id": "st_johns_wort", "label": "St John's wort", "type": "drug"},
    {"id": "contraceptive_pill", "label": "contraceptive pill", "type": "drug"},
    {"id": "pregnancy", "label": "pregnancy", "type": "condition"},
]
CLAIMS: list[dict[str, Any]] = [
    {"id": "caffeine-safe", "quote": "Up to 200 mg of caffeine a day is safe in pregnancy",
     "section": "body", "subject": "caffeine", "predicate": "safe_for", "object": "pregnancy",
     "quantity": {"measure": "dose", "high": 200, "unit": "mg/day", "bound": "up_to"}},
    {"id": "alcohol-no-safe-level", "quote": "There is no safe level of alcohol in pregnancy",
     "section": "body", "subject": "alcohol", "predicate": "safe_for", "object": "pregnancy",
     "negated": True},
    {"id": "wort-pill", "quote": "St John's wort interacts with the contraceptive pill",
     "section": "body", "subject": "st_johns_wort", "predicate": "interacts_with",
     "object": "contraceptive_pill"},
]  # fmt: skip


@pytest.fixture
def safety(make_corpus: CorpusMaker) -> Corpus:
    return load_corpus(make_corpus(texts={"leaflet": TEXT}, claims={"leaflet": CLAIMS},
                                   entities=ENTITIES))  # fmt: skip


@pytest.mark.parametrize("fmt", ["ttl", "trig", "jsonld"])
def test_safety_and_interaction_claims_come_back_from_each_format(
    safety: Corpus, fmt: str
) -> None:
    back = from_rdf(parse_rdf(export_rdf(safety, fmt), fmt))
    assert back == safety
    assert isomorphic(to_rdf(back), to_rdf(safety))


def test_they_are_written_with_their_terms_and_validate(safety: Corpus) -> None:
    graph = to_rdf(safety)
    assert validate_rdf(graph) == []
    predicates = set(graph.objects(None, RDF.predicate))
    assert {BG.safeFor, BG.interactsWith} <= predicates


def test_they_are_rows_of_the_claims_table(safety: Corpus) -> None:
    frame = claims(safety, Vocabulary(safety), [], predicate="safe_for")
    assert sorted(frame["id"]) == ["alcohol-no-safe-level", "caffeine-safe"]
    assert list(frame.sort_values("id")["negated"]) == [True, False]


def test_the_shapes_allow_exactly_the_models_predicates() -> None:
    shapes = shapes_graph()
    allowed: set[object] = set()
    for shape in shapes.subjects(SH.path, RDF.predicate):
        values = shapes.value(shape, SH["in"])
        if values is not None:
            allowed |= set(Collection(shapes, values))
    assert allowed == set(PREDICATE_TERMS.values())


def test_the_ontology_says_an_interaction_goes_both_ways() -> None:
    ontology = Graph().parse(data_path("ontology", "bluntgraph.ttl"), format="turtle")
    assert (BG.interactsWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (BG.safeFor, RDF.type, OWL.SymmetricProperty) not in ontology
