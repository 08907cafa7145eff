"""The RDF mapping of a corpus, written once: every triple, as plain terms, graph by graph.

This module is the only place that decides which triples a corpus gives.
:func:`batches` yields them — the records (sources, agents, entities,
references), then one nanopublication per claim (head, assertion,
provenance, pubinfo graphs), then the findings — as plain Python values,
and every output is a *sink* of that one stream
(:mod:`bluntgraph.rdf.writers`): the Turtle, TriG, N-Triples, N-Quads and
JSON-LD text writers, and the rdflib ``Graph``/``Dataset`` of
:func:`~bluntgraph.rdf.to_rdf`/:func:`~bluntgraph.rdf.to_dataset`.
``docs/rdf.md`` maps every field of the model onto its RDF term.

Plain terms
-----------
* an IRI is a ``str`` (absolute), a blank node a ``str`` starting ``_:``
  (no absolute IRI does);
* a literal is a ``(lexical form, datatype IRI)`` tuple, the datatype
  ``""`` for a plain string.

A triple is ``(subject, predicate, object)``; a graph is ``(graph IRI,
[triples])``, each triple in it once. No term is an rdflib object, so the stream costs little more
than the tuples themselves.

The one other graph bluntgraph writes, a push's manifest (the graphs a
SPARQL store holds for a corpus, :mod:`bluntgraph.store`), is mapped here
too: :func:`manifest_status` and :func:`manifest_part`.

Adding a field
--------------
Add its triple(s) in the one method of :class:`_Mapper` that writes the
record (``_claim`` for a claim's assertion, provenance or pubinfo), with a
vocabulary constant below; every format follows. Then read it back in
:mod:`bluntgraph.rdf.from_rdf`, add a new ``bg:`` term to
:mod:`bluntgraph.rdf.namespace` and the ontology, and document it in the
tables of ``docs/rdf.md``.

Examples
--------
>>> from bluntgraph import load_corpus
>>> corpus = load_corpus()
>>> first = next(batches(corpus))
>>> first.kind, first.graphs[0][0].endswith("/graph/corpus")
('records', True)
>>> claim = next(b for b in batches(corpus) if b.kind == "claim")
>>> [graph.rsplit("#", 1)[1] for graph, _ in claim.graphs]
['head', 'assertion', 'provenance', 'pubinfo']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple, TypeAlias

from rdflib import RDF, RDFS, XSD
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS

from ..checks.findings import Finding
from ..graph import finding_pairs
from ..model import Claim, Corpus, Entity, Reference, Source
from ..vocabulary import Vocabulary
from .iris import CorpusIris, encode
from .namespace import BG, BIBO, CITO, NP, OA, PREDICATE_TERMS, SPDX

__all__ = [
    "ANCHOR_CONTEXT",
    "ENTITY_CLASSES",
    "PREFIXES",
    "RECORD_KINDS",
    "REFERENCE_CLASSES",
    "XREF_IRIS",
    "Batch",
    "Literal",
    "Term",
    "Triple",
    "batches",
    "decimal_lexical",
    "external_iri",
    "manifest_part",
    "manifest_status",
    "quads",
]

#: a literal: (lexical form, datatype IRI), the datatype "" for a plain string
Literal: TypeAlias = tuple[str, str]
#: an IRI (``str``), a blank node (``"_:label"``) or a literal
Term: TypeAlias = "str | Literal"
#: (subject, predicate, object)
Triple: TypeAlias = tuple[str, str, Term]

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

#: the kinds of record whose IRIs are ``<base><kind>/<id>`` (each a prefix in Turtle)
RECORD_KINDS = ("source", "agent", "entity", "reference", "claim", "nanopub", "finding")

#: entity type -> the schema.org class it also gets (every entity is a skos:Concept)
ENTITY_CLASSES: dict[str, str] = {
    "drug": str(SDO.Drug),
    "brand": str(SDO.Drug),
    "drug_class": str(SDO.DrugClass),
    "condition": str(SDO.MedicalCondition),
    "symptom": str(SDO.MedicalSignOrSymptom),
    "therapy": str(SDO.MedicalTherapy),
    "practice": str(SDO.LifestyleModification),
    "action": str(SDO.MedicalProcedure),
    "substance": str(SDO.ChemicalSubstance),
    "target": str(SDO.BioChemEntity),
    "population": str(SDO.PeopleAudience),
    "organization": str(SDO.Organization),
    "journal": str(SDO.Periodical),
}

#: BibTeX entry type -> the BIBO class it also gets (every reference is a bibo:Document)
REFERENCE_CLASSES: dict[str, str] = {
    "article": str(BIBO.AcademicArticle),
    "book": str(BIBO.Book),
    "inbook": str(BIBO.Chapter),
    "incollection": str(BIBO.Chapter),
    "inproceedings": str(BIBO.AcademicArticle),
    "proceedings": str(BIBO.Proceedings),
    "techreport": str(BIBO.Report),
    "phdthesis": str(BIBO.Thesis),
    "mastersthesis": str(BIBO.Thesis),
    "manual": str(BIBO.Manual),
    "online": str(BIBO.Webpage),
}

#: BibTeX fields also given with a standard property (a derived copy)
_BIBTEX_PROPERTIES: dict[str, str] = {
    "title": str(DCTERMS.title),
    "doi": str(BIBO.doi),
    "pmid": str(BIBO.pmid),
    "volume": str(BIBO.volume),
    "number": str(BIBO.issue),
    "pages": str(BIBO.pages),
    "date": str(DCTERMS.date),
    "isbn": str(BIBO.isbn),
    "issn": str(BIBO.issn),
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


def external_iri(scheme: str, identifier: str) -> str | None:
    """The IRI of an external identifier (MeSH, ChEBI, ATC, Wikidata…), or None if unknown.

    The scheme is matched case-insensitively; an identifier that does not
    look like one of its scheme gets no IRI rather than a wrong one.

    Examples
    --------
    >>> external_iri("mesh", "D020280")
    'http://id.nlm.nih.gov/mesh/D020280'
    >>> external_iri("chebi", "CHEBI:9123")
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
    return template.format(id=local)


def decimal_lexical(value: Decimal) -> str:
    """The canonical ``xsd:decimal`` form of a number (``40.0``, ``-0.25``, never an exponent).

    Numbers equal as Decimals get the same text, so a corpus re-exported
    after a round trip writes identical RDF.

    Examples
    --------
    >>> decimal_lexical(Decimal("1E+3")), decimal_lexical(Decimal("-0.50"))
    ('1000.0', '-0.5')
    """
    text = format(value, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("+-").partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0") or "0"
    sign = "-" if negative and (whole != "0" or fraction != "0") else ""
    return f"{sign}{whole}.{fraction}"


# --- the vocabulary, as plain strings (looked up once, not per triple) ---------------

_T = {name: str(getattr(BG, name)) for name in BG.__annotations__}
A = str(RDF.type)
_FIRST, _REST, _NIL, _VALUE = str(RDF.first), str(RDF.rest), str(RDF.nil), str(RDF.value)
_STATEMENT, _SUBJECT = str(RDF.Statement), str(RDF.subject)
_PREDICATE, _OBJECT = str(RDF.predicate), str(RDF.object)
XSD_INTEGER, XSD_NONNEG = str(XSD.integer), str(XSD.nonNegativeInteger)
XSD_BOOLEAN, XSD_DECIMAL, XSD_ANYURI = str(XSD.boolean), str(XSD.decimal), str(XSD.anyURI)
_ID, _PART, _TITLE = str(DCTERMS.identifier), str(DCTERMS.isPartOf), str(DCTERMS.title)
_CREATOR, _DATE = str(DCTERMS.creator), str(DCTERMS.date)
_PUBLISHER, _DESCRIPTION = str(DCTERMS.publisher), str(DCTERMS.description)
_FOAF_NAME = str(FOAF.name)
_AGENT, _PROV_ENTITY = str(PROV.Agent), str(PROV.Entity)
_ATTRIBUTED = str(PROV.wasAttributedTo)
_QUOTED, _DERIVED = str(PROV.wasQuotedFrom), str(PROV.wasDerivedFrom)
_ARTICLE, _DATASET, _QUANTITATIVE = str(SDO.Article), str(SDO.Dataset), str(SDO.QuantitativeValue)
_MIN, _MAX, _UNIT = str(SDO.minValue), str(SDO.maxValue), str(SDO.unitText)
_TEXT, _URL = str(SDO.text), str(SDO.url)
_CONCEPT, _SCHEME = str(SKOS.Concept), str(SKOS.ConceptScheme)
_ALT, _BROADER, _EXACT_MATCH = str(SKOS.altLabel), str(SKOS.broader), str(SKOS.exactMatch)
_CLOSE_MATCH, _EDITORIAL_NOTE = str(SKOS.closeMatch), str(SKOS.editorialNote)
_IN_SCHEME, _NOTE, _PREF = str(SKOS.inScheme), str(SKOS.note), str(SKOS.prefLabel)
_DOCUMENT, _AUTHOR_LIST = str(BIBO.Document), str(BIBO.authorList)
_CITES, _CITES_AS_EVIDENCE = str(CITO.cites), str(CITO.citesAsEvidence)
_NANOPUB = str(NP.Nanopublication)
_HAS_ASSERTION, _HAS_PROVENANCE = str(NP.hasAssertion), str(NP.hasProvenance)
_HAS_PUBINFO = str(NP.hasPublicationInfo)
_ANNOTATION, _SPECIFIC = str(OA.Annotation), str(OA.SpecificResource)
_QUOTE_SELECTOR, _POSITION_SELECTOR = str(OA.TextQuoteSelector), str(OA.TextPositionSelector)
_DESCRIBING, _MOTIVATED = str(OA.describing), str(OA.motivatedBy)
_HAS_BODY, _HAS_TARGET = str(OA.hasBody), str(OA.hasTarget)
_HAS_SOURCE, _HAS_SELECTOR = str(OA.hasSource), str(OA.hasSelector)
_EXACT, _PREFIX, _SUFFIX = str(OA.exact), str(OA.prefix), str(OA.suffix)
_START, _END = str(OA.start), str(OA.end)
_CHECKSUM_CLASS, _CHECKSUM = str(SPDX.Checksum), str(SPDX.checksum)
_ALGORITHM, _SHA256 = str(SPDX.algorithm), str(SPDX.checksumAlgorithm_sha256)
_CHECKSUM_VALUE = str(SPDX.checksumValue)
_PREDICATES = {name: str(term) for name, term in PREDICATE_TERMS.items()}
_TRUE: Literal = ("true", XSD_BOOLEAN)
_FALSE: Literal = ("false", XSD_BOOLEAN)

_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def _text(value: str) -> Literal:
    return (value, "")


def _integer(value: int, datatype: str = XSD_INTEGER) -> Literal:
    return (str(value), datatype)


class Batch(NamedTuple):
    """One unit of the stream: the records, one claim's nanopublication, or the findings."""

    #: ``"records"``, ``"claim"`` or ``"findings"``
    kind: str
    #: the corpus name (records), the claim id (claim), ``""`` (findings)
    id: str
    #: (graph IRI, triples) in TriG order; a nanopublication's are head, assertion,
    #: provenance, pubinfo
    graphs: list[tuple[str, list[Triple]]]


class _Mapper:
    """Mints a corpus's IRIs and writes each record's triples."""

    def __init__(self, corpus: Corpus, iris: CorpusIris) -> None:
        self.corpus = corpus
        self.vocabulary: Vocabulary | None = None
        self.published: set[tuple[str, str, str]] = set()
        self.iris = iris
        self.base = iris.base
        self.entities = {e.id: self.mint("entity", e.id) for e in corpus.entities}
        self.sources = {s.id: self.mint("source", s.id) for s in corpus.sources}
        self.texts = {s.id: s.text for s in corpus.sources}
        self.agents: set[str] = set()

    def mint(self, kind: str, ident: str, fragment: str | None = None) -> str:
        """What :class:`~bluntgraph.rdf.iris.CorpusIris` mints, as a plain ``str``."""
        local = ident if _UNRESERVED.fullmatch(ident) else encode(ident)
        if fragment is None:
            return f"{self.base}{kind}/{local}"
        return f"{self.base}{kind}/{local}#{fragment}"

    def entity(self, entity_id: str) -> str:
        return self.entities.get(entity_id) or self.mint("entity", entity_id)

    # Each record's own triples go to ``out`` and those of its parts (list cells,
    # name/value nodes, agents) to ``parts``, written after it: so the writers see
    # each subject's triples together.

    @staticmethod
    def ordered(
        out: list[Triple],
        subject: str,
        prop: str,
        list_prop: str,
        values: Sequence[Term],
        parts: list[Triple],
    ) -> None:
        """One triple per distinct value, plus an rdf:List fixing their order (and repeats)."""
        for value in dict.fromkeys(values) if len(values) > 1 else values:
            out.append((subject, prop, value))
        if len(values) < 2:
            return
        seed = hashlib.sha256(f"{subject} {list_prop}".encode()).hexdigest()[:16]
        cells = [f"_:l{seed}n{i}" for i in range(len(values))]
        out.append((subject, list_prop, cells[0]))
        for i, value in enumerate(values):
            parts.append((cells[i], _FIRST, value))
            parts.append((cells[i], _REST, cells[i + 1] if i + 1 < len(cells) else _NIL))

    @staticmethod
    def pair(
        out: list[Triple],
        owner: str,
        prop: str,
        node: str,
        key: str,
        value: Term,
        parts: list[Triple],
    ) -> None:
        """A name/value node: ``owner prop node``, ``node bg:key key``, ``node rdf:value value``."""
        out.append((owner, prop, node))
        parts.append((node, _T["key"], (key, "")))
        parts.append((node, _VALUE, value))

    def agent(self, out: list[Triple], name: str) -> str:
        iri = self.mint("agent", name)
        if iri not in self.agents:
            self.agents.add(iri)
            out.append((iri, A, _AGENT))
            out.append((iri, _FOAF_NAME, (name, "")))
        return iri

    # --- records -------------------------------------------------------------------

    def records(self) -> list[Triple]:
        corpus, out = self.corpus, list[Triple]()
        c = self.base
        out += [(c, A, _T["Corpus"]), (c, A, _DATASET), (c, A, _SCHEME),
                (c, _ID, (corpus.name, ""))]  # fmt: skip
        cited: dict[str, set[str]] = {s.id: set() for s in corpus.sources}
        for claim in corpus.claims:
            cited.setdefault(claim.source, set()).update(claim.attribution.references)
        for position, source in enumerate(corpus.sources, start=1):
            self.source(out, position, source, cited.get(source.id, set()))
        for position, entity in enumerate(corpus.entities, start=1):
            self.entity_record(out, position, entity)
        for position, reference in enumerate(corpus.references, start=1):
            self.reference(out, position, reference)
        return out

    def source(self, g: list[Triple], position: int, source: Source, cited: set[str]) -> None:
        s, x = self.sources[source.id], list[Triple]()
        g += [
            (s, A, _ARTICLE), (s, A, _PROV_ENTITY), (s, _ID, _text(source.id)),
            (s, _PART, self.base), (s, _T["position"], _integer(position)),
            (s, _TITLE, _text(source.title)), (s, _T["sourceKind"], _text(source.kind)),
            (s, _T["textPath"], _text(source.text_path)),
        ]  # fmt: skip
        checksum = self.mint("source", source.id, "sha256")
        g.append((s, _CHECKSUM, checksum))
        x += [
            (checksum, A, _CHECKSUM_CLASS), (checksum, _ALGORITHM, _SHA256),
            (checksum, _CHECKSUM_VALUE, _text(source.sha256)),
        ]  # fmt: skip
        attributed: list[str] = []
        if source.publisher is not None:
            publisher = self.agent(x, source.publisher)
            g.append((s, _PUBLISHER, publisher))
            attributed.append(publisher)
        authors = [self.agent(x, name) for name in source.authors]
        self.ordered(g, s, _CREATOR, _AUTHOR_LIST, authors, x)
        for agent in dict.fromkeys(attributed + authors):
            g.append((s, _ATTRIBUTED, agent))
        if source.date is not None:
            g.append((s, _DATE, _text(source.date)))
        if source.url is not None:
            g.append((s, _URL, (source.url, XSD_ANYURI)))
        interests = [self.entity(e) for e in source.interests]
        self.ordered(g, s, _T["interest"], _T["interestList"], interests, x)
        if source.interests_note is not None:
            g.append((s, _T["interestsNote"], _text(source.interests_note)))
        if source.text:
            g.append((s, _TEXT, _text(source.text)))
        for key in sorted(cited):
            g.append((s, _CITES, self.mint("reference", key)))
        g += x

    def entity_record(self, g: list[Triple], position: int, entity: Entity) -> None:
        e, x = self.entity(entity.id), list[Triple]()
        g.append((e, A, _CONCEPT))
        if entity.type in ENTITY_CLASSES:
            g.append((e, A, ENTITY_CLASSES[entity.type]))
        g += [
            (e, _ID, _text(entity.id)), (e, _IN_SCHEME, self.base),
            (e, _T["position"], _integer(position)), (e, _PREF, _text(entity.label)),
            (e, _T["entityType"], _text(entity.type)),
        ]  # fmt: skip
        self.ordered(g, e, _ALT, _T["synonymList"], [_text(s) for s in entity.synonyms], x)
        broader = [self.entity(b) for b in entity.broader]
        self.ordered(g, e, _BROADER, _T["broaderList"], broader, x)
        acts_on = [self.entity(t) for t in entity.acts_on]
        self.ordered(g, e, _T["actsOn"], _T["actsOnList"], acts_on, x)
        disjoint = [self.entity(d) for d in entity.disjoint_with]
        self.ordered(g, e, _T["disjointWith"], _T["disjointWithList"], disjoint, x)
        for fact, target in entity.member_if:
            node = self.mint("entity", entity.id, f"member-if-{encode(fact)}")
            self.pair(g, e, _T["memberIf"], node, fact, self.entity(target), x)
        if entity.takes is not None:
            g.append((e, _T["takes"], self.entity(entity.takes)))
        if entity.has_condition is not None:
            g.append((e, _T["hasCondition"], self.entity(entity.has_condition)))
        if entity.duration is not None:
            g.append((e, _T["duration"], _text(entity.duration)))
        for scheme, identifier in entity.xrefs:
            node = self.mint("entity", entity.id, f"xref-{encode(scheme)}")
            self.pair(g, e, _T["xref"], node, scheme, _text(identifier), x)
            external = external_iri(scheme, identifier)
            if external is not None:
                g.append((e, _EXACT_MATCH, external))
        for scheme, identifier in entity.close_matches:
            node = self.mint("entity", entity.id, f"close-{encode(scheme)}")
            self.pair(g, e, _T["closeXref"], node, scheme, _text(identifier), x)
            external = external_iri(scheme, identifier)
            if external is not None:
                g.append((e, _CLOSE_MATCH, external))
        if entity.description is not None:
            g.append((e, _DESCRIPTION, _text(entity.description)))
        if entity.status is not None:
            g.append((e, _T["status"], _text(entity.status)))
        g += x

    def reference(self, g: list[Triple], position: int, reference: Reference) -> None:
        r, x = self.mint("reference", reference.key), list[Triple]()
        g.append((r, A, _DOCUMENT))
        specific = REFERENCE_CLASSES.get(reference.entry_type.lower())
        if specific is not None:
            g.append((r, A, specific))
        g += [
            (r, _ID, _text(reference.key)), (r, _PART, self.base),
            (r, _T["position"], _integer(position)),
            (r, _T["entryType"], _text(reference.entry_type)),
        ]  # fmt: skip
        for name, value in reference.fields:
            node = self.mint("reference", reference.key, f"field-{encode(name)}")
            self.pair(g, r, _T["bibtexField"], node, name, _text(value), x)
            derived = _BIBTEX_PROPERTIES.get(name.lower())
            if derived is not None:
                g.append((r, derived, _text(value)))
            if name.lower() in ("publisher", "institution"):
                self.publisher(g, r, name, value, x)
            if name.lower() == "author":  # an organisation's "and" does not split it
                for author in dict.fromkeys(reference.authors):
                    g.append((r, _CREATOR, self.agent(x, author)))
        g += x

    def publisher(self, g: list[Triple], r: str, name: str, value: str, x: list[Triple]) -> None:
        """A reference's publisher as an agent, a misspelled known name corrected.

        The BibTeX field keeps the text as written (the checks report the
        misspelling); the derived ``dcterms:publisher`` names the known
        organisation, and ``skos:editorialNote`` records what was written.
        """
        from ..checks.citations import known_name

        if self.vocabulary is None:
            self.vocabulary = Vocabulary(self.corpus)
        corrected = known_name(self.vocabulary, value)
        agent = self.agent(x, corrected or value)
        if (r, _PUBLISHER, agent) not in self.published:
            self.published.add((r, _PUBLISHER, agent))
            g.append((r, _PUBLISHER, agent))
        if corrected is not None:
            g.append((r, _EDITORIAL_NOTE, _text(f"{name} as written: {value}")))

    # --- claims ---------------------------------------------------------------------

    def claim(self, position: int, claim: Claim) -> list[tuple[str, list[Triple]]]:
        """The claim's nanopublication: its head, assertion, provenance and pubinfo graphs."""
        base, cid = self.base, claim.id if _UNRESERVED.fullmatch(claim.id) else encode(claim.id)
        c, np, part = f"{base}claim/{cid}", f"{base}nanopub/{cid}", f"{base}claim/{cid}#"
        graph = f"{np}#"
        assertion, provenance = f"{graph}assertion", f"{graph}provenance"
        pubinfo = f"{graph}pubinfo"
        source = self.sources.get(claim.source) or self.mint("source", claim.source)
        entity = self.entity
        head: list[Triple] = [
            (np, A, _NANOPUB), (np, _HAS_ASSERTION, assertion),
            (np, _HAS_PROVENANCE, provenance), (np, _HAS_PUBINFO, pubinfo),
        ]  # fmt: skip

        # assertion: what is claimed
        a: list[Triple] = [
            (c, A, _T["Claim"]), (c, A, _STATEMENT), (c, _ID, (claim.id, "")),
            (c, _SUBJECT, entity(claim.subject)), (c, _PREDICATE, _PREDICATES[claim.predicate]),
            (c, _OBJECT, entity(claim.object)),
            (c, _T["negated"], _TRUE if claim.negated else _FALSE),
        ]  # fmt: skip
        if claim.population is not None:
            a.append((c, _T["population"], entity(claim.population)))
        if claim.condition is not None:
            a.append((c, _T["condition"], (claim.condition, "")))
        if claim.time_course is not None:
            a.append((c, _T["timeCourse"], (claim.time_course, "")))
        if claim.time_reference != "unspecified":
            a.append((c, _T["timeReference"], (claim.time_reference, "")))
        if claim.sole_cause:
            a.append((c, _T["soleCause"], _TRUE))
        certainty = claim.certainty
        a.append((c, _T["certainty"], (certainty.level, "")))
        if certainty.cue is not None:
            a.append((c, _T["certaintyCue"], (certainty.cue, "")))
        x: list[Triple] = []
        quantity = claim.quantity
        if quantity is not None:
            q = f"{part}quantity"
            a.append((c, _T["quantity"], q))
            x += [(q, A, _QUANTITATIVE), (q, _T["measure"], (quantity.measure, "")),
                  (q, _T["bound"], (quantity.bound, ""))]  # fmt: skip
            if quantity.low is not None:
                x.append((q, _MIN, (decimal_lexical(quantity.low), XSD_DECIMAL)))
            if quantity.high is not None:
                x.append((q, _MAX, (decimal_lexical(quantity.high), XSD_DECIMAL)))
            if quantity.unit is not None:
                x.append((q, _UNIT, (quantity.unit, "")))
        for name, value in claim.facets:
            self.pair(a, c, _T["facet"], f"{part}facet-{encode(name)}", name, (value, ""), x)
        a += x

        # provenance: where it was said, the exact words, on what evidence
        text = self.texts.get(claim.source, "")
        anchor, target = f"{part}anchor", f"{part}target"
        quote, span = f"{part}quote", f"{part}position"
        attribution = claim.attribution
        p: list[Triple] = [
            (assertion, _QUOTED, source), (c, _QUOTED, source), (c, _DERIVED, source),
            (c, _T["section"], (claim.section, "")),
            (c, _T["attributionKind"], (attribution.kind, "")),
            (c, _T["attributionMode"], (attribution.mode, "")),
        ]  # fmt: skip
        if attribution.cue is not None:
            p.append((c, _T["attributionCue"], (attribution.cue, "")))
        if attribution.expert is not None:
            p.append((c, _T["expert"], (attribution.expert, "")))
        x = []
        study = attribution.study
        if study is not None:
            s = f"{part}study"
            p.append((c, _T["study"], s))
            if study.year is not None:
                x.append((s, _T["studyYear"], _integer(study.year)))
            if study.size is not None:
                x.append((s, _T["studySize"], _integer(study.size)))
            if study.design is not None:
                x.append((s, _T["studyDesign"], _text(study.design)))
        if attribution.references:
            cited = [self.mint("reference", key) for key in attribution.references]
            self.ordered(p, c, _CITES_AS_EVIDENCE, _T["referenceList"], cited, x)
        p += [
            (anchor, A, _ANNOTATION), (anchor, _HAS_BODY, c), (anchor, _HAS_TARGET, target),
            (anchor, _MOTIVATED, _DESCRIBING),
            (target, A, _SPECIFIC), (target, _HAS_SOURCE, source),
            (target, _HAS_SELECTOR, quote), (target, _HAS_SELECTOR, span),
            (quote, A, _QUOTE_SELECTOR), (quote, _EXACT, (claim.quote, "")),
            (quote, _PREFIX, (text[max(0, claim.start - ANCHOR_CONTEXT) : claim.start], "")),
            (quote, _SUFFIX, (text[claim.end : claim.end + ANCHOR_CONTEXT], "")),
            (span, A, _POSITION_SELECTOR),
            (span, _START, (str(claim.start), XSD_NONNEG)),
            (span, _END, (str(claim.end), XSD_NONNEG)),
        ]  # fmt: skip
        p += x

        # pubinfo: about the publication
        i: list[Triple] = [
            (np, _PART, base), (c, _PART, base), (c, _T["position"], (str(position), XSD_INTEGER)),
        ]  # fmt: skip
        if claim.note is not None:
            i.append((c, _NOTE, (claim.note, "")))
        # curation: a draft's status, the extractor's confidence and cues
        if claim.status is not None:
            i.append((c, _T["status"], (claim.status, "")))
        if claim.confidence is not None:
            confidence = decimal_lexical(Decimal(repr(claim.confidence)))
            i.append((c, _T["confidence"], (confidence, XSD_DECIMAL)))
        if claim.cues:
            x = []
            self.ordered(i, c, _T["cue"], _T["cueList"], [_text(q) for q in claim.cues], x)
            i += x
        return [(f"{graph}head", head), (assertion, a), (provenance, p), (pubinfo, i)]

    # --- findings -------------------------------------------------------------------

    def findings(self, findings: Iterable[Finding]) -> list[Triple]:
        g: list[Triple] = []
        known_refs = {r.key for r in self.corpus.references}
        named: set[str] = set()
        for position, finding in enumerate(findings, start=1):
            f, x = self.mint("finding", finding.id), list[Triple]()
            g += [
                (f, A, _T["Finding"]), (f, _ID, _text(finding.id)), (f, _PART, self.base),
                (f, _T["position"], _integer(position)),
                (f, _T["findingKind"], _text(finding.kind)),
                (f, _T["severity"], _text(finding.severity)), (f, _T["rule"], _text(finding.rule)),
                (f, _DESCRIPTION, _text(finding.message)),
            ]  # fmt: skip
            claims = [self.mint("claim", ref.id) for ref in finding.claims]
            self.ordered(g, f, _T["involves"], _T["claimList"], claims, x)
            references = [self.mint("reference", key) for key in finding.references]
            self.ordered(g, f, _T["involves"], _T["referenceList"], references, x)
            for key in finding.references:
                if key not in known_refs and key not in named:  # let a reader still name it
                    named.add(key)
                    x.append((self.mint("reference", key), _ID, _text(key)))
            for index, (name, value) in enumerate(finding.details, start=1):
                node = self.mint("finding", finding.id, f"detail-{index}")
                self.pair(g, f, _T["detail"], node, name, _text(value), x)
                x.append((node, _T["position"], _integer(index)))
            for index, (first, second) in enumerate(finding_pairs(finding), start=1):
                node = self.mint("finding", finding.id, f"pair-{index}")
                g.append((f, _T["pair"], node))
                x += [
                    (node, A, _T["ClaimPair"]), (node, _T["position"], _integer(index)),
                    (node, _T["firstClaim"], self.mint("claim", first)),
                    (node, _T["secondClaim"], self.mint("claim", second)),
                ]  # fmt: skip
            g += x
        return g


def batches(
    corpus: Corpus,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> Iterator[Batch]:
    """Every triple of the corpus's RDF, a batch at a time, in TriG order.

    First the ``records`` batch (graph ``graph/corpus``: the corpus,
    sources, agents, entities, references), then one ``claim`` batch per
    claim (its nanopublication's four graphs, ``nanopub/<id>#head`` …
    ``#pubinfo``), then the ``findings`` batch (graph ``graph/findings``,
    present only when there are findings). Memory stays that of one batch
    (plus the records), whatever the number of claims; the graph IRIs are
    the stable ones of :class:`~bluntgraph.rdf.iris.CorpusIris`.

    Parameters
    ----------
    corpus
        The corpus to map.
    findings
        Findings of :func:`bluntgraph.run_checks` to include (none by default).
    base
        Where the corpus's IRIs live (default ``https://w3id.org/bluntgraph/corpus/``);
        the corpus name is appended.
    """
    iris = CorpusIris.for_name(corpus.name, base)
    mapper = _Mapper(corpus, iris)
    yield Batch("records", corpus.name, [(str(iris.corpus_graph), mapper.records())])
    for position, claim in enumerate(corpus.claims, start=1):
        yield Batch("claim", claim.id, mapper.claim(position, claim))
    found = mapper.findings(findings or ())
    if found:
        yield Batch("findings", "", [(str(iris.findings_graph), found)])


def quads(
    corpus: Corpus,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> Iterator[tuple[str, str, Term, str]]:
    """Every triple of :func:`batches` with its graph IRI: ``(subject, predicate, object, graph)``.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> s, p, o, g = next(quads(load_corpus()))
    >>> p == A and g.endswith("/graph/corpus")
    True
    """
    for batch in batches(corpus, findings, base):
        for graph, triples in batch.graphs:
            for s, p, o in triples:
                yield s, p, o, graph


# --- a push's manifest graph (bluntgraph.store.endpoint writes and reads it) -----------

#: manifest -> each graph of the corpus the store holds
MANIFEST_HAS_PART = str(DCTERMS.hasPart)
#: graph -> the SHA-256 (hex) of the N-Triples sent for it
MANIFEST_SHA256 = str(SDO.sha256)
#: manifest -> whether the push finished (:data:`MANIFEST_COMPLETED`) or not
MANIFEST_STATUS = str(SDO.actionStatus)
MANIFEST_ACTIVE = str(SDO.ActiveActionStatus)
MANIFEST_COMPLETED = str(SDO.CompletedActionStatus)


def manifest_status(manifest: str, finished: bool) -> list[Triple]:
    """The triple of a push's manifest graph that says whether the push finished.

    Examples
    --------
    >>> manifest_status("https://example.org/c/graph/manifest", True)[0][2]
    'https://schema.org/CompletedActionStatus'
    """
    return [(manifest, MANIFEST_STATUS, MANIFEST_COMPLETED if finished else MANIFEST_ACTIVE)]


def manifest_part(manifest: str, graph: str, sha256: str = "") -> list[Triple]:
    """The triples of a push's manifest graph that list ``graph``, with its SHA-256 if known.

    Examples
    --------
    >>> m, g = "https://example.org/c/graph/manifest", "https://example.org/c/graph/corpus"
    >>> [p.rsplit("/", 1)[1] for _, p, _ in manifest_part(m, g, "ab" * 32)]
    ['hasPart', 'sha256']
    >>> len(manifest_part(m, g))
    1
    """
    triples: list[Triple] = [(manifest, MANIFEST_HAS_PART, graph)]
    if sha256:
        triples.append((graph, MANIFEST_SHA256, _text(sha256)))
    return triples
