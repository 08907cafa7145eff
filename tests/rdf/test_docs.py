"""The SPARQL and Python examples of docs/rdf.md and the README run on the bundled corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bluntgraph import Corpus, KnowledgeGraph
from bluntgraph.cli import main
from bluntgraph.graph import FINDING_RELATIONS, finding_pairs
from bluntgraph.rdf import EXAMPLE_QUERIES

ROOT = Path(__file__).resolve().parents[2]


def _blocks(name: str, language: str) -> list[str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


@pytest.fixture(scope="module")
def kg(bundled: Corpus) -> KnowledgeGraph:
    return KnowledgeGraph(bundled)


QUERIES = [("docs/rdf.md", q) for q in _blocks("docs/rdf.md", "sparql")] + [
    ("README.md", q) for q in _blocks("README.md", "sparql")
]


def test_the_docs_show_the_example_queries() -> None:
    shown = {q.strip() for q in _blocks("docs/rdf.md", "sparql")}
    assert shown == {query.strip() for _, query in EXAMPLE_QUERIES.values()}
    assert len(_blocks("README.md", "sparql")) >= 3


@pytest.mark.parametrize(
    "query", [q for _, q in QUERIES], ids=[f"{name}-{i}" for i, (name, _) in enumerate(QUERIES)]
)
def test_every_documented_query_returns_rows(kg: KnowledgeGraph, query: str) -> None:
    assert len(kg.sparql(query)) > 0


def test_the_python_examples_of_the_rdf_docs_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    assert main(["export", "--format", "trig", "--out", "out/graph.trig"]) == 0
    namespace: dict[str, object] = {}
    for block in _blocks("docs/rdf.md", "python"):
        exec(block, namespace)
    assert namespace["corpus"] == namespace["kg"].corpus  # type: ignore[attr-defined]


def test_the_shipped_contested_query_is_the_documented_one() -> None:
    shipped = (ROOT / "examples" / "contested.rq").read_text(encoding="utf-8")
    body = "\n".join(line for line in shipped.splitlines() if not line.startswith("#"))
    assert body.strip() == EXAMPLE_QUERIES["contested-relations"][1].strip()


def test_contested_pairs_never_set_a_claim_against_its_own_side(kg: KnowledgeGraph) -> None:
    """Each row is a pair the checks drew as a clash, never two claims of the same side."""
    frame = kg.sparql(EXAMPLE_QUERIES["contested-relations"][1])
    clashing = {(f.id, *sorted(pair)) for f in kg.findings for pair in finding_pairs(f)}
    rows = {(r.finding, *sorted((r.claim1, r.claim2))) for r in frame.itertuples()}
    assert rows == clashing and len(rows) > 0
    # every finding that sets claims against each other is there, even one whose rule
    # named no pairs (then each claim with the next, as the page draws it)
    pairwise = {f.id for f in kg.findings if f.kind in FINDING_RELATIONS}
    assert {r.finding for r in frame.itertuples()} == pairwise
    assert any(not f.pairs for f in kg.findings if f.id in pairwise)
    edges = {(d["finding"], *sorted((a[len("claim:"):], b[len("claim:"):])))
             for a, b, d in kg.graph.edges(data=True) if "finding" in d}  # fmt: skip
    assert edges == rows  # the page's claim–claim edges are the query's pairs
    involved = {(f.id, a.id, b.id) for f in kg.findings for a in f.claims for b in f.claims
                if a.id < b.id}  # fmt: skip
    assert len(involved) > len(rows)  # all pairs of involved claims would be more
