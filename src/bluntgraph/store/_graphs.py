"""A corpus's named graphs, a batch of claims at a time, as text ready to send.

This is the only place that knows how the graphs are serialised for a push:
everything else sees ``(graph IRI, N-Triples body)`` pairs. The triples are
those of the one RDF mapping, :func:`bluntgraph.rdf.mapping.batches`
(streamed: one claim's graphs at a time), written as
:mod:`bluntgraph.rdf.writers` writes N-Triples and N-Quads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..checks.findings import Finding
from ..model import Corpus
from ..rdf.iris import CorpusIris
from ..rdf.mapping import batches
from ..rdf.writers import _nq_from_nt, _nt_lines

__all__ = ["CorpusGraphs", "GraphBatch"]


@dataclass(frozen=True)
class GraphBatch:
    """The graphs of one batch, as (absolute IRI, N-Triples), and which claims it holds."""

    number: int
    first_claim: int
    last_claim: int
    graphs: list[tuple[str, str]]

    def nquads(self, iris: Iterable[str]) -> str:
        """The graphs named by ``iris`` as one N-Quads document."""
        wanted = set(iris)
        return "".join(_nq_from_nt(body, iri) for iri, body in self.graphs if iri in wanted)


class CorpusGraphs:
    """Every named graph of a corpus (records, nanopublications, findings), batched by claims."""

    def __init__(
        self, corpus: Corpus, findings: Iterable[Finding], iris: CorpusIris, base: str | None,
        batch: int,
    ) -> None:  # fmt: skip
        self.corpus = corpus
        self.findings = list(findings)
        self.iris = iris
        self.base = base
        self.batch = batch

    @property
    def batches(self) -> int:
        """How many batches :meth:`__iter__` yields (at least one)."""
        return max(1, -(-len(self.corpus.claims) // self.batch))

    @property
    def count(self) -> int:
        """How many graphs :meth:`names` yields."""
        return 1 + 4 * len(self.corpus.claims) + bool(self.findings)

    def names(self) -> Iterator[str]:
        """The IRI of every graph the corpus has, in push order (cheap: no triple is made)."""
        yield str(self.iris.corpus_graph)
        for claim in self.corpus.claims:
            for part in ("head", "assertion", "provenance", "pubinfo"):
                yield str(self.iris.nanopub(claim.id, part))
        if self.findings:
            yield str(self.iris.findings_graph)

    def __iter__(self) -> Iterator[GraphBatch]:
        """The batches: the corpus graph with the first, the findings graph with the last."""
        graphs: list[tuple[str, str]] = []
        number, first, count = 1, 1, 0
        total = len(self.corpus.claims)
        for unit in batches(self.corpus, self.findings, self.base):
            graphs.extend((iri, _nt_lines(triples, None)) for iri, triples in unit.graphs)
            if unit.kind != "claim":
                continue
            count += 1
            if count % self.batch == 0 and count < total:
                yield GraphBatch(number, first, count, graphs)
                number, first, graphs = number + 1, count + 1, []
        yield GraphBatch(number, first, count, graphs)
