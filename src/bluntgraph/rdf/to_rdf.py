"""A corpus (and the checks' findings) as RDF: one nanopublication per claim.

:func:`to_dataset` gives an rdflib ``Dataset`` in which every claim is a
nanopublication of four named graphs (head, assertion, provenance,
pubinfo), the sources, entities and references are one graph, and the
findings another; :func:`to_rdf` gives the same triples in one ``Graph``.
``docs/rdf.md`` maps every field of the model onto its RDF term.

Two rules keep the output stable and lossless:

* IRIs are minted from ids (:mod:`bluntgraph.rdf.iris`); the only blank
  nodes are the cells of ``rdf:List`` values, and their labels are hashed
  from their subject, property and position — never random.
* Each field of the model has one encoding that :func:`~bluntgraph.rdf.from_rdf`
  reads back. Some values are also given through a standard property for
  other tools (a reference's ``doi`` field as ``bibo:doi``, an entity's
  MeSH id as ``skos:exactMatch``, a source citing what its claims cite as
  ``cito:cites``); those copies are derived and ignored on the way back.
  A value list whose order matters (authors, synonyms, broader terms,
  cited references…) gets one triple per value with its standard property
  and, when it has two or more values, an ``rdf:List`` that fixes the order.

Examples
--------
>>> from bluntgraph import load_corpus
>>> corpus = load_corpus()
>>> graph = to_rdf(corpus)
>>> claim = corpus.claims[0]
>>> from rdflib import Literal
>>> from rdflib.namespace import DCTERMS
>>> (CorpusIris.for_name(corpus.name).claim(claim.id), DCTERMS.identifier,
...  Literal(claim.id)) in graph
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDFS, SDO, SKOS
from rdflib.term import Node

from ..checks.findings import Finding
from ..model import Claim, Corpus, Entity, Reference, Source
from .iris import CorpusIris, encode
from .namespace import BG, BIBO, CITO, NP, OA, PREDICATE_TERMS, SPDX

__all__ = [
    "ANCHOR_CONTEXT",
    "ENTITY_CLASSES",
    "PREFIXES",
    "REFERENCE_CLASSES",
    "XREF_IRIS",
    "bind_prefixes",
    "decimal_literal",
    "external_iri",
    "to_dataset",
    "to_rdf",
]

#: characters of the text kept before and after a quote (``oa:prefix``/``oa:suffix``)
ANCHOR_CONTEXT = 32

#: prefix -> namespace, written at the top of every Turtle, TriG and JSON-LD file
PREFIXES: dict[str, str] = {
    "bg": str(BG._NS),
    "bibo": str(BIBO._NS),
    "cito": str(CITO._NS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "np": str(NP._NS),
    "oa": str(OA._NS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SDO),
    "skos": str(SKOS),
    "spdx": str(SPDX._NS),
    "xsd": str(XSD),
}

#: entity type -> the schema.org class it also gets (every entity is a skos:Concept)
ENTITY_CLASSES: dict[str, URIRef] = {
    "drug": SDO.Drug,
    "brand": SDO.Drug,
    "drug_class": SDO.DrugClass,
    "condition": SDO.MedicalCondition,
    "symptom": SDO.MedicalSignOrSymptom,
    "therapy": SDO.MedicalTherapy,
    "practice": SDO.LifestyleModification,
    "action": SDO.MedicalProcedure,
    "substance": SDO.ChemicalSubstance,
    "target": SDO.BioChemEntity,
    "population": SDO.PeopleAudience,
    "organization": SDO.Organization,
    "journal": SDO.Periodical,
}

#: BibTeX entry type -> the BIBO class it also gets (every reference is a bibo:Document)
REFERENCE_CLASSES: dict[str, URIRef] = {
    "article": BIBO.AcademicArticle,
    "book": BIBO.Book,
    "inbook": BIBO.Chapter,
    "incollection": BIBO.Chapter,
    "inproceedings": BIBO.AcademicArticle,
    "proceedings": BIBO.Proceedings,
    "techreport": BIBO.Report,
    "phdthesis": BIBO.Thesis,
    "mastersthesis": BIBO.Thesis,
    "manual": BIBO.Manual,
    "online": BIBO.Webpage,
}

#: BibTeX fields also given with a standard property (a derived copy)
_BIBTEX_PROPERTIES: dict[str, URIRef] = {
    "title": DCTERMS.title,
    "doi": BIBO.doi,
    "pmid": BIBO.pmid,
    "volume": BIBO.volume,
    "number": BIBO.issue,
    "pages": BIBO.pages,
    "date": DCTERMS.date,
    "isbn": BIBO.isbn,
    "issn": BIBO.issn,
}

#: cross-reference scheme -> (pattern the identifier must match, IRI template)
XREF_IRIS: dict[str, tuple[str, str]] = {
    "mesh": (r"[A-Z]\d{6,9}", "http://id.nlm.nih.gov/mesh/{id}"),
    "chebi": (r"(?:CHEBI:)?(\d+)", "http://purl.obolibrary.org/obo/CHEBI_{id}"),
    "atc": (r"[A-Z](?:\d\d(?:[A-Z](?:[A-Z](?:\d\d)?)?)?)?", "http://purl.bioontology.org/ontology/ATC/{id}"),
    "wikidata": (r"Q\d+", "http://www.wikidata.org/entity/{id}"),
    "doid": (r"(?:DOID:)?(\d+)", "http://purl.obolibrary.org/obo/DOID_{id}"),
    "hp": (r"(?:HP:)?(\d{7})", "http://purl.obolibrary.org/obo/HP_{id}"),
    "mondo": (r"(?:MONDO:)?(\d{7})", "http://purl.obolibrary.org/obo/MONDO_{id}"),
    "ncit": (r"(?:NCIT:)?(C\d+)", "http://purl.obolibrary.org/obo/NCIT_{id}"),
    "rxnorm": (r"\d+", "http://purl.bioontology.org/ontology/RXNORM/{id}"),
    "snomedct": (r"\d{6,18}", "http://snomed.info/id/{id}"),
}  # fmt: skip


def external_iri(scheme: str, identifier: str) -> URIRef | None:
    """The IRI of an external identifier (MeSH, ChEBI, ATC, Wikidata…), or None if unknown.

    The scheme is matched case-insensitively; an identifier that does not
    look like one of its scheme gets no IRI rather than a wrong one.

    Examples
    --------
    >>> str(external_iri("mesh", "D020280"))
    'http://id.nlm.nih.gov/mesh/D020280'
    >>> str(external_iri("chebi", "CHEBI:9123"))
    'http://purl.obolibrary.org/obo/CHEBI_9123'
    >>> external_iri("mesh", "sertraline") is None
    True
    """
    known = XREF_IRIS.get(scheme.lower())
    if known is None:
        return None
    pattern, template = known
    match = re.fullmatch(pattern, identifier.strip())
    if match is None:
        return None
    local = match.group(1) if match.groups() else match.group(0)
    return URIRef(template.format(id=local))


def decimal_literal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` literal in canonical form (``40.0``, ``-0.25``, never an exponent).

    Numbers equal as Decimals get the same literal, so a corpus re-exported
    after a round trip writes identical RDF.

    Examples
    --------
    >>> str(decimal_literal(Decimal("1E+3"))), str(decimal_literal(Decimal("-0.50")))
    ('1000.0', '-0.5')
    """
    text = format(value, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("+-").partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0") or "0"
    sign = "-" if negative and (whole != "0" or fraction != "0") else ""
    return Literal(f"{sign}{whole}.{fraction}", datatype=XSD.decimal)


def bind_prefixes(graph: Graph, iris: CorpusIris | None = None) -> None:
    """Bind bluntgraph's prefixes (and, given ``iris``, the corpus's record prefixes)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    if iris is not None:
        for prefix in ("source", "agent", "entity", "reference", "claim", "finding"):
            graph.bind(prefix, f"{iris.base}{prefix}/", override=True, replace=True)


def _text(value: str) -> Literal:
    return Literal(value)


def _int(value: int, datatype: URIRef = XSD.integer) -> Literal:
    return Literal(str(value), datatype=datatype)


class _Builder:
    """Writes one corpus into a Dataset, graph by graph."""

    def __init__(self, corpus: Corpus, iris: CorpusIris) -> None:
        self.corpus = corpus
        self.iris = iris
        self.dataset = Dataset()
        bind_prefixes(self.dataset, iris)
        self.records = self.dataset.graph(iris.corpus_graph)
        self.entities = {e.id: iris.entity(e.id) for e in corpus.entities}

    def entity(self, entity_id: str) -> URIRef:
        return self.entities.get(entity_id) or self.iris.entity(entity_id)

    @staticmethod
    def ordered(
        graph: Graph,
        subject: URIRef,
        prop: URIRef,
        list_prop: URIRef,
        values: Sequence[Node],
    ) -> None:
        """One triple per value, plus an rdf:List fixing their order if there are two or more."""
        for value in values:
            graph.add((subject, prop, value))
        if len(values) < 2:
            return
        seed = hashlib.sha256(f"{subject} {list_prop}".encode()).hexdigest()[:16]
        cells = [BNode(f"l{seed}n{i}") for i in range(len(values))]
        graph.add((subject, list_prop, cells[0]))
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            graph.add((cell, RDF.first, value))
            graph.add((cell, RDF.rest, cells[i + 1] if i + 1 < len(cells) else RDF.nil))

    @staticmethod
    def pair(
        graph: Graph, owner: URIRef, prop: URIRef, node: URIRef, key: str, value: Node
    ) -> None:
        graph.add((owner, prop, node))
        graph.add((node, BG.key, _text(key)))
        graph.add((node, RDF.value, value))

    def agent(self, name: str) -> URIRef:
        iri = self.iris.agent(name)
        self.records.add((iri, RDF.type, PROV.Agent))
        self.records.add((iri, FOAF.name, _text(name)))
        return iri

    # --- records -------------------------------------------------------------------

    def add_corpus(self) -> None:
        g, c = self.records, self.iris.corpus
        g.add((c, RDF.type, BG.Corpus))
        g.add((c, RDF.type, SDO.Dataset))
        g.add((c, RDF.type, SKOS.ConceptScheme))
        g.add((c, DCTERMS.identifier, _text(self.corpus.name)))

    def add_source(self, position: int, source: Source) -> None:
        g, s = self.records, self.iris.source(source.id)
        g.add((s, RDF.type, SDO.Article))
        g.add((s, RDF.type, PROV.Entity))
        g.add((s, DCTERMS.identifier, _text(source.id)))
        g.add((s, DCTERMS.isPartOf, self.iris.corpus))
        g.add((s, BG.position, _int(position)))
        g.add((s, DCTERMS.title, _text(source.title)))
        g.add((s, BG.sourceKind, _text(source.kind)))
        g.add((s, BG.textPath, _text(source.text_path)))
        checksum = self.iris.source(source.id, "sha256")
        g.add((s, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, _text(source.sha256)))
        if source.publisher is not None:
            publisher = self.agent(source.publisher)
            g.add((s, DCTERMS.publisher, publisher))
            g.add((s, PROV.wasAttributedTo, publisher))
        authors = [self.agent(name) for name in source.authors]
        self.ordered(g, s, DCTERMS.creator, BIBO.authorList, authors)
        for author in authors:
            g.add((s, PROV.wasAttributedTo, author))
        if source.date is not None:
            g.add((s, DCTERMS.date, _text(source.date)))
        if source.url is not None:
            g.add((s, SDO.url, Literal(source.url, datatype=XSD.anyURI)))
        interests = [self.entity(e) for e in source.interests]
        self.ordered(g, s, BG.interest, BG.interestList, interests)
        if source.interests_note is not None:
            g.add((s, BG.interestsNote, _text(source.interests_note)))
        if source.text:
            g.add((s, SDO.text, _text(source.text)))
        claims = self.corpus.claims_of(source.id)
        for key in sorted({k for claim in claims for k in claim.attribution.references}):
            g.add((s, CITO.cites, self.iris.reference(key)))

    def add_entity(self, position: int, entity: Entity) -> None:
        g, e = self.records, self.entity(entity.id)
        g.add((e, RDF.type, SKOS.Concept))
        if entity.type in ENTITY_CLASSES:
            g.add((e, RDF.type, ENTITY_CLASSES[entity.type]))
        g.add((e, DCTERMS.identifier, _text(entity.id)))
        g.add((e, SKOS.inScheme, self.iris.corpus))
        g.add((e, BG.position, _int(position)))
        g.add((e, SKOS.prefLabel, _text(entity.label)))
        g.add((e, BG.entityType, _text(entity.type)))
        self.ordered(g, e, SKOS.altLabel, BG.synonymList, [_text(s) for s in entity.synonyms])
        self.ordered(g, e, SKOS.broader, BG.broaderList, [self.entity(b) for b in entity.broader])
        self.ordered(g, e, BG.actsOn, BG.actsOnList, [self.entity(t) for t in entity.acts_on])
        self.ordered(
            g, e, BG.disjointWith, BG.disjointWithList,
            [self.entity(d) for d in entity.disjoint_with],
        )  # fmt: skip
        for fact, target in entity.member_if:
            node = self.iris.entity(entity.id, f"member-if-{encode(fact)}")
            self.pair(g, e, BG.memberIf, node, fact, self.entity(target))
        if entity.takes is not None:
            g.add((e, BG.takes, self.entity(entity.takes)))
        if entity.has_condition is not None:
            g.add((e, BG.hasCondition, self.entity(entity.has_condition)))
        if entity.duration is not None:
            g.add((e, BG.duration, _text(entity.duration)))
        for scheme, identifier in entity.xrefs:
            node = self.iris.entity(entity.id, f"xref-{encode(scheme)}")
            self.pair(g, e, BG.xref, node, scheme, _text(identifier))
            external = external_iri(scheme, identifier)
            if external is not None:
                g.add((e, SKOS.exactMatch, external))
        if entity.description is not None:
            g.add((e, DCTERMS.description, _text(entity.description)))

    def add_reference(self, position: int, reference: Reference) -> None:
        g, r = self.records, self.iris.reference(reference.key)
        g.add((r, RDF.type, BIBO.Document))
        specific = REFERENCE_CLASSES.get(reference.entry_type.lower())
        if specific is not None:
            g.add((r, RDF.type, specific))
        g.add((r, DCTERMS.identifier, _text(reference.key)))
        g.add((r, DCTERMS.isPartOf, self.iris.corpus))
        g.add((r, BG.position, _int(position)))
        g.add((r, BG.entryType, _text(reference.entry_type)))
        for name, value in reference.fields:
            node = self.iris.reference(reference.key, f"field-{encode(name)}")
            self.pair(g, r, BG.bibtexField, node, name, _text(value))
            derived = _BIBTEX_PROPERTIES.get(name.lower())
            if derived is not None:
                g.add((r, derived, _text(value)))
            if name.lower() == "author":
                for author in value.split(" and "):
                    if author.strip() and author.strip().lower() != "others":
                        g.add((r, DCTERMS.creator, self.agent(author.strip())))

    # --- claims ---------------------------------------------------------------------

    def add_claim(self, position: int, claim: Claim) -> None:
        iris, ds = self.iris, self.dataset
        c, source = iris.claim(claim.id), iris.source(claim.source)
        np = iris.nanopub(claim.id)
        assertion = ds.graph(iris.nanopub(claim.id, "assertion"))
        provenance = ds.graph(iris.nanopub(claim.id, "provenance"))
        pubinfo = ds.graph(iris.nanopub(claim.id, "pubinfo"))
        head = ds.graph(iris.nanopub(claim.id, "head"))

        head.add((np, RDF.type, NP.Nanopublication))
        head.add((np, NP.hasAssertion, assertion.identifier))
        head.add((np, NP.hasProvenance, provenance.identifier))
        head.add((np, NP.hasPublicationInfo, pubinfo.identifier))

        a = assertion
        a.add((c, RDF.type, BG.Claim))
        a.add((c, RDF.type, RDF.Statement))
        a.add((c, DCTERMS.identifier, _text(claim.id)))
        a.add((c, RDF.subject, self.entity(claim.subject)))
        a.add((c, RDF.predicate, PREDICATE_TERMS[claim.predicate]))
        a.add((c, RDF.object, self.entity(claim.object)))
        a.add((c, BG.negated, Literal(claim.negated)))
        if claim.population is not None:
            a.add((c, BG.population, self.entity(claim.population)))
        if claim.condition is not None:
            a.add((c, BG.condition, _text(claim.condition)))
        if claim.time_course is not None:
            a.add((c, BG.timeCourse, _text(claim.time_course)))
        a.add((c, BG.certainty, _text(claim.certainty.level)))
        if claim.certainty.cue is not None:
            a.add((c, BG.certaintyCue, _text(claim.certainty.cue)))
        if claim.quantity is not None:
            q, quantity = iris.claim(claim.id, "quantity"), claim.quantity
            a.add((c, BG.quantity, q))
            a.add((q, RDF.type, SDO.QuantitativeValue))
            a.add((q, BG.measure, _text(quantity.measure)))
            a.add((q, BG.bound, _text(quantity.bound)))
            if quantity.low is not None:
                a.add((q, SDO.minValue, decimal_literal(quantity.low)))
            if quantity.high is not None:
                a.add((q, SDO.maxValue, decimal_literal(quantity.high)))
            if quantity.unit is not None:
                a.add((q, SDO.unitText, _text(quantity.unit)))
        for name, value in claim.facets:
            node = iris.claim(claim.id, f"facet-{encode(name)}")
            self.pair(a, c, BG.facet, node, name, _text(value))

        p = provenance
        p.add((assertion.identifier, PROV.wasQuotedFrom, source))
        p.add((c, PROV.wasQuotedFrom, source))
        p.add((c, PROV.wasDerivedFrom, source))
        p.add((c, BG.section, _text(claim.section)))
        anchor, target = iris.claim(claim.id, "anchor"), iris.claim(claim.id, "target")
        quote, span = iris.claim(claim.id, "quote"), iris.claim(claim.id, "position")
        p.add((anchor, RDF.type, OA.Annotation))
        p.add((anchor, OA.hasBody, c))
        p.add((anchor, OA.hasTarget, target))
        p.add((anchor, OA.motivatedBy, OA.describing))
        p.add((target, RDF.type, OA.SpecificResource))
        p.add((target, OA.hasSource, source))
        p.add((target, OA.hasSelector, quote))
        p.add((target, OA.hasSelector, span))
        record = self.corpus.source_by_id.get(claim.source)
        text = record.text if record is not None else ""
        p.add((quote, RDF.type, OA.TextQuoteSelector))
        p.add((quote, OA.exact, _text(claim.quote)))
        p.add((quote, OA.prefix, _text(text[max(0, claim.start - ANCHOR_CONTEXT) : claim.start])))
        p.add((quote, OA.suffix, _text(text[claim.end : claim.end + ANCHOR_CONTEXT])))
        p.add((span, RDF.type, OA.TextPositionSelector))
        p.add((span, OA.start, _int(claim.start, XSD.nonNegativeInteger)))
        p.add((span, OA.end, _int(claim.end, XSD.nonNegativeInteger)))
        attribution = claim.attribution
        p.add((c, BG.attributionKind, _text(attribution.kind)))
        p.add((c, BG.attributionMode, _text(attribution.mode)))
        if attribution.cue is not None:
            p.add((c, BG.attributionCue, _text(attribution.cue)))
        if attribution.expert is not None:
            p.add((c, BG.expert, _text(attribution.expert)))
        cited = [iris.reference(key) for key in attribution.references]
        self.ordered(p, c, CITO.citesAsEvidence, BG.referenceList, cited)

        pubinfo.add((np, DCTERMS.isPartOf, iris.corpus))
        pubinfo.add((c, DCTERMS.isPartOf, iris.corpus))
        pubinfo.add((c, BG.position, _int(position)))
        if claim.note is not None:
            pubinfo.add((c, SKOS.note, _text(claim.note)))

    # --- findings -------------------------------------------------------------------

    def add_findings(self, findings: Iterable[Finding]) -> None:
        g = self.dataset.graph(self.iris.findings_graph)
        known_refs = {r.key for r in self.corpus.references}
        for position, finding in enumerate(findings, start=1):
            f = self.iris.finding(finding.id)
            g.add((f, RDF.type, BG.Finding))
            g.add((f, DCTERMS.identifier, _text(finding.id)))
            g.add((f, DCTERMS.isPartOf, self.iris.corpus))
            g.add((f, BG.position, _int(position)))
            g.add((f, BG.findingKind, _text(finding.kind)))
            g.add((f, BG.severity, _text(finding.severity)))
            g.add((f, BG.rule, _text(finding.rule)))
            g.add((f, DCTERMS.description, _text(finding.message)))
            claims = [self.iris.claim(ref.id) for ref in finding.claims]
            self.ordered(g, f, BG.involves, BG.claimList, claims)
            references = [self.iris.reference(key) for key in finding.references]
            self.ordered(g, f, BG.involves, BG.referenceList, references)
            for key in finding.references:
                if key not in known_refs:  # let a reader still name the key
                    g.add((self.iris.reference(key), DCTERMS.identifier, _text(key)))
            for index, (name, value) in enumerate(finding.details, start=1):
                node = self.iris.finding(finding.id, f"detail-{index}")
                self.pair(g, f, BG.detail, node, name, _text(value))
                g.add((node, BG.position, _int(index)))


def to_dataset(
    corpus: Corpus,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> Dataset:
    """The corpus as an rdflib Dataset: one nanopublication per claim, records and findings.

    Parameters
    ----------
    corpus
        The corpus to export.
    findings
        Findings of :func:`bluntgraph.run_checks` to include (none by default).
    base
        Where the corpus's IRIs live (default ``https://w3id.org/bluntgraph/corpus/``);
        the corpus name is appended.

    Returns
    -------
    rdflib.Dataset
        Graphs ``nanopub/<claim id>#head|assertion|provenance|pubinfo`` for every
        claim, ``graph/corpus`` for sources, agents, entities and references, and
        ``graph/findings``; nothing in the default graph.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> corpus = load_corpus()
    >>> dataset = to_dataset(corpus)
    >>> len(list(dataset.graphs())) >= 4 * len(corpus.claims)
    True
    """
    iris = CorpusIris.for_name(corpus.name, base)
    builder = _Builder(corpus, iris)
    builder.add_corpus()
    for position, source in enumerate(corpus.sources, start=1):
        builder.add_source(position, source)
    for position, entity in enumerate(corpus.entities, start=1):
        builder.add_entity(position, entity)
    for position, reference in enumerate(corpus.references, start=1):
        builder.add_reference(position, reference)
    for position, claim in enumerate(corpus.claims, start=1):
        builder.add_claim(position, claim)
    builder.add_findings(findings or ())
    return builder.dataset


def to_rdf(
    corpus: Corpus,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> Graph:
    """The corpus as one rdflib Graph: every triple of :func:`to_dataset`, graph names dropped.

    See :func:`to_dataset` for the parameters; ``docs/rdf.md`` for the terms.
    """
    dataset = to_dataset(corpus, findings, base)
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
