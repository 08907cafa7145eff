"""The knowledge-graph object users work with: model, graph, findings and exporters."""

from __future__ import annotations

import html
import os
import warnings
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from . import query
from ._arguments import corpus_argument, flag_argument, folder_argument, ids_argument, shown
from ._questions import FILTERS
from .checks import Dismissal, Finding, apply_dismissals, read_dismissals, run_checks
from .checks import dismiss as record_dismissal
from .export.tables import claims_frame, entities_frame, sources_frame
from .graph import add_findings, build_graph
from .loading import load_corpus
from .model import Corpus
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    import rdflib
    from IPython.display import HTML as IPythonHTML

    from .store.local import OxigraphCorpus

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
        if isinstance(corpus, (str, os.PathLike)):
            raise TypeError(
                f"KnowledgeGraph: corpus must be a loaded Corpus, not {shown(corpus)}; "
                f"for a folder use bluntgraph.load({os.fspath(corpus)!r})"
            )
        self.corpus = corpus_argument(corpus, "corpus", "KnowledgeGraph")

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """Is-a, synonym and fact look-ups over the corpus's entities."""
        return Vocabulary(self.corpus)

    @cached_property
    def findings(self) -> list[Finding]:
        """Every finding of every check, in a stable order; dismissed ones marked.

        A finding dismissed in the corpus's ``reviews.yaml`` (and whose claims
        have not changed since) has ``dismissed`` set to the reviewer's reason.
        """
        findings = run_checks(self.corpus, vocabulary=self.vocabulary)
        if self.corpus.root is None:
            return findings
        return apply_dismissals(findings, read_dismissals(self.corpus), self.corpus)

    def dismiss(self, finding_id: str, why: str, date: str | None = None) -> Dismissal:
        """Record that a finding is a false alarm (in ``reviews.yaml``); returns the entry.

        The finding stays in :attr:`findings`, marked dismissed, until one of
        its claims changes. Raises :class:`~bluntgraph.errors.ReviewError` for
        an unknown id, an empty reason or a corpus without a folder of its own.

        Examples
        --------
        >>> kg = load("my-corpus")  # doctest: +SKIP
        >>> kg.dismiss("F-3a9c1e", "the FAQ answers another question")  # doctest: +SKIP
        """
        dismissal = record_dismissal(self.corpus, self.findings, finding_id, why, date)
        for name in ("findings", "graph", "_dataset", "oxigraph_store"):
            self.__dict__.pop(name, None)
        return dismissal

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The evidence graph, with claim–claim edges for the findings."""
        return add_findings(build_graph(self.corpus), self.findings, copy=False)

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
        """Deprecated: the same as ``claims(flat=True)``, the rows of ``claims.csv``."""
        return self.claims(flat=True)

    # Questions: thin wrappers over bluntgraph.query, which documents every column.

    def claims(
        self,
        source: str | None = None,
        section: str | None = None,
        predicate: str | None = None,
        subject: str | None = None,
        object: str | None = None,
        entity: str | None = None,
        population: str | None = None,
        certainty: str | None = None,
        *,
        flat: bool = False,
    ) -> pd.DataFrame:
        """The claims that pass every given filter, one row each, in corpus order.

        The one claims table. By default its columns are
        ``query.CLAIMS_COLUMNS`` (labels, the figure as text, the findings
        each claim is in); ``flat=True`` gives the columns of ``claims.csv``
        instead (``export.tables.CLAIM_COLUMNS``: the figure split into
        ``quantity_low``/``quantity_high`` floats…, facets and note) for the
        same rows. Entity filters take an id, label or synonym and include
        the kinds of it: ``subject="SSRI"`` includes sertraline claims. An
        unknown name raises :class:`~bluntgraph.errors.UnknownTermError`
        listing close ones. See :func:`bluntgraph.query.claims` and
        ``docs/query.md``.

        Examples
        --------
        >>> kg = load()
        >>> ssri = kg.claims(subject="selective serotonin reuptake inhibitor")
        >>> len(ssri) > 0 and all(kg.vocabulary.is_a(s, "ssri") for s in ssri.subject)
        True
        >>> flat = kg.claims(subject="SSRI", flat=True)
        >>> flat.id.tolist() == ssri.id.tolist(), "quantity_low" in flat.columns
        (True, True)
        """
        flag_argument(flat, "flat", "claims")
        frame = query.claims(
            self.corpus, self.vocabulary, self.findings, source=source, section=section,
            predicate=predicate, subject=subject, object=object, entity=entity,
            population=population, certainty=certainty,
        )  # fmt: skip
        if not flat:
            return frame
        table = claims_frame(self.corpus)
        kept: pd.DataFrame = table[table.id.isin(set(frame.id))].reset_index(drop=True)
        return kept

    def causes(self, outcome: str, /, **filters: str | None) -> pd.DataFrame:
        """What the sources say causes ``outcome``: one row per cause, with its evidence.

        Each row groups the claims of one cause with their sources, quotes,
        attribution and conflicts (``query.CAUSES_COLUMNS``; see
        :func:`bluntgraph.query.causes`). ``filters`` are those of :meth:`claims`.

        Examples
        --------
        >>> kg = load()
        >>> kg.causes("emotional blunting").columns[0]
        'cause'
        """
        _check_filters(filters, "causes")
        return query.causes(self.corpus, self.vocabulary, self.findings, outcome, **filters)

    def treatments(self, outcome: str, /, **filters: str | None) -> pd.DataFrame:
        """What the sources say treats or reduces ``outcome``: one row per treatment.

        Columns: ``query.TREATMENTS_COLUMNS``; see :func:`bluntgraph.query.treatments`.

        Examples
        --------
        >>> kg = load()
        >>> len(kg.treatments("emotional blunting")) > 0
        True
        """
        _check_filters(filters, "treatments")
        return query.treatments(self.corpus, self.vocabulary, self.findings, outcome, **filters)

    def about(self, entity: str, /, broader: bool = False, **filters: str | None) -> pd.DataFrame:
        """Everything said about ``entity``: each claim naming it or a kind of it.

        It may be the subject, object or population; ``broader=True`` adds what
        is said about its classes. Columns: ``query.ABOUT_COLUMNS``; see
        :func:`bluntgraph.query.about`.

        Examples
        --------
        >>> kg = load()
        >>> len(kg.about("sertraline", broader=True)) > len(kg.about("sertraline"))
        True
        """
        _check_filters(filters, "about")
        flag_argument(broader, "broader", "about")
        return query.about(self.corpus, self.vocabulary, self.findings, entity, broader, **filters)

    def backed_by(self, reference_key: str, /, **filters: str | None) -> pd.DataFrame:
        """The claims that the reference ``reference_key`` (a BibTeX key) backs.

        Columns: ``query.BACKED_BY_COLUMNS``; see :func:`bluntgraph.query.backed_by`.

        Examples
        --------
        >>> kg = load()
        >>> key = kg.corpus.references[0].key
        >>> set(kg.backed_by(key).reference) <= {key}
        True
        """
        _check_filters(filters, "backed_by")
        return query.backed_by(
            self.corpus, self.vocabulary, self.findings, reference_key, **filters
        )

    def statistics(self, **filters: str | None) -> pd.DataFrame:
        """Every figure the sources give, with its population and the interval it allows.

        Columns: ``query.STATISTICS_COLUMNS``; see :func:`bluntgraph.query.statistics`.

        Examples
        --------
        >>> kg = load()
        >>> stats = kg.statistics()
        >>> len(stats) > 0 and bool(stats.measure.notna().all())
        True
        """
        _check_filters(filters, "statistics")
        return query.statistics(self.corpus, self.vocabulary, self.findings, **filters)

    def unsupported(self, **filters: str | None) -> pd.DataFrame:
        """The claims that give no evidence: nothing cited, no expert named.

        Columns: ``query.UNSUPPORTED_COLUMNS``; see :func:`bluntgraph.query.unsupported`.

        Examples
        --------
        >>> kg = load()
        >>> bare = kg.unsupported()
        >>> bool(bare.references.map(len).eq(0).all())
        True
        """
        _check_filters(filters, "unsupported")
        return query.unsupported(self.corpus, self.vocabulary, self.findings, **filters)

    def findings_frame(self) -> pd.DataFrame:
        """One row per finding and claim involved, with quotes (see ``checks.FINDING_COLUMNS``).

        Examples
        --------
        >>> frame = load().findings_frame()
        >>> {"finding", "kind", "severity", "claim", "quote"} <= set(frame.columns)
        True
        """
        from .checks import findings_frame

        return findings_frame(self.findings, self.corpus)

    def evidence(self) -> pd.DataFrame:
        """How well each relation is supported: sources, attribution, hedging, conflicts, score.

        One row per relation *and* polarity (a denial is a row of its own),
        with the counts the score is made from: sources, claims, and claims
        per attribution grade (peer reviewed, cited, expert, vague,
        unattributed) and hedged. For reading rather than scoring — a
        relation's sources for and against in one row, its figures and
        populations, and what its conflicts are — use :meth:`evidence_table`.

        Columns: ``checks.EVIDENCE_COLUMNS``; the score is explained in
        ``docs/checks.md`` and :func:`bluntgraph.checks.evidence_table`.

        Examples
        --------
        >>> table = load().evidence()
        >>> table.columns[:4].tolist()
        ['subject', 'predicate', 'object', 'negated']
        """
        from .checks import evidence_table

        return evidence_table(self.corpus, self.findings)

    def evidence_table(self, outcome: str | None = None) -> pd.DataFrame:
        """The evidence table: one row per relation with its sources for and against.

        Figures and their populations, the strongest attribution, certainty
        and conflicts, with the score :meth:`evidence` gives it (that table has a row per
        polarity and the counts behind the score); ``outcome`` (an entity's
        name) keeps the relations whose object is it or a kind of it. Columns:
        ``export.evidence.EVIDENCE_TABLE_COLUMNS``; see
        :func:`bluntgraph.export.evidence.evidence_rows` and ``bluntgraph table``.

        Examples
        --------
        >>> table = load().evidence_table(outcome="emotional blunting")
        >>> bool((table.sources_for + table.sources_against > 0).all())
        True
        """
        from .export.evidence import evidence_rows

        return evidence_rows(self.corpus, self.findings, self.vocabulary, outcome)

    def to_html(
        self,
        path: str | Path | None = None,
        focus: str | None = None,
        depth: int = 2,
        kinds: str | Iterable[str] | None = None,
        level: str = "map",
    ) -> str:
        """The interactive graph as one offline HTML page; also written to ``path`` if given.

        The page opens on the evidence map (``level="map"``: entities, one edge
        per relation) or on the claim-level graph (``level="claims"``).
        ``focus`` (an entity's id, label or synonym, or a claim, source or
        reference id) keeps what is within ``depth`` hops of it; ``kinds``
        keeps only some of source, claim, entity, reference. See
        :func:`bluntgraph.export.html.graph_html` and ``docs/html.md``.

        Examples
        --------
        >>> page = load().to_html(focus="ssri", depth=1)
        >>> page.startswith("<!DOCTYPE html>")
        True
        """
        from .export.html import graph_html, write_html

        if path is not None and not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"to_html: path must be a file name (str or pathlib.Path) or None, "
                            f"not {shown(path)}")  # fmt: skip
        _check_kinds(kinds, "to_html")
        page = graph_html(
            self.graph, focus=focus, depth=depth, kinds=kinds, vocabulary=self.vocabulary,
            level=level, corpus=self.corpus, findings=self.findings,
        )  # fmt: skip
        if path is not None:
            write_html(page, path)
        return page

    def show(
        self,
        focus: str | None = None,
        depth: int = 2,
        kinds: str | Iterable[str] | None = None,
        height: int = 650,
        level: str = "map",
    ) -> IPythonHTML:
        """The interactive graph for a notebook cell (an IPython HTML object with an iframe).

        Takes the arguments of :meth:`to_html`; needs IPython (ipykernel). As
        plain text (where a viewer shows no HTML) it says what the view holds.
        """
        from .export.html import notebook_html, view_nodes

        _check_kinds(kinds, "show")
        page = self.to_html(focus=focus, depth=depth, kinds=kinds, level=level)
        nodes, node = view_nodes(
            self.graph, focus=focus, depth=depth, kinds=kinds, vocabulary=self.vocabulary
        )
        hops = f"{depth} hop{'s' * (depth != 1)}"
        around = f" within {hops} of {self.graph.nodes[node].get('label')}" if node else ""
        opens = "the map" if level == "map" else f"the {level.rstrip('s')} level"
        summary = (
            f"bluntgraph evidence graph, {len(nodes)} of {self.graph.number_of_nodes()} "
            f"nodes{around}; opens on {opens} (interactive where the notebook runs)"
        )
        return notebook_html(page, height, summary=summary)

    def to_rdf(self) -> rdflib.Graph:
        """The corpus and its findings as one rdflib Graph (see ``docs/rdf.md``).

        A new Graph on each call (yours to change); :meth:`to_dataset` gives
        the same triples in their named graphs.

        Examples
        --------
        >>> len(load().to_rdf()) > 1000
        True
        """
        from .rdf import to_rdf

        return to_rdf(self.corpus, self.findings)

    def to_dataset(self) -> rdflib.Dataset:
        """The corpus and its findings as an rdflib Dataset: one nanopublication per claim.

        Made once and kept (the same object on every call); see ``docs/rdf.md``.

        Examples
        --------
        >>> kg = load()
        >>> kg.to_dataset() is kg.to_dataset()
        True
        """
        return self._dataset

    @cached_property
    def _dataset(self) -> rdflib.Dataset:
        from .rdf import to_dataset

        return to_dataset(self.corpus, self.findings)

    @property
    def rdf_dataset(self) -> rdflib.Dataset:
        """Deprecated: the same as :meth:`to_dataset`."""
        return self._dataset

    def sparql(
        self, query: str, engine: str | None = None, timeout: float | None = None
    ) -> pd.DataFrame:
        """The answer to a read-only SPARQL query over :meth:`to_dataset`, as a DataFrame.

        bluntgraph's prefixes (``bg:``, ``oa:``, ``prov:``, ``skos:``…) are
        predeclared; SERVICE, updates and FROM beyond the dataset raise
        :class:`~bluntgraph.errors.UnsafeQueryError`. ``timeout`` stops the
        query after that many seconds with a :class:`~bluntgraph.errors.QueryError`
        (default: no limit). See :func:`bluntgraph.rdf.sparql` and ``docs/rdf.md``.

        ``engine`` is ``"rdflib"`` or ``"oxigraph"``; by default Oxigraph
        when pyoxigraph is installed (the ``scale`` extra: the same answers,
        many times faster on big corpora, see :mod:`bluntgraph.store.local`),
        else rdflib. A query with FROM is always answered by rdflib.

        Examples
        --------
        >>> frame = load().sparql("SELECT ?c WHERE { ?c a bg:Claim } LIMIT 3")
        >>> len(frame)
        3
        """
        from .store.local import check_query, oxigraph_available, uses_dataset_clause

        if not isinstance(query, str):
            hint = "; read the file first: Path(...).read_text()" if isinstance(
                query, os.PathLike) else ""  # fmt: skip
            raise TypeError(f"sparql: query must be SPARQL text (str), not {shown(query)}{hint}")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(
                timeout, (int, float))):  # fmt: skip
            raise TypeError(f"sparql: timeout must be a number of seconds or None, "
                            f"not {shown(timeout)}")  # fmt: skip
        if engine not in (None, "rdflib", "oxigraph"):
            raise ValueError(f"unknown SPARQL engine {engine!r}: use 'rdflib' or 'oxigraph'")
        if engine is None:
            engine = "oxigraph" if oxigraph_available() else "rdflib"
        if engine == "oxigraph" and not uses_dataset_clause(query):
            store = self.oxigraph_store
            if timeout is None:
                return store.query(query)
            from .rdf.sparql import run_with_timeout

            check_query(query)  # refusals before the worker starts
            return run_with_timeout(lambda: store.query(query), timeout)
        from .rdf import sparql

        return sparql(self._dataset, query, timeout=timeout)

    @cached_property
    def oxigraph_store(self) -> OxigraphCorpus:
        """The corpus and findings in an in-memory Oxigraph store (needs the ``scale`` extra)."""
        from .store.local import OxigraphCorpus

        return OxigraphCorpus(self.corpus, self.findings)

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


def load(corpus: str | Path | None = None, *, include_drafts: bool = False) -> KnowledgeGraph:
    """The knowledge graph of the corpus folder ``corpus`` (default: the bundled one).

    Draft claims (from ``bluntgraph add``) are left out unless ``include_drafts``;
    when they are all the corpus has, a :class:`UserWarning` says how many and
    how to accept them (``bluntgraph review``), rather than an empty graph
    without a word. Raises :class:`~bluntgraph.errors.CorpusError` if the
    corpus has problems.

    Examples
    --------
    >>> kg = load()
    >>> len(kg.corpus.claims) > 100
    True
    """
    folder_argument(corpus, "corpus", "load")
    flag_argument(include_drafts, "include_drafts", "load")
    from .loading import _drafts_note, without_drafts

    full = load_corpus(corpus, include_drafts=True)
    used = full if include_drafts else without_drafts(full)
    if full.claims and not used.claims:
        note = _drafts_note(full, used, "include_drafts=True")
        warnings.warn(note or "", UserWarning, stacklevel=2)
    return KnowledgeGraph(used)


def _check_filters(filters: dict[str, str | None], function: str) -> None:
    """A TypeError naming a keyword that is no filter (``kg.causes(x, sorce=…)``)."""
    unknown = [name for name in filters if name not in FILTERS]
    if unknown:
        raise TypeError(f"{function}: {unknown[0]!r} is no filter; the filters are "
                        f"{', '.join(FILTERS)}")  # fmt: skip


def _check_kinds(kinds: object, function: str) -> None:
    """A TypeError unless ``kinds`` is None, a str or a collection of str."""
    if kinds is not None and not isinstance(kinds, str):
        ids_argument(kinds, "kinds", function, what="node kind")
