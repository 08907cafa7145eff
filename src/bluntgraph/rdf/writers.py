"""The corpus's RDF as text — Turtle, TriG, N-Triples, N-Quads, JSON-LD — streamed from the mapping.

Every writer here is a sink of :func:`bluntgraph.rdf.mapping.batches`: it
turns the plain terms into text a batch at a time, with no rdflib object
per triple, so memory stays small and the same corpus always writes the
same bytes, whatever its size.

* **Turtle** (``ttl``: every triple, graph names dropped) and **TriG**
  (``trig``: the named graphs) give one statement per subject (predicate-
  object lists), prefixed names for vocabulary terms and for records
  (``claim:x``, ``entity:y``), other record IRIs relative to an ``@base``
  of the corpus's IRIs.
* **N-Triples** (``nt``) and **N-Quads** (``nq``) give one line per triple,
  full IRIs, in the mapping's order.
* **JSON-LD** (``jsonld``) gives a flattened document: an inline
  ``@context`` of the prefixes (nothing to fetch) and one node object per
  subject and graph, one per line.

Examples
--------
>>> from bluntgraph import load_corpus
>>> corpus = load_corpus()
>>> export_rdf(corpus, "ttl").startswith("@base ")
True
>>> export_rdf(corpus, "trig") == export_rdf(corpus, "trig")
True
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .._atomic import give_usual_permissions
from .._gc import paused_gc
from ..checks.findings import Finding
from ..model import Corpus
from .formats import FORMATS
from .iris import CorpusIris
from .mapping import (
    PREFIXES,
    RECORD_KINDS,
    XSD_BOOLEAN,
    XSD_DECIMAL,
    XSD_INTEGER,
    A,
    Literal,
    Term,
    Triple,
    batches,
)

__all__ = ["export_rdf", "write_rdf"]

_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.%-]*[A-Za-z0-9_%-])?")
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_KINDS = frozenset(RECORD_KINDS)
_PER_CLAIM = ("claim/", "nanopub/", "finding/")
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _string(value: str) -> str:
    """A Turtle/N-Triples string literal (``"…"``) holding ``value`` exactly."""
    if _NEEDS_ESCAPE.search(value):
        value = _NEEDS_ESCAPE.sub(_escape_char, value)
    return f'"{value}"'


# --------------------------------------------------------------------------- Turtle/TriG


class _TurtleTerms:
    """Plain terms as Turtle text: prefixed names, IRIs relative to the corpus, literals."""

    def __init__(self, iris: CorpusIris) -> None:
        self.base = iris.base
        # A base with a fragment or a query cannot resolve relative references.
        self.relative = "#" not in iris.base and "?" not in iris.base
        self.prefixes = dict(PREFIXES)
        for kind in RECORD_KINDS:
            self.prefixes[kind] = f"{iris.base}{kind}/"
        #: IRI -> its Turtle; records and vocabulary for good, a claim's own for one batch
        self.cache: dict[str, str] = {"": ""}
        self.batch: list[str] = []
        self.vocab = [(ns, f"{p}:") for p, ns in PREFIXES.items()]
        self.numbers = {XSD_INTEGER, XSD_DECIMAL, XSD_BOOLEAN}
        self.types: dict[str, str] = {}
        #: predicate -> how it starts a statement (`` bg:x ``) and continues one (`` ;\n    bg:x ``)
        self.first_verbs: dict[str, str] = {}
        self.next_verbs: dict[str, str] = {}

    def header(self) -> str:
        lines = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"
        return f"@base <{self.base}> .\n{lines}" if self.relative else lines

    def end_batch(self) -> None:
        """Forget the IRIs of the batch just written (each claim's own are used only there)."""
        cache = self.cache
        for iri in self.batch:
            cache.pop(iri, None)
        self.batch.clear()

    def iri(self, iri: str) -> str:
        known = self.cache.get(iri)
        if known is not None:
            return known
        if iri.startswith("_:"):
            return iri
        base = self.base
        text = None
        if iri.startswith(base):
            rest = iri[len(base) :]
            if rest.startswith(_PER_CLAIM):
                self.batch.append(iri)
            path, hashed, _ = rest.partition("#")
            kind, slash, local = path.partition("/")
            if not hashed and slash and kind in _KINDS and _PN_LOCAL.fullmatch(local):
                text = f"{kind}:{local}"
            elif self.relative and rest and not _DOT_SEGMENT.search(path):
                text = f"<{rest}>"
        else:
            for namespace, prefix in self.vocab:
                if iri.startswith(namespace) and _PN_LOCAL.fullmatch(iri[len(namespace) :]):
                    text = f"{prefix}{iri[len(namespace) :]}"
                    break
        if text is None:
            text = f"<{iri}>"
        self.cache[iri] = text
        return text

    def verb(self, predicate: str) -> tuple[str, str]:
        name = "a" if predicate == A else self.iri(predicate)
        self.first_verbs[predicate] = f" {name} "
        self.next_verbs[predicate] = f" ;\n    {name} "
        return self.first_verbs[predicate], self.next_verbs[predicate]

    def literal(self, term: Literal) -> str:
        value, datatype = term
        if not datatype:
            return _string(value)
        if datatype in self.numbers:
            return value  # integer, decimal (canonical, always with a dot) and boolean
        written = self.types.get(datatype)
        if written is None:
            written = self.types[datatype] = self.iri(datatype)
        return f"{_string(value)}^^{written}"


def _by_subject(triples: list[Triple]) -> Iterator[tuple[str, list[tuple[str, Term]]]]:
    """Runs of triples with the same subject (the mapping writes a subject's triples together)."""
    subject: str | None = None
    pairs: list[tuple[str, Term]] = []
    for s, p, o in triples:
        if s != subject:
            if subject is not None:
                yield subject, pairs
            subject, pairs = s, []
        pairs.append((p, o))
    if subject is not None:
        yield subject, pairs


def _turtle_block(triples: list[Triple], terms: _TurtleTerms) -> str:
    """Turtle statements, one per subject: ``s p o1, o2 ;`` then ``p2 o3 .``."""
    out: list[str] = []
    append = out.append
    cache, iri, literal = terms.cache, terms.iri, terms.literal
    first, then = terms.first_verbs, terms.next_verbs
    subject = last = None
    for s, p, o in triples:
        if type(o) is str:
            written = cache.get(o) or iri(o)
        elif not o[1]:
            written = _string(o[0])
        else:
            written = literal(o)  # type: ignore[arg-type]
        if s != subject:
            verb = first.get(p) or terms.verb(p)[0]
            if subject is None:
                append(f"{cache.get(s) or iri(s)}{verb}{written}")
            else:
                append(f" .\n{cache.get(s) or iri(s)}{verb}{written}")
            subject, last = s, p
        elif p == last:
            append(f", {written}")
        else:
            append(f"{then.get(p) or terms.verb(p)[1]}{written}")
            last = p
    if subject is not None:
        append(" .\n")
    return "".join(out)


# --------------------------------------------------------------------------- N-Triples/N-Quads


def _nt_term(term: Term) -> str:
    if isinstance(term, str):
        return term if term.startswith("_:") else f"<{term}>"
    value, datatype = term
    return _string(value) if not datatype else f"{_string(value)}^^<{datatype}>"


def _nt_lines(triples: list[Triple], graph: str | None) -> str:
    tail = " .\n" if graph is None else f" <{graph}> .\n"
    lines = []
    for s, p, o in triples:
        lines.append(f"{_nt_term(s)} <{p}> {_nt_term(o)}{tail}")
    return "".join(lines)


# --------------------------------------------------------------------------- JSON-LD


class _JsonTerms:
    def __init__(self) -> None:
        self.vocab = [(ns, f"{p}:") for p, ns in PREFIXES.items()]
        self.cache: dict[str, str] = {}

    def compact(self, iri: str) -> str:
        known = self.cache.get(iri)
        if known is not None:
            return known
        text = iri
        for namespace, prefix in self.vocab:
            if iri.startswith(namespace) and not iri[len(namespace) :].startswith("//"):
                text = f"{prefix}{iri[len(namespace) :]}"
                break
        if len(self.cache) < 100_000:
            self.cache[iri] = text
        return text

    def value(self, term: Term) -> object:
        if isinstance(term, str):
            return {"@id": term}
        value, datatype = term
        if not datatype:
            return value
        if datatype == XSD_BOOLEAN:
            return value == "true"
        if datatype == XSD_INTEGER:
            return int(value)
        return {"@value": value, "@type": self.compact(datatype)}


def _json_nodes(triples: list[Triple], terms: _JsonTerms) -> Iterator[str]:
    for subject, pairs in _by_subject(triples):
        node: dict[str, object] = {"@id": subject}
        for p, o in pairs:
            if p == A and type(o) is str:
                types = node.setdefault("@type", [])
                assert isinstance(types, list)
                types.append(terms.compact(o))
                continue
            values = node.setdefault(terms.compact(p), [])
            assert isinstance(values, list)
            values.append(terms.value(o))
        yield json.dumps(node, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- writing


def _write(
    corpus: Corpus,
    outs: dict[str, TextIO],
    findings: Iterable[Finding] | None,
    base: str | None,
) -> None:
    """Write every format of ``outs`` (format -> stream) in one pass over the mapping."""
    iris = CorpusIris.for_name(corpus.name, base)
    turtle = _TurtleTerms(iris)
    jsonld = _JsonTerms()
    first_node = True
    writers: list[Callable[[str, list[Triple]], str]] = []

    # Turtle and TriG share each graph's statements (TriG only wraps them in the graph)
    shared: dict[str, tuple[list[Triple], str]] = {}

    def statements(graph: str, triples: list[Triple]) -> str:
        known = shared.get(graph)
        if known is not None and known[0] is triples:
            return known[1]
        text = _turtle_block(triples, turtle)
        shared.clear()
        shared[graph] = (triples, text)
        return text

    def ttl(graph: str, triples: list[Triple]) -> str:
        return statements(graph, triples)

    def trig(graph: str, triples: list[Triple]) -> str:
        return f"{turtle.iri(graph)} {{\n{statements(graph, triples)}}}\n\n"

    def nt(graph: str, triples: list[Triple]) -> str:
        return _nt_lines(triples, None)

    def nq(graph: str, triples: list[Triple]) -> str:
        return _nt_lines(triples, graph)

    def json_ld(graph: str, triples: list[Triple]) -> str:
        nonlocal first_node
        text = []
        for node in _json_nodes(triples, jsonld):
            text.append(("\n" if first_node else ",\n") + node)
            first_node = False
        return "".join(text)

    by_format = {"ttl": ttl, "trig": trig, "nt": nt, "nq": nq, "jsonld": json_ld}
    streams = list(outs.values())
    for fmt, out in outs.items():
        writers.append(by_format[fmt])
        if fmt in ("ttl", "trig"):
            out.write(turtle.header())
        elif fmt == "jsonld":
            context = json.dumps(PREFIXES, ensure_ascii=False, indent=2, sort_keys=True)
            out.write('{\n"@context": ' + context + ',\n"@graph": [')
    pending: list[list[str]] = [[] for _ in streams]
    size = 0
    with paused_gc():
        for batch in batches(corpus, findings, base):
            for graph, triples in batch.graphs:
                for index, write in enumerate(writers):
                    pending[index].append(write(graph, triples))
            turtle.end_batch()
            size += 1
            if size >= 500:
                for out, chunk in zip(streams, pending, strict=True):
                    out.write("".join(chunk))
                    chunk.clear()
                size = 0
    for out, chunk in zip(streams, pending, strict=True):
        out.write("".join(chunk))
    for fmt, out in outs.items():
        if fmt == "jsonld":
            out.write("\n]\n}\n")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of: {', '.join(FORMATS)}")


def export_rdf(
    corpus: Corpus,
    fmt: str,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> str:
    """The corpus (and findings) as RDF text: ``ttl``, ``trig``, ``jsonld``, ``nt`` or ``nq``.

    The same corpus gives the same text every time. For big corpora prefer
    :func:`write_rdf`, which streams to files instead of holding the text.

    Parameters
    ----------
    corpus
        The corpus to export.
    fmt
        One of :data:`~bluntgraph.rdf.FORMATS`.
    findings
        Findings of :func:`bluntgraph.run_checks` to include (none by default).
    base
        Where the corpus's IRIs live, as for :func:`~bluntgraph.rdf.to_dataset`.

    Raises
    ------
    ValueError
        If ``fmt`` is not one of :data:`~bluntgraph.rdf.FORMATS`.
    """
    _check_format(fmt)
    out = io.StringIO()
    _write(corpus, {fmt: out}, findings, base)
    return out.getvalue()


def write_rdf(
    corpus: Corpus,
    *paths: str | Path,
    findings: Iterable[Finding] | None = None,
    base: str | None = None,
) -> list[Path]:
    """Write the corpus as RDF to each path, the format by extension, in one streaming pass.

    Each file's format is its extension (``.ttl``, ``.trig``, ``.nt``,
    ``.nq``, ``.jsonld``). The triples are generated once for all the files,
    a claim at a time, so memory stays small whatever the corpus's size.
    Every file is written to a temporary name and moved into place only when
    all are complete. See :func:`export_rdf` for ``findings`` and ``base``.

    Raises
    ------
    ValueError
        If an extension is not one of :data:`~bluntgraph.rdf.FORMATS` (nothing is written).

    Examples
    --------
    >>> import tempfile
    >>> from bluntgraph import load_corpus
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     ttl, nq = write_rdf(load_corpus(), Path(tmp) / "c.ttl", Path(tmp) / "c.nq")
    ...     nq.read_text(encoding="utf-8").startswith("<https://w3id.org/bluntgraph/")
    True
    """
    targets = [Path(p) for p in paths]
    formats = [t.suffix.lstrip(".") for t in targets]
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(
                f"unknown RDF format {fmt!r} (from {targets[formats.index(fmt)].name}); "
                f"use one of: {', '.join('.' + f for f in FORMATS)}"
            )
    staged: list[Path] = []
    try:
        for target in targets:
            prefix = f".bluntgraph-{target.suffix[1:]}-"
            fd, name = tempfile.mkstemp(prefix=prefix, dir=target.parent)
            os.close(fd)
            staged.append(Path(name))
        first: dict[str, Path] = {}  # a format asked twice is written once, then copied
        for fmt, temp in zip(formats, staged, strict=True):
            first.setdefault(fmt, temp)
        with contextlib.ExitStack() as stack:
            outs: dict[str, TextIO] = {
                fmt: stack.enter_context(path.open("w", encoding="utf-8", newline="\n"))
                for fmt, path in first.items()
            }
            _write(corpus, outs, findings, base)
        for fmt, temp in zip(formats, staged, strict=True):
            if temp != first[fmt]:
                shutil.copyfile(first[fmt], temp)
        for target, temp in zip(targets, staged, strict=True):
            give_usual_permissions(temp)
            os.replace(temp, target)
    finally:
        for path in staged:
            path.unlink(missing_ok=True)
    return targets
