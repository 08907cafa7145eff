"""A SPARQL 1.1 endpoint as bluntgraph's shared store: push a corpus, query it into DataFrames.

:class:`Endpoint` speaks two standard protocols and nothing server-specific:

* the **SPARQL 1.1 Protocol** for queries (a form ``POST`` of ``query=…``;
  results as SPARQL JSON, or N-Triples for CONSTRUCT and DESCRIBE);
* the **SPARQL 1.1 Graph Store HTTP Protocol** for writes: ``PUT`` and
  ``DELETE ?graph=IRI`` on single graphs (N-Triples bodies), and ``POST``
  of an N-Quads body to the store itself for many new graphs at once
  (Oxigraph, Fuseki and RDF4J accept quads there; ``per_graph=True`` sends
  only single-graph requests, for servers that do not).

How a push works
----------------
Every graph of the corpus — the records graph (``graph/corpus``), each
claim's four nanopublication graphs, the findings graph — is a named graph
of the store, under the corpus's IRIs. A *manifest* graph
(``graph/manifest``) lists them with ``dcterms:hasPart``, and says with
``schema:actionStatus`` whether the push that wrote it finished. A push:

1. reads the manifest (the graphs the last push wrote);
2. writes the manifest of old *and* new graphs, marked unfinished
   (``schema:ActiveActionStatus``, no hashes), so that a push that stops
   anywhere leaves every graph it may have written listed;
3. sends the graphs a batch of claims at a time: graphs the store may
   already hold are replaced one by one (``PUT``, atomic per graph);
   graphs new to the store go in one N-Quads ``POST`` per batch;
4. deletes the graphs the old manifest lists and the corpus no longer has;
5. writes the manifest of the new graphs and their hashes, marked finished.

The manifest is read and written a line at a time through temporary files:
a push holds one batch of graphs, and of the manifest only each graph's IRI
and 32-byte hash, never its text.

So a push again replaces the corpus's graphs (nothing duplicated), never
touches a graph outside its manifest (other corpora are safe), and a push
that fails raises :class:`~bluntgraph.errors.PushError` naming the batch,
the graphs already replaced, and those that keep their previous state.

Examples
--------
>>> Endpoint("ftp://example.org/sparql")
Traceback (most recent call last):
...
bluntgraph.errors.EndpointError: the endpoint URL 'ftp://example.org/sparql' is not an http://...
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd

from ..errors import EndpointError, PushError, QueryError
from ..model import Corpus
from ..rdf.mapping import (
    MANIFEST_COMPLETED,
    MANIFEST_HAS_PART,
    MANIFEST_SHA256,
    MANIFEST_STATUS,
    manifest_part,
    manifest_status,
)
from ..rdf.writers import _nt_lines
from .http import AnswerTooLarge, Credentials, HttpClient, check_url, public_url

__all__ = ["DEFAULT_BATCH", "DEFAULT_TIMEOUT", "Endpoint", "PushReport"]

#: claims per batch when none is given: about 40 triples and 10 kB of N-Quads each
DEFAULT_BATCH = 500
#: seconds to wait for an answer when none is given
DEFAULT_TIMEOUT = 60.0

# What a manifest answer may hold: lines of N-Triples are read one at a time
# (a line longer than this is no manifest line), and an answer in another
# syntax is parsed whole by rdflib, so only up to a size (a store answers
# N-Triples when asked; this is for the odd one that sends Turtle). The
# whole answer, whatever its syntax, is read up to _MANIFEST_PER_GRAPH bytes
# for each graph the push lists (a manifest gives two lines of about 400
# bytes to a graph), and never less than _TURTLE_MANIFEST_MAX: a store that
# sends more is not sending a manifest of this corpus, and filled the disk.
_MANIFEST_LINE_MAX = 1 << 16
_TURTLE_MANIFEST_MAX = 1 << 26
_MANIFEST_PER_GRAPH = 1 << 12

#: the graph an N-Quads line names after its object: a manifest's lines may carry it
_IN_GRAPH = r"(?:<[^>]*>\s*)?"
_HAS_PART_LINE = re.compile(
    r"^\s*<([^>]*)>\s+<" + re.escape(MANIFEST_HAS_PART) + r">\s+<([^>]*)>\s*"
    + _IN_GRAPH + r"\.\s*$"
)
_SHA256_LINE = re.compile(
    r"^\s*<([^>]*)>\s+<" + re.escape(MANIFEST_SHA256) + r'>\s+"([0-9a-f]{64})"\s*'
    + _IN_GRAPH + r"\.\s*$"
)
_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:")


@dataclass
class PushReport:
    """What a push did: graphs written (new and replaced), stale ones deleted, bytes, time."""

    endpoint: str
    corpus: str
    manifest: str
    batches: int = 0
    graphs: int = 0
    created: int = 0
    replaced: int = 0
    unchanged: int = 0
    deleted: int = 0
    bytes: int = 0
    seconds: float = 0.0
    requests: int = field(default=0, repr=False)

    def __str__(self) -> str:
        return (
            f"pushed {self.corpus} to {self.endpoint}: {self.graphs} graphs in "
            f"{self.batches} batch{'es' * (self.batches != 1)} ({self.created} new, "
            f"{self.replaced} replaced, {self.unchanged} unchanged, "
            f"{self.deleted} stale deleted), "
            f"{self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s"
        )


class _NoNamedGraphs(EndpointError):
    """The store refused quads, or took them but kept none of their graph names."""


def _sibling(url: str, last: str) -> str:
    parts = urlsplit(url)
    head = parts.path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/{last}", "", ""))


def _store_default(url: str) -> str:
    """The Graph Store URL that goes with query URL ``url`` when none is given.

    A URL with no path is an Oxigraph server (``/query``, ``/store``); a URL
    ending in ``/query`` has the store beside it (``/store``); any other URL
    is taken to serve both (Fuseki's dataset URL does).
    """
    parts = urlsplit(url)
    if parts.path in ("", "/"):
        return urlunsplit((parts.scheme, parts.netloc, "/store", "", ""))
    if parts.path.endswith("/query"):
        return _sibling(url, "store")
    return url


def _query_default(url: str) -> str:
    parts = urlsplit(url)
    if parts.path in ("", "/"):
        return urlunsplit((parts.scheme, parts.netloc, "/query", parts.query, ""))
    return url


def _nt_iri(iri: str) -> str:
    if any(c in iri for c in '<>"{}|^`\\ \n'):
        raise EndpointError(f"cannot write the IRI {iri!r} in N-Triples")
    return f"<{iri}>"


class Endpoint:
    """A SPARQL endpoint: :meth:`query` it into a DataFrame, :meth:`push` a corpus to it.

    Parameters
    ----------
    url
        The SPARQL query URL (``http://host:7878`` or ``…/query`` for Oxigraph,
        ``http://host:3030/ds`` for Fuseki, ``…/sparql`` for Virtuoso or
        Neptune, ``…/repositories/ID`` for GraphDB).
    store
        The Graph Store Protocol URL, for :meth:`push`. Default: ``/store``
        beside an Oxigraph query URL, else ``url`` itself.
    timeout
        Seconds to wait for each answer.
    credentials
        Default: from the environment or netrc (:mod:`bluntgraph.store.http`).

    Raises
    ------
    EndpointError
        If a URL is not http(s), or carries credentials.
    """

    def __init__(
        self,
        url: str,
        *,
        store: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        credentials: Credentials | None = None,
    ) -> None:
        self.url = _query_default(check_url(url))
        self.store = check_url(store, "store") if store is not None else _store_default(self.url)
        self.timeout = timeout
        self._credentials = credentials
        self._client: HttpClient | None = None

    def __repr__(self) -> str:
        return f"Endpoint({public_url(self.url)!r}, store={public_url(self.store)!r})"

    @property
    def http(self) -> HttpClient:
        """The kept-alive connection (opened on first use)."""
        if self._client is None:
            self._client = HttpClient(self.url, self.timeout, self._credentials)
        return self._client

    def close(self) -> None:
        """Close the connection (a later call opens a new one)."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter shutdown, nothing to close with
            self.close()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ query

    def query(self, query: str) -> pd.DataFrame:
        """The answer to a read-only SPARQL query at the endpoint, as :meth:`KnowledgeGraph.sparql`.

        The query is checked here first, by the same guard as local queries
        (:func:`bluntgraph.rdf.prepare_query`): SERVICE, updates (LOAD,
        INSERT, DROP…) and FROM are refused before anything is sent.
        bluntgraph's prefixes (``bg:``, ``prov:``, ``oa:``…) are declared
        for the server unless the query declares them itself.

        Returns
        -------
        pandas.DataFrame
            As :func:`bluntgraph.rdf.sparql`: SELECT one column per
            variable; ASK a column ``ask``; CONSTRUCT/DESCRIBE ``subject,
            predicate, object``, sorted. IRIs are strings; a column of
            numbers is ``int64`` or ``float64`` (unbound: NaN); other
            unbound values None.

        Raises
        ------
        UnsafeQueryError
            For SERVICE, updates and FROM.
        QueryError
            If the text is not a SPARQL query.
        EndpointError
            If the endpoint cannot be reached, answers an error or not in time.
        """
        from ..rdf.sparql import prepare_query
        from ..rdf.to_rdf import PREFIXES

        prepared = prepare_query(query)
        kind = prepared.algebra.name
        declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(query)}
        prologue = "".join(
            f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared
        )
        graph_result = kind in ("ConstructQuery", "DescribeQuery")
        accept = "application/n-triples" if graph_result else "application/sparql-results+json"
        response = self.http.request(
            "POST",
            self.url,
            # a form POST: the one way every server takes (Virtuoso 7 hangs on
            # application/sparql-query bodies)
            content=urlencode({"query": prologue + query}).encode("ascii"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        if graph_result:
            return _graph_frame(
                response.text, response.headers.get("content-type", ""), self.url
            )
        try:
            answer = json.loads(response.content)
        except ValueError:
            raise EndpointError(
                f"{public_url(self.url)} did not answer with SPARQL JSON results "
                f"(content type {response.headers.get('content-type', 'none')!r})"
            ) from None
        return _results_frame(answer)

    # ------------------------------------------------------------------ graphs

    def _graph_params(self, iri: str) -> dict[str, str]:
        return {"graph": iri}

    def graph_text(self, iri: str) -> str | None:
        """The named graph ``iri`` as the server sends it (N-Triples asked), or None if absent."""
        response = self.http.request(
            "GET",
            self.store,
            params=self._graph_params(iri),
            headers={"Accept": "application/n-triples"},
            ok=(404,),
        )
        return None if response.status_code == 404 else str(response.text)

    def put_graph(self, iri: str, turtle: str) -> None:
        """Replace the named graph ``iri`` with the triples of ``turtle`` (created if absent).

        bluntgraph sends N-Triples, labelled Turtle (which it is): every
        store knows that media type.
        """
        self.http.request(
            "PUT",
            self.store,
            params=self._graph_params(iri),
            content=turtle.encode("utf-8"),
            headers={"Content-Type": "text/turtle; charset=utf-8"},
        )

    def delete_graph(self, iri: str) -> None:
        """Delete the named graph ``iri`` (nothing happens if it is absent)."""
        self.http.request("DELETE", self.store, params=self._graph_params(iri), ok=(404,))

    def post_quads(self, nquads: str) -> None:
        """Add the quads of an N-Quads document to the store (its graphs are named in it)."""
        self.http.request(
            "POST",
            self.store,
            content=nquads.encode("utf-8"),
            headers={"Content-Type": "application/n-quads"},
        )

    def _post_first_quads(self, nquads: str) -> None:
        """:meth:`post_quads`; a store that refuses N-Quads is told to use per-graph PUTs."""
        try:
            self.post_quads(nquads)
        except EndpointError as exc:
            if re.search(r"HTTP (400|405|406|415|501)\b", str(exc)):
                raise _NoNamedGraphs(f"{exc} (the store takes no N-Quads batch)") from None
            raise

    def manifest(self, iri: str, graphs: int = 0) -> tuple[dict[str, str], bool]:
        """The graphs a manifest graph lists (IRI -> SHA-256 of what was sent, or ""),
        and whether its push finished; ({}, True) if there is no manifest.

        The store's answer is read up to 4 KiB for each of the ``graphs`` it
        is expected to list, 64 MiB at least: more raises
        :class:`~bluntgraph.errors.EndpointError`.
        """
        listed, finished = self._read_manifest(iri, graphs)
        return {g: digest.hex() for g, digest in listed.items()}, finished

    def _read_manifest(self, iri: str, graphs: int = 0) -> tuple[dict[str, bytes], bool]:
        """:meth:`manifest` with raw digests (b"" when unknown), read as it streams in.

        The answer goes to a temporary file (no name: nothing is left behind),
        then is read a line at a time: only the IRIs and 32-byte digests are
        kept, never the graph's text.
        """
        limit = max(_TURTLE_MANIFEST_MAX, graphs * _MANIFEST_PER_GRAPH)
        with tempfile.TemporaryFile() as body:
            try:
                status = self.http.download(
                    "GET",
                    self.store,
                    body,
                    params=self._graph_params(iri),
                    headers={"Accept": "application/n-triples"},
                    ok=(404,),
                    limit=limit,
                )
            except AnswerTooLarge:
                raise EndpointError(
                    f"cannot read the manifest graph <{iri}> the store sent: more than "
                    f"{_size(limit)}, more than a manifest of {graphs:,} graphs can be "
                    f"({_size(_MANIFEST_PER_GRAPH)} a graph, {_size(_TURTLE_MANIFEST_MAX)} at "
                    "least); stopped reading it, nothing was written"
                ) from None
            if status == 404:
                return {}, True
            body.seek(0)
            # graph -> b"" (listed, digest unknown), its 32-byte digest (listed), or
            # b"?" + digest (33 bytes: a digest seen before the graph's hasPart line)
            entries: dict[str, bytes] = {}
            finished = True
            while raw := body.readline(_MANIFEST_LINE_MAX + 1):
                line = raw.decode("utf-8", errors="replace")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                found = _HAS_PART_LINE.match(line)
                if found:
                    known = entries.get(found.group(2))
                    if known is None or len(known) == 33:
                        entries[found.group(2)] = known[1:] if known else b""
                    continue
                found = _SHA256_LINE.match(line)
                if found:
                    digest = bytes.fromhex(found.group(2))
                    known = entries.get(found.group(1))
                    entries[found.group(1)] = digest if known is not None else b"?" + digest
                elif MANIFEST_STATUS in line:
                    finished = MANIFEST_COMPLETED in line
                else:  # not N-Triples after all: parse it properly
                    size = body.seek(0, 2)
                    if size > _TURTLE_MANIFEST_MAX:
                        raise EndpointError(
                            f"cannot read the manifest graph <{iri}> the store sent: "
                            f"{_size(size)} that is not N-Triples, more than the "
                            f"{_size(_TURTLE_MANIFEST_MAX)} read in another syntax"
                        )
                    body.seek(0)
                    text = body.read().decode("utf-8", errors="replace")
                    listed, finished = _manifest_from_rdf(text, iri)
                    return {g: bytes.fromhex(d) for g, d in listed.items()}, finished
        for graph in [g for g, known in entries.items() if len(known) == 33]:
            del entries[graph]  # a digest of a graph the manifest does not list
        return entries, finished

    def _put_manifest(self, iri: str, manifest: _ManifestFile) -> None:
        """Replace the manifest graph ``iri`` with the file's N-Triples, streamed from disk."""
        self.http.request(
            "PUT",
            self.store,
            params=self._graph_params(iri),
            content=manifest.chunks(),
            headers={
                "Content-Type": "text/turtle; charset=utf-8",
                "Content-Length": str(manifest.size),
            },
        )

    # ------------------------------------------------------------------ push

    def _check_graph_arrived(self, iri: str) -> None:
        """Raise if the named graph ``iri``, just sent in an N-Quads batch, is not in the store."""
        answer = self.query(f"ASK {{ GRAPH {_nt_iri(iri)} {{ ?s ?p ?o }} }}")
        if not bool(answer["ask"].iloc[0]):
            raise _NoNamedGraphs(
                f"{public_url(self.store)} accepted an N-Quads batch but did not store its "
                f"named graphs (graph <{iri}> is missing)"
            )

    def push(
        self,
        corpus: Corpus,
        findings: Iterable[Any] = (),
        *,
        base: str | None = None,
        batch: int = DEFAULT_BATCH,
        per_graph: bool = False,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> PushReport:
        """Publish the corpus (and findings) as named graphs, replacing its previous push.

        See the module notes for the steps. ``batch`` claims (their four
        nanopublication graphs each) go per batch; ``progress(done, total)``
        is called after each batch. ``base`` is the corpus's IRI base, as
        for :func:`~bluntgraph.rdf.to_dataset`. A graph whose text is the
        one the last finished push sent (the manifest keeps each graph's
        SHA-256) is not sent again, unless ``force``; ``per_graph`` sends
        every graph in a ``PUT`` of its own, for stores that take no N-Quads.

        Raises
        ------
        PushError
            If a request fails part-way: which batch, what was replaced,
            what keeps its previous state, and that the manifest says the
            push did not finish (a push again completes it).
        EndpointError
            If the endpoint fails before anything was written.
        """
        from ..rdf.iris import CorpusIris
        from ._graphs import CorpusGraphs

        if batch < 1:
            raise EndpointError(f"the batch size must be a positive number, not {batch}")
        started = time.perf_counter()
        iris = CorpusIris.for_name(corpus.name, base)
        manifest_iri = f"{iris.base}graph/manifest"
        graphs = CorpusGraphs(corpus, findings, iris, base, batch)
        report = PushReport(public_url(self.store), corpus.name, manifest_iri)
        old, finished = self._read_manifest(manifest_iri, graphs.count)
        if force or not finished:  # an unfinished push may have left any graph half-sent
            old = dict.fromkeys(old, b"")
        # the manifest of old and new graphs, marked unfinished, then the graphs the
        # corpus no longer has; written to disk a line at a time. It lists no digests:
        # after an unfinished push every graph is sent again, so none would be read
        # (and a PUT costs the server about as much per triple as the graphs themselves)
        stale = dict.fromkeys(old)
        with _ManifestFile(manifest_iri, finished=False) as pending:
            for iri in graphs.names():
                pending.add(iri, b"")
                stale.pop(iri, None)
            for iri in stale:
                pending.add(iri, b"")
            self._put_manifest(manifest_iri, pending)
        sent = _ManifestFile(manifest_iri, finished=True)
        checked = False
        total = graphs.batches
        step = "sending the graphs"
        current = None
        done_in_batch = 0
        try:
            for current in graphs:
                done_in_batch = 0
                fresh_iris: list[str] = []
                for iri, body in current.graphs:
                    digest = hashlib.sha256(body.encode()).digest()
                    sent.add(iri, digest)
                    if old.get(iri) == digest:
                        report.unchanged += 1
                    elif per_graph or iri in old:
                        self.put_graph(iri, body)
                        report.bytes += len(body)
                        report.replaced += iri in old
                        report.created += iri not in old
                        done_in_batch += 1
                    else:
                        fresh_iris.append(iri)
                if fresh_iris:
                    text = current.nquads(fresh_iris)
                    if checked:
                        self.post_quads(text)
                    else:  # a store may refuse quads, or take them and drop their graph names
                        self._post_first_quads(text)
                        self._check_graph_arrived(fresh_iris[0])
                        checked = True
                    report.bytes += len(text)
                    report.created += len(fresh_iris)
                report.graphs += len(current.graphs)
                report.batches += 1
                if progress is not None:
                    progress(current.number, total)
            current = None
            step = "deleting stale graphs"
            for iri in stale:
                self.delete_graph(iri)
                report.deleted += 1
            step = "writing the manifest"
            self._put_manifest(manifest_iri, sent)
        except EndpointError as exc:
            raise PushError(
                _failure(exc, step, current, total, report, done_in_batch, manifest_iri)
            ) from None
        finally:
            sent.close()
        report.seconds = time.perf_counter() - started
        return report


def _failure(
    exc: EndpointError,
    step: str,
    batch: Any,
    total: int,
    report: PushReport,
    done_in_batch: int,
    manifest: str,
) -> str:
    """One line: where the push stopped and the state of every part of the store."""
    if batch is not None:
        where = (
            f"batch {batch.number} of {total} (claims {batch.first_claim}–{batch.last_claim}) "
            f"failed: {exc}"
        )
        state = (
            f"batches 1–{batch.number - 1} are replaced ({report.graphs} graphs)"
            if batch.number > 1
            else "no batch was replaced"
        )
        if done_in_batch:
            state += (
                f", and {done_in_batch} of the {len(batch.graphs)} graphs of batch "
                f"{batch.number} before the failure"
            )
        rest = "the other graphs of the corpus keep their previous state"
    else:
        where = f"{step} failed after all {total} batches were sent: {exc}"
        state = f"all {report.graphs} graphs are replaced"
        rest = "stale graphs of the previous push may remain"
    again = (
        "push again with --per-graph (per_graph=True), which sends each graph in a PUT of its own"
        if isinstance(exc, _NoNamedGraphs)
        else "run the same push again to complete it"
    )
    return (
        f"push stopped: {where}; {state}; {rest}; the manifest <{manifest}> marks the push "
        f"unfinished — {again}"
    )


class _ManifestFile:
    """A manifest graph as N-Triples in a temporary file: its graphs, their SHA-256, the status.

    Written a graph at a time and sent from disk, so a push never holds the
    manifest's text (two lines per graph) in memory.
    """

    def __init__(self, iri: str, finished: bool) -> None:
        _nt_iri(iri)  # refuse an IRI N-Triples cannot hold
        self.iri = iri
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self.size = 0
        self._write(_nt_lines(manifest_status(iri, finished), None))

    def _write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.file.write(data)
        self.size += len(data)

    def add(self, graph: str, digest: bytes) -> None:
        """List ``graph``, with its SHA-256 when ``digest`` (32 bytes) is known."""
        _nt_iri(graph)
        self._write(_nt_lines(manifest_part(self.iri, graph, digest.hex()), None))

    def chunks(self, size: int = 1 << 20) -> Iterator[bytes]:
        """The file's bytes from the start, ``size`` at a time."""
        self.file.flush()
        self.file.seek(0)
        while chunk := self.file.read(size):
            yield chunk

    def close(self) -> None:
        """Remove the file."""
        self.file.close()

    def __enter__(self) -> _ManifestFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _size(count: int) -> str:
    """A byte count for a message: '12 MiB', '4 KiB', '800 bytes'."""
    if count >= 1 << 20:
        return f"{count / (1 << 20):.0f} MiB"
    return f"{count // 1024} KiB" if count >= 1024 and count % 1024 == 0 else f"{count} bytes"


def _manifest_from_rdf(text: str, iri: str) -> tuple[dict[str, str], bool]:
    from rdflib import Graph, Literal, URIRef

    graph = Graph()
    try:  # relative IRIs against the graph's own, not the working folder
        graph.parse(data=text, format="turtle", publicID=iri)
    except Exception as exc:  # rdflib raises many kinds
        raise EndpointError(
            f"cannot read the manifest graph <{iri}> the store sent (not N-Triples or "
            f"Turtle: {_first_words(exc)})"
        ) from None
    subject = URIRef(iri)
    listed = {}
    for part in sorted(graph.objects(subject, URIRef(MANIFEST_HAS_PART)), key=str):
        digest = graph.value(part, URIRef(MANIFEST_SHA256))
        listed[str(part)] = str(digest) if isinstance(digest, Literal) else ""
    finished = (subject, URIRef(MANIFEST_STATUS), URIRef(MANIFEST_COMPLETED)) in graph
    return listed, finished


def _term(cell: dict[str, Any] | None) -> Any:
    """A SPARQL JSON results cell as :func:`bluntgraph.rdf.sparql` gives it."""
    from ..rdf.sparql import _literal_value

    if cell is None:
        return None
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return str(value)
    if kind == "bnode":
        return f"_:{value}"
    datatype = cell.get("datatype")
    if kind in ("literal", "typed-literal"):
        return _literal_value(str(value), str(datatype) if datatype else None)
    return value


def _results_frame(answer: Any) -> pd.DataFrame:
    if not isinstance(answer, dict):
        raise EndpointError("the endpoint's answer is not a SPARQL JSON results document")
    if "boolean" in answer:
        ask: pd.DataFrame = pd.DataFrame({"ask": [bool(answer["boolean"])]})
        return ask
    try:
        columns = [str(v) for v in answer["head"].get("vars", [])]
        bindings = answer["results"]["bindings"]
    except (KeyError, TypeError, AttributeError):
        raise EndpointError("the endpoint's answer is not a SPARQL JSON results document") from None
    try:
        rows = [[_term(row.get(name)) for name in columns] for row in bindings]
    except (TypeError, AttributeError):  # a row or cell that is not a JSON object
        raise EndpointError(
            "the endpoint's answer is not a SPARQL JSON results document "
            "(a row or cell is not an object)"
        ) from None
    from ..rdf.sparql import _numbers_as_numbers

    frame: pd.DataFrame = pd.DataFrame(rows, columns=columns, dtype=object)
    return _numbers_as_numbers(frame)  # as bluntgraph.rdf.sparql gives them


def _first_words(exc: BaseException, limit: int = 160) -> str:
    """What ``exc`` says on one line, cut to ``limit`` characters."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _graph_frame(text: str, content_type: str, url: str) -> pd.DataFrame:
    from rdflib import Graph

    from ..rdf.sparql import _python

    kind = content_type.split(";")[0].strip().lower()
    fmt = {"application/n-triples": "nt", "text/plain": "nt"}.get(kind, "turtle")
    graph = Graph()
    try:  # relative IRIs against the endpoint's, not the working folder
        graph.parse(data=text, format=fmt, publicID=url)
    except Exception as exc:  # rdflib raises many kinds
        raise QueryError(
            f"cannot read the endpoint's graph answer ({kind}): {_first_words(exc)}"
        ) from None
    rows = sorted(
        ([_python(term) for term in triple] for triple in graph),
        key=lambda row: [str(v) for v in row],
    )
    frame: pd.DataFrame = pd.DataFrame(
        rows, columns=["subject", "predicate", "object"], dtype=object
    )
    return frame
