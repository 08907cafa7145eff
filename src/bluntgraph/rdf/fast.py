"""Turtle and TriG for big corpora, written as text: the same triples, many times faster.

:func:`~bluntgraph.rdf.export_rdf` builds an rdflib ``Dataset`` first: about
40 triples a claim, each term an rdflib object, each triple indexed three
ways. That is fine for hundreds of claims, takes minutes for ten thousand
and most of an hour for a hundred thousand. :func:`export_rdf_fast` writes
the very same triples (the mapping of :mod:`bluntgraph.rdf.to_rdf`, term for
term; a test checks that both give isomorphic graphs) straight into Turtle
or TriG text, with no rdflib object per triple.

The layout differs from rdflib's pretty printing — one statement per
subject, prefixed names for vocabulary terms, record IRIs relative to an
``@base`` — and is as stable: the same corpus writes the same bytes. With
the ``scale`` extra (``pip install bluntgraph[scale]``, which brings
pyoxigraph) it also writes N-Triples, N-Quads and JSON-LD, by letting
Oxigraph re-serialise the TriG.

Examples
--------
>>> from bluntgraph import load_corpus
>>> corpus = load_corpus()
>>> turtle = export_rdf_fast(corpus, "ttl")
>>> turtle.startswith("@base ")
True
>>> export_rdf_fast(corpus, "trig") == export_rdf_fast(corpus, "trig")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from rdflib import RDF, XSD, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS

from .._atomic import give_usual_permissions
from .._gc import paused_gc
from ..checks.findings import Finding
from ..model import Claim, Corpus, Entity, Reference, Source
from .iris import CorpusIris, encode
from .namespace import BG, BIBO, CITO, NP, OA, PREDICATE_TERMS, SPDX
from .to_rdf import (
    _BIBTEX_PROPERTIES,
    ANCHOR_CONTEXT,
    ENTITY_CLASSES,
    PREFIXES,
    REFERENCE_CLASSES,
    decimal_literal,
    external_iri,
)

__all__ = ["FAST_FORMATS", "export_rdf_fast", "write_rdf_fast"]

#: formats :func:`export_rdf_fast` writes; the last three need pyoxigraph (the ``scale`` extra)
FAST_FORMATS = ("ttl", "trig", "nt", "nq", "jsonld")

_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.%-]*[A-Za-z0-9_%-])?")
_ESCAPES = re.compile(r'["\\\n\r]')
_RECORD_KINDS = ("source", "agent", "entity", "reference", "claim", "nanopub", "finding")


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def _encode(text: str) -> str:
    """:func:`~bluntgraph.rdf.iris.encode`, skipping the work for ids that need none."""
    return text if _UNRESERVED.fullmatch(text) else encode(text)


def _iri(iri: str) -> str:
    return f"<{iri}>"


def _term(term: URIRef) -> str:
    """A vocabulary term as a prefixed name when it can be one, else ``<iri>``."""
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and _PN_LOCAL.fullmatch(text[len(namespace) :]):
            return f"{prefix}:{text[len(namespace) :]}"
    return _iri(text)


def _escape(value: str) -> str:
    """A Turtle string literal (``"…"``) holding ``value``."""
    if _ESCAPES.search(value):
        value = (
            value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return f'"{value}"'


# every vocabulary term the mapping uses, written once
_A = _term(RDF.type)
_FIRST, _REST, _NIL, _VALUE = _term(RDF.first), _term(RDF.rest), _term(RDF.nil), _term(RDF.value)
_INTEGER, _NONNEG = _term(XSD.integer), _term(XSD.nonNegativeInteger)
_BOOLEAN, _ANYURI = _term(XSD.boolean), _term(XSD.anyURI)
_TRUE, _FALSE = f'"true"^^{_BOOLEAN}', f'"false"^^{_BOOLEAN}'
_T = {name: _term(getattr(BG, name)) for name in BG.__annotations__}
_T_CLAIM, _T_NEGATED, _T_CERTAINTY, _T_SECTION, _T_POSITION = (
    _T["Claim"], _T["negated"], _T["certainty"], _T["section"], _T["position"],
)  # fmt: skip
_T_ATTRIBUTION_KIND, _T_ATTRIBUTION_MODE = _T["attributionKind"], _T["attributionMode"]
_PREDICATES = {name: _term(term) for name, term in PREDICATE_TERMS.items()}
_ENTITY_CLASSES = {name: _term(term) for name, term in ENTITY_CLASSES.items()}
_REFERENCE_CLASSES = {name: _term(term) for name, term in REFERENCE_CLASSES.items()}
_BIBTEX = {name: _term(term) for name, term in _BIBTEX_PROPERTIES.items()}
_DCT_ID, _DCT_PART, _DCT_TITLE = (
    _term(DCTERMS.identifier), _term(DCTERMS.isPartOf), _term(DCTERMS.title),
)  # fmt: skip
_DCT_CREATOR, _DCT_DATE, _DCT_PUBLISHER, _DCT_DESCRIPTION = (
    _term(DCTERMS.creator), _term(DCTERMS.date), _term(DCTERMS.publisher),
    _term(DCTERMS.description),
)  # fmt: skip


_BIBO_DOCUMENT = _term(BIBO.Document)
_CITO_CITES = _term(CITO.cites)
_CITO_CITESASEVIDENCE = _term(CITO.citesAsEvidence)
_FOAF_NAME = _term(FOAF.name)
_NP_NANOPUBLICATION = _term(NP.Nanopublication)
_NP_HASASSERTION = _term(NP.hasAssertion)
_NP_HASPROVENANCE = _term(NP.hasProvenance)
_NP_HASPUBLICATIONINFO = _term(NP.hasPublicationInfo)
_OA_ANNOTATION = _term(OA.Annotation)
_OA_SPECIFICRESOURCE = _term(OA.SpecificResource)
_OA_TEXTPOSITIONSELECTOR = _term(OA.TextPositionSelector)
_OA_TEXTQUOTESELECTOR = _term(OA.TextQuoteSelector)
_OA_DESCRIBING = _term(OA.describing)
_OA_END = _term(OA.end)
_OA_EXACT = _term(OA.exact)
_OA_HASBODY = _term(OA.hasBody)
_OA_HASSELECTOR = _term(OA.hasSelector)
_OA_HASSOURCE = _term(OA.hasSource)
_OA_HASTARGET = _term(OA.hasTarget)
_OA_MOTIVATEDBY = _term(OA.motivatedBy)
_OA_PREFIX = _term(OA.prefix)
_OA_START = _term(OA.start)
_OA_SUFFIX = _term(OA.suffix)
_PROV_AGENT = _term(PROV.Agent)
_PROV_ENTITY = _term(PROV.Entity)
_PROV_WASATTRIBUTEDTO = _term(PROV.wasAttributedTo)
_PROV_WASDERIVEDFROM = _term(PROV.wasDerivedFrom)
_PROV_WASQUOTEDFROM = _term(PROV.wasQuotedFrom)
_RDF_STATEMENT = _term(RDF.Statement)
_RDF_OBJECT = _term(RDF.object)
_RDF_PREDICATE = _term(RDF.predicate)
_RDF_SUBJECT = _term(RDF.subject)
_SDO_ARTICLE = _term(SDO.Article)
_SDO_DATASET = _term(SDO.Dataset)
_SDO_QUANTITATIVEVALUE = _term(SDO.QuantitativeValue)
_SDO_MAXVALUE = _term(SDO.maxValue)
_SDO_MINVALUE = _term(SDO.minValue)
_SDO_TEXT = _term(SDO.text)
_SDO_UNITTEXT = _term(SDO.unitText)
_SDO_URL = _term(SDO.url)
_SKOS_CONCEPT = _term(SKOS.Concept)
_SKOS_CONCEPTSCHEME = _term(SKOS.ConceptScheme)
_SKOS_ALTLABEL = _term(SKOS.altLabel)
_SKOS_BROADER = _term(SKOS.broader)
_SKOS_EXACTMATCH = _term(SKOS.exactMatch)
_SKOS_INSCHEME = _term(SKOS.inScheme)
_SKOS_NOTE = _term(SKOS.note)
_SKOS_PREFLABEL = _term(SKOS.prefLabel)
_SPDX_CHECKSUM_CLASS = _term(SPDX.Checksum)
_SPDX_ALGORITHM = _term(SPDX.algorithm)
_SPDX_CHECKSUM = _term(SPDX.checksum)
_SPDX_CHECKSUMALGORITHM_SHA256 = _term(SPDX.checksumAlgorithm_sha256)
_SPDX_CHECKSUMVALUE = _term(SPDX.checksumValue)
_XSD_DECIMAL = _term(XSD.decimal)

_LIST_TERMS = {
    term: _term(term)
    for term in (
        BIBO.authorList, BG.interestList, BG.synonymList, BG.broaderList, BG.actsOnList,
        BG.disjointWithList, BG.referenceList, BG.claimList,
    )
}  # fmt: skip


class _Writer:
    """Turtle lines of every graph of :func:`~bluntgraph.rdf.to_dataset`, graph by graph."""

    def __init__(self, corpus: Corpus, iris: CorpusIris) -> None:
        self.corpus = corpus
        self.iris = iris
        self.base = iris.base
        # Record IRIs are written relative to an @base of the corpus's IRIs (a
        # quarter of the output); a base with a fragment or a query cannot
        # resolve relative references, so it gets full IRIs.
        self.relative = "#" not in iris.base and "?" not in iris.base
        self.at = "" if self.relative else iris.base
        self.prefixes = dict(PREFIXES)
        for kind in _RECORD_KINDS:
            self.prefixes[kind] = f"{iris.base}{kind}/"
        self.corpus_iri = _iri(iris.base)
        #: (graph IRI, its lines), in the order TriG writes them
        self.graphs: list[tuple[str, list[str]]] = []
        self.records: list[str] = []
        self.agents: set[str] = set()
        self.entity_iri = {e.id: self.record("entity", e.id) for e in corpus.entities}
        self.sources = {s.id: self.record("source", s.id) for s in corpus.sources}

    # ---------------------------------------------------------------- terms

    def record(self, kind: str, ident: str, fragment: str | None = None) -> str:
        """The IRI of a record (as ``iris._mint`` makes it), prefixed when Turtle allows."""
        local = _encode(ident)
        if fragment is None:
            if _PN_LOCAL.fullmatch(local):
                return f"{kind}:{local}"
            return f"<{self.at}{kind}/{local}>"
        return f"<{self.at}{kind}/{local}#{fragment}>"

    def full(self, kind: str, ident: str) -> str:
        """The full IRI text of a record (what rdflib's ``str()`` of the URIRef gives)."""
        return f"{self.base}{kind}/{_encode(ident)}"

    def entity(self, entity_id: str) -> str:
        return self.entity_iri.get(entity_id) or self.record("entity", entity_id)

    @staticmethod
    def integer(value: int, datatype: str = _INTEGER) -> str:
        return f'"{value}"^^{datatype}'

    def ordered(
        self,
        lines: list[str],
        subject: str,
        subject_iri: str,
        prop: str,
        list_prop: URIRef,
        values: Sequence[str],
    ) -> None:
        """One triple per value and, for two or more, the rdf:List cells ``to_rdf`` writes."""
        for value in values:
            lines.append(f"{subject} {prop} {value} .")
        if len(values) < 2:
            return
        seed = hashlib.sha256(f"{subject_iri} {list_prop}".encode()).hexdigest()[:16]
        cells = [f"_:l{seed}n{i}" for i in range(len(values))]
        lines.append(f"{subject} {_LIST_TERMS[list_prop]} {cells[0]} .")
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            lines.append(f"{cell} {_FIRST} {value} .")
            lines.append(f"{cell} {_REST} {cells[i + 1] if i + 1 < len(cells) else _NIL} .")

    def pair(
        self, lines: list[str], owner: str, prop: str, node: str, key: str, value: str
    ) -> None:
        lines.append(f"{owner} {prop} {node} .")
        lines.append(f"{node} {_T['key']} {_escape(key)} .")
        lines.append(f"{node} {_VALUE} {value} .")

    def agent(self, name: str) -> str:
        iri = self.record("agent", name)
        if iri not in self.agents:
            self.agents.add(iri)
            self.records.append(f"{iri} {_A} {_PROV_AGENT} .")
            self.records.append(f"{iri} {_FOAF_NAME} {_escape(name)} .")
        return iri

    # ---------------------------------------------------------------- records

    def add_corpus(self) -> None:
        g, c = self.records, self.corpus_iri
        g.append(f"{c} {_A} {_T['Corpus']} .")
        g.append(f"{c} {_A} {_SDO_DATASET} .")
        g.append(f"{c} {_A} {_SKOS_CONCEPTSCHEME} .")
        g.append(f"{c} {_DCT_ID} {_escape(self.corpus.name)} .")

    def add_source(self, position: int, source: Source, cited: Iterable[str]) -> None:
        g, s = self.records, self.record("source", source.id)
        g.append(f"{s} {_A} {_SDO_ARTICLE} .")
        g.append(f"{s} {_A} {_PROV_ENTITY} .")
        g.append(f"{s} {_DCT_ID} {_escape(source.id)} .")
        g.append(f"{s} {_DCT_PART} {self.corpus_iri} .")
        g.append(f"{s} {_T['position']} {self.integer(position)} .")
        g.append(f"{s} {_DCT_TITLE} {_escape(source.title)} .")
        g.append(f"{s} {_T['sourceKind']} {_escape(source.kind)} .")
        g.append(f"{s} {_T['textPath']} {_escape(source.text_path)} .")
        checksum = self.record("source", source.id, "sha256")
        g.append(f"{s} {_SPDX_CHECKSUM} {checksum} .")
        g.append(f"{checksum} {_A} {_SPDX_CHECKSUM_CLASS} .")
        g.append(f"{checksum} {_SPDX_ALGORITHM} {_SPDX_CHECKSUMALGORITHM_SHA256} .")
        g.append(f"{checksum} {_SPDX_CHECKSUMVALUE} {_escape(source.sha256)} .")
        attributed = _PROV_WASATTRIBUTEDTO
        if source.publisher is not None:
            publisher = self.agent(source.publisher)
            g.append(f"{s} {_DCT_PUBLISHER} {publisher} .")
            g.append(f"{s} {attributed} {publisher} .")
        authors = [self.agent(name) for name in source.authors]
        full = self.full("source", source.id)
        self.ordered(g, s, full, _DCT_CREATOR, BIBO.authorList, authors)
        for author in authors:
            g.append(f"{s} {attributed} {author} .")
        if source.date is not None:
            g.append(f"{s} {_DCT_DATE} {_escape(source.date)} .")
        if source.url is not None:
            g.append(f"{s} {_SDO_URL} {_escape(source.url)}^^{_ANYURI} .")
        interests = [self.entity(e) for e in source.interests]
        self.ordered(g, s, full, _T["interest"], BG.interestList, interests)
        if source.interests_note is not None:
            g.append(f"{s} {_T['interestsNote']} {_escape(source.interests_note)} .")
        if source.text:
            g.append(f"{s} {_SDO_TEXT} {_escape(source.text)} .")
        cites = _CITO_CITES
        for key in sorted(cited):
            g.append(f"{s} {cites} {self.record('reference', key)} .")

    def add_entity(self, position: int, entity: Entity) -> None:
        g, e = self.records, self.entity(entity.id)
        full = self.full("entity", entity.id)
        g.append(f"{e} {_A} {_SKOS_CONCEPT} .")
        if entity.type in _ENTITY_CLASSES:
            g.append(f"{e} {_A} {_ENTITY_CLASSES[entity.type]} .")
        g.append(f"{e} {_DCT_ID} {_escape(entity.id)} .")
        g.append(f"{e} {_SKOS_INSCHEME} {self.corpus_iri} .")
        g.append(f"{e} {_T['position']} {self.integer(position)} .")
        g.append(f"{e} {_SKOS_PREFLABEL} {_escape(entity.label)} .")
        g.append(f"{e} {_T['entityType']} {_escape(entity.type)} .")
        synonyms = [_escape(s) for s in entity.synonyms]
        self.ordered(g, e, full, _SKOS_ALTLABEL, BG.synonymList, synonyms)
        broader = [self.entity(b) for b in entity.broader]
        self.ordered(g, e, full, _SKOS_BROADER, BG.broaderList, broader)
        acts_on = [self.entity(t) for t in entity.acts_on]
        self.ordered(g, e, full, _T["actsOn"], BG.actsOnList, acts_on)
        disjoint = [self.entity(d) for d in entity.disjoint_with]
        self.ordered(g, e, full, _T["disjointWith"], BG.disjointWithList, disjoint)
        for fact, target in entity.member_if:
            node = self.record("entity", entity.id, f"member-if-{_encode(fact)}")
            self.pair(g, e, _T["memberIf"], node, fact, self.entity(target))
        if entity.takes is not None:
            g.append(f"{e} {_T['takes']} {self.entity(entity.takes)} .")
        if entity.has_condition is not None:
            g.append(f"{e} {_T['hasCondition']} {self.entity(entity.has_condition)} .")
        if entity.duration is not None:
            g.append(f"{e} {_T['duration']} {_escape(entity.duration)} .")
        for scheme, identifier in entity.xrefs:
            node = self.record("entity", entity.id, f"xref-{_encode(scheme)}")
            self.pair(g, e, _T["xref"], node, scheme, _escape(identifier))
            external = external_iri(scheme, identifier)
            if external is not None:
                g.append(f"{e} {_SKOS_EXACTMATCH} {_iri(str(external))} .")
        if entity.description is not None:
            g.append(f"{e} {_DCT_DESCRIPTION} {_escape(entity.description)} .")

    def add_reference(self, position: int, reference: Reference) -> None:
        g, r = self.records, self.record("reference", reference.key)
        g.append(f"{r} {_A} {_BIBO_DOCUMENT} .")
        specific = _REFERENCE_CLASSES.get(reference.entry_type.lower())
        if specific is not None:
            g.append(f"{r} {_A} {specific} .")
        g.append(f"{r} {_DCT_ID} {_escape(reference.key)} .")
        g.append(f"{r} {_DCT_PART} {self.corpus_iri} .")
        g.append(f"{r} {_T['position']} {self.integer(position)} .")
        g.append(f"{r} {_T['entryType']} {_escape(reference.entry_type)} .")
        for name, value in reference.fields:
            node = self.record("reference", reference.key, f"field-{_encode(name)}")
            literal = _escape(value)
            self.pair(g, r, _T["bibtexField"], node, name, literal)
            derived = _BIBTEX.get(name.lower())
            if derived is not None:
                g.append(f"{r} {derived} {literal} .")
            if name.lower() == "author":
                for author in value.split(" and "):
                    if author.strip() and author.strip().lower() != "others":
                        g.append(f"{r} {_DCT_CREATOR} {self.agent(author.strip())} .")

    # ---------------------------------------------------------------- claims

    def add_claim(self, position: int, claim: Claim, text: str) -> None:
        # The hot path: one Turtle statement per subject (predicate-object lists),
        # each built by a single f-string.
        base, cid = self.at, _encode(claim.id)
        c = f"claim:{cid}" if _PN_LOCAL.fullmatch(cid) else f"<{base}claim/{cid}>"
        np = f"nanopub:{cid}" if c[0] != "<" else f"<{base}nanopub/{cid}>"
        part = f"{base}claim/{cid}#"
        source = self.sources.get(claim.source) or self.record("source", claim.source)
        graph = f"{base}nanopub/{cid}#"
        assertion, provenance = f"<{graph}assertion>", f"<{graph}provenance>"
        pubinfo = f"<{graph}pubinfo>"
        entity = self.entity
        self.graphs.append(
            (f"<{graph}head>", [
                f"{np} {_A} {_NP_NANOPUBLICATION} ;\n  {_NP_HASASSERTION} {assertion} ;\n"
                f"  {_NP_HASPROVENANCE} {provenance} ;\n  {_NP_HASPUBLICATIONINFO} {pubinfo} ."
            ])
        )  # fmt: skip

        more = []
        if claim.population is not None:
            more.append(f" ;\n  {_T['population']} {entity(claim.population)}")
        if claim.condition is not None:
            more.append(f" ;\n  {_T['condition']} {_escape(claim.condition)}")
        if claim.time_course is not None:
            more.append(f" ;\n  {_T['timeCourse']} {_escape(claim.time_course)}")
        certainty = claim.certainty
        if certainty.cue is not None:
            more.append(f" ;\n  {_T['certaintyCue']} {_escape(certainty.cue)}")
        quantity = claim.quantity
        q = f"<{part}quantity>"
        if quantity is not None:
            more.append(f" ;\n  {_T['quantity']} {q}")
        a = [
            f"{c} {_A} {_T_CLAIM}, {_RDF_STATEMENT} ;\n  {_DCT_ID} {_escape(claim.id)} ;\n"
            f"  {_RDF_SUBJECT} {entity(claim.subject)} ;\n"
            f"  {_RDF_PREDICATE} {_PREDICATES[claim.predicate]} ;\n"
            f"  {_RDF_OBJECT} {entity(claim.object)} ;\n"
            f"  {_T_NEGATED} {_TRUE if claim.negated else _FALSE} ;\n"
            f"  {_T_CERTAINTY} {_escape(certainty.level)}{''.join(more)} ."
        ]
        if quantity is not None:
            values = []
            if quantity.low is not None:
                values.append(f" ;\n  {_SDO_MINVALUE} {_decimal(quantity.low)}")
            if quantity.high is not None:
                values.append(f" ;\n  {_SDO_MAXVALUE} {_decimal(quantity.high)}")
            if quantity.unit is not None:
                values.append(f" ;\n  {_SDO_UNITTEXT} {_escape(quantity.unit)}")
            a.append(
                f"{q} {_A} {_SDO_QUANTITATIVEVALUE} ;\n  {_T['measure']} "
                f"{_escape(quantity.measure)} ;\n  {_T['bound']} {_escape(quantity.bound)}"
                f"{''.join(values)} ."
            )
        for name, value in claim.facets:
            node = f"<{part}facet-{_encode(name)}>"
            self.pair(a, c, _T["facet"], node, name, _escape(value))
        self.graphs.append((assertion, a))

        attribution = claim.attribution
        extra = []
        if attribution.cue is not None:
            extra.append(f" ;\n  {_T['attributionCue']} {_escape(attribution.cue)}")
        if attribution.expert is not None:
            extra.append(f" ;\n  {_T['expert']} {_escape(attribution.expert)}")
        prefix = text[max(0, claim.start - ANCHOR_CONTEXT) : claim.start]
        suffix = text[claim.end : claim.end + ANCHOR_CONTEXT]
        p = [
            f"{assertion} {_PROV_WASQUOTEDFROM} {source} .\n"
            f"{c} {_PROV_WASQUOTEDFROM} {source} ;\n  {_PROV_WASDERIVEDFROM} {source} ;\n"
            f"  {_T_SECTION} {_escape(claim.section)} ;\n"
            f"  {_T_ATTRIBUTION_KIND} {_escape(attribution.kind)} ;\n"
            f"  {_T_ATTRIBUTION_MODE} {_escape(attribution.mode)}{''.join(extra)} .\n"
            f"<{part}anchor> {_A} {_OA_ANNOTATION} ;\n  {_OA_HASBODY} {c} ;\n"
            f"  {_OA_HASTARGET} <{part}target> ;\n  {_OA_MOTIVATEDBY} {_OA_DESCRIBING} .\n"
            f"<{part}target> {_A} {_OA_SPECIFICRESOURCE} ;\n  {_OA_HASSOURCE} {source} ;\n"
            f"  {_OA_HASSELECTOR} <{part}quote>, <{part}position> .\n"
            f"<{part}quote> {_A} {_OA_TEXTQUOTESELECTOR} ;\n"
            f"  {_OA_EXACT} {_escape(claim.quote)} ;\n  {_OA_PREFIX} {_escape(prefix)} ;\n"
            f"  {_OA_SUFFIX} {_escape(suffix)} .\n"
            f"<{part}position> {_A} {_OA_TEXTPOSITIONSELECTOR} ;\n"
            f'  {_OA_START} "{claim.start}"^^{_NONNEG} ;\n  {_OA_END} "{claim.end}"^^{_NONNEG} .'
        ]
        if attribution.references:
            cited = [self.record("reference", key) for key in attribution.references]
            full = f"{self.base}claim/{cid}"
            self.ordered(p, c, full, _CITO_CITESASEVIDENCE, BG.referenceList, cited)
        self.graphs.append((provenance, p))

        note = f" ;\n  {_SKOS_NOTE} {_escape(claim.note)}" if claim.note is not None else ""
        self.graphs.append(
            (pubinfo, [
                f"{np} {_DCT_PART} {self.corpus_iri} .\n{c} {_DCT_PART} {self.corpus_iri} ;\n"
                f'  {_T_POSITION} "{position}"^^{_INTEGER}{note} .'
            ])
        )  # fmt: skip

    # ---------------------------------------------------------------- findings

    def add_findings(self, findings: Iterable[Finding]) -> None:
        g: list[str] = []
        known_refs = {r.key for r in self.corpus.references}
        for position, finding in enumerate(findings, start=1):
            f = self.record("finding", finding.id)
            full = self.full("finding", finding.id)
            g.append(f"{f} {_A} {_T['Finding']} .")
            g.append(f"{f} {_DCT_ID} {_escape(finding.id)} .")
            g.append(f"{f} {_DCT_PART} {self.corpus_iri} .")
            g.append(f"{f} {_T['position']} {self.integer(position)} .")
            g.append(f"{f} {_T['findingKind']} {_escape(finding.kind)} .")
            g.append(f"{f} {_T['severity']} {_escape(finding.severity)} .")
            g.append(f"{f} {_T['rule']} {_escape(finding.rule)} .")
            g.append(f"{f} {_DCT_DESCRIPTION} {_escape(finding.message)} .")
            claims = [self.record("claim", ref.id) for ref in finding.claims]
            self.ordered(g, f, full, _T["involves"], BG.claimList, claims)
            references = [self.record("reference", key) for key in finding.references]
            self.ordered(g, f, full, _T["involves"], BG.referenceList, references)
            for key in finding.references:
                if key not in known_refs:  # let a reader still name the key
                    g.append(f"{self.record('reference', key)} {_DCT_ID} {_escape(key)} .")
            for index, (name, value) in enumerate(finding.details, start=1):
                node = self.record("finding", finding.id, f"detail-{index}")
                self.pair(g, f, _T["detail"], node, name, _escape(value))
                g.append(f"{node} {_T['position']} {self.integer(index)} .")
        if g:
            self.graphs.append((_iri(str(self.iris.findings_graph)), g))

    # ---------------------------------------------------------------- assembly

    def chunks(self, findings: Iterable[Finding]) -> Iterator[list[tuple[str, list[str]]]]:
        """The graphs, a few at a time: the records, each claim's four, the findings."""
        corpus = self.corpus
        self.add_corpus()
        cited: dict[str, set[str]] = {s.id: set() for s in corpus.sources}
        for claim in corpus.claims:
            cited.setdefault(claim.source, set()).update(claim.attribution.references)
        for position, source in enumerate(corpus.sources, start=1):
            self.add_source(position, source, cited.get(source.id, ()))
        for position, entity in enumerate(corpus.entities, start=1):
            self.add_entity(position, entity)
        for position, reference in enumerate(corpus.references, start=1):
            self.add_reference(position, reference)
        yield [(_iri(str(self.iris.corpus_graph)), self.records)]
        texts = {s.id: s.text for s in corpus.sources}
        for position, claim in enumerate(corpus.claims, start=1):
            self.graphs = []
            self.add_claim(position, claim, texts.get(claim.source, ""))
            yield self.graphs
        self.graphs = []
        self.add_findings(findings)
        yield self.graphs

    def write(self, outs: dict[str, TextIO], findings: Iterable[Finding]) -> None:
        """Write Turtle (``ttl``: every triple, graph names dropped) and/or TriG, in one pass."""
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"
        if self.relative:
            header = f"@base <{self.base}> .\n{header}"
        batches: dict[str, list[str]] = {}
        for fmt, out in outs.items():
            out.write(header)
            batches[fmt] = []
        for graphs in self.chunks(findings):
            for graph, lines in graphs:
                body = "\n".join(lines)
                for fmt, batch in batches.items():
                    if fmt == "trig":
                        batch.append(f"{graph} {{\n{body}\n}}\n\n")
                    else:
                        batch.append(f"{body}\n")
            for fmt, batch in batches.items():
                if len(batch) > 2000:
                    outs[fmt].write("".join(batch))
                    batch.clear()
        for fmt, batch in batches.items():
            outs[fmt].write("".join(batch))


def _decimal(value: Decimal) -> str:
    return f'"{decimal_literal(value)}"^^{_XSD_DECIMAL}'


def _check_format(fmt: str) -> None:
    if fmt not in FAST_FORMATS:
        raise ValueError(f"unknown fast RDF format {fmt!r}; use one of: {', '.join(FAST_FORMATS)}")


def _oxigraph() -> Any:
    try:
        import pyoxigraph
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "writing N-Triples, N-Quads or JSON-LD quickly needs pyoxigraph: "
            "pip install 'bluntgraph[scale]'"
        ) from exc
    return pyoxigraph


def _convert(trig: Path, fmt: str, out: Path, prefixes: dict[str, str]) -> None:
    """Re-serialise a TriG file with Oxigraph (streaming, in Rust)."""
    ox = _oxigraph()
    quads = ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
    if fmt == "nq":
        ox.serialize(quads, str(out), format=ox.RdfFormat.N_QUADS)
        return
    triples = (quad.triple for quad in quads)
    if fmt == "nt":
        ox.serialize(triples, str(out), format=ox.RdfFormat.N_TRIPLES)
    else:
        ox.serialize(triples, str(out), format=ox.RdfFormat.JSON_LD, prefixes=prefixes)


def write_rdf_fast(
    corpus: Corpus,
    *paths: str | Path,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> list[Path]:
    """Write the corpus as RDF to each path, by extension, streaming and in one pass.

    Each file's format is its extension: ``.ttl``, ``.trig``, ``.nt``,
    ``.nq`` or ``.jsonld``. The triples are generated once
    for all the files, a claim at a time, so memory stays small whatever
    the corpus's size. Every file is written to a temporary name and moved
    into place only when all are complete. See :func:`export_rdf_fast` for
    ``findings`` and ``base``.

    Raises
    ------
    ValueError
        If an extension is not one of :data:`FAST_FORMATS`.

    Examples
    --------
    >>> import tempfile
    >>> from bluntgraph import load_corpus
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     ttl, trig = write_rdf_fast(load_corpus(), Path(tmp) / "c.ttl", Path(tmp) / "c.trig")
    ...     trig.read_text(encoding="utf-8").startswith("@base ")
    True
    """
    targets = [Path(p) for p in paths]
    formats = [t.suffix.lstrip(".") for t in targets]
    for fmt in formats:
        _check_format(fmt)
    if any(fmt not in ("ttl", "trig") for fmt in formats):
        _oxigraph()  # fail before writing anything
    writer = _Writer(corpus, CorpusIris.for_name(corpus.name, base))
    staged: dict[str, Path] = {}
    made: list[Path] = []
    try:
        for fmt in {*formats, *(("trig",) if set(formats) - {"ttl", "trig"} else ())}:
            folder = targets[formats.index(fmt)].parent if fmt in formats else targets[0].parent
            fd, temp = tempfile.mkstemp(prefix=f".bluntgraph-{fmt}-", dir=folder)
            os.close(fd)
            staged[fmt] = Path(temp)
            made.append(Path(temp))
        text = {fmt: staged[fmt] for fmt in ("ttl", "trig") if fmt in staged}
        with paused_gc(), contextlib.ExitStack() as stack:
            outs: dict[str, TextIO] = {
                fmt: stack.enter_context(path.open("w", encoding="utf-8", newline="\n"))
                for fmt, path in text.items()
            }
            writer.write(outs, findings or ())
        for fmt in set(formats) - {"ttl", "trig"}:
            _convert(staged["trig"], fmt, staged[fmt], writer.prefixes)
        for target, fmt in zip(targets, formats, strict=True):
            give_usual_permissions(staged[fmt])
            os.replace(staged[fmt], target)
    finally:
        for path in made:
            path.unlink(missing_ok=True)
    return targets


def export_rdf_fast(
    corpus: Corpus,
    fmt: str,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> str:
    """The corpus (and findings) as RDF text, written directly: ``ttl``, ``trig``, ``nt``…

    The same triples as :func:`~bluntgraph.rdf.export_rdf`, in a plainer
    layout, tens of times faster on big corpora. ``ttl`` and ``trig`` need
    nothing more; ``nt``, ``nq`` and ``jsonld`` need pyoxigraph
    (``pip install bluntgraph[scale]``). For big corpora prefer
    :func:`write_rdf_fast`, which streams to a file instead of holding the
    whole text.

    Parameters
    ----------
    corpus
        The corpus to export.
    fmt
        One of :data:`FAST_FORMATS`.
    findings
        Findings of :func:`bluntgraph.run_checks` to include (none by default).
    base
        Where the corpus's IRIs live, as for :func:`~bluntgraph.rdf.to_dataset`.

    Raises
    ------
    ValueError
        If ``fmt`` is not one of :data:`FAST_FORMATS`.
    ImportError
        If ``fmt`` needs pyoxigraph and it is not installed.
    """
    _check_format(fmt)
    writer = _Writer(corpus, CorpusIris.for_name(corpus.name, base))
    out = io.StringIO()
    with paused_gc():
        writer.write({fmt if fmt in ("ttl", "trig") else "trig": out}, findings or ())
    if fmt in ("ttl", "trig"):
        return out.getvalue()
    ox = _oxigraph()
    quads = ox.parse(out.getvalue().encode("utf-8"), format=ox.RdfFormat.TRIG)
    if fmt == "nq":
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    elif fmt == "nt":
        data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
    else:
        data = ox.serialize(
            (q.triple for q in quads), format=ox.RdfFormat.JSON_LD, prefixes=writer.prefixes
        )
    return bytes(data).decode("utf-8")
