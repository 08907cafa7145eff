"""The knowledge-graph object users work with: model, graph, findings and exporters."""

from __future__ import annotations

import html
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd

from .checks import Finding, run_checks
from .export.tables import claims_frame, entities_frame, sources_frame
from .graph import add_findings, build_graph
from .loading import load_corpus
from .model import Corpus
from .vocabulary import Vocabulary

__all__ = ["KnowledgeGraph", "load"]


class KnowledgeGraph:
    """A loaded corpus with its graph, findings and views, computed on first use.

    Examples
    --------
    >>> kg = load()
    >>> kg.summary()["sources"]
    5
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """Is-a, synonym and fact look-ups over the corpus's entities."""
        return Vocabulary(self.corpus)

    @cached_property
    def findings(self) -> list[Finding]:
        """Every finding of every check, in a stable order."""
        return run_checks(self.corpus)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The evidence graph, with claim–claim edges for the findings."""
        return add_findings(build_graph(self.corpus), self.findings)

    def summary(self) -> dict[str, int]:
        """Counts of sources, claims, entities, references and findings."""
        return {
            "sources": len(self.corpus.sources),
            "claims": len(self.corpus.claims),
            "entities": len(self.corpus.entities),
            "references": len(self.corpus.references),
            "findings": len(self.findings),
        }

    def sources(self) -> pd.DataFrame:
        """One row per source (see :func:`~bluntgraph.export.tables.sources_frame`)."""
        return sources_frame(self.corpus)

    def entities(self) -> pd.DataFrame:
        """One row per entity (see :func:`~bluntgraph.export.tables.entities_frame`)."""
        return entities_frame(self.corpus)

    def all_claims(self) -> pd.DataFrame:
        """One row per claim (see :func:`~bluntgraph.export.tables.claims_frame`)."""
        return claims_frame(self.corpus)

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.summary().items())
        return f"<KnowledgeGraph {self.corpus.name!r}: {counts}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{v}</td></tr>"
            for k, v in self.summary().items()
        )
        return (
            f"<div><strong>bluntgraph</strong> knowledge graph of "
            f"<code>{html.escape(self.corpus.name)}</code><table>{rows}</table></div>"
        )


def load(corpus: str | Path | None = None) -> KnowledgeGraph:
    """The knowledge graph of the corpus folder ``corpus`` (default: the bundled one).

    Raises :class:`~bluntgraph.errors.CorpusError` if the corpus has problems.

    Examples
    --------
    >>> kg = load()
    >>> len(kg.corpus.claims) > 100
    True
    """
    return KnowledgeGraph(load_corpus(corpus))
