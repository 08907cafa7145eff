"""Local SPARQL at scale: a corpus's RDF in an in-memory Oxigraph store (the ``scale`` extra).

rdflib answers SPARQL in Python: fine for the bundled corpus, minutes for a
100k-claim one (building its ``Dataset`` alone takes that long). With
pyoxigraph installed (``pip install 'bluntgraph[scale]'``),
:meth:`bluntgraph.KnowledgeGraph.sparql` loads the corpus's TriG (written by
:mod:`bluntgraph.rdf.writers`, the same triples) into an Oxigraph store once and
answers there, in Rust. The answers are those of :func:`bluntgraph.rdf.sparql`:
the same guard runs first, plain patterns see every graph (the default graph
is the union), and cells are converted the same way. A query with ``FROM`` or
``FROM NAMED`` is answered by rdflib, whose guard knows the dataset's graphs.

Examples
--------
>>> from bluntgraph import load
>>> kg = load()
>>> store = OxigraphCorpus(kg.corpus, kg.findings)
>>> frame = store.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a bg:Claim }")
>>> int(frame.n[0]) == len(kg.corpus.claims)
True
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .._gc import paused_gc
from ..checks.findings import Finding
from ..model import Corpus

__all__ = ["OxigraphCorpus", "oxigraph_available", "uses_dataset_clause"]

_FROM = re.compile(r"(?i)\bFROM\b")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def oxigraph_available() -> bool:
    """Whether pyoxigraph (the ``scale`` extra) is installed."""
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return False
    return True


def uses_dataset_clause(query: str) -> bool:
    """Whether the query may have a FROM / FROM NAMED clause (then rdflib answers it)."""
    return _FROM.search(query) is not None


def _cell(term: Any) -> Any:
    """An Oxigraph term as :func:`bluntgraph.rdf.sparql` gives a cell."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from ..rdf.sparql import _python

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if term.language is not None:
            return term.value
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return term.value
        return _python(Literal(term.value, datatype=URIRef(datatype)))
    return str(term)  # an RDF-star triple term: as text


class OxigraphCorpus:
    """A corpus and its findings in an in-memory Oxigraph store, queried as :func:`sparql` does."""

    def __init__(
        self, corpus: Corpus, findings: Iterable[Finding] = (), base: str | None = None
    ) -> None:
        import pyoxigraph as ox

        from ..rdf.writers import export_rdf

        with paused_gc():
            trig = export_rdf(corpus, "trig", findings, base)
        self.store = ox.Store()
        self.store.bulk_load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)

    def __len__(self) -> int:
        return len(self.store)

    def query(self, query: str) -> pd.DataFrame:
        """The answer to a read-only query, as :func:`bluntgraph.rdf.sparql` gives it.

        Raises what :func:`~bluntgraph.rdf.prepare_query` raises, before anything runs.
        """
        import pyoxigraph as ox

        from ..errors import QueryError
        from ..rdf.sparql import prepare_query
        from ..rdf.to_rdf import PREFIXES

        prepare_query(query)
        try:
            result = self.store.query(
                query, prefixes=dict(PREFIXES), use_default_graph_as_union=True
            )
        except SyntaxError as exc:
            reason = " ".join(str(exc).split())
            raise QueryError(f"cannot use this SPARQL query: {reason}") from None
        # pyoxigraph's results may only be freed on the thread that made them. An error
        # raised while iterating (evaluation is lazy) leaves the result in a traceback's
        # frames, a garbage cycle that the collector may free on another thread (Dask's
        # event loop): clear those frames and drop the result here, on this thread.
        try:
            if isinstance(result, ox.QueryBoolean):
                ask: pd.DataFrame = pd.DataFrame({"ask": [bool(result)]})
                return ask
            if isinstance(result, ox.QueryTriples):
                rows = sorted(
                    ([_cell(t.subject), _cell(t.predicate), _cell(t.object)] for t in result),
                    key=lambda row: [str(v) for v in row],
                )
                columns = ["subject", "predicate", "object"]
            else:
                variables = result.variables
                columns = [v.value for v in variables]
                rows = [[_cell(solution[v]) for v in variables] for solution in result]
        except BaseException as exc:
            traceback.clear_frames(exc.__traceback__)
            raise
        finally:
            del result
        from ..rdf.sparql import _numbers_as_numbers

        frame: pd.DataFrame = pd.DataFrame(rows, columns=columns, dtype=object)
        return _numbers_as_numbers(frame)  # as bluntgraph.rdf.sparql gives them
