"""Fixtures for the HTML page: a corpus full of hostile text, and one with conflicts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml

from bluntgraph import ClaimRef, Finding, KnowledgeGraph, build_graph, load_corpus
from bluntgraph.graph import add_findings
from tests.conftest import DEFAULT_ENTITIES, CorpusMaker
from tests.html._browser import browser_problem, chromium

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '"><svg onload="window.__pwned=1">'
HREF = "<a href=\"javascript:window.__pwned=1\">click</a> and href='x'"
JS_URL = "javascript:window.__pwned=1"
#: every hostile string the corpus carries; none may ever run
HOSTILE = (SCRIPT, IMG, SVG, HREF, JS_URL)

EVIL_TEXT = (
    f"Intro {SCRIPT} drug A1 causes symptom S in most users.\n"
    f"Then {IMG} therapy T treats condition C.\n"
    f"Also {SVG} symptom S is a symptom of condition C.\n"
    f"And {HREF} class A reduces symptom S.\n"
)
PLAIN_TEXT = "Drug A1 does not cause symptom S.\nTherapy T may help.\n"

HOSTILE_BIB = f"""
@article{{evil2020,
  title = {{{SCRIPT} and {HREF}}},
  author = {{{SVG}}},
  journal = {{{IMG}}},
  year = {{2020}},
  url = {{{JS_URL}}},
  note = {{{IMG} href}}
}}
"""


def _entities() -> list[dict[str, Any]]:
    entities = [dict(e) for e in DEFAULT_ENTITIES]
    for entity in entities:
        if entity["id"] == "symptom_s":
            entity.update(
                label=f"symptom {IMG}",
                synonyms=[SCRIPT, HREF],
                description=SVG,
                xrefs={"mesh": SCRIPT, "url": JS_URL},
            )
        if entity["id"] == "drug_a1":
            entity.update(label=f"drug {SVG}", synonyms=[IMG])
    return entities


def _claim(ident: str, quote: str, subject: str, predicate: str, obj: str,
           **extra: Any) -> dict[str, Any]:  # fmt: skip
    claim = {"id": ident, "quote": quote, "section": "body", "subject": subject,
             "predicate": predicate, "object": obj}  # fmt: skip
    claim.update(extra)
    return claim


@pytest.fixture
def hostile_dir(make_corpus: CorpusMaker) -> Path:
    """A corpus whose titles, labels, quotes, synonyms, BibTeX fields and URLs are hostile."""
    root = make_corpus(
        texts={"evil": EVIL_TEXT, "plain": PLAIN_TEXT},
        entities=_entities(),
        bib=HOSTILE_BIB,
        sources={
            "evil": {
                "title": f"{SCRIPT} {HREF}",
                "publisher": IMG,
                "authors": [SVG, HREF],
                "url": JS_URL,
                "date": "2024-01-01",
                "interests": ["therapy_t"],
                "interests_note": f"{SVG} sells {IMG}",
            },
            "plain": {"title": f"Plain {IMG}", "url": "https://example.org/a?b=<c>&d=\"e\""},
        },
        claims={
            "evil": [
                _claim("evil-causes", f"Intro {SCRIPT} drug A1 causes symptom S", "drug_a1",
                       "causes", "symptom_s", population="class_a_users",
                       condition=f"only when {IMG}", note=HREF,
                       certainty={"level": "probable", "cue": "most"},
                       attribution={"kind": "cited", "references": ["evil2020"],
                                    "cue": SVG}),
                _claim("evil-treats", f"Then {IMG} therapy T treats condition C", "therapy_t",
                       "treats", "condition_c",
                       attribution={"kind": "expert", "expert": SVG}),
                _claim("evil-symptom", f"Also {SVG} symptom S is a symptom", "symptom_s",
                       "symptom_of", "condition_c"),
                _claim("evil-reduces", f"And {HREF} class A reduces symptom S",
                       "drug_class_a", "reduces", "symptom_s"),
            ],
            "plain": [
                _claim("plain-no-cause", "Drug A1 does not cause symptom S", "drug_a1",
                       "causes", "symptom_s", negated=True),
                _claim("plain-therapy", "Therapy T may help", "therapy_t", "treats",
                       "condition_c", certainty={"level": "possible", "cue": "may"}),
            ],
        },
    )  # fmt: skip
    sources = root / "sources.yaml"
    data = yaml.safe_load(sources.read_text(encoding="utf-8"))
    data["name"] = f"corpus {SCRIPT}"
    sources.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def hostile_findings(kg: KnowledgeGraph) -> list[Finding]:
    """Findings between the hostile corpus's claims, with hostile messages."""

    def ref(claim_id: str) -> ClaimRef:
        claim = kg.corpus.claim_by_id[claim_id]
        return ClaimRef(claim.id, claim.source, claim.quote, claim.start, claim.end)

    return [
        Finding("F001", "contradiction", "error", "opposite-direction-same-statistic",
                f"they disagree {SCRIPT} {HREF}", (ref("evil-causes"), ref("plain-no-cause"))),
        Finding("F002", "tension", "warning", "class-facts", f"tension {IMG}",
                (ref("evil-causes"), ref("evil-reduces"))),
        Finding("F003", "unsupported", "warning", "no-evidence", SVG, (ref("evil-treats"),)),
    ]  # fmt: skip


@pytest.fixture
def hostile_kg(hostile_dir: Path) -> KnowledgeGraph:
    """The hostile corpus with hostile findings (drawn as conflict edges)."""
    kg = KnowledgeGraph(load_corpus(hostile_dir))
    findings = hostile_findings(kg)
    kg.__dict__["findings"] = findings  # cached_property: pin our findings
    kg.__dict__["graph"] = add_findings(build_graph(kg.corpus), findings)
    return kg


@pytest.fixture
def conflict_graph(hostile_kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The hostile corpus's graph with its two pairwise findings as edges."""
    return hostile_kg.graph


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, or a failure under CI / a skip elsewhere when it cannot start."""
    problem = browser_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"browser tests must run under CI: {problem}")
        pytest.skip(problem)
    with chromium() as launched:
        yield launched
