"""Read-only SPARQL into DataFrames; what reaches files, the network or edits is refused."""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from bluntgraph import Corpus, KnowledgeGraph, QueryError, UnsafeQueryError
from bluntgraph.checks.findings import Finding
from bluntgraph.cli import main
from bluntgraph.rdf import (
    EXAMPLE_QUERIES,
    PREDICATE_TERMS,
    CorpusIris,
    sparql,
    to_dataset,
    to_rdf,
)


@pytest.fixture(scope="module")
def bundled_kg(bundled: Corpus) -> KnowledgeGraph:
    return KnowledgeGraph(bundled)


@pytest.mark.parametrize("name", list(EXAMPLE_QUERIES))
def test_every_example_query_returns_rows_on_the_bundled_corpus(
    name: str, bundled_kg: KnowledgeGraph
) -> None:
    frame = bundled_kg.sparql(EXAMPLE_QUERIES[name][1])
    assert len(frame) > 0
    assert not frame.isna().all().any()  # every column says something somewhere


def test_claims_with_quotes_covers_every_claim(bundled_kg: KnowledgeGraph) -> None:
    frame = bundled_kg.sparql(EXAMPLE_QUERIES["claims-with-quotes"][1])
    claims = bundled_kg.corpus.claims
    assert sorted(frame.claim) == sorted(c.id for c in claims)
    by_id = {c.id: c for c in claims}
    for row in frame.itertuples():
        claim = by_id[str(row.claim)]
        assert (row.quote, row.start, row.end) == (claim.quote, claim.start, claim.end)
        assert row.predicate == str(PREDICATE_TERMS[claim.predicate]).rpartition("#")[2]


def test_statistics_come_with_their_population_and_numeric_values(
    small: Corpus,
) -> None:
    frame = sparql(to_rdf(small), EXAMPLE_QUERIES["statistics-with-population"][1])
    rows = {row.claim: row for row in frame.itertuples()}
    assert rows["a-causes-s"].low == 40.0 and rows["a-causes-s"].high == 60.0
    assert frame.low.dtype == frame.high.dtype == "float64"
    assert rows["a-causes-s"].population == "class A users"
    assert rows["a-not-treats"].population is None and math.isnan(rows["a-not-treats"].low)


def test_contested_relations_are_the_claim_pairs_of_findings(
    small: Corpus, small_findings: list[Finding]
) -> None:
    pairs = (("a-not-treats", "a-therapy-reduces"),)  # the claims that clash, not all involved
    findings = [dataclasses.replace(small_findings[0], pairs=pairs), *small_findings[1:]]
    frame = sparql(to_dataset(small, findings), EXAMPLE_QUERIES["contested-relations"][1])
    assert frame[["finding", "kind", "claim1", "claim2"]].values.tolist() == [
        ["F001", "contradiction", "a-not-treats", "a-therapy-reduces"]
    ]
    assert frame.quote1[0] == "Therapy T" and frame.quote2[0] == "Therapy T may reduce symptom S"


def test_results_have_plain_python_values(small: Corpus) -> None:
    frame = sparql(
        to_rdf(small),
        "SELECT ?c ?start ?negated ?missing WHERE { ?c bg:negated ?negated . "
        "?a oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSelector ?s . ?s oa:start ?start } "
        "ORDER BY ?start",
    )
    assert list(frame.columns) == ["c", "start", "negated", "missing"]
    assert frame.start.tolist() == sorted(c.start for c in small.claims)
    assert all(isinstance(v, int) for v in frame.start)
    assert set(frame.negated) == {True, False}
    assert frame.missing.isna().all()
    iri = str(CorpusIris.for_name(small.name).claim("a-causes-s"))
    assert iri in set(frame.c)


def test_ask_construct_and_describe(small: Corpus) -> None:
    graph = to_rdf(small)
    assert sparql(graph, "ASK { ?c a bg:Claim }").ask.tolist() == [True]
    built = sparql(graph, "CONSTRUCT { ?c a bg:Claim } WHERE { ?c a bg:Claim }")
    assert list(built.columns) == ["subject", "predicate", "object"] and len(built) == 3
    described = sparql(graph, f"DESCRIBE <{CorpusIris.for_name(small.name).claim('a-causes-s')}>")
    assert len(described) > 5


def test_graph_patterns_reach_each_nanopublication(small: Corpus) -> None:
    frame = sparql(
        to_dataset(small),
        "SELECT ?np ?claim WHERE { GRAPH ?head { ?np np:hasAssertion ?a } "
        "GRAPH ?a { ?c dcterms:identifier ?claim } } ORDER BY ?claim",
    )
    assert frame.claim.tolist() == sorted(c.id for c in small.claims)


def test_from_a_graph_of_the_dataset_is_allowed(small: Corpus) -> None:
    iris = CorpusIris.for_name(small.name)
    frame = sparql(
        to_dataset(small),
        f"SELECT ?c FROM <{iris.nanopub('a-causes-s', 'assertion')}> WHERE {{ ?c a bg:Claim }}",
    )
    assert frame.c.tolist() == [str(iris.claim("a-causes-s"))]


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { SERVICE SILENT <http://x.org/> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://x.org/> { ?s ?p ?o } } }",
         "SERVICE"),
        ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x.org/> { ?s ?p ?o } } } }",
         "SERVICE"),
        ("SELECT * WHERE { OPTIONAL { GRAPH ?g { SERVICE <http://x/> { ?s ?p ?o } } } }",
         "SERVICE"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
         "FROM NAMED <http://example.org/g>"),
        ("ASK FROM <https://example.org/data.ttl> { ?s ?p ?o }", "FROM"),
        ("LOAD <http://example.org/data.ttl>", "updates"),
        ("LOAD <file:///etc/passwd> INTO GRAPH <urn:g>", "updates"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates"),
        ("DELETE WHERE { ?s ?p ?o }", "updates"),
        ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "updates"),
        ("CLEAR ALL", "updates"),
        ("DROP GRAPH <urn:g>", "updates"),
        ("CREATE GRAPH <urn:g>", "updates"),
        ("COPY DEFAULT TO <urn:g>", "updates"),
        ("MOVE DEFAULT TO <urn:g>", "updates"),
        ("ADD DEFAULT TO <urn:g>", "updates"),
        ("PREFIX x: <urn:x#> INSERT DATA { x:a x:b x:c }", "updates"),
    ],
)  # fmt: skip
def test_unsafe_queries_are_refused_before_anything_runs(
    small: Corpus, query: str, refused: str
) -> None:
    dataset = to_dataset(small)
    before = len(dataset)
    with pytest.raises(UnsafeQueryError, match=refused) as raised:
        sparql(dataset, query)
    assert "\n" not in str(raised.value)
    assert len(dataset) == before


@pytest.mark.parametrize("query", ["", "   ", "SELEC ?x WHERE {}", "SELECT * WHERE { ?s ?p }",
                                   "SELECT * WHERE { ?s a nosuchprefix:Thing }"])  # fmt: skip
def test_malformed_queries_raise_a_one_line_query_error(small: Corpus, query: str) -> None:
    with pytest.raises(QueryError) as raised:
        sparql(to_rdf(small), query)
    assert not isinstance(raised.value, UnsafeQueryError)
    assert "\n" not in str(raised.value)


def test_cli_sparql_prints_a_table_csv_or_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    query = "SELECT ?id WHERE { ?c a bg:Claim ; dcterms:identifier ?id } ORDER BY ?id LIMIT 3"
    assert main(["sparql", query]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].strip() == "id" and "3 rows" in table
    assert main(["sparql", query, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id" and len(lines) == 4
    file = tmp_path / "q.rq"
    file.write_text(query, encoding="utf-8")
    assert main(["sparql", str(file), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [sorted(r) for r in records] == [["id"]] * 3
    assert [r["id"] for r in records] == lines[1:]


def test_cli_sparql_json_keeps_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT ?low WHERE { ?q schema:minValue ?low } ORDER BY ?low LIMIT 1"
    assert main(["sparql", query, "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert isinstance(record["low"], (int, float))


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("SELECT * WHERE { SERVICE <http://x.org/> { ?s ?p ?o } }", "SERVICE <http://x.org/> is"),
        ("DROP ALL", "SPARQL updates"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
        ("SELEC x", "not a SPARQL query"),
        ("missing.rq", "query file missing.rq not found"),
    ],
)  # fmt: skip
def test_cli_sparql_refusals_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], query: str, says: str
) -> None:
    assert main(["sparql", query]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bluntgraph: error: ") and says in lines[0]


def test_cli_sparql_query_file_not_in_utf8_says_where_as_validate_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said 'query file q.rq is not UTF-8 (byte 27)'; corpus files say line and column."""
    monkeypatch.chdir(tmp_path)
    Path("q.rq").write_bytes('SELECT ?s\nWHERE { ?s ?p "Café" }\n'.encode("latin-1"))
    assert main(["sparql", "q.rq"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("bluntgraph: error: query file q.rq: line 2, column 19 (byte 0xe9) "
                           "is not UTF-8 (save it as UTF-8: in an editor, Save As…")


def test_rdf_terms_in_frames_are_strings(small: Corpus) -> None:
    frame = sparql(to_rdf(small), "SELECT ?p WHERE { ?c rdf:predicate ?p } ORDER BY ?p LIMIT 1")
    assert isinstance(frame.p[0], str) and URIRef(frame.p[0]).startswith("https://w3id.org/")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATATYPES = [
    *(f"{_XSD}{name}" for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte", "decimal", "double", "float", "boolean", "string",
        "dateTime", "date", "gYear", "anyURI", "duration",
    )),
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
    "https://example.org/vocab#temperature",
]  # fmt: skip
_TRICKY = [
    "true", "false", "1", "0", "TRUE", " 1", "INF", "-INF", "NaN", "1_000", "", "٣", "+7",
    "007", "2021-03-04T05:06:07Z", "2021-03-04", "2021", "P1D", "1.", ".5", "-0", "1e400",
    "1.50", "-2.5E-3", "12345678901234567890123",
]  # fmt: skip
_LEXICALS = st.one_of(
    st.from_regex(r"\A[+-]?[0-9]{1,25}\Z"),
    st.from_regex(r"\A[+-]?[0-9]{0,6}\.?[0-9]{0,6}([eE][+-]?[0-9]{1,3})?\Z"),
    st.sampled_from(_TRICKY),
    st.text(max_size=8),
)


def test_tricky_literals_from_their_lexical_form_are_the_cells_rdflib_gives() -> None:
    for datatype in _DATATYPES:
        for lexical in _TRICKY:
            _assert_the_cell_rdflib_gives(lexical, datatype)


@settings(max_examples=400, deadline=None)
@given(lexical=_LEXICALS, datatype=st.sampled_from(_DATATYPES))
def test_a_literal_from_its_lexical_form_is_the_cell_rdflib_gives(
    lexical: str, datatype: str
) -> None:
    """Oxigraph's and an endpoint's cells skip rdflib's literal: the value must not change."""
    _assert_the_cell_rdflib_gives(lexical, datatype)


def _assert_the_cell_rdflib_gives(lexical: str, datatype: str) -> None:
    from rdflib import Literal

    from bluntgraph.rdf.sparql import _literal_value, _python

    with warnings.catch_warnings():  # rdflib warns about ill-formed literals
        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)
        try:
            expected = _python(Literal(lexical, datatype=URIRef(datatype)))
            got = _literal_value(lexical, datatype)
        finally:
            logging.disable(logging.NOTSET)
    assert type(got) is type(expected)
    if isinstance(expected, float) and math.isnan(expected):
        assert math.isnan(got)
    else:
        assert got == expected
