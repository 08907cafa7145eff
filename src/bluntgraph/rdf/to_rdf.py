"""A corpus (and the checks' findings) as rdflib objects: one nanopublication per claim.

:func:`to_dataset` gives an rdflib ``Dataset`` in which every claim is a
nanopublication of four named graphs (head, assertion, provenance,
pubinfo), the sources, entities and references are one graph, and the
findings another; :func:`to_rdf` gives the same triples in one ``Graph``.
Both are sinks of :func:`bluntgraph.rdf.mapping.batches`, the one place the
mapping is written (the text writers of :mod:`bluntgraph.rdf.writers` are
the others). ``docs/rdf.md`` maps every field of the model onto its RDF term.

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
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .._arguments import corpus_argument
from ..checks.findings import Finding
from ..model import Corpus
from . import mapping
from .iris import CorpusIris
from .mapping import ANCHOR_CONTEXT, PREFIXES, XREF_IRIS, Term, batches

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

#: entity type -> the schema.org class it also gets (every entity is a skos:Concept)
ENTITY_CLASSES: dict[str, URIRef] = {k: URIRef(v) for k, v in mapping.ENTITY_CLASSES.items()}

#: BibTeX entry type -> the BIBO class it also gets (every reference is a bibo:Document)
REFERENCE_CLASSES: dict[str, URIRef] = {
    k: URIRef(v) for k, v in mapping.REFERENCE_CLASSES.items()
}


def external_iri(scheme: str, identifier: str) -> URIRef | None:
    """The IRI of an external identifier (MeSH, ChEBI, ATC, Wikidata…), or None if unknown.

    The scheme is matched case-insensitively; an identifier that does not
    look like one of its scheme gets no IRI rather than a wrong one.

    Examples
    --------
    >>> str(external_iri("mesh", "D020280"))
    'http://id.nlm.nih.gov/mesh/D020280'
    >>> external_iri("mesh", "sertraline") is None
    True
    """
    iri = mapping.external_iri(scheme, identifier)
    return None if iri is None else URIRef(iri)


def decimal_literal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` literal in canonical form (``40.0``, ``-0.25``, never an exponent).

    Examples
    --------
    >>> str(decimal_literal(Decimal("1E+3"))), str(decimal_literal(Decimal("-0.50")))
    ('1000.0', '-0.5')
    """
    return Literal(mapping.decimal_lexical(value), datatype=XSD.decimal)


def bind_prefixes(graph: Graph, iris: CorpusIris | None = None) -> None:
    """Bind bluntgraph's prefixes (and, given ``iris``, the corpus's record prefixes)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    if iris is not None:
        for prefix in ("source", "agent", "entity", "reference", "claim", "finding"):
            graph.bind(prefix, f"{iris.base}{prefix}/", override=True, replace=True)


class _Nodes:
    """Plain terms as rdflib nodes, each distinct IRI and datatype made once."""

    def __init__(self) -> None:
        self.iris: dict[str, Node] = {}

    def iri(self, term: str) -> Node:
        node = self.iris.get(term)
        if node is None:
            node = BNode(term[2:]) if term.startswith("_:") else URIRef(term)
            self.iris[term] = node
        return node

    def node(self, term: Term) -> Node:
        if isinstance(term, str):
            return self.iri(term)
        value, datatype = term
        if not datatype:
            return Literal(value)
        return Literal(value, datatype=URIRef(datatype))


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
    dataset = Dataset()
    bind_prefixes(dataset, CorpusIris.for_name(corpus.name, base))
    nodes = _Nodes()
    node = nodes.node
    for batch in batches(corpus, findings, base):
        for name, triples in batch.graphs:
            graph = dataset.graph(URIRef(name))
            graph.addN((node(s), node(p), node(o), graph) for s, p, o in triples)
    return dataset


def to_rdf(
    corpus: Corpus,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> Graph:
    """The corpus as one rdflib Graph: every triple of :func:`to_dataset`, graph names dropped.

    See :func:`to_dataset` for the parameters; ``docs/rdf.md`` for the terms.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> corpus = load_corpus()
    >>> graph = to_rdf(corpus)
    >>> claim = corpus.claims[0]
    >>> from rdflib.namespace import DCTERMS
    >>> (CorpusIris.for_name(corpus.name).claim(claim.id), DCTERMS.identifier,
    ...  Literal(claim.id)) in graph
    True
    """
    corpus_argument(corpus, "corpus", "to_rdf")
    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph, CorpusIris.for_name(corpus.name, base))
    nodes = _Nodes()
    node = nodes.node
    for batch in batches(corpus, findings, base):
        for _, triples in batch.graphs:
            graph.addN((node(s), node(p), node(o), graph) for s, p, o in triples)
    return graph
