"""Any rdflib Graph or Dataset as RDF text that is the same every time, and RDF text parsed back.

A corpus's own RDF is written by :func:`bluntgraph.rdf.export_rdf` (the
streaming writers of :mod:`bluntgraph.rdf.writers`); :func:`format_rdf`
serialises *any* rdflib graph — a query's CONSTRUCT, a merged graph — in a
stable order, and :func:`parse_rdf` reads text back. rdflib's serializers
are only partly deterministic (TriG writes its graphs, JSON-LD its nodes,
N-Triples its lines in an order that changes between runs), so each format
is put in a fixed order here: TriG graphs by corpus, then claim by claim
(head, assertion, provenance, pubinfo), then findings; JSON-LD nodes by
``@id`` and values by content; N-Triples and N-Quads lines sorted. Every
function returns ``str`` whatever the format.

Examples
--------
>>> from bluntgraph import load_corpus
>>> from bluntgraph.rdf import to_dataset
>>> dataset = to_dataset(load_corpus())
>>> format_rdf(dataset, "nt").splitlines() == sorted(format_rdf(dataset, "nt").splitlines())
True
"""

from __future__ import annotations

import io
import json
import threading
from typing import Any

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from ._compat import rdflib_internals
from .to_rdf import PREFIXES, bind_prefixes

__all__ = ["FORMATS", "JSONLD_CONTEXT", "format_rdf", "parse_rdf"]

#: format name -> (rdflib format, what it is)
FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", "Turtle: every triple in one graph"),
    "trig": ("trig", "TriG: one nanopublication per claim, plus the corpus and findings graphs"),
    "jsonld": ("json-ld", "JSON-LD with an inline @context: every triple in one graph"),
    "nt": ("nt", "N-Triples, lines sorted: every triple in one graph"),
    "nq": ("nquads", "N-Quads, lines sorted: the TriG graphs as quads"),
}

#: the JSON-LD context written into every JSON-LD file (prefixes only, no remote context)
JSONLD_CONTEXT: dict[str, str] = dict(PREFIXES)

_NANOPUB_PARTS = {"head": 0, "assertion": 1, "provenance": 2, "pubinfo": 3}


def _graph_order(identifier: str) -> tuple[int, str, int]:
    """Where a TriG graph goes: the corpus graph, each claim's nanopub, the findings, others."""
    if identifier.endswith("/graph/corpus"):
        return (0, identifier, 0)
    stem, _, part = identifier.rpartition("#")
    if "/nanopub/" in stem and part in _NANOPUB_PARTS:
        return (1, stem, _NANOPUB_PARTS[part])
    if identifier.endswith("/graph/findings"):
        return (2, identifier, 0)
    return (3, identifier, 0)


def _union(dataset: Dataset) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _trig(dataset: Dataset) -> str:
    with rdflib_internals():
        serializer = TrigSerializer(dataset)
        serializer.contexts = sorted(
            (c for c in serializer.contexts if len(c)),
            key=lambda c: _graph_order(str(c.identifier)),
        )
        stream = io.BytesIO()
        serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def _sorted_json(value: Any, in_list: bool = False) -> Any:
    """A JSON-LD value with objects' arrays in a fixed order (``@list`` arrays keep theirs)."""
    if isinstance(value, dict):
        return {k: _sorted_json(v, in_list=k == "@list") for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        if in_list:
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld(graph: Graph) -> str:
    text = graph.serialize(format="json-ld", context=dict(JSONLD_CONTEXT), auto_compact=True)
    document = json.loads(text)
    if isinstance(document, dict) and "@graph" not in document:
        context = document.pop("@context", JSONLD_CONTEXT)
        document = {"@context": context, "@graph": [document] if document else []}
    document["@graph"] = sorted(
        (_sorted_json(node) for node in document.get("@graph", [])),
        key=lambda node: (str(node.get("@id", "")), json.dumps(node, sort_keys=True)),
    )
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sorted_lines(text: str) -> str:
    # Split on "\n" only: N-Triples escapes line feeds in literals but not U+2028 or U+0085,
    # which str.splitlines() would also split on.
    lines = sorted(line for line in text.split("\n") if line.strip())
    return "".join(line + "\n" for line in lines)


def format_rdf(rdf: Graph | Dataset, fmt: str) -> str:
    """``rdf`` as text in format ``fmt`` (one of :data:`FORMATS`), the same bytes every time.

    A Dataset written as ``ttl``, ``jsonld`` or ``nt`` has its graphs merged;
    a Graph written as ``trig`` or ``nq`` becomes one default graph.

    Raises
    ------
    ValueError
        If ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt in ("trig", "nq"):
        if isinstance(rdf, Dataset):
            dataset = rdf
        else:
            dataset = Dataset()
            bind_prefixes(dataset)
            for triple in rdf:
                dataset.add(triple)
        if fmt == "trig":
            return _trig(dataset)
        with rdflib_internals():
            return _sorted_lines(dataset.serialize(format="nquads"))
    graph = _union(rdf) if isinstance(rdf, Dataset) else rdf
    if fmt == "ttl":
        return graph.serialize(format="turtle")
    if fmt == "jsonld":
        return _jsonld(graph)
    return _sorted_lines(graph.serialize(format="nt"))


def parse_rdf(data: str | bytes, fmt: str) -> Dataset:
    """RDF text in format ``fmt`` (one of :data:`FORMATS`) parsed into a Dataset.

    The text is parsed from memory only: nothing named in it (a remote
    JSON-LD context, an ``@base``) is fetched. Triple formats land in the
    default graph; give the result to :func:`~bluntgraph.rdf.from_rdf`.

    Examples
    --------
    >>> dataset = parse_rdf('<urn:a> <urn:b> "c" .', "nt")
    >>> len(dataset)
    1
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    if fmt == "jsonld":
        return _parse_jsonld(data)
    dataset = Dataset()
    with rdflib_internals():
        dataset.parse(data=data, format=FORMATS[fmt][0])
    return dataset


_NO_FETCH = threading.Lock()


def _refuse_fetch(source: Any, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"JSON-LD names a context to fetch ({str(source)[:80]!r}); it is not read")


def _parse_jsonld(text: str) -> Dataset:
    """JSON-LD parsed without ever reading a file or the network.

    The text is decoded first and its *decoded* keys inspected (so ``\\u0040context``
    is ``@context`` too); a context named by IRI or path, or an ``@import``, is
    refused. rdflib then gets the decoded data, and its context fetcher is
    replaced, for the parse, by one that refuses everything.
    """
    try:
        document = json.loads(text)
    except RecursionError:
        raise ValueError("JSON-LD nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON-LD: {exc.msg} (line {exc.lineno})") from None
    if _remote_context(document):
        raise ValueError("JSON-LD with a remote @context is not read (it would be fetched)")
    from rdflib.plugins.shared.jsonld import context as jsonld_context

    dataset = Dataset()
    with _NO_FETCH, rdflib_internals():
        fetch = getattr(jsonld_context, "source_to_json")  # noqa: B009
        setattr(jsonld_context, "source_to_json", _refuse_fetch)  # noqa: B010
        try:
            dataset.parse(data=document, format="json-ld")
        except RecursionError:
            raise ValueError("JSON-LD nested too deeply to read") from None
        finally:
            setattr(jsonld_context, "source_to_json", fetch)  # noqa: B010
    return dataset


def _remote_context(document: Any) -> bool:
    """Whether a JSON-LD document names a context by IRI anywhere (which rdflib would fetch)."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "@context" in node and _names_iri(node["@context"]):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _names_iri(context: Any) -> bool:
    stack = [context]
    while stack:
        node = stack.pop()
        if isinstance(node, str) or (isinstance(node, dict) and "@import" in node):
            return True
        if isinstance(node, list):
            stack.extend(node)
    return False
