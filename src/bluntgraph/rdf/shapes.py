"""SHACL validation of bluntgraph RDF against the shipped shapes.

The shapes (``data/shapes/bluntgraph-shapes.ttl``) say what a valid claim,
source, reference, entity, agent and finding look like: one id each, the
closed lists of the corpus format, a claim anchored by exactly one Web
Annotation whose offsets match its quote, statistics as ``xsd:decimal``.

Examples
--------
>>> from bluntgraph import load_corpus
>>> from bluntgraph.rdf import to_rdf
>>> validate_rdf(to_rdf(load_corpus()))
[]
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from ..loading import data_path

__all__ = ["SHAPES_FILE", "shapes_graph", "validate_rdf"]

#: the shapes file's path inside bluntgraph's data
SHAPES_FILE = ("shapes", "bluntgraph-shapes.ttl")


@lru_cache(maxsize=1)
def _shapes_text() -> str:
    return data_path(*SHAPES_FILE).read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    """The shipped SHACL shapes as a new rdflib Graph."""
    graph = Graph()
    graph.parse(data=_shapes_text(), format="turtle")
    return graph


def validate_rdf(rdf: Graph | Dataset) -> list[str]:
    """Every SHACL violation of ``rdf`` against the shipped shapes, one line each (empty: valid).

    A Dataset is validated as the union of its graphs. Each line names the
    focus node, the property path and the shape's message.
    """
    import pyshacl

    if isinstance(rdf, Dataset):
        union = Graph()
        for s, p, o, _ in rdf.quads((None, None, None, None)):
            union.add((s, p, o))
        rdf = union
    conforms, report, _ = pyshacl.validate(
        rdf, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=False
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    lines = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = f"{focus}" + (f" {path}" if path is not None else "")
        shown = f" (value {value})" if value is not None else ""
        lines.append(f"{where}: {message}{shown}")
    return sorted(lines)
