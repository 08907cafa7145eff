"""The fast RDF writer gives the same triples as the rdflib exporter, graph by graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from bluntgraph import Corpus, load_corpus, run_checks
from bluntgraph.rdf import to_dataset, to_rdf
from bluntgraph.rdf.fast import export_rdf_fast, write_rdf_fast
from bluntgraph.synthetic import generate_corpus

from .conftest import CorpusMaker

# rdflib 7's TriG and N-Quads parsers use its own deprecated classes
pytestmark = [
    pytest.mark.filterwarnings(r"ignore:Dataset\.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("rdf") / "c"
    return load_corpus(generate_corpus(root, claims=250, seed=9, problem_rate=0.1).root)


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_turtle_and_trig_hold_the_same_triples_as_rdflib(
    which: str, bundled: Corpus, synthetic: Corpus
) -> None:
    corpus = bundled if which == "bundled" else synthetic
    findings = run_checks(corpus)
    assert findings  # findings are exported too

    turtle = Graph().parse(data=export_rdf_fast(corpus, "ttl", findings), format="turtle")
    assert isomorphic(turtle, to_rdf(corpus, findings))

    fast = Dataset().parse(data=export_rdf_fast(corpus, "trig", findings), format="trig")
    slow = to_dataset(corpus, findings)
    fast_graphs, slow_graphs = _graphs(fast), _graphs(slow)
    assert set(fast_graphs) == set(slow_graphs)
    for name, graph in slow_graphs.items():
        assert isomorphic(fast_graphs[name], graph), name


def test_a_base_iri_survives(bundled: Corpus) -> None:
    graph = Graph().parse(
        data=export_rdf_fast(bundled, "ttl", base="https://example.org/x#"), format="turtle"
    )
    assert isomorphic(graph, to_rdf(bundled, base="https://example.org/x#"))
    assert any(str(s).startswith("https://example.org/x#") for s in graph.subjects())


def test_the_same_corpus_writes_the_same_bytes(synthetic: Corpus) -> None:
    assert export_rdf_fast(synthetic, "trig") == export_rdf_fast(synthetic, "trig")


def test_write_rdf_fast_writes_every_file_in_one_pass(synthetic: Corpus, tmp_path: Path) -> None:
    paths = [tmp_path / f"corpus.{ext}" for ext in ("ttl", "trig", "nt", "nq", "jsonld")]
    written = write_rdf_fast(synthetic, *paths)
    assert written == paths
    reference = to_rdf(synthetic)
    for path, fmt in zip(paths, ("turtle", "trig", "nt", "nquads", "json-ld"), strict=True):
        data = path.read_text(encoding="utf-8")
        if fmt in ("trig", "nquads"):
            merged = Graph()
            for s, p, o, _ in Dataset().parse(data=data, format=fmt).quads():
                merged.add((s, p, o))
        else:
            merged = Graph().parse(data=data, format=fmt)
        assert isomorphic(merged, reference), path.name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_an_unknown_format_writes_nothing(synthetic: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown fast RDF format"):
        write_rdf_fast(synthetic, tmp_path / "a.ttl", tmp_path / "b.rdf")
    with pytest.raises(ValueError, match="unknown fast RDF format"):
        export_rdf_fast(synthetic, "xml")
    assert list(tmp_path.iterdir()) == []


def test_literals_with_quotes_backslashes_and_newlines(make_corpus: CorpusMaker) -> None:
    text = 'He said "it \\ works".\nLine two.\r\nEnd.'
    claim = {
        "id": "a-said", "quote": 'He said "it \\ works".', "section": "body",
        "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
        "note": 'a "note"\nover two lines',
    }  # fmt: skip
    corpus = load_corpus(make_corpus(texts={"a": text}, claims={"a": [claim]}))
    graph = Graph().parse(data=export_rdf_fast(corpus, "ttl"), format="turtle")
    assert isomorphic(graph, to_rdf(corpus))
    assert Literal('a "note"\nover two lines') in set(graph.objects())


def test_build_writes_big_corpora_with_the_fast_writer(
    tmp_path: Path, bundled: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluntgraph import outputs
    from bluntgraph.cli import main

    monkeypatch.setattr(outputs, "FAST_RDF_CLAIMS", 1)  # the bundled corpus counts as big
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--quiet"]) == 0
    findings = run_checks(bundled)
    reference = to_rdf(bundled, findings)
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert turtle == export_rdf_fast(bundled, "ttl", findings)  # the fast layout
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), reference)
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"), reference)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
