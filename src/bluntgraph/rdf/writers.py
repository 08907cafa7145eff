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
from json.encoder import encode_basestring
from pathlib import Path
from typing import BinaryIO

from .._atomic import final_target, install_file
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
    Triple,
    batches,
)

__all__ = ["export_rdf", "write_rdf"]

_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.%-]*[A-Za-z0-9_%-])?")
_KINDS = frozenset(RECORD_KINDS)
_PER_CLAIM = ("claim/", "nanopub/", "finding/")
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")
#: A Turtle/N-Triples string literal (``"…"``) holding a ``str`` exactly. JSON's string
#: escapes (``\\"``, ``\\\\``, ``\\n``, ``\\r``, ``\\t``, ``\\b``, ``\\f``, ``\\u00XX`` for other
#: control characters; everything else as is) are all Turtle and N-Triples escapes too, and
#: the json module's encoder does them in C: a regular expression per literal took a
#: tenth of the writing.
_string: Callable[[str], str] = encode_basestring


# --------------------------------------------------------------------------- Turtle/TriG


class _TurtleTerms:
    """Plain terms as Turtle text: prefixed names, IRIs relative to the corpus, literals.

    Every term is turned into text once: vocabulary and record IRIs for the
    whole run (:attr:`cache`), a claim's own IRIs (``claim/x#anchor``…) and
    blank nodes for its batch only (:attr:`local`).
    """

    def __init__(self, iris: CorpusIris) -> None:
        self.base = iris.base
        self.base_length = len(iris.base)
        # A base with a fragment or a query cannot resolve relative references.
        self.relative = "#" not in iris.base and "?" not in iris.base
        self.prefixes = dict(PREFIXES)
        for kind in RECORD_KINDS:
            self.prefixes[kind] = f"{iris.base}{kind}/"
        #: IRI -> its Turtle, for good: records and vocabulary
        self.cache: dict[str, str] = {"": ""}
        #: IRI -> its Turtle, for the batch being written: a claim's own IRIs, blank nodes
        self.local: dict[str, str] = {}
        #: a record's path (``entity/x``) -> what :meth:`_path` says of it (not a claim's own)
        self.paths: dict[str, tuple[str, str]] = {}
        self.vocab = [(ns, f"{p}:") for p, ns in PREFIXES.items()]
        #: datatype -> what follows a literal's quoted text (``^^xsd:date``); "" for the
        #: numbers Turtle writes bare (integer, decimal — canonical, always with a dot — boolean)
        self.types: dict[str, str] = dict.fromkeys((XSD_INTEGER, XSD_DECIMAL, XSD_BOOLEAN), "")
        #: predicate -> how it starts a statement (`` bg:x ``) and continues one (`` ;\n    bg:x ``)
        self.first_verbs: dict[str, str] = {}
        self.next_verbs: dict[str, str] = {}

    def header(self) -> str:
        lines = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"
        return f"@base <{self.base}> .\n{lines}" if self.relative else lines

    def end_batch(self) -> None:
        """Forget the IRIs of the batch just written (each claim's own are used only there)."""
        self.local.clear()

    def _path(self, path: str) -> tuple[str, str]:
        """How ``<base><path>`` is written and how ``<base><path>#…`` starts."""
        kind, slash, local = path.partition("/")
        relative = self.relative and ("." not in path or not _DOT_SEGMENT.search(path))
        head = f"<{path}" if relative else f"<{self.base}{path}"
        if slash and kind in _KINDS and _PN_LOCAL.fullmatch(local):
            whole = f"{kind}:{local}"
        elif relative and path:
            whole = f"{head}>"
        else:
            whole = f"<{self.base}{path}>"
        if not path.startswith(_PER_CLAIM):  # a claim's own are forgotten with the batch
            self.paths[path] = (whole, head)
        return whole, head

    def iri(self, iri: str) -> str:
        """The Turtle of an IRI (or blank node): ``bg:Claim``, ``claim:x``, ``<claim/x#quote>``…"""
        return self.cache.get(iri) or self.local.get(iri) or self.miss(iri)

    def miss(self, iri: str) -> str:
        """:meth:`iri` for an IRI in neither cache (yet)."""
        if iri.startswith(self.base):
            rest = iri[self.base_length :]
            if "#" not in rest:
                text = (self.paths.get(rest) or self._path(rest))[0]
            elif self.relative and "." not in rest:
                text = f"<{rest}>"  # what _path's head gives, without looking the path up
            else:
                cut = rest.find("#")
                path = rest[:cut]
                text = f"{(self.paths.get(path) or self._path(path))[1]}{rest[cut:]}>"
            if rest.startswith(_PER_CLAIM):
                self.local[iri] = text
                return text
        elif iri.startswith("_:"):
            self.local[iri] = iri
            return iri
        else:
            text = f"<{iri}>"
            for namespace, prefix in self.vocab:
                if iri.startswith(namespace) and _PN_LOCAL.fullmatch(iri[len(namespace) :]):
                    text = f"{prefix}{iri[len(namespace) :]}"
                    break
        self.cache[iri] = text
        return text

    def verb(self, predicate: str) -> tuple[str, str]:
        name = "a" if predicate == A else self.iri(predicate)
        self.first_verbs[predicate] = f" {name} "
        self.next_verbs[predicate] = f" ;\n    {name} "
        return self.first_verbs[predicate], self.next_verbs[predicate]

    def datatype(self, datatype: str) -> str:
        written = self.types[datatype] = f"^^{self.iri(datatype)}"
        return written


def _turtle_block(triples: list[Triple], terms: _TurtleTerms) -> str:
    """Turtle statements, one per subject: ``s p o1, o2 ;`` then ``p2 o3 .``."""
    # The hot loop of every build, so each step is inlined: a method is called
    # only for a term or a predicate not seen before.
    out: list[str] = []
    append = out.append
    cache, local, miss, types, string = terms.cache, terms.local, terms.miss, terms.types, _string
    first, then = terms.first_verbs, terms.next_verbs
    subject = last = None
    for s, p, o in triples:
        if type(o) is str:
            written = cache.get(o) or local.get(o) or miss(o)
        else:
            value, datatype = o  # type: ignore[str-unpack]
            if not datatype:
                written = string(value)
            else:
                suffix = types.get(datatype)
                if suffix is None:
                    suffix = terms.datatype(datatype)
                written = f"{string(value)}{suffix}" if suffix else value
        if s != subject:
            verb = first.get(p) or terms.verb(p)[0]
            if subject is None:
                append(f"{cache.get(s) or local.get(s) or miss(s)}{verb}{written}")
            else:
                append(f" .\n{cache.get(s) or local.get(s) or miss(s)}{verb}{written}")
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


def _nt_lines(triples: list[Triple], graph: str | None) -> str:
    """N-Triples lines (N-Quads with ``graph``), one per triple, full IRIs."""
    tail = " .\n" if graph is None else f" <{graph}> .\n"
    string = _string
    lines: list[str] = []
    append = lines.append
    for s, p, o in triples:
        if type(o) is str:
            written = o if o.startswith("_:") else f"<{o}>"
        else:
            value, datatype = o  # type: ignore[str-unpack]
            written = f"{string(value)}^^<{datatype}>" if datatype else string(value)
        if s.startswith("_:"):
            append(f"{s} <{p}> {written}{tail}")
        else:
            append(f"<{s}> <{p}> {written}{tail}")
    return "".join(lines)


def _nq_from_nt(ntriples: str, graph: str) -> str:
    """The N-Quads of :func:`_nt_lines` text in ``graph`` (a push hashes and sends both)."""
    tail = f" <{graph}> .\n"
    return "".join(line[:-2] + tail for line in ntriples.splitlines() if line)


# --------------------------------------------------------------------------- JSON-LD


class _JsonTerms:
    """What JSON-LD nodes are made of, as JSON text: keys, types, typed values."""

    def __init__(self) -> None:
        self.vocab = [(ns, f"{p}:") for p, ns in PREFIXES.items()]
        #: predicate -> its key (``"bg:x"``); class -> its name in ``@type``;
        #: datatype -> what ends a typed value (``,"@type":"xsd:date"}``)
        self.keys: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.datatypes: dict[str, str] = {}

    def compact(self, iri: str) -> str:
        for namespace, prefix in self.vocab:
            if iri.startswith(namespace) and not iri[len(namespace) :].startswith("//"):
                return f"{prefix}{iri[len(namespace) :]}"
        return iri

    def key(self, predicate: str) -> str:
        # vocabulary terms only: a handful, so these caches stay small
        self.keys[predicate] = written = _string(self.compact(predicate))
        return written

    def type(self, iri: str) -> str:
        self.types[iri] = written = _string(self.compact(iri))
        return written

    def datatype(self, iri: str) -> str:
        self.datatypes[iri] = written = f',"@type":{_string(self.compact(iri))}}}'
        return written


def _json_nodes(triples: list[Triple], terms: _JsonTerms) -> Iterator[str]:
    """One flattened JSON-LD node object per subject, as compact JSON text.

    The text is what ``json.dumps(node, ensure_ascii=False, separators=(",", ":"))``
    gives for ``{"@id": …, "@type": [...], "bg:x": [...]}`` (keys in the order
    they first appear), built from pieces of JSON instead of dicts.
    """
    string, keys, types = _string, terms.keys, terms.types
    fields: dict[str, list[str]] = {}
    subject: str | None = None
    for s, p, o in triples:
        if s != subject:
            if subject is not None:
                yield _json_node(subject, fields)
            subject, fields = s, {}
        if type(o) is str:
            if p == A:
                key, written = '"@type"', types.get(o) or terms.type(o)
            else:
                key, written = keys.get(p) or terms.key(p), f'{{"@id":{string(o)}}}'
        else:
            key = keys.get(p) or terms.key(p)
            value, datatype = o  # type: ignore[str-unpack]
            if not datatype:
                written = string(value)
            elif datatype == XSD_BOOLEAN:
                written = "true" if value == "true" else "false"
            elif datatype == XSD_INTEGER:
                written = str(int(value))
            else:
                end = terms.datatypes.get(datatype) or terms.datatype(datatype)
                written = f'{{"@value":{string(value)}{end}'
        values = fields.get(key)
        if values is None:
            fields[key] = [written]
        else:
            values.append(written)
    if subject is not None:
        yield _json_node(subject, fields)


def _json_node(subject: str, fields: dict[str, list[str]]) -> str:
    body = "".join(f",{key}:[{','.join(values)}]" for key, values in fields.items())
    return f'{{"@id":{_string(subject)}{body}}}'


# --------------------------------------------------------------------------- writing


def _write(
    corpus: Corpus,
    outs: dict[str, BinaryIO],
    findings: Iterable[Finding] | None,
    base: str | None,
    errors: str = "strict",
) -> None:
    """Write every format of ``outs`` (format -> binary stream) as UTF-8, in one pass over
    the mapping; ``errors`` is how text that is not Unicode is encoded."""
    iris = CorpusIris.for_name(corpus.name, base)
    turtle = _TurtleTerms(iris)
    jsonld = _JsonTerms()
    # Turtle and TriG share each graph's statements, encoded once (TriG wraps them in the
    # graph); the other formats are joined and encoded a chunk at a time
    encoded: dict[str, list[bytes]] = {fmt: [] for fmt in outs if fmt in ("ttl", "trig")}
    pending: dict[str, list[str]] = {fmt: [] for fmt in outs if fmt not in encoded}
    ttl, trig = encoded.get("ttl"), encoded.get("trig")
    nt, nq, json_ld = pending.get("nt"), pending.get("nq"), pending.get("jsonld")
    for fmt, out in outs.items():
        if fmt in ("ttl", "trig"):
            out.write(turtle.header().encode("utf-8", errors))
        elif fmt == "jsonld":
            context = json.dumps(PREFIXES, ensure_ascii=False, indent=2, sort_keys=True)
            out.write(('{\n"@context": ' + context + ',\n"@graph": [').encode("utf-8", errors))
    separator = "\n"  # before the next JSON-LD node
    end_graph = b"}\n\n"
    with paused_gc():
        for count, batch in enumerate(batches(corpus, findings, base), start=1):
            for graph, triples in batch.graphs:
                if ttl is not None or trig is not None:
                    block = _turtle_block(triples, turtle).encode("utf-8", errors)
                    if ttl is not None:
                        ttl.append(block)
                    if trig is not None:
                        name = turtle.iri(graph)
                        trig += (f"{name} {{\n".encode("utf-8", errors), block, end_graph)
                if nt is not None:
                    nt.append(_nt_lines(triples, None))
                if nq is not None:
                    nq.append(_nt_lines(triples, graph))
                if json_ld is not None:
                    for node in _json_nodes(triples, jsonld):
                        json_ld.append(separator + node)
                        separator = ",\n"
            turtle.end_batch()
            if count % 500 == 0:
                _flush(outs, encoded, pending, errors)
    _flush(outs, encoded, pending, errors)
    if "jsonld" in outs:
        outs["jsonld"].write(b"\n]\n}\n")


def _flush(
    outs: dict[str, BinaryIO],
    encoded: dict[str, list[bytes]],
    pending: dict[str, list[str]],
    errors: str,
) -> None:
    for fmt, chunk in encoded.items():
        outs[fmt].write(b"".join(chunk))
        chunk.clear()
    for fmt, text in pending.items():
        outs[fmt].write("".join(text).encode("utf-8", errors))
        text.clear()


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
    out = io.BytesIO()
    # surrogatepass: any str comes back as it was given, as it did through a StringIO
    _write(corpus, {fmt: out}, findings, base, errors="surrogatepass")
    return out.getvalue().decode("utf-8", "surrogatepass")


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
            final, stream = final_target(target)  # a stream (/dev/stdout) is staged in /tmp
            fd, name = tempfile.mkstemp(prefix=prefix, dir=None if stream else final.parent)
            os.close(fd)
            staged.append(Path(name))
        first: dict[str, Path] = {}  # a format asked twice is written once, then copied
        for fmt, temp in zip(formats, staged, strict=True):
            first.setdefault(fmt, temp)
        with contextlib.ExitStack() as stack:
            outs: dict[str, BinaryIO] = {
                fmt: stack.enter_context(path.open("wb")) for fmt, path in first.items()
            }
            _write(corpus, outs, findings, base)
        for fmt, temp in zip(formats, staged, strict=True):
            if temp != first[fmt]:
                shutil.copyfile(first[fmt], temp)
        for target, temp in zip(targets, staged, strict=True):
            install_file(temp, target)  # a link followed, /dev/stdout written into
    finally:
        for path in staged:
            path.unlink(missing_ok=True)
    return targets
