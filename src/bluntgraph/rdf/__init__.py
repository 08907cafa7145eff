"""RDF for the linked-data world: Turtle, TriG nanopublications, JSON-LD, SHACL, SPARQL.

The mapping is written once (:func:`bluntgraph.rdf.mapping.batches`, plain
terms, graph by graph); model → rdflib with :func:`to_rdf` /
:func:`to_dataset`, text with :func:`export_rdf` and files with
:func:`write_rdf` (streaming, any size), back to the model with :func:`from_rdf`, checked
against the shipped SHACL shapes with :func:`validate_rdf`, and queried
safely with :func:`sparql`. ``docs/rdf.md`` describes the IRIs, the
vocabulary mapping and the nanopublication layout.

rdflib is imported only here, so ``import bluntgraph`` stays fast.
"""

from __future__ import annotations

from .formats import FORMATS, JSONLD_CONTEXT, format_rdf, parse_rdf
from .from_rdf import findings_from_rdf, from_rdf
from .iris import DEFAULT_BASE, CorpusIris
from .mapping import batches, quads
from .namespace import BG, BG_NAMESPACE, PREDICATE_TERMS
from .shapes import shapes_graph, validate_rdf
from .sparql import EXAMPLE_QUERIES, prepare_query, sparql
from .to_rdf import PREFIXES, to_dataset, to_rdf
from .writers import export_rdf, write_rdf

__all__ = [
    "BG",
    "BG_NAMESPACE",
    "DEFAULT_BASE",
    "EXAMPLE_QUERIES",
    "FORMATS",
    "JSONLD_CONTEXT",
    "PREDICATE_TERMS",
    "PREFIXES",
    "CorpusIris",
    "batches",
    "export_rdf",
    "findings_from_rdf",
    "format_rdf",
    "from_rdf",
    "parse_rdf",
    "prepare_query",
    "quads",
    "shapes_graph",
    "sparql",
    "to_dataset",
    "to_rdf",
    "validate_rdf",
    "write_rdf",
]
