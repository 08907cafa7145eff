"""The sinks of the one mapping: every text format and the rdflib objects hold the same triples."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from bluntgraph import Corpus, load_corpus, run_checks
from bluntgraph.checks.findings import Finding
from bluntgraph.rdf import (
    FORMATS,
    batches,
    export_rdf,
    from_rdf,
    parse_rdf,
    quads,
    to_dataset,
    to_rdf,
    write_rdf,
)
from bluntgraph.rdf.mapping import Batch
from bluntgraph.synthetic import generate_corpus
from tests.conftest import CorpusMaker

from .strategies import corpora, findings_of

# rdflib 7's TriG and N-Quads parsers use its own deprecated classes
pytestmark = [
    pytest.mark.filterwarnings(r"ignore:Dataset\.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

_OXIGRAPH = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
}
_QUAD_FORMATS = ("trig", "nq")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("rdf") / "c"
    return load_corpus(generate_corpus(root, claims=150, seed=9, problem_rate=0.1).root)


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _assert_same_rdf(text: str, fmt: str, corpus: Corpus, findings: list[Finding]) -> None:
    """The text holds exactly the rdflib sink's triples (and, for quads, its graphs)."""
    parsed = parse_rdf(text, fmt)
    if fmt in _QUAD_FORMATS:
        expected = _graphs(to_dataset(corpus, findings))
        got = _graphs(parsed)
        assert set(got) == set(expected), fmt
        for name, graph in expected.items():
            assert isomorphic(got[name], graph), (fmt, name)
    else:
        assert isomorphic(_merged(parsed), to_rdf(corpus, findings)), fmt


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("which", ["small", "bundled", "synthetic"])
def test_every_text_format_holds_the_rdflib_sinks_triples(
    fmt: str, which: str, request: pytest.FixtureRequest
) -> None:
    corpus: Corpus = request.getfixturevalue(which)
    findings = request.getfixturevalue("small_findings") if which == "small" else run_checks(corpus)
    assert findings  # the findings graph is written too
    _assert_same_rdf(export_rdf(corpus, fmt, findings), fmt, corpus, findings)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_corpora_give_the_same_triples_in_every_sink(data: st.DataObject) -> None:
    """Odd Unicode, quotes, backslashes, newlines, extreme numbers: every writer escapes alike."""
    corpus = data.draw(corpora(max_claims=3))
    findings = data.draw(findings_of(corpus))
    plain = list(quads(corpus, findings))
    assert len(set(plain)) == len(plain)  # the mapping writes each triple once
    for fmt in FORMATS:
        text = export_rdf(corpus, fmt, findings)
        _assert_same_rdf(text, fmt, corpus, findings)
        count = sum(1 for _ in pyoxigraph.parse(text.encode("utf-8"), format=_OXIGRAPH[fmt]))
        assert count == len(list(parse_rdf(text, fmt).quads((None, None, None, None)))), fmt


def test_the_rdflib_sinks_hold_the_mappings_quads(
    small: Corpus, small_findings: list[Finding]
) -> None:
    findings = small_findings
    plain = list(quads(small, findings))  # an author named twice is one triple (and a list)
    assert len(set(plain)) == len(plain) == len(to_dataset(small, findings)) > 300
    assert len({(s, p, o) for s, p, o, _ in plain}) == len(to_rdf(small, findings))


def test_batches_are_the_records_each_nanopublication_then_the_findings(
    small: Corpus, small_findings: list[Finding]
) -> None:
    findings = small_findings
    stream = list(batches(small, findings))
    assert [b.kind for b in stream] == ["records"] + ["claim"] * len(small.claims) + ["findings"]
    assert [b.id for b in stream if b.kind == "claim"] == [c.id for c in small.claims]
    claim = stream[1]
    names = [graph for graph, _ in claim.graphs]
    nanopub = f"https://w3id.org/bluntgraph/corpus/{small.name}/nanopub/{claim.id}"
    assert names == [f"{nanopub}#{part}" for part in ("head", "assertion", "provenance", "pubinfo")]
    # the head names the other three graphs: a batch is one self-contained nanopublication
    head = claim.graphs[0][1]
    assert {o for _, _, o in head if isinstance(o, str)} >= set(names[1:])
    # no findings, no findings graph
    assert [b.kind for b in batches(small)][-1] == "claim"


def test_a_batch_holds_plain_terms_only(small: Corpus, small_findings: list[Finding]) -> None:
    for batch in batches(small, small_findings):
        assert isinstance(batch, Batch)
        for graph, triples in batch.graphs:
            assert type(graph) is str
            for s, p, o in triples:
                assert type(s) is str and type(p) is str
                assert type(o) is str or (
                    type(o) is tuple and len(o) == 2 and all(type(x) is str for x in o)
                )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_same_corpus_writes_the_same_bytes_and_reads_back(fmt: str, synthetic: Corpus) -> None:
    findings = run_checks(synthetic)
    text = export_rdf(synthetic, fmt, findings)
    assert text == export_rdf(synthetic, fmt, findings)
    assert from_rdf(parse_rdf(text, fmt)) == synthetic


def test_turtle_is_readable(small: Corpus) -> None:
    turtle = export_rdf(small, "ttl")
    assert turtle.startswith(f"@base <https://w3id.org/bluntgraph/corpus/{small.name}/> .\n")
    assert "claim:a-causes-s a bg:Claim, rdf:Statement ;\n    dcterms:identifier" in turtle
    assert "bg:negated false" in turtle  # booleans, integers and decimals as Turtle numbers
    assert "<claim/a-causes-s#anchor> a oa:Annotation" in turtle  # relative to @base
    assert 'oa:start "' in turtle and "^^xsd:nonNegativeInteger" in turtle


def test_json_ld_is_one_flat_document_with_an_inline_context(small: Corpus) -> None:
    document = json.loads(export_rdf(small, "jsonld"))
    assert set(document) == {"@context", "@graph"}
    claim = next(n for n in document["@graph"] if "bg:Claim" in n.get("@type", []))
    assert claim["bg:negated"] == [False]
    assert claim["dcterms:identifier"] == ["a-causes-s"]


def test_a_base_with_a_fragment_writes_full_iris(small: Corpus) -> None:
    base = "https://example.org/x#"
    for fmt in FORMATS:
        text = export_rdf(small, fmt, base=base)
        assert "@base" not in text
        graph = _merged(parse_rdf(text, fmt))
        assert isomorphic(graph, to_rdf(small, base=base)), fmt
        assert any(str(s).startswith("https://example.org/x#") for s in graph.subjects())


def test_odd_ids_stay_one_iri_each(make_corpus: CorpusMaker) -> None:
    """Ids that are not slugs — dots, colons, spaces — survive prefixed names and @base."""
    text = 'He said "it \\ works".\nLine two.\r\nEnd.'
    claim = {
        "id": "a-said", "quote": 'He said "it \\ works".', "section": "body",
        "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
        "note": 'a "note"\nover two lines\ttabbed',
    }  # fmt: skip
    sources = {"a": {"publisher": "..", "authors": ["J. R. Doe", "x:y", "."]}}
    corpus = load_corpus(make_corpus(texts={"a": text}, claims={"a": [claim]}, sources=sources))
    expected = to_rdf(corpus)
    agents = {str(o) for o in expected.objects(predicate=URIRef("http://purl.org/dc/terms/creator"))}
    assert any(a.endswith("/agent/.") for a in agents)
    for fmt in FORMATS:
        text_out = export_rdf(corpus, fmt)
        _assert_same_rdf(text_out, fmt, corpus, [])
    graph = Graph().parse(data=export_rdf(corpus, "ttl"), format="turtle")
    assert Literal('a "note"\nover two lines\ttabbed') in set(graph.objects())


def test_write_rdf_writes_every_file_in_one_pass(synthetic: Corpus, tmp_path: Path) -> None:
    paths = [tmp_path / f"corpus.{fmt}" for fmt in FORMATS] + [tmp_path / "again.ttl"]
    findings = run_checks(synthetic)
    assert write_rdf(synthetic, *paths, findings=findings) == paths
    for path in paths:
        fmt = path.suffix[1:]
        assert path.read_text(encoding="utf-8") == export_rdf(synthetic, fmt, findings), path
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_an_unknown_format_writes_nothing(synthetic: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown RDF format 'rdf'"):
        write_rdf(synthetic, tmp_path / "a.ttl", tmp_path / "b.rdf")
    with pytest.raises(ValueError, match="unknown RDF format 'xml'"):
        export_rdf(synthetic, "xml")
    assert list(tmp_path.iterdir()) == []


def test_the_old_fast_names_still_work(small: Corpus) -> None:
    from bluntgraph.rdf.fast import FAST_FORMATS, export_rdf_fast, write_rdf_fast

    assert export_rdf_fast(small, "trig") == export_rdf(small, "trig")
    assert write_rdf_fast is write_rdf and set(FAST_FORMATS) == set(FORMATS)


def test_build_writes_one_layout_at_every_size(tmp_path: Path, bundled: Corpus) -> None:
    from bluntgraph.cli import main

    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--quiet"]) == 0
    findings = run_checks(bundled)
    for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
        fmt = name.rsplit(".", 1)[1]
        assert (out / name).read_text(encoding="utf-8") == export_rdf(bundled, fmt, findings)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_finding_pairs_survive_the_round_trip(bundled: Corpus) -> None:
    from bluntgraph.graph import finding_pairs
    from bluntgraph.rdf import findings_from_rdf

    findings = run_checks(bundled)
    assert any(f.pairs for f in findings)
    back = findings_from_rdf(parse_rdf(export_rdf(bundled, "trig", findings), "trig"))
    # the pairs the rule named, and for a rule naming none each claim with the next
    assert [list(f.pairs) for f in back] == [finding_pairs(f) for f in findings]
    assert [finding_pairs(f) for f in back] == [finding_pairs(f) for f in findings]
