"""The fast paths for big corpora give the same results as the plain ones.

JSON-lines claims files validate like YAML ones; libyaml's parser reads the
same data with the same lines; BibTeX values decode the same with or without
the skipped LaTeX pass; the graph's attributes are those ``asdict`` gave;
progress stays off pipes.
"""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

import bibtexparser
import pytest
import yaml
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st

from bluntgraph import graph as graph_module
from bluntgraph import load_corpus, validate_corpus
from bluntgraph._gc import paused_gc
from bluntgraph.cli import _Progress
from bluntgraph.loading import (
    _LATEX,
    _Collector,
    _FastLineLoader,
    _LineLoader,
    _load_references,
    bundled_corpus_path,
)
from bluntgraph.synthetic import generate_corpus

from .conftest import CorpusMaker

TEXT = "Drug A1 causes symptom S. Therapy T reduces symptom S in people."
CLAIM = {
    "id": "a-causes", "quote": "Drug A1 causes symptom S.", "section": "body",
    "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
}  # fmt: skip


def _jsonl(root: Path, source: str, lines: list[str]) -> Path:
    path = root / "claims" / f"{source}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _messages(root: Path) -> list[str]:
    return [str(p) for p in validate_corpus(root)]


# --------------------------------------------------------------------------- JSON lines


def test_json_lines_claims_load_like_yaml_ones(make_corpus: CorpusMaker) -> None:
    yaml_root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    jsonl_root = make_corpus(texts={"a": TEXT})
    _jsonl(jsonl_root, "a", [json.dumps(CLAIM)])
    assert load_corpus(jsonl_root).claims == load_corpus(yaml_root).claims


def test_json_lines_problems_name_the_file_and_line(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    _jsonl(root, "a", [
        json.dumps(CLAIM),
        "",
        '{"id": "broken", "quote": ',
        '{"id": "x", "id": "y"}',
        '["not", "a", "claim"]',
        json.dumps({**CLAIM, "id": "b-typo", "predicate": "cures", "sectoin": "body"}),
        json.dumps({**CLAIM, "id": "c-missing", "quote": "not in the text"}),
    ])  # fmt: skip
    found = _messages(root)
    assert any(m.startswith("claims/a.jsonl:3: malformed JSON") for m in found), found
    assert any(m.startswith("claims/a.jsonl:4:") and "duplicate key 'id'" in m for m in found)
    assert any(m.startswith("claims/a.jsonl:5:") and "JSON object" in m for m in found)
    assert any(m.startswith("claims/a.jsonl:6:") and "'predicate' is 'cures'" in m for m in found)
    assert any(m.startswith("claims/a.jsonl:6:") and "unknown field sectoin" in m for m in found)
    assert any(m.startswith("claims/a.jsonl:7:") and "quote not found" in m for m in found)
    assert len(found) == 6


def test_json_lines_file_must_be_named_after_a_source(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    _jsonl(root, "nobody", [json.dumps(CLAIM)])
    (message,) = _messages(root)
    assert message.startswith("claims/nobody.jsonl:") and "claims/<source-id>.jsonl" in message


def test_claim_ids_are_unique_across_yaml_and_json_lines(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT}, claims={"a": [CLAIM]})
    _jsonl(root, "a", [json.dumps(CLAIM)])
    (message,) = _messages(root)
    assert "duplicate claim id" in message


def test_json_lines_refuse_control_characters(make_corpus: CorpusMaker) -> None:
    root = make_corpus(texts={"a": TEXT})
    _jsonl(root, "a", [json.dumps({**CLAIM, "note": "bad \u0001 note"})])
    (message,) = _messages(root)
    assert "control character" in message and ":1:" in message


def test_a_quote_that_overlaps_itself_is_ambiguous(make_corpus: CorpusMaker) -> None:
    root = make_corpus(
        texts={"a": "aaa bbb."},
        claims={"a": [{**CLAIM, "quote": "aa"}]},
    )
    (message,) = _messages(root)
    assert "occurs 2 times" in message


# --------------------------------------------------------------------------- YAML


@pytest.mark.skipif(_FastLineLoader is None, reason="PyYAML built without libyaml")
def test_libyaml_reads_the_same_data_and_lines_as_the_python_parser() -> None:
    root = bundled_corpus_path()
    for path in [root / "sources.yaml", root / "entities.yaml", *(root / "claims").glob("*")]:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=_FastLineLoader) == yaml.load(text, Loader=_LineLoader)


# --------------------------------------------------------------------------- BibTeX

_PLAIN = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("-'\" \n"),
    max_size=30,
).filter(lambda s: not _LATEX.search(s) and s.strip() == s and "@" not in s)


@settings(max_examples=60, deadline=None)
@given(title=_PLAIN.filter(lambda s: "}" not in s and "{" not in s))
def test_values_without_latex_decode_as_the_full_decoder_would(title: str) -> None:
    bib = f"@misc{{k2020, title = {{{title}}}, year = {{2020}}}}\n"
    full = bibtexparser.parse_string(bib, append_middleware=[LatexDecodingMiddleware()])
    expected = sorted((f.key, str(f.value)) for f in full.entries[0].fields)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "references.bib").write_text(bib, encoding="utf-8")
        (reference,) = _load_references(Path(tmp), _Collector(Path(tmp)))
    assert sorted(reference.fields) == expected


def test_latex_is_still_decoded(make_corpus: CorpusMaker) -> None:
    bib = (
        "@article{m2020, author = {M{\\\"u}ller, Anna}, title = {Pages -- and 50\\% more},"
        " journal = {J}, year = {2020}, pages = {1--10}}\n"
        "@article{p2021, author = {Plain, Bo}, title = {Plain}, journal = {J}, year = {2021},"
        " pages = {3---4}}\n"
    )
    root = make_corpus(texts={"a": TEXT}, bib=bib)
    references = load_corpus(root).reference_by_key
    assert references["m2020"].get("author") == "Müller, Anna"
    assert references["m2020"].title == "Pages – and 50% more"
    assert references["m2020"].get("pages") == "1–10"
    assert references["p2021"].get("pages") == "3—4"


# --------------------------------------------------------------------------- graph


def test_graph_attributes_are_what_asdict_gave(tmp_path: Path) -> None:
    synthetic = load_corpus(generate_corpus(tmp_path / "c", claims=300, seed=3).root)
    for corpus in (load_corpus(), synthetic):
        for record in (*corpus.claims, *corpus.entities, *corpus.sources):
            fast = graph_module._record(record)
            plain = graph_module._plain(asdict(record))
            assert fast == plain and list(fast) == list(plain)


def test_paused_gc_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


# --------------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_a_bar_on_a_terminal_only() -> None:
    terminal = _Terminal()
    progress = _Progress(quiet=False, stream=terminal, total=4, tick=0)
    progress("loading corpus")
    progress("running checks")
    progress.done()
    shown = terminal.getvalue()
    assert "1/4 loading corpus" in shown and "2/4 running checks" in shown
    assert "[#####" in shown and shown.endswith("\r\x1b[K")

    for stream, quiet in ((io.StringIO(), False), (_Terminal(), True)):
        silent = _Progress(quiet=quiet, stream=stream, total=4)
        silent("loading corpus")
        silent.done()
        assert stream.getvalue() == ""


def test_build_piped_writes_no_progress(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "c", claims=300, seed=1).root
    done = subprocess.run(
        [sys.executable, "-m", "bluntgraph.cli", "build", "--corpus", str(corpus),
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stderr == ""
    assert "\r" not in done.stdout and "\x1b" not in done.stdout
    assert done.stdout.startswith("built synthetic-300-seed1: ")


def test_paused_gc_respects_a_frozen_process() -> None:
    def tracked(generation: int | None = None) -> set[int]:
        # gc.get_objects() lists generations 0-2, never the frozen (permanent) one
        objects = gc.get_objects() if generation is None else gc.get_objects(generation)
        return {id(o) for o in objects}

    assert gc.get_freeze_count() == 0
    with paused_gc():
        made = [[] for _ in range(1000)]
    assert gc.get_freeze_count() == 0  # moved to the oldest generation, not frozen
    assert {id(x) for x in made} <= tracked(2)
    gc.freeze()
    try:
        with paused_gc():
            more = [[] for _ in range(1000)]
        # frozen with the rest (the count itself moves as frozen objects are freed,
        # so each new object is looked for instead)
        assert gc.get_freeze_count() > 0
        assert not {id(x) for x in more} & tracked()
    finally:
        gc.unfreeze()
    assert made and more


def test_add_findings_copies_unless_told_not_to(tmp_path: Path) -> None:
    from bluntgraph import build_graph, run_checks
    from bluntgraph.graph import add_findings

    corpus = load_corpus(generate_corpus(tmp_path / "c", claims=300, seed=2).root)
    findings = run_checks(corpus)
    graph = build_graph(corpus)
    edges = graph.number_of_edges()
    copied = add_findings(graph, findings)
    assert copied is not graph and graph.number_of_edges() == edges
    in_place = add_findings(graph, findings, copy=False)
    assert in_place is graph and graph.number_of_edges() == copied.number_of_edges() > edges
