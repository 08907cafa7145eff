"""Reports, DataFrames, evidence strength and the graph's finding edges."""

from __future__ import annotations

import pytest

from bluntgraph import Corpus, KnowledgeGraph, evidence_table, run_checks
from bluntgraph.checks import (
    EVIDENCE_COLUMNS,
    FINDING_COLUMNS,
    findings_frame,
    format_markdown,
    format_text,
)
from tests.checks.conftest import Builder, claim, pct

# 55% and 50% of one population add up to more than 100%: they cannot both be true
CAUSES = claim(
    "a-causes", "Calmers cause dullness in 55–70% of people who take them.",
    "calmer", "causes", "dullness", population="calmer_users", quantity=pct(55, 70),
    section="faq",
)  # fmt: skip
REDUCES = claim(
    "a-reduces", "Some 50-60% of calmer users | feel <b>less</b> *dull*.",
    "calmer", "reduces", "dullness", population="calmer_users", quantity=pct(50, 60),
)  # fmt: skip


@pytest.fixture
def corpus(build: Builder) -> Corpus:
    bib = "@misc{x2020, title={T}, year={2020}, author={A}}\n"
    return build({"a": [CAUSES, REDUCES]}, bib=bib)


def test_text_report_groups_by_kind_with_quotes_side_by_side(corpus: Corpus) -> None:
    text = format_text(run_checks(corpus), corpus, width=90)
    lines = text.splitlines()
    assert lines[0] == "5 findings (1 error, 2 warnings, 2 info)"  # 2: bare figures
    assert text.index("contradiction (1)") < text.index("citation-error (2)")
    assert any(line.startswith("    a │ FAQ  │ “Calmers cause dullness") for line in lines)
    assert any(line.startswith("    a │ body │ “Some 50-60%") for line in lines)
    assert "references: x2020" in text
    assert all(len(line) <= 90 for line in lines)


def test_markdown_report_keeps_article_text_inert(corpus: Corpus) -> None:
    text = format_markdown(run_checks(corpus), corpus)
    assert text.startswith("# Findings: ")
    assert "| contradiction | 1 | 0 | 0 |" in text
    (contradiction,) = [f for f in run_checks(corpus) if f.kind == "contradiction"]
    assert f"### {contradiction.id} · error · `opposite-direction-same-statistic`" in text
    assert "&lt;b&gt;less&lt;/b&gt;" in text and "<b>" not in text
    assert r"\*dull\*" in text and r"users \| feel" in text


def test_findings_frame_one_row_per_finding_and_claim(corpus: Corpus) -> None:
    findings = run_checks(corpus)
    frame = findings_frame(findings, corpus)
    assert list(frame.columns) == FINDING_COLUMNS
    contradiction = frame[frame.kind == "contradiction"]
    assert list(contradiction.claim) == ["a-causes", "a-reduces"]
    assert list(contradiction.section) == ["FAQ", "body"]
    uncited = frame[frame.rule == "uncited-reference"]
    assert len(uncited) == 1 and uncited.claim.isna().all()
    assert uncited.references.tolist() == ["x2020"]
    kg = KnowledgeGraph(corpus)
    assert kg.findings_frame().equals(frame)


def test_findings_become_claim_edges(corpus: Corpus) -> None:
    kg = KnowledgeGraph(corpus)
    edges = [
        (u, v, d) for u, v, d in kg.graph.edges(data=True) if d["relation"] == "contradicts"
    ]  # fmt: skip
    assert [(u, v) for u, v, _ in edges] == [("claim:a-causes", "claim:a-reduces")]
    (contradiction,) = [f for f in kg.findings if f.kind == "contradiction"]
    assert edges[0][2]["finding"] == contradiction.id and edges[0][2]["severity"] == "error"


def test_evidence_formula(build: Builder) -> None:
    bib = (
        "@article{p2020, title={Calmers and dullness}, author={A}, year={2020}, "
        "journal={J}, doi={10.1/x}}\n"
    )
    corpus = build(
        {
            "a": [claim("a-1", "Calmol dulls (Smith 2020).", "calmol", "causes", "dullness",
                        attribution={"kind": "cited", "references": ["p2020"]}),
                  claim("a-2", "Calmolex may dull.", "calmolex", "causes", "dullness",
                        certainty={"level": "possible", "cue": "may"})],
            "b": [claim("b-1", "Dr B says calmol probably dulls.", "calmol", "causes",
                        "dullness", certainty={"level": "probable", "cue": "probably"},
                        attribution={"kind": "expert", "expert": "Dr B"})],
        },
        bib=bib,
    )  # fmt: skip
    table = evidence_table(corpus)
    assert list(table.columns) == EVIDENCE_COLUMNS
    (row,) = table[(table.subject == "calmol") & (table.predicate == "causes")].itertuples()
    assert (row.sources, row.claims, row.source_ids) == (2, 3, "a;b")
    assert (row.peer_reviewed, row.expert, row.vague, row.unattributed) == (1, 1, 0, 0)
    assert row.hedged == 1 and row.certainty == "certain" and row.conflicts == 0
    # a: peer-reviewed and certain, 0.9; b: expert and probable, 0.6 × 0.8
    assert row.support == pytest.approx(1 - (1 - 0.9) * (1 - 0.48), abs=1e-3)
    assert row.score == row.support
    assert row.relation == "calmol causes dullness"


def test_conflicts_lower_the_score(corpus: Corpus) -> None:
    findings = run_checks(corpus)
    table = evidence_table(corpus, findings).set_index(["predicate"])
    causes = table.loc["causes"]
    (contradiction,) = [f for f in findings if f.kind == "contradiction"]
    assert causes.conflicts == 1 and causes.finding_ids == contradiction.id
    assert causes.score == pytest.approx(causes.support * 0.5, abs=1e-3)
