"""What the export says about each claim, source, entity and reference — and how the IRIs look."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS

from bluntgraph import Corpus
from bluntgraph.checks.findings import Finding
from bluntgraph.rdf import BG, CorpusIris, to_dataset, to_rdf
from bluntgraph.rdf.namespace import BIBO, CITO, NP, OA, SPDX
from bluntgraph.rdf.to_rdf import ANCHOR_CONTEXT, decimal_literal, external_iri

from .conftest import TEXT


def _iris(corpus: Corpus) -> CorpusIris:
    return CorpusIris.for_name(corpus.name)


def _one(graph: Graph, subject: object, prop: URIRef) -> object:
    values = list(graph.objects(subject, prop))  # type: ignore[arg-type]
    assert len(values) == 1, (subject, prop, values)
    return values[0]


def test_iris_are_minted_from_ids_under_one_base(small: Corpus) -> None:
    iris = _iris(small)
    assert iris.base == f"https://w3id.org/bluntgraph/corpus/{small.name}/"
    graph = to_rdf(small)
    for claim in small.claims:
        assert (iris.claim(claim.id), RDF.type, BG.Claim) in graph
    assert (iris.reference("smith2020"), RDF.type, BIBO.Document) in graph
    assert str(CorpusIris.for_name("a b/c").reference("k:1/2")).endswith(
        "/a%20b%2Fc/reference/k%3A1%2F2"
    )


def test_a_claim_is_a_statement_with_all_its_qualifiers(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    claim = small.claim_by_id["a-causes-s"]
    c = iris.claim(claim.id)
    assert _one(graph, c, RDF.subject) == iris.entity("drug_a1")
    assert _one(graph, c, RDF.predicate) == BG.causes
    assert _one(graph, c, RDF.object) == iris.entity("symptom_s")
    assert _one(graph, c, BG.population) == iris.entity("class_a_users")
    assert _one(graph, c, BG.condition) == Literal("when taken daily")
    assert _one(graph, c, BG.timeCourse) == Literal("onset")
    assert _one(graph, c, BG.negated) == Literal(False)
    assert _one(graph, c, BG.certainty) == Literal("probable")
    assert _one(graph, c, BG.certaintyCue) == Literal("studies suggest")
    assert _one(graph, c, BG.attributionKind) == Literal("research-appeal")
    assert _one(graph, c, BG.attributionMode) == Literal("reports")
    assert _one(graph, c, BG.section) == Literal("body")
    assert _one(graph, c, SKOS.note) == Literal("a 'note'\nover two lines")
    assert _one(graph, c, PROV.wasQuotedFrom) == iris.source("a")
    assert _one(graph, c, PROV.wasDerivedFrom) == iris.source("a")
    facets = {
        (str(_one(graph, f, BG.key)), str(_one(graph, f, RDF.value)))
        for f in graph.objects(c, BG.facet)
    }
    assert facets == {("valence", "both"), ("degree", "reduction")}


def test_statistics_are_decimals(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    q = _one(graph, iris.claim("a-causes-s"), BG.quantity)
    assert (q, RDF.type, SDO.QuantitativeValue) in graph
    assert _one(graph, q, BG.measure) == Literal("proportion_affected")
    low, high = _one(graph, q, SDO.minValue), _one(graph, q, SDO.maxValue)
    assert isinstance(low, Literal) and low.datatype == XSD.decimal and str(low) == "40.0"
    assert isinstance(high, Literal) and high.datatype == XSD.decimal and str(high) == "60.0"
    assert _one(graph, q, SDO.unitText) == Literal("percent")
    assert _one(graph, q, BG.bound) == Literal("range")
    negative = _one(graph, iris.claim("a-not-treats"), BG.quantity)
    assert str(_one(graph, negative, SDO.maxValue)) == "-0.5"
    assert list(graph.objects(negative, SDO.minValue)) == []


@pytest.mark.parametrize(
    ("value", "lexical"),
    [("0", "0.0"), ("-0", "0.0"), ("-0.000", "0.0"), ("1E+3", "1000.0"), ("0.10", "0.1"),
     ("-12.5", "-12.5"), ("1E-30", "0." + "0" * 29 + "1"), ("007.50", "7.5")],
)  # fmt: skip
def test_decimals_get_one_canonical_lexical_form(value: str, lexical: str) -> None:
    literal = decimal_literal(Decimal(value))
    assert (str(literal), literal.datatype) == (lexical, XSD.decimal)
    assert Decimal(str(literal)) == Decimal(value)


def test_every_claim_is_anchored_by_web_annotation_selectors(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    for claim in small.claims:
        (anchor,) = graph.subjects(OA.hasBody, iris.claim(claim.id))
        assert (anchor, RDF.type, OA.Annotation) in graph
        target = _one(graph, anchor, OA.hasTarget)
        assert (target, RDF.type, OA.SpecificResource) in graph
        assert _one(graph, target, OA.hasSource) == iris.source(claim.source)
        selectors = {_one(graph, s, RDF.type): s for s in graph.objects(target, OA.hasSelector)}
        text, span = selectors[OA.TextQuoteSelector], selectors[OA.TextPositionSelector]
        assert _one(graph, text, OA.exact) == Literal(claim.quote)
        prefix = TEXT[max(0, claim.start - ANCHOR_CONTEXT) : claim.start]
        assert _one(graph, text, OA.prefix) == Literal(prefix)
        assert _one(graph, text, OA.suffix) == Literal(TEXT[claim.end : claim.end + ANCHOR_CONTEXT])
        start, end = _one(graph, span, OA.start), _one(graph, span, OA.end)
        assert (start, end) == (
            Literal(str(claim.start), datatype=XSD.nonNegativeInteger),
            Literal(str(claim.end), datatype=XSD.nonNegativeInteger),
        )
        assert TEXT[claim.start : claim.end] == claim.quote


def test_evidence_is_cited_with_cito_in_order(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    c = iris.claim("a-therapy-reduces")
    cited = [iris.reference("smith2020"), iris.reference("doe2021")]
    assert set(graph.objects(c, CITO.citesAsEvidence)) == set(cited)
    assert list(Collection(graph, _one(graph, c, BG.referenceList))) == cited  # type: ignore[arg-type]
    assert _one(graph, c, BG.expert) == Literal("Dr. Who")
    assert set(graph.objects(iris.source("a"), CITO.cites)) == set(cited)


def test_a_source_keeps_its_publisher_authors_in_order_and_interests(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    s = iris.source("a")
    assert {SDO.Article, PROV.Entity} <= set(graph.objects(s, RDF.type))
    assert _one(graph, s, DCTERMS.title) == Literal("Article a")
    publisher = _one(graph, s, DCTERMS.publisher)
    assert _one(graph, publisher, FOAF.name) == Literal("Publisher a")
    authors = list(Collection(graph, _one(graph, s, BIBO.authorList)))  # type: ignore[arg-type]
    assert [str(_one(graph, a, FOAF.name)) for a in authors] == [
        "Zed Zulu",
        "Amy Adams",
        "Zed Zulu",
    ]
    assert set(graph.objects(s, PROV.wasAttributedTo)) == {publisher, *authors}
    assert _one(graph, s, DCTERMS.date) == Literal("2024-05-01")
    assert _one(graph, s, SDO.url) == Literal("https://example.org/a?x=1&y=2", datatype=XSD.anyURI)
    assert _one(graph, s, BG.sourceKind) == Literal("provider-marketing")
    assert _one(graph, s, BG.interestsNote) == Literal('Sells "therapy T".')
    interests = list(Collection(graph, _one(graph, s, BG.interestList)))  # type: ignore[arg-type]
    assert interests == [iris.entity("therapy_t"), iris.entity("drug_a1")]
    checksum = _one(graph, s, SPDX.checksum)
    assert _one(graph, checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
    assert _one(graph, checksum, SPDX.checksumValue) == Literal(small.sources[0].sha256)
    assert _one(graph, s, BG.textPath) == Literal("texts/a.txt")
    assert _one(graph, s, SDO.text) == Literal(TEXT)


def test_an_entity_is_a_skos_concept_with_every_fact(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    e = iris.entity("drug_a2")
    assert {SKOS.Concept, SDO.Drug} <= set(graph.objects(e, RDF.type))
    assert _one(graph, e, SKOS.prefLabel) == Literal("drug A2")
    assert set(graph.objects(e, SKOS.altLabel)) == {Literal("A-2"), Literal("a two")}
    synonyms = list(Collection(graph, _one(graph, e, BG.synonymList)))  # type: ignore[arg-type]
    assert synonyms == [Literal("A-2"), Literal("a two"), Literal("A-2")]
    assert set(graph.objects(e, SKOS.broader)) == {
        iris.entity("drug_class_a"),
        iris.entity("people"),
    }
    assert set(graph.objects(e, SKOS.exactMatch)) == {
        URIRef("http://id.nlm.nih.gov/mesh/D020280"),
        URIRef("http://purl.obolibrary.org/obo/CHEBI_9123"),
    }
    xrefs = {
        (str(_one(graph, x, BG.key)), str(_one(graph, x, RDF.value)))
        for x in graph.objects(e, BG.xref)
    }
    assert xrefs == {("mesh", "D020280"), ("chebi", "CHEBI:9123"), ("local", "x y")}
    (rule,) = graph.objects(e, BG.memberIf)
    assert (_one(graph, rule, BG.key), _one(graph, rule, RDF.value)) == (
        Literal("acts_on"), iris.entity("chemical_x"),
    )  # fmt: skip
    assert _one(graph, e, DCTERMS.description) == Literal("A made-up drug.")
    users = iris.entity("long_term_users")
    assert _one(graph, users, BG.takes) == iris.entity("drug_class_a")
    assert _one(graph, users, BG.hasCondition) == iris.entity("condition_c")
    assert _one(graph, users, BG.duration) == Literal("long-term")
    assert (iris.entity("drug_class_a"), BG.actsOn, iris.entity("chemical_x")) in graph


def test_a_reference_keeps_every_bibtex_field_and_standard_copies(small: Corpus) -> None:
    graph, iris = to_rdf(small), _iris(small)
    r = iris.reference("smith2020")
    assert {BIBO.Document, BIBO.AcademicArticle} <= set(graph.objects(r, RDF.type))
    fields = {
        (str(_one(graph, f, BG.key)), str(_one(graph, f, RDF.value)))
        for f in graph.objects(r, BG.bibtexField)
    }
    assert fields == set(small.reference_by_key["smith2020"].fields)
    assert _one(graph, r, BIBO.doi) == Literal("10.1000/xyz")
    assert _one(graph, r, BIBO.pmid) == Literal("12345")
    assert _one(graph, r, DCTERMS.title) == Literal("A trial of therapy T")
    creators = {str(_one(graph, a, FOAF.name)) for a in graph.objects(r, DCTERMS.creator)}
    assert creators == {"Smith, Ann", "Jones, Bo"}  # "others" is not an agent


def test_external_identifiers_get_iris_only_when_they_look_right() -> None:
    assert external_iri("MeSH", "D020280") == URIRef("http://id.nlm.nih.gov/mesh/D020280")
    assert external_iri("chebi", "9123") == URIRef("http://purl.obolibrary.org/obo/CHEBI_9123")
    assert external_iri("atc", "N06AB06") == URIRef(
        "http://purl.bioontology.org/ontology/ATC/N06AB06"
    )
    assert external_iri("wikidata", "Q42") == URIRef("http://www.wikidata.org/entity/Q42")
    assert external_iri("mesh", "D02 0280") is None
    assert external_iri("unknown-scheme", "123") is None


def test_one_nanopublication_per_claim(small: Corpus) -> None:
    dataset, iris = to_dataset(small), _iris(small)
    graphs = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    for claim in small.claims:
        np = iris.nanopub(claim.id)
        head = graphs[str(iris.nanopub(claim.id, "head"))]
        assertion = graphs[str(iris.nanopub(claim.id, "assertion"))]
        provenance = graphs[str(iris.nanopub(claim.id, "provenance"))]
        pubinfo = graphs[str(iris.nanopub(claim.id, "pubinfo"))]
        assert (np, RDF.type, NP.Nanopublication) in head
        assert (np, NP.hasAssertion, assertion.identifier) in head
        assert (np, NP.hasProvenance, provenance.identifier) in head
        assert (np, NP.hasPublicationInfo, pubinfo.identifier) in head
        c = iris.claim(claim.id)
        assert (c, RDF.predicate, None) in assertion
        assert (c, PROV.wasQuotedFrom, None) not in assertion
        assert (assertion.identifier, PROV.wasQuotedFrom, iris.source(claim.source)) in provenance
        assert (None, OA.hasBody, c) in provenance
        assert (np, DCTERMS.isPartOf, iris.corpus) in pubinfo
    records = graphs[str(iris.corpus_graph)]
    assert (iris.source("a"), RDF.type, SDO.Article) in records
    assert len(graphs) == 4 * len(small.claims) + 1  # no findings given: no findings graph
    assert len(dataset.default_graph) == 0


def test_turtle_holds_the_same_triples_as_the_trig_graphs(small: Corpus) -> None:
    merged = Graph()
    for s, p, o, _ in to_dataset(small).quads((None, None, None, None)):
        merged.add((s, p, o))
    assert set(merged) == set(to_rdf(small))


def test_findings_say_which_claims_conflict_of_what_kind_and_why(
    small: Corpus, small_findings: list[Finding]
) -> None:
    graph, iris = to_rdf(small, small_findings), _iris(small)
    f = iris.finding("F001")
    assert (f, RDF.type, BG.Finding) in graph
    assert _one(graph, f, BG.findingKind) == Literal("contradiction")
    assert _one(graph, f, BG.severity) == Literal("error")
    assert _one(graph, f, BG.rule) == Literal("opposite-direction")
    assert _one(graph, f, DCTERMS.description) == Literal("cannot both hold")
    involved = [iris.claim("a-therapy-reduces"), iris.claim("a-not-treats")]
    assert set(graph.objects(f, BG.involves)) == set(involved)
    assert list(Collection(graph, _one(graph, f, BG.claimList))) == involved  # type: ignore[arg-type]
    assert (iris.finding("F002"), BG.involves, iris.reference("doe2021")) in graph
    graphs = {str(g.identifier) for g in to_dataset(small, small_findings).graphs() if len(g)}
    assert str(iris.findings_graph) in graphs


def test_the_only_blank_nodes_are_list_cells_with_hashed_labels(
    small: Corpus, small_findings: list[Finding]
) -> None:
    graph = to_rdf(small, small_findings)
    blank = {n for triple in graph for n in triple if isinstance(n, BNode)}
    assert blank  # the lists are there
    assert all(re.fullmatch(r"l[0-9a-f]{16}n\d+", str(n)) for n in blank)
    assert all((n, RDF.first, None) in graph for n in blank)
    assert blank == {
        n for triple in to_rdf(small, small_findings) for n in triple if isinstance(n, BNode)
    }


def test_a_base_puts_every_iri_elsewhere(small: Corpus) -> None:
    graph = to_rdf(small, base="https://example.org/kg")
    subjects = {str(s) for s in graph.subjects() if isinstance(s, URIRef)}
    assert subjects and all(s.startswith(f"https://example.org/kg/{small.name}/") for s in subjects)


def test_every_bundled_claim_appears_with_its_quote_and_offsets(bundled: Corpus) -> None:
    graph, iris = to_rdf(bundled), _iris(bundled)
    for claim in bundled.claims:
        (anchor,) = graph.subjects(OA.hasBody, iris.claim(claim.id))
        target = _one(graph, anchor, OA.hasTarget)
        selectors = set(graph.objects(target, OA.hasSelector))
        assert any((s, OA.exact, Literal(claim.quote)) in graph for s in selectors), claim.id
        start = Literal(str(claim.start), datatype=XSD.nonNegativeInteger)
        end = Literal(str(claim.end), datatype=XSD.nonNegativeInteger)
        assert any((s, OA.start, start) in graph and (s, OA.end, end) in graph for s in selectors)
