"""A corpus's named graphs, a batch of claims at a time, as text ready to send.

This is the only place that knows how the graphs are serialised for a push:
everything else sees ``(graph IRI, Turtle body)`` pairs and one header of
``@base``/``@prefix`` lines that every body needs. The triples are those of
:mod:`bluntgraph.rdf.fast` (the mapping of :mod:`bluntgraph.rdf.to_rdf`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..checks.findings import Finding
from ..model import Corpus
from ..rdf.fast import _Writer
from ..rdf.iris import CorpusIris

__all__ = ["CorpusGraphs", "GraphBatch"]


@dataclass(frozen=True)
class GraphBatch:
    """The graphs of one batch: their absolute IRIs and Turtle bodies, and which claims."""

    number: int
    first_claim: int
    last_claim: int
    graphs: list[tuple[str, str]]


class CorpusGraphs:
    """Every named graph of a corpus (records, nanopublications, findings), batched by claims."""

    def __init__(
        self, corpus: Corpus, findings: Iterable[Finding], iris: CorpusIris, batch: int
    ) -> None:
        self.corpus = corpus
        self.findings = list(findings)
        self.iris = iris
        self.batch = batch
        self._writer = _Writer(corpus, iris)
        lines = [f"@prefix {p}: <{ns}> ." for p, ns in self._writer.prefixes.items()]
        if self._writer.relative:
            lines.insert(0, f"@base <{iris.base}> .")
        #: the @base/@prefix lines every body is written against
        self.header = "\n".join(lines) + "\n"

    @property
    def batches(self) -> int:
        """How many batches :meth:`__iter__` yields (at least one)."""
        return max(1, -(-len(self.corpus.claims) // self.batch))

    def names(self) -> Iterator[str]:
        """The IRI of every graph the corpus has, in push order (cheap: no triple is made)."""
        yield str(self.iris.corpus_graph)
        for claim in self.corpus.claims:
            for part in ("head", "assertion", "provenance", "pubinfo"):
                yield str(self.iris.nanopub(claim.id, part))
        if self.findings:
            yield str(self.iris.findings_graph)

    def _absolute(self, token: str) -> str:
        inner = token[1:-1]
        return inner if "://" in inner else f"{self.iris.base}{inner}"

    def __iter__(self) -> Iterator[GraphBatch]:
        """The batches: the corpus graph with the first, the findings graph with the last."""
        chunks = self._writer.chunks(self.findings)
        graphs: list[tuple[str, str]] = []
        number, first, count = 1, 1, 0
        total = len(self.corpus.claims)
        for position, chunk in enumerate(chunks):
            graphs.extend((self._absolute(g), "\n".join(lines)) for g, lines in chunk)
            is_claim = 0 < position <= total
            count += is_claim
            if is_claim and count % self.batch == 0 and count < total:
                yield GraphBatch(number, first, count, graphs)
                number, first, graphs = number + 1, count + 1, []
        yield GraphBatch(number, first, count, graphs)
