"""A small two-source corpus that exercises every question, and findings made by hand."""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import ClaimRef, Finding, KnowledgeGraph, load_corpus
from tests.conftest import CorpusMaker

TEXT_A = (
    "Drug A1 causes symptom S. "
    "Class A drugs cause the S in 40 to 60 percent of users. "
    "Therapy T treats condition C. "
    "Studies suggest therapy T reduces the S. "
    "Drug A1 does not cause condition C."
)
TEXT_B = (
    "Class A drugs can cause symptom S. "
    "One study found up to 30 percent of people get condition C. "
    "Dr Who says therapy T reduces symptom S. "
    "Smith (2020) showed drug A1 worsens condition C."
)
BIB = "@article{smith2020, title={Drug A1 and condition C}, year={2020}, author={Smith, A}}\n"


def _claim(claim_id: str, quote: str, subject: str, predicate: str, obj: str,
           **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {"id": claim_id, "quote": quote, "section": extra.pop("section", "body"),
            "subject": subject, "predicate": predicate, "object": obj, **extra}  # fmt: skip


CLAIMS: dict[str, list[dict[str, Any]]] = {
    "a": [
        _claim("a-a1-causes-s", "Drug A1 causes symptom S.", "drug_a1", "causes", "symptom_s"),
        _claim("a-class-causes-s", "Class A drugs cause the S in 40 to 60 percent of users.",
               "drug_class_a", "causes", "symptom_s", section="faq", population="class_a_users",
               quantity={"measure": "proportion_affected", "low": 40, "high": 60,
                         "unit": "percent", "bound": "range"}),
        _claim("a-t-treats-c", "Therapy T treats condition C.", "therapy_t", "treats",
               "condition_c", section="summary"),
        _claim("a-t-reduces-s", "Studies suggest therapy T reduces the S.", "therapy_t",
               "reduces", "symptom_s", certainty={"level": "possible", "cue": "suggest"},
               attribution={"kind": "research-appeal", "cue": "Studies suggest"}),
        _claim("a-a1-not-c", "Drug A1 does not cause condition C.", "drug_a1", "causes",
               "condition_c", negated=True),
    ],
    "b": [
        _claim("b-class-causes-s", "Class A drugs can cause symptom S.", "drug_class_a",
               "causes", "symptom_s", certainty={"level": "possible", "cue": "can"}),
        _claim("b-c-prevalence", "One study found up to 30 percent of people get condition C.",
               "condition_c", "prevalence", "people", population="people",
               quantity={"measure": "prevalence", "high": 30, "unit": "percent",
                         "bound": "up_to"},
               attribution={"kind": "unidentified-work", "cue": "One study"}),
        _claim("b-t-reduces-s", "Dr Who says therapy T reduces symptom S.", "therapy_t",
               "reduces", "symptom_s", attribution={"kind": "expert", "expert": "Dr Who"}),
        _claim("b-a1-worsens-c", "Smith (2020) showed drug A1 worsens condition C.", "drug_a1",
               "worsens", "condition_c",
               attribution={"kind": "cited", "references": ["smith2020"], "mode": "reports"}),
    ],
}  # fmt: skip


@pytest.fixture
def small_kg(make_corpus: CorpusMaker) -> KnowledgeGraph:
    """The two-source corpus above, loaded."""
    root = make_corpus(texts={"a": TEXT_A, "b": TEXT_B}, claims=CLAIMS, bib=BIB)
    return KnowledgeGraph(load_corpus(root))


def ref(kg: KnowledgeGraph, claim_id: str) -> ClaimRef:
    """The claim as a finding cites it."""
    claim = kg.corpus.claim_by_id[claim_id]
    return ClaimRef(claim.id, claim.source, claim.quote, claim.start, claim.end)


@pytest.fixture
def findings(small_kg: KnowledgeGraph) -> list[Finding]:
    """One conflict between two causes claims, and one evidence problem."""
    return [
        Finding("F001", "contradiction", "error", "test-rule", "they disagree",
                (ref(small_kg, "a-a1-causes-s"), ref(small_kg, "b-class-causes-s"))),
        Finding("F002", "unsupported", "warning", "test-rule", "cites nothing",
                (ref(small_kg, "a-t-reduces-s"), ref(small_kg, "a-a1-causes-s"))),
    ]  # fmt: skip
