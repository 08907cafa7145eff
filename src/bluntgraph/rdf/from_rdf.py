"""Read bluntgraph RDF (Turtle, TriG, JSON-LD…) back into the model.

:func:`from_rdf` gives back the :class:`~bluntgraph.model.Corpus` that
:func:`~bluntgraph.rdf.to_rdf` wrote — equal field for field, with each
value read from its one authoritative encoding (``docs/rdf.md`` lists them);
derived copies for other tools (``bibo:doi``, ``skos:exactMatch``,
``cito:cites``…) are ignored. Order comes from ``bg:position`` (records)
and from the ``rdf:List`` values (authors, synonyms…); name/value pairs
(facets, cross-references, BibTeX fields) come back sorted, as the loader
makes them. :func:`findings_from_rdf` reads the checks' findings, held to the rules
every finding meets (closed lists, slug claim ids, offsets that span the
quote, no control characters).

Problems (a missing title, a quote without offsets, a claim naming an
entity the graph lacks) are collected and raised together as a
:class:`~bluntgraph.errors.CorpusError`. What is read is then held to every
rule the loader holds corpus files to (:func:`~bluntgraph.loading.corpus_problems`:
offsets that span the quote, slug ids, no control characters, a sha256
that matches the text…), since RDF may have been edited by anyone.

Examples
--------
>>> from bluntgraph import load_corpus
>>> from bluntgraph.rdf import to_rdf
>>> corpus = load_corpus()
>>> from_rdf(to_rdf(corpus)) == corpus
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS
from rdflib.term import Node

from ..checks.findings import ClaimRef, Finding
from ..errors import CorpusError, Problem
from ..model import (
    Attribution,
    Certainty,
    Claim,
    Corpus,
    Entity,
    Quantity,
    Reference,
    Source,
    Study,
)
from .namespace import BG, BIBO, CITO, OA, PREDICATE_TERMS, SPDX
from .to_rdf import PREFIXES

__all__ = ["findings_from_rdf", "from_rdf"]

_PREDICATES: dict[Node, str] = {term: name for name, term in PREDICATE_TERMS.items()}
_T = TypeVar("_T")


def _short(term: Node) -> str:
    """``dcterms:title`` for a known namespace, else the full IRI (never binds a prefix)."""
    for prefix, namespace in PREFIXES.items():
        if str(term).startswith(namespace):
            return f"{prefix}:{str(term)[len(namespace) :]}"
    return f"<{term}>"


class _Skip(Exception):
    """A record cannot be read; its problem is already recorded."""


def _flatten(rdf: Graph) -> Graph:
    if not isinstance(rdf, Dataset):
        return rdf
    graph = Graph(bind_namespaces="none")
    for s, p, o, _ in rdf.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


class _Reader:
    """Typed look-ups over one graph, collecting problems instead of stopping."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.problems: list[Problem] = []
        self.entity_ids: dict[Node, str] = {}

    def problem(self, entry: str, message: str) -> None:
        self.problems.append(Problem("RDF", None, entry, message))

    def objects(self, subject: Node, prop: URIRef) -> list[Node]:
        return sorted(self.graph.objects(subject, prop), key=lambda n: (type(n).__name__, str(n)))

    def one(self, entry: str, subject: Node, prop: URIRef) -> Node:
        values = self.objects(subject, prop)
        if len(values) != 1:
            what = "no" if not values else f"{len(values)} values for"
            self.problem(entry, f"{what} {_short(prop)} (needs exactly one)")
            raise _Skip
        return values[0]

    def optional(self, entry: str, subject: Node, prop: URIRef) -> Node | None:
        values = self.objects(subject, prop)
        if len(values) > 1:
            self.problem(entry, f"{len(values)} values for {_short(prop)} (at most one)")
            raise _Skip
        return values[0] if values else None

    def literal(self, entry: str, node: Node | None, prop: URIRef) -> str:
        if not isinstance(node, Literal):
            self.problem(entry, f"{_short(prop)} must be a literal, not {node}")
            raise _Skip
        return str(node)

    def text(self, entry: str, subject: Node, prop: URIRef) -> str:
        return self.literal(entry, self.one(entry, subject, prop), prop)

    def maybe_text(self, entry: str, subject: Node, prop: URIRef) -> str | None:
        node = self.optional(entry, subject, prop)
        return None if node is None else self.literal(entry, node, prop)

    def integer(self, entry: str, subject: Node, prop: URIRef) -> int:
        value = self.text(entry, subject, prop)
        try:
            return int(value)
        except ValueError:
            self.problem(entry, f"{_short(prop)} must be a whole number, not {value!r}")
            raise _Skip from None

    def maybe_integer(self, entry: str, subject: Node, prop: URIRef) -> int | None:
        if self.optional(entry, subject, prop) is None:
            return None
        return self.integer(entry, subject, prop)

    def decimal(self, entry: str, subject: Node, prop: URIRef) -> Decimal | None:
        value = self.maybe_text(entry, subject, prop)
        if value is None:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            self.problem(entry, f"{_short(prop)} must be a decimal number, not {value!r}")
            raise _Skip
        return number

    def ordered(
        self,
        entry: str,
        subject: Node,
        prop: URIRef,
        list_prop: URIRef,
        convert: Callable[[Node], _T],
    ) -> tuple[_T, ...]:
        """The values of ``prop``, in the order of the ``list_prop`` list when there is one."""
        head = self.optional(entry, subject, list_prop)
        if head is not None:
            values: list[Node] = list(Collection(self.graph, head))
        else:
            values = self.objects(subject, prop)
        return tuple(convert(value) for value in values)

    def entity_id(self, entry: str, node: Node) -> str:
        if node not in self.entity_ids:
            self.problem(entry, f"names {node}, which is not an entity of the corpus")
            raise _Skip
        return self.entity_ids[node]

    def pairs(self, entry: str, subject: Node, prop: URIRef) -> list[tuple[Node, str, Node]]:
        """(node, name, value) of each name/value node under ``prop``."""
        return [
            (node, self.text(entry, node, BG.key), self.one(entry, node, RDF.value))
            for node in self.objects(subject, prop)
        ]

    def members(self, corpus: URIRef, cls: URIRef, link: URIRef) -> Iterator[tuple[str, Node]]:
        """(label for problems, node) of each member of ``cls`` in ``corpus``, in position order."""
        found = []
        for node in self.graph.subjects(RDF.type, cls):
            if (node, link, corpus) not in self.graph:
                continue
            entry = f"{_short(cls)} {node}"
            try:
                position = self.integer(entry, node, BG.position)
            except _Skip:
                continue
            found.append((position, str(node), entry, node))
        for _, _, entry, node in sorted(found, key=lambda item: (item[0], item[1])):
            yield entry, node


def _find_corpus(reader: _Reader, corpus: str | None) -> tuple[URIRef, str]:
    graph = reader.graph
    candidates = []
    for node in sorted(graph.subjects(RDF.type, BG.Corpus), key=str):
        names = [str(n) for n in graph.objects(node, DCTERMS.identifier) if isinstance(n, Literal)]
        if isinstance(node, URIRef) and len(names) == 1:
            candidates.append((node, names[0]))
    if corpus is not None:
        candidates = [(n, name) for n, name in candidates if corpus in (str(n), name)]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        wanted = f" named {corpus!r}" if corpus is not None else ""
        raise CorpusError(
            [Problem("RDF", None, None, f"no bg:Corpus{wanted} with one dcterms:identifier")]
        )
    listed = ", ".join(repr(name) for _, name in candidates)
    raise CorpusError(
        [Problem("RDF", None, None, f"several corpora ({listed}); pass corpus= to choose one")]
    )


def _source(reader: _Reader, entry: str, node: Node) -> Source:
    r = reader

    def agent_name(agent: Node) -> str:
        return r.text(entry, agent, FOAF.name)

    checksum = r.one(entry, node, SPDX.checksum)
    publisher = r.optional(entry, node, DCTERMS.publisher)
    return Source(
        id=r.text(entry, node, DCTERMS.identifier),
        title=r.text(entry, node, DCTERMS.title),
        kind=r.text(entry, node, BG.sourceKind),
        text_path=r.text(entry, node, BG.textPath),
        sha256=r.text(entry, checksum, SPDX.checksumValue),
        publisher=None if publisher is None else agent_name(publisher),
        authors=r.ordered(entry, node, DCTERMS.creator, BIBO.authorList, agent_name),
        date=r.maybe_text(entry, node, DCTERMS.date),
        url=r.maybe_text(entry, node, SDO.url),
        interests=r.ordered(
            entry, node, BG.interest, BG.interestList, lambda n: r.entity_id(entry, n)
        ),
        interests_note=r.maybe_text(entry, node, BG.interestsNote),
        text=r.maybe_text(entry, node, SDO.text) or "",
    )


def _entity(reader: _Reader, entry: str, node: Node) -> Entity:
    r = reader

    def entity_id(n: Node) -> str:
        return r.entity_id(entry, n)

    def literal(n: Node) -> str:
        return r.literal(entry, n, SKOS.altLabel)

    takes = r.optional(entry, node, BG.takes)
    has_condition = r.optional(entry, node, BG.hasCondition)
    member_if = [(name, entity_id(value)) for _, name, value in r.pairs(entry, node, BG.memberIf)]
    xrefs = [
        (name, r.literal(entry, value, RDF.value))
        for _, name, value in r.pairs(entry, node, BG.xref)
    ]
    close_matches = [
        (name, r.literal(entry, value, RDF.value))
        for _, name, value in r.pairs(entry, node, BG.closeXref)
    ]
    return Entity(
        id=r.text(entry, node, DCTERMS.identifier),
        label=r.text(entry, node, SKOS.prefLabel),
        type=r.text(entry, node, BG.entityType),
        synonyms=r.ordered(entry, node, SKOS.altLabel, BG.synonymList, literal),
        broader=r.ordered(entry, node, SKOS.broader, BG.broaderList, entity_id),
        acts_on=r.ordered(entry, node, BG.actsOn, BG.actsOnList, entity_id),
        member_if=tuple(sorted(member_if)),
        disjoint_with=r.ordered(entry, node, BG.disjointWith, BG.disjointWithList, entity_id),
        takes=None if takes is None else entity_id(takes),
        has_condition=None if has_condition is None else entity_id(has_condition),
        duration=r.maybe_text(entry, node, BG.duration),
        xrefs=tuple(sorted(xrefs)),
        close_matches=tuple(sorted(close_matches)),
        description=r.maybe_text(entry, node, DCTERMS.description),
        status=r.maybe_text(entry, node, BG.status),
    )


def _reference(reader: _Reader, entry: str, node: Node) -> Reference:
    r = reader
    fields = [
        (name, r.literal(entry, value, RDF.value))
        for _, name, value in r.pairs(entry, node, BG.bibtexField)
    ]
    return Reference(
        key=r.text(entry, node, DCTERMS.identifier),
        entry_type=r.text(entry, node, BG.entryType),
        fields=tuple(sorted(fields)),
    )


def _anchor(reader: _Reader, entry: str, claim: Node) -> tuple[str, int, int]:
    """(quote, start, end) from the claim's Web Annotation selectors."""
    r = reader
    annotations = sorted(r.graph.subjects(OA.hasBody, claim), key=str)
    if len(annotations) != 1:
        r.problem(entry, f"needs one oa:Annotation with it as oa:hasBody, has {len(annotations)}")
        raise _Skip
    target = r.one(entry, annotations[0], OA.hasTarget)
    quote = position = None
    for selector in r.objects(target, OA.hasSelector):
        if (selector, RDF.type, OA.TextQuoteSelector) in r.graph:
            quote = r.text(entry, selector, OA.exact)
        if (selector, RDF.type, OA.TextPositionSelector) in r.graph:
            position = (r.integer(entry, selector, OA.start), r.integer(entry, selector, OA.end))
    if quote is None or position is None:
        r.problem(entry, "needs an oa:TextQuoteSelector and an oa:TextPositionSelector")
        raise _Skip
    return quote, position[0], position[1]


def _claim(reader: _Reader, entry: str, node: Node, source_ids: dict[Node, str]) -> Claim:
    r = reader
    source_node = r.one(entry, node, PROV.wasQuotedFrom)
    if source_node not in source_ids:
        r.problem(entry, f"is quoted from {source_node}, which is not a source of the corpus")
        raise _Skip
    predicate_node = r.one(entry, node, RDF.predicate)
    if predicate_node not in _PREDICATES:
        r.problem(entry, f"rdf:predicate {predicate_node} is not a bluntgraph predicate")
        raise _Skip
    quantity = None
    quantity_node = r.optional(entry, node, BG.quantity)
    if quantity_node is not None:
        quantity = Quantity(
            measure=r.text(entry, quantity_node, BG.measure),
            low=r.decimal(entry, quantity_node, SDO.minValue),
            high=r.decimal(entry, quantity_node, SDO.maxValue),
            unit=r.maybe_text(entry, quantity_node, SDO.unitText),
            bound=r.text(entry, quantity_node, BG.bound),
        )
    negated = r.text(entry, node, BG.negated)
    if negated not in ("true", "false", "1", "0"):
        r.problem(entry, f"bg:negated must be a boolean, not {negated!r}")
        raise _Skip
    population = r.optional(entry, node, BG.population)
    facets = [
        (name, r.literal(entry, value, RDF.value))
        for _, name, value in r.pairs(entry, node, BG.facet)
    ]
    quote, start, end = _anchor(r, entry, node)
    sole = r.maybe_text(entry, node, BG.soleCause)
    if sole not in (None, "true", "false", "1", "0"):
        r.problem(entry, f"bg:soleCause must be a boolean, not {sole!r}")
        raise _Skip
    study = None
    study_node = r.optional(entry, node, BG.study)
    if study_node is not None:
        study = Study(
            year=r.maybe_integer(entry, study_node, BG.studyYear),
            size=r.maybe_integer(entry, study_node, BG.studySize),
            design=r.maybe_text(entry, study_node, BG.studyDesign),
        )
    confidence = r.decimal(entry, node, BG.confidence)

    def key_of(reference: Node) -> str:
        return r.text(entry, reference, DCTERMS.identifier)

    return Claim(
        id=r.text(entry, node, DCTERMS.identifier),
        source=source_ids[source_node],
        quote=quote,
        start=start,
        end=end,
        section=r.text(entry, node, BG.section),
        subject=r.entity_id(entry, r.one(entry, node, RDF.subject)),
        predicate=_PREDICATES[predicate_node],
        object=r.entity_id(entry, r.one(entry, node, RDF.object)),
        population=None if population is None else r.entity_id(entry, population),
        condition=r.maybe_text(entry, node, BG.condition),
        time_course=r.maybe_text(entry, node, BG.timeCourse),
        time_reference=r.maybe_text(entry, node, BG.timeReference) or "unspecified",
        sole_cause=sole in ("true", "1"),
        quantity=quantity,
        certainty=Certainty(
            level=r.text(entry, node, BG.certainty),
            cue=r.maybe_text(entry, node, BG.certaintyCue),
        ),
        negated=negated in ("true", "1"),
        attribution=Attribution(
            kind=r.text(entry, node, BG.attributionKind),
            cue=r.maybe_text(entry, node, BG.attributionCue),
            references=r.ordered(entry, node, CITO.citesAsEvidence, BG.referenceList, key_of),
            expert=r.maybe_text(entry, node, BG.expert),
            mode=r.text(entry, node, BG.attributionMode),
            study=study,
        ),
        facets=tuple(sorted(facets)),
        note=r.maybe_text(entry, node, SKOS.note),
        status=r.maybe_text(entry, node, BG.status),
        confidence=None if confidence is None else float(confidence),
        cues=r.ordered(entry, node, BG.cue, BG.cueList, lambda n: r.literal(entry, n, BG.cue)),
    )


def _records(
    reader: _Reader,
    corpus: URIRef,
    cls: URIRef,
    link: URIRef,
    read: Callable[[_Reader, str, Node], _T],
) -> list[_T]:
    records = []
    for entry, node in reader.members(corpus, cls, link):
        try:
            records.append(read(reader, entry, node))
        except _Skip:
            continue
    return records


def from_rdf(rdf: Graph | Dataset, corpus: str | None = None) -> Corpus:
    """The corpus described by bluntgraph RDF: the same sources, claims, entities and references.

    Parameters
    ----------
    rdf
        A Graph (e.g. parsed from ``graph.ttl`` or ``graph.jsonld``) or a
        Dataset (e.g. parsed from ``graph.trig``; its graphs are merged).
    corpus
        The corpus's name or IRI, needed only when the RDF holds several.

    Returns
    -------
    Corpus
        Equal to the exported corpus. ``Source.text`` is restored from
        ``schema:text`` when the export carried it; ``root`` is None.

    Raises
    ------
    CorpusError
        Listing every record that cannot be read, and why.
    TypeError
        If ``rdf`` is not an rdflib Graph or Dataset (text: parse it first
        with :func:`~bluntgraph.rdf.parse_rdf`).
    """
    if not isinstance(rdf, Graph):  # a Dataset is a Graph too
        raise TypeError(
            f"from_rdf reads an rdflib Graph or Dataset, not {type(rdf).__name__}; "
            "parse RDF text first with bluntgraph.rdf.parse_rdf(text, format)"
        )
    reader = _Reader(_flatten(rdf))
    corpus_node, name = _find_corpus(reader, corpus)
    graph = reader.graph
    for node in graph.subjects(SKOS.inScheme, corpus_node):
        for ident in graph.objects(node, DCTERMS.identifier):
            reader.entity_ids[node] = str(ident)
    entities = _records(reader, corpus_node, SKOS.Concept, SKOS.inScheme, _entity)
    sources = _records(reader, corpus_node, SDO.Article, DCTERMS.isPartOf, _source)
    references = _records(reader, corpus_node, BIBO.Document, DCTERMS.isPartOf, _reference)
    source_ids: dict[Node, str] = {
        node: str(ident)
        for node in graph.subjects(RDF.type, SDO.Article)
        for ident in graph.objects(node, DCTERMS.identifier)
        if (node, DCTERMS.isPartOf, corpus_node) in graph
    }
    claims = _records(
        reader,
        corpus_node,
        BG.Claim,
        DCTERMS.isPartOf,
        lambda r, entry, node: _claim(r, entry, node, source_ids),
    )
    if reader.problems:
        raise CorpusError(reader.problems)
    read = Corpus(
        sources=tuple(sources),
        claims=tuple(claims),
        entities=tuple(entities),
        references=tuple(references),
        name=name,
    )
    # RDF may have been edited by anyone: hold it to every rule the loader holds files to.
    from ..loading import corpus_problems

    problems = corpus_problems(read)
    if problems:
        raise CorpusError(problems)
    return read


def _claim_ref(reader: _Reader, entry: str, node: Node) -> ClaimRef:
    r = reader
    quote, start, end = _anchor(r, entry, node)
    source = r.one(entry, node, PROV.wasQuotedFrom)
    return ClaimRef(
        id=r.text(entry, node, DCTERMS.identifier),
        source=r.text(entry, source, DCTERMS.identifier),
        quote=quote,
        start=start,
        end=end,
    )


def _finding(reader: _Reader, entry: str, node: Node) -> Finding:
    r = reader
    involved = r.objects(node, BG.involves)
    claim_nodes = [n for n in involved if (n, RDF.type, BG.Claim) in r.graph]
    reference_nodes = [n for n in involved if n not in claim_nodes]
    for list_prop, nodes in ((BG.claimList, claim_nodes), (BG.referenceList, reference_nodes)):
        head = r.optional(entry, node, list_prop)
        if head is not None:
            nodes[:] = list(Collection(r.graph, head))
    details = sorted(
        (r.integer(entry, n, BG.position), name, r.literal(entry, value, RDF.value))
        for n, name, value in r.pairs(entry, node, BG.detail)
    )
    pairs = sorted(
        (
            r.integer(entry, p, BG.position),
            r.text(entry, r.one(entry, p, BG.firstClaim), DCTERMS.identifier),
            r.text(entry, r.one(entry, p, BG.secondClaim), DCTERMS.identifier),
        )
        for p in r.objects(node, BG.pair)
    )
    return Finding(
        id=r.text(entry, node, DCTERMS.identifier),
        kind=r.text(entry, node, BG.findingKind),
        severity=r.text(entry, node, BG.severity),
        rule=r.text(entry, node, BG.rule),
        message=r.text(entry, node, DCTERMS.description),
        claims=tuple(_claim_ref(r, entry, n) for n in claim_nodes),
        references=tuple(r.text(entry, n, DCTERMS.identifier) for n in reference_nodes),
        details=tuple((name, value) for _, name, value in details),
        pairs=tuple((first, second) for _, first, second in pairs),
    )


def findings_from_rdf(rdf: Graph | Dataset, corpus: str | None = None) -> list[Finding]:
    """The checks' findings recorded in bluntgraph RDF, in their original order.

    Raises :class:`~bluntgraph.errors.CorpusError` listing every finding that
    cannot be read.
    """
    reader = _Reader(_flatten(rdf))
    corpus_node, _ = _find_corpus(reader, corpus)
    findings = _records(reader, corpus_node, BG.Finding, DCTERMS.isPartOf, _finding)
    if reader.problems:
        raise CorpusError(reader.problems)
    problems = _finding_problems(findings)
    if problems:
        raise CorpusError(problems)
    return findings


def _finding_problems(findings: list[Finding]) -> list[Problem]:
    """What is wrong with findings read from RDF that anyone may have edited.

    The rules every finding meets: an id given once; a kind and severity
    from the closed lists; claim and source ids that are slugs (as the
    corpus's are); offsets that span exactly the quote; no control
    characters or lone surrogates in any text (ids and rule names included).
    """
    from ..checks.findings import KINDS, SEVERITIES
    from ..loading import _BAD_CHARS, _SLUG, _id_text  # the loader's own rules

    problems: list[Problem] = []
    seen: set[str] = set()
    for finding in findings:
        entry = f"finding '{_id_text(finding.id)}'"

        def add(message: str, entry: str = entry) -> None:
            problems.append(Problem("RDF", None, entry, message))

        if finding.id in seen:
            add("duplicate finding id")
        seen.add(finding.id)
        if finding.kind not in KINDS:
            add(f"kind '{_id_text(finding.kind)}' is none of {', '.join(KINDS)}")
        if finding.severity not in SEVERITIES:
            add(f"severity '{_id_text(finding.severity)}' is none of {', '.join(SEVERITIES)}")
        texts = [finding.id, finding.rule, finding.message, *finding.references,
                 *(part for pair in finding.details for part in pair)]  # fmt: skip
        for ref in finding.claims:
            texts += [ref.id, ref.source, ref.quote]
            if not (_SLUG.match(ref.id) and _SLUG.match(ref.source)):
                add(f"claim '{_id_text(ref.id)}' of source '{_id_text(ref.source)}': "
                    "ids must be slugs")  # fmt: skip
            elif not 0 <= ref.start <= ref.end or ref.end - ref.start != len(ref.quote):
                add(f"claim '{ref.id}': offsets {ref.start}–{ref.end} do not span its quote "
                    f"({len(ref.quote)} characters)")  # fmt: skip
        bad = next((_BAD_CHARS.search(t) for t in texts if _BAD_CHARS.search(t)), None)
        if bad is not None:
            add(f"contains the control character or lone surrogate U+{ord(bad.group()):04X}")
    return problems

