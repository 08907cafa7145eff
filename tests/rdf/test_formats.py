"""RDF files: byte-identical rebuilds, explicit prefixes, and an independent parser agrees."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bluntgraph import Corpus
from bluntgraph.checks.findings import Finding
from bluntgraph.cli import main
from bluntgraph.rdf import FORMATS, JSONLD_CONTEXT, PREFIXES, export_rdf, parse_rdf

from .strategies import corpora, findings_of

OXIGRAPH = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
}


def _rdflib_count(text: str, fmt: str) -> int:
    return len(list(parse_rdf(text, fmt).quads((None, None, None, None))))


def _oxigraph_count(data: bytes, fmt: str) -> int:
    return sum(1 for _ in pyoxigraph.parse(data, format=OXIGRAPH[fmt]))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_same_corpus_gives_the_same_bytes(
    fmt: str, small: Corpus, small_findings: list[Finding]
) -> None:
    assert export_rdf(small, fmt, small_findings) == export_rdf(small, fmt, small_findings)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_oxigraph_reads_as_many_triples_as_rdflib(
    fmt: str, small: Corpus, small_findings: list[Finding]
) -> None:
    text = export_rdf(small, fmt, small_findings)
    assert _oxigraph_count(text.encode("utf-8"), fmt) == _rdflib_count(text, fmt) > 100


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_oxigraph_agrees_on_generated_corpora(data: st.DataObject) -> None:
    """Odd Unicode, quotes, newlines and extreme numbers parse the same in both libraries."""
    corpus = data.draw(corpora(max_claims=4))
    findings = data.draw(findings_of(corpus))
    for fmt in FORMATS:
        text = export_rdf(corpus, fmt, findings)
        assert _oxigraph_count(text.encode("utf-8"), fmt) == _rdflib_count(text, fmt), fmt


def test_prefixes_are_explicit(small: Corpus) -> None:
    turtle = export_rdf(small, "ttl")
    for prefix in ("bg", "oa", "prov", "skos", "dcterms", "bibo", "cito", "schema", "claim"):
        assert f"@prefix {prefix}: <" in turtle
    trig = export_rdf(small, "trig")
    assert "@prefix np: <http://www.nanopub.org/nschema#> ." in trig
    document = json.loads(export_rdf(small, "jsonld"))
    assert document["@context"] == JSONLD_CONTEXT == PREFIXES  # inline: nothing to fetch


def test_format_rdf_sorts_n_triples_and_n_quads_lines_of_any_graph(small: Corpus) -> None:
    from bluntgraph.rdf import format_rdf, to_dataset

    for fmt in ("nt", "nq"):
        lines = format_rdf(to_dataset(small), fmt).split("\n")
        assert lines[-1] == "" and lines[:-1] == sorted(lines[:-1])


def test_trig_writes_records_then_each_nanopublication_then_findings(
    small: Corpus, small_findings: list[Finding]
) -> None:
    trig = export_rdf(small, "trig", small_findings)
    order = [trig.index(part) for part in ("graph/corpus> {", "nanopub/a-causes-s#head> {",
             "nanopub/a-causes-s#assertion> {", "nanopub/a-causes-s#provenance> {",
             "nanopub/a-causes-s#pubinfo> {", "graph/findings> {")]  # fmt: skip
    assert order == sorted(order)


def test_an_unknown_format_is_refused(small: Corpus) -> None:
    with pytest.raises(ValueError, match="unknown RDF format 'xml'"):
        export_rdf(small, "xml")


def test_json_ld_with_a_remote_context_is_not_fetched() -> None:
    document = '{"@context": "https://example.org/context.jsonld", "@id": "urn:a"}'
    with pytest.raises(ValueError, match="remote @context"):
        parse_rdf(document, "jsonld")
    nested = '{"@context": {"@import": "https://example.org/c"}, "@id": "urn:a"}'
    with pytest.raises(ValueError, match="remote @context"):
        parse_rdf(nested, "jsonld")


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


_EXPORT_ALL = """
import sys
from pathlib import Path
from bluntgraph import load_corpus, run_checks
from bluntgraph.rdf import FORMATS, write_rdf
corpus = load_corpus()
write_rdf(corpus, *(Path(sys.argv[1], "graph." + fmt) for fmt in FORMATS),
          findings=run_checks(corpus))
"""


def test_two_builds_in_fresh_processes_write_byte_identical_rdf(tmp_path: Path) -> None:
    """Different hash seeds change set and dict-of-set orders; the files must not change."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", _EXPORT_ALL, str(out)], check=True, env=env)
        outputs.append(_digests(out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == len(FORMATS)


def test_build_writes_turtle_trig_and_json_ld_that_oxigraph_reads(
    tmp_path: Path, bundled: Corpus
) -> None:
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--quiet"]) == 0
    for name, fmt in (("graph.ttl", "ttl"), ("graph.trig", "trig"), ("graph.jsonld", "jsonld")):
        data = (out / name).read_bytes()
        count = _oxigraph_count(data, fmt)
        assert count == _rdflib_count(data.decode("utf-8"), fmt) > 40 * len(bundled.claims), name
    first = _digests(out)
    assert main(["build", "--out", str(out), "--quiet"]) == 0
    assert _digests(out) == first


def test_export_writes_stdout_or_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled: Corpus
) -> None:
    assert main(["export", "--format", "nt"]) == 0
    printed = capsys.readouterr().out
    assert printed == export_rdf(bundled, "nt", _bundled_findings(bundled))
    target = tmp_path / "graph.trig"
    assert main(["export", "--format", "trig", "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == export_rdf(
        bundled, "trig", _bundled_findings(bundled)
    )
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]  # no temporary file left


def test_export_to_a_missing_folder_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--out", str(tmp_path / "no" / "such" / "graph.ttl")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bluntgraph: error: cannot write") and "\n" not in err


def _bundled_findings(corpus: Corpus) -> list[Finding]:
    from bluntgraph import run_checks

    return run_checks(corpus)
