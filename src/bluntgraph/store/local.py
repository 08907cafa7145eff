"""Local SPARQL at scale: a corpus's RDF in an in-memory Oxigraph store (the ``scale`` extra).

rdflib answers SPARQL in Python: fine for the bundled corpus, minutes for a
100k-claim one (building its ``Dataset`` alone takes that long). With
pyoxigraph installed (``pip install 'bluntgraph[scale]'``),
:meth:`bluntgraph.KnowledgeGraph.sparql` loads the corpus's N-Quads (written
by :mod:`bluntgraph.rdf.writers` from the one mapping, the same triples,
streamed into Oxigraph's loader a chunk at a time) into an in-memory
Oxigraph store once per knowledge graph, and answers there, in Rust.

The answers are those of :func:`bluntgraph.rdf.sparql`: the same guard runs
first (a query that passed it is remembered, see :func:`check_query`),
``GRAPH ?g`` reaches each named graph, plain patterns see every graph, and
cells are converted the same way. rdflib's default graph is the *set* union
of the graphs; Oxigraph's union default graph gives a triple once per graph
that holds it. The two agree because the mapping writes each triple in one
graph only (the tests check this on the bundled corpus). A query with
``FROM`` or ``FROM NAMED`` is answered by rdflib, whose guard knows the
dataset's graphs.

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

import functools
import io
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pandas as pd

from .._gc import paused_gc
from ..checks.findings import Finding
from ..model import Corpus

__all__ = ["OxigraphCorpus", "check_query", "oxigraph_available", "uses_dataset_clause"]

_FROM = re.compile(r"(?i)\bFROM\b")


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


@functools.cache
def _cell_maker() -> Callable[[Any], Any]:
    """The function turning an Oxigraph term into a cell as :func:`bluntgraph.rdf.sparql` does.

    Made once, with pyoxigraph's classes at hand: it runs for every cell of
    every answer, so it tests the term's exact class and converts literals
    from their lexical form (see :func:`bluntgraph.rdf.sparql._literal_value`)
    rather than through an rdflib literal.
    """
    import pyoxigraph as ox

    from ..rdf.sparql import _literal_value

    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal

    def cell(term: Any) -> Any:
        if term is None:
            return None
        kind = type(term)
        if kind is named:
            return term.value
        if kind is literal:  # a language-tagged one has datatype rdf:langString: its text
            return _literal_value(term.value, term.datatype.value)
        if kind is blank:
            return f"_:{term.value}"
        return str(term)  # an RDF-star triple term: as text

    return cell


@functools.lru_cache(maxsize=256)
def _checked(query: str) -> None:
    from ..rdf.sparql import prepare_query

    prepare_query(query)


def check_query(query: str) -> None:
    """Raise what :func:`~bluntgraph.rdf.prepare_query` raises for ``query``, else nothing.

    A query that passed is remembered (by its text, the last 256): asking it
    again skips rdflib's parser, about 0.1 s a query. A refused one is
    checked again each time.
    """
    if not isinstance(query, str):
        from ..rdf.sparql import prepare_query

        prepare_query(query)  # the same error as for any other caller
        return
    _checked(query)


def _nquads(
    corpus: Corpus, findings: Iterable[Finding], base: str | None, claims: int = 500
) -> Iterator[bytes]:
    """The corpus's N-Quads (those of :mod:`bluntgraph.rdf.writers`), ``claims`` claims a chunk."""
    from ..rdf.mapping import batches
    from ..rdf.writers import _nt_lines

    chunk: list[str] = []
    for number, batch in enumerate(batches(corpus, findings, base), start=1):
        chunk.extend(_nt_lines(triples, graph) for graph, triples in batch.graphs)
        if number % claims == 0:
            yield "".join(chunk).encode("utf-8")
            chunk.clear()
    yield "".join(chunk).encode("utf-8")


class _Chunks(io.RawIOBase):
    """A binary stream reading an iterator of byte strings, one at a time (for Store.load)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._chunk = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._chunk:
            following = next(self._chunks, None)
            if following is None:
                return 0
            self._chunk = memoryview(following)
        size = min(len(buffer), len(self._chunk))
        buffer[:size] = self._chunk[:size]
        self._chunk = self._chunk[size:]
        return size


class OxigraphCorpus:
    """A corpus and its findings in an in-memory Oxigraph store, queried as :func:`sparql` does.

    ``chunk``: claims per piece of N-Quads handed to the loader.
    """

    def __init__(
        self,
        corpus: Corpus,
        findings: Iterable[Finding] = (),
        base: str | None = None,
        *,
        chunk: int = 500,
    ) -> None:
        import pyoxigraph as ox

        self.store = ox.Store()
        # N-Quads straight from the mapping, a batch of claims at a time, read by
        # Oxigraph's loader as they are made: the corpus's text is never whole in
        # memory (a TriG string of a 100k-claim corpus is about a gigabyte). The
        # plain loader rather than bulk_load: for the in-memory store it measured
        # better on every count (100k synthetic claims, 2026-12-01): built in 37 s
        # instead of 45 s, 2.0 GB peak instead of 2.3 GB, and the benchmark's
        # aggregate answered about a fifth faster (quads added in the order they
        # come, a claim's together: Oxigraph joins by walking a subject's quads).
        with paused_gc():
            stream = io.BufferedReader(_Chunks(_nquads(corpus, findings, base, chunk)), 1 << 20)
            self.store.load(stream, format=ox.RdfFormat.N_QUADS)

    def __len__(self) -> int:
        return len(self.store)

    def query(self, query: str) -> pd.DataFrame:
        """The answer to a read-only query, as :func:`bluntgraph.rdf.sparql` gives it.

        Raises what :func:`~bluntgraph.rdf.prepare_query` raises, before anything runs.
        """
        import pyoxigraph as ox

        from ..errors import QueryError
        from ..rdf.to_rdf import PREFIXES

        check_query(query)
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
            cell = _cell_maker()
            if isinstance(result, ox.QueryTriples):
                rows = sorted(
                    ([cell(t.subject), cell(t.predicate), cell(t.object)] for t in result),
                    key=lambda row: [str(v) for v in row],
                )
                columns = ["subject", "predicate", "object"]
            else:
                columns = [v.value for v in result.variables]
                # a solution iterates over its values in the order of the variables
                rows = [[cell(term) for term in solution] for solution in result]
        except BaseException as exc:
            traceback.clear_frames(exc.__traceback__)
            raise
        finally:
            del result
        from ..rdf.sparql import _numbers_as_numbers

        frame: pd.DataFrame = pd.DataFrame(rows, columns=columns, dtype=object)
        return _numbers_as_numbers(frame)  # as bluntgraph.rdf.sparql gives them
