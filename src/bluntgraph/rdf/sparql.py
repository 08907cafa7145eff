"""Read-only SPARQL over a corpus's RDF, answered as a pandas DataFrame.

:func:`sparql` parses the query with rdflib's SPARQL parser and inspects
the parsed query and its algebra before anything runs. It refuses, with
:class:`~bluntgraph.errors.UnsafeQueryError`:

* ``SERVICE`` anywhere (including inside ``EXISTS`` and sub-queries): rdflib
  would send the pattern to that endpoint over the network;
* updates — ``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``,
  ``COPY``, ``MOVE``, ``ADD``: the graph is read-only, and ``LOAD`` fetches;
* ``FROM`` / ``FROM NAMED`` naming anything but a non-empty graph of the
  queried dataset: rdflib would load that IRI from a file or the network.

A query that does not parse raises :class:`~bluntgraph.errors.QueryError`.
bluntgraph's prefixes (``bg:``, ``prov:``, ``oa:``, ``skos:``, ``dcterms:``…,
see :data:`~bluntgraph.rdf.to_rdf.PREFIXES`) and those bound in the graph are
predeclared. :data:`EXAMPLE_QUERIES` are the queries ``docs/rdf.md`` shows.

Examples
--------
>>> from bluntgraph import load_corpus
>>> from bluntgraph.rdf import to_dataset
>>> dataset = to_dataset(load_corpus())
>>> frame = sparql(dataset, "SELECT (COUNT(?c) AS ?claims) WHERE { ?c a bg:Claim }")
>>> int(frame.claims[0]) > 100
True
>>> sparql(dataset, "SELECT * WHERE { SERVICE <http://example.org/q> { ?s ?p ?o } }")
Traceback (most recent call last):
...
bluntgraph.errors.UnsafeQueryError: SERVICE <http://example.org/q> is refused: ...
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from decimal import InvalidOperation
from typing import Any

import pandas as pd
from pyparsing import ParseException, ParseResults
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from ..errors import QueryError, UnsafeQueryError
from ._compat import rdflib_internals
from .to_rdf import PREFIXES

__all__ = ["EXAMPLE_QUERIES", "prepare_query", "run_with_timeout", "sparql"]

#: name -> (what it answers, query): the examples of docs/rdf.md and the README
EXAMPLE_QUERIES: dict[str, tuple[str, str]] = {
    "claims-with-quotes": (
        "every claim with its source, its relation and the exact quote with offsets",
        """\
SELECT ?claim ?source ?subject ?predicate ?object ?quote ?start ?end WHERE {
  ?c a bg:Claim ;
     dcterms:identifier ?claim ;
     rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     prov:wasQuotedFrom ?src .
  ?s skos:prefLabel ?subject .
  ?o skos:prefLabel ?object .
  ?src dcterms:title ?source .
  ?anchor oa:hasBody ?c ; oa:hasTarget ?target .
  ?target oa:hasSelector ?text, ?span .
  ?text oa:exact ?quote .
  ?span oa:start ?start ; oa:end ?end .
  BIND(STRAFTER(STR(?p), STR(bg:)) AS ?predicate)
}
ORDER BY ?source ?start ?claim""",
    ),
    "statistics-with-population": (
        "every statistic with the population it is about (empty when the source names none)",
        """\
SELECT ?claim ?source ?measure ?low ?high ?unit ?bound ?population ?quote WHERE {
  ?c a bg:Claim ;
     dcterms:identifier ?claim ;
     bg:quantity ?q ;
     prov:wasQuotedFrom ?src .
  ?src dcterms:identifier ?source .
  ?q bg:measure ?measure ; bg:bound ?bound .
  OPTIONAL { ?q schema:minValue ?low }
  OPTIONAL { ?q schema:maxValue ?high }
  OPTIONAL { ?q schema:unitText ?unit }
  OPTIONAL { ?c bg:population ?pop . ?pop skos:prefLabel ?population }
  ?anchor oa:hasBody ?c ; oa:hasTarget ?target .
  ?target oa:hasSelector ?text .
  ?text oa:exact ?quote .
}
ORDER BY ?measure ?source ?claim""",
    ),
    "contested-relations": (
        "pairs of claims a finding sets against each other: kind, rule, both quotes",
        """\
SELECT ?finding ?kind ?severity ?rule ?claim1 ?quote1 ?claim2 ?quote2 ?message WHERE {
  ?f a bg:Finding ;
     dcterms:identifier ?finding ;
     bg:findingKind ?kind ;
     bg:severity ?severity ;
     bg:rule ?rule ;
     dcterms:description ?message ;
     bg:pair ?pair .
  ?pair bg:firstClaim ?c1 ; bg:secondClaim ?c2 .
  ?c1 dcterms:identifier ?claim1 .
  ?c2 dcterms:identifier ?claim2 .
  ?a1 oa:hasBody ?c1 ; oa:hasTarget ?t1 . ?t1 oa:hasSelector ?s1 . ?s1 oa:exact ?quote1 .
  ?a2 oa:hasBody ?c2 ; oa:hasTarget ?t2 . ?t2 oa:hasSelector ?s2 . ?s2 oa:exact ?quote2 .
}
ORDER BY ?finding ?claim1 ?claim2""",
    ),
    "cited-evidence": (
        "claims that cite works as evidence, with the works' titles and DOIs",
        """\
SELECT ?claim ?source ?reference ?title ?doi WHERE {
  ?c a bg:Claim ;
     dcterms:identifier ?claim ;
     prov:wasQuotedFrom ?src ;
     cito:citesAsEvidence ?r .
  ?src dcterms:identifier ?source .
  ?r dcterms:identifier ?reference .
  OPTIONAL { ?r dcterms:title ?title }
  OPTIONAL { ?r bibo:doi ?doi }
}
ORDER BY ?reference ?claim""",
    ),
    "nanopublications": (
        "each claim's nanopublication: its assertion graph and how many triples it holds",
        """\
SELECT ?claim ?assertion (COUNT(*) AS ?triples) WHERE {
  ?nanopub np:hasAssertion ?assertion .
  GRAPH ?assertion { ?c a bg:Claim ; dcterms:identifier ?claim . ?s ?p ?o }
}
GROUP BY ?claim ?assertion
ORDER BY ?claim""",
    ),
    "claims-per-source-relation": (
        "how many claims each source makes with each relation (counted on IRIs, names after)",
        """\
SELECT ?source ?predicate ?claims WHERE {
  { SELECT ?s ?p (COUNT(?c) AS ?claims) WHERE {
      { SELECT ?c ?p WHERE { ?c rdf:predicate ?p } }
      { SELECT ?c ?s WHERE { ?c prov:wasQuotedFrom ?s } }
    } GROUP BY ?s ?p }
  FILTER(STRSTARTS(STR(?p), STR(bg:)))
  OPTIONAL { ?s dcterms:identifier ?source }
  BIND(STRAFTER(STR(?p), STR(bg:)) AS ?predicate)
}
ORDER BY ?source ?predicate""",
    ),
}

_UPDATE_WORDS = "INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, COPY, MOVE, ADD"


def _children(node: Any) -> Iterator[Any]:
    if isinstance(node, ParseResults):
        yield from node
        yield from node.as_dict().values()
    elif isinstance(node, dict):  # CompValue is an OrderedDict
        yield from node.values()
    elif isinstance(node, (list, tuple)):
        yield from node


def _walk(root: Any) -> Iterator[Any]:
    """Every node of a parse tree or algebra, each once."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen or isinstance(node, (str, Node, set, frozenset)):
            continue
        seen.add(id(node))
        yield node
        stack.extend(_children(node))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _term_text(term: Any) -> str:
    """An IRI, prefixed name or variable of the parse tree as the query wrote it, shortly."""
    if isinstance(term, Node):
        return _one_line(term.n3())[:200]
    if isinstance(term, CompValue) and term.name == "pname":
        return _one_line(f"{term.get('prefix') or ''}:{term.get('localname') or ''}")[:200]
    return _one_line(str(term))[:200]


def _refuse_dangerous(tree: Any, dataset: Graph) -> None:
    for node in _walk(tree):
        if not isinstance(node, CompValue):
            continue
        if node.name == "ServiceGraphPattern":
            raise UnsafeQueryError(
                f"SERVICE {_term_text(node['term']) if 'term' in node else '?'} is refused: "
                "queries may not reach other endpoints over the network"
            )
        if node.name == "DatasetClause":
            # CompValue.get returns the key itself when it is missing: test membership.
            word = "FROM" if "default" in node else "FROM NAMED"
            iri = node["default"] if "default" in node else node.get("named")
            local = isinstance(dataset, Dataset) and isinstance(iri, URIRef) and (
                len(dataset.get_context(iri)) > 0
            )  # fmt: skip
            if not local:
                raise UnsafeQueryError(
                    f"{word} <{iri}> is refused: it names no graph of this dataset, and "
                    "queries may not load data from files or the network"
                )


def prepare_query(query: str, rdf: Graph | None = None) -> Query:
    """The parsed, checked query, ready to run on ``rdf`` (see the module notes on what is refused).

    Parameters
    ----------
    query
        A SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query.
    rdf
        The graph or dataset it will run on (to allow ``FROM`` its own graphs,
        and to predeclare its prefixes).

    Raises
    ------
    UnsafeQueryError
        For SERVICE, an update, or FROM / FROM NAMED beyond the dataset.
    QueryError
        If the text is not a SPARQL query.
    """
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the SPARQL query is empty")
    namespaces = {prefix: str(ns) for prefix, ns in rdf.namespaces()} if rdf is not None else {}
    namespaces.update(PREFIXES)
    try:
        tree = parseQuery(query)
    except RecursionError:
        raise QueryError("the SPARQL query is nested too deeply to read") from None
    except ParseException as exc:
        try:
            parseUpdate(query)
        except ParseException:
            raise QueryError(f"not a SPARQL query: {_one_line(exc.msg)} "
                             f"(line {exc.lineno}, column {exc.col})") from None  # fmt: skip
        raise UnsafeQueryError(
            f"SPARQL updates ({_UPDATE_WORDS}) are refused: the graph is read-only "
            "and LOAD would fetch data from files or the network"
        ) from None
    _refuse_dangerous(tree, rdf if rdf is not None else Graph())
    try:
        prepared = translateQuery(tree, initNs=namespaces)
    except RecursionError:
        raise QueryError("the SPARQL query is nested too deeply to read") from None
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes etc.
        raise QueryError(f"cannot use this SPARQL query: {_one_line(str(exc))}") from None
    _refuse_dangerous(prepared.algebra, rdf if rdf is not None else Graph())
    return prepared


_INTEGERS = {
    XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
    XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger, XSD.unsignedInt,
    XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte,
}  # fmt: skip


def _python(term: Node | None) -> Any:
    """A cell value: IRIs as str, numbers as int or float, booleans as bool, text as str."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, Literal):
        return str(term)
    lexical, datatype = str(term), term.datatype
    try:
        if datatype in _INTEGERS:
            return int(lexical)
        if datatype in (XSD.decimal, XSD.double, XSD.float):
            return float(lexical)
    except (ValueError, InvalidOperation):
        return lexical
    if datatype == XSD.boolean:
        return lexical in ("true", "1")
    return lexical


_INTEGER_IRIS = frozenset(str(datatype) for datatype in _INTEGERS)
_FLOAT_IRIS = frozenset(str(datatype) for datatype in (XSD.decimal, XSD.double, XSD.float))
_BOOLEAN_IRI = str(XSD.boolean)
#: datatypes whose lexical form is the cell as it is (text, text with a language)
_TEXT_IRIS = frozenset((str(XSD.string), str(RDF.langString), str(RDF) + "dirLangString"))
_INTEGER_LEXICAL = re.compile(r"[+-]?[0-9]+")
_FLOAT_LEXICAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _literal_value(lexical: str, datatype: str | None) -> Any:
    """The cell :func:`sparql` gives for a literal, from its lexical form and datatype IRI.

    The same value as :func:`sparql`'s conversion of the rdflib literal (an
    ``int`` for the integer types, a ``float`` for decimal, double and float,
    a ``bool`` for booleans, else the text), without making one for the
    well-formed numbers and booleans that most cells are: the other engines
    (Oxigraph, an endpoint's JSON) give their cells as lexical forms, and an
    rdflib literal costs about ten microseconds a cell. Anything else
    (ill-formed numbers, ``INF``, dates, whose text rdflib normalises) goes
    through rdflib, remembered by lexical form and datatype.

    Examples
    --------
    >>> _literal_value("042", "http://www.w3.org/2001/XMLSchema#integer")
    42
    >>> _literal_value("2020-01-01T00:00:00Z", "http://www.w3.org/2001/XMLSchema#dateTime")
    '2020-01-01T00:00:00+00:00'
    """
    if datatype is None or datatype in _TEXT_IRIS:
        return lexical
    if datatype in _INTEGER_IRIS and len(lexical) <= 4000 and _INTEGER_LEXICAL.fullmatch(lexical):
        return int(lexical)  # (longer: Python refuses to convert it; rdflib keeps the text)
    if datatype in _FLOAT_IRIS and _FLOAT_LEXICAL.fullmatch(lexical):
        return float(lexical)
    if datatype == _BOOLEAN_IRI and lexical in ("true", "false", "1", "0"):
        return lexical in ("true", "1")
    return _literal_value_by_rdflib(lexical, datatype)


@functools.lru_cache(maxsize=4096)
def _literal_value_by_rdflib(lexical: str, datatype: str) -> Any:
    return _python(Literal(lexical, datatype=URIRef(datatype)))


def sparql(rdf: Graph | Dataset, query: str, timeout: float | None = None) -> pd.DataFrame:
    """The answer to a read-only SPARQL query over ``rdf``, one row per solution.

    Parameters
    ----------
    rdf
        A graph from :func:`~bluntgraph.rdf.to_rdf`, or a dataset from
        :func:`~bluntgraph.rdf.to_dataset` (then ``GRAPH ?g { … }`` reaches
        each nanopublication's graphs, and plain patterns see every graph).
    query
        A SELECT, ASK, CONSTRUCT or DESCRIBE query; bluntgraph's prefixes
        need not be declared.
    timeout
        Stop the query after this many seconds (default: no limit). It then
        runs in a forked worker process, which is killed at the limit: a
        query stuck in a cartesian product or a runaway regular expression
        cannot be interrupted any other way. Where ``fork`` is not available
        it runs in a thread, which is abandoned (not stopped) at the limit.

    Returns
    -------
    pandas.DataFrame
        SELECT: one column per projected variable, in order. ASK: one
        column ``ask`` with one bool. CONSTRUCT / DESCRIBE: columns
        ``subject, predicate, object``, sorted. IRIs are strings; a column
        of numbers is numeric, as in :meth:`~bluntgraph.KnowledgeGraph.statistics`:
        ``int64`` when every row has an integer, else ``float64``
        (``xsd:decimal`` too, an unbound value as NaN); elsewhere an
        unbound variable is None.

    Raises
    ------
    UnsafeQueryError
        For SERVICE, updates, and FROM / FROM NAMED beyond the dataset.
    QueryError
        If the text is not a SPARQL query, cannot be run (e.g. a malformed
        regular expression), or ran longer than ``timeout``.
    """
    prepared = prepare_query(query, rdf)
    if isinstance(rdf, Dataset) and not rdf.default_union:
        # Plain patterns should see every graph (nanopublications included).
        rdf = Dataset(store=rdf.store, default_union=True)
    if timeout is None:
        return _run(rdf, prepared)
    return run_with_timeout(lambda: _run(rdf, prepared), float(timeout))


def _run(rdf: Graph, prepared: Query) -> pd.DataFrame:
    try:
        return _evaluate(rdf, prepared)
    except RecursionError:
        raise QueryError("the SPARQL query is nested too deeply to run") from None
    except Exception as exc:  # rdflib's evaluator raises whatever its parts raise
        raise QueryError(
            f"cannot run this SPARQL query: {type(exc).__name__}: {_one_line(str(exc))[:200]}"
        ) from None


def _timed_out(timeout: float) -> QueryError:
    return QueryError(
        f"the SPARQL query ran longer than {timeout:g} s and was stopped (narrow it or add "
        "LIMIT; allow more time with --timeout SECONDS, or timeout= in Python)"
    )


def _answer(func: Callable[[], pd.DataFrame]) -> tuple[str, Any]:
    try:
        return "ok", func()
    except QueryError as exc:
        return "error", str(exc)
    except Exception as exc:  # an engine's own error: one line, like _run's
        return "error", f"cannot run this SPARQL query: {type(exc).__name__}: " + (
            _one_line(str(exc))[:200]
        )


def _child(func: Callable[[], pd.DataFrame], conn: Any) -> None:
    try:
        conn.send(_answer(func))
    finally:
        conn.close()


def run_with_timeout(func: Callable[[], pd.DataFrame], timeout: float) -> pd.DataFrame:
    """``func()``'s DataFrame, or :class:`QueryError` when it runs longer than ``timeout`` s.

    ``func`` runs in a forked worker process, killed at the limit (a query
    stuck in a cartesian product or a runaway regular expression cannot be
    stopped any other way; the fork shares the parent's graph, nothing is
    copied up front). Where ``fork`` is not available it runs in a thread,
    which is abandoned, not stopped, at the limit.
    """
    import multiprocessing
    import warnings

    if not timeout > 0:
        raise QueryError(f"the SPARQL timeout must be a positive number of seconds, not {timeout}")
    if "fork" not in multiprocessing.get_all_start_methods():
        return _run_in_thread(func, timeout)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(func, sender), daemon=True)
    with warnings.catch_warnings():  # Python 3.12+ warns about fork beside threads
        warnings.simplefilter("ignore", DeprecationWarning)
        worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise _timed_out(timeout)
        try:
            status, payload = receiver.recv()
        except EOFError:  # the worker died without answering (killed, out of memory)
            raise QueryError("the SPARQL query stopped without an answer") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status != "ok":
        raise QueryError(payload)
    frame: pd.DataFrame = payload
    return frame


def _run_in_thread(func: Callable[[], pd.DataFrame], timeout: float) -> pd.DataFrame:
    import threading

    answer: list[tuple[str, Any]] = []
    thread = threading.Thread(target=lambda: answer.append(_answer(func)), daemon=True)
    thread.start()
    thread.join(timeout)
    if not answer:
        raise _timed_out(timeout)
    status, payload = answer[0]
    if status != "ok":
        raise QueryError(payload)
    frame: pd.DataFrame = payload
    return frame


def _evaluate(rdf: Graph, prepared: Query) -> pd.DataFrame:
    with rdflib_internals():
        result = rdf.query(prepared)
        if result.type == "ASK":
            answer: pd.DataFrame = pd.DataFrame({"ask": [bool(result.askAnswer)]})
            return answer
        rows: list[list[Any]]
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            assert result.graph is not None
            rows = sorted(
                ([_python(term) for term in triple] for triple in result.graph),
                key=lambda row: [str(v) for v in row],
            )
            columns = ["subject", "predicate", "object"]
        else:
            columns = [str(v) for v in result.vars or []]
            rows = [[_python(term) for term in row] for row in result]  # type: ignore[union-attr]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=columns, dtype=object)
    return _numbers_as_numbers(frame)


def _numbers_as_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns holding only numbers get a numeric dtype: int64, or float64 (None as NaN)."""
    for column in frame.columns:
        values = [v for v in frame[column] if v is not None]
        if not values or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in values
        ):
            continue
        whole = len(values) == len(frame) and all(isinstance(v, int) for v in values)
        frame[column] = frame[column].astype("int64" if whole else "float64")
    return frame
