"""kg.causes and kg.treatments: claims grouped per relation, with evidence and conflicts."""

from __future__ import annotations

import pytest

from bluntgraph import Finding, KnowledgeGraph, UnknownTermError, load_corpus
from bluntgraph.model import OPPOSITE_DIRECTION, PREDICATES
from bluntgraph.query import (
    CAUSE_PREDICATES,
    CAUSES_COLUMNS,
    TREATMENT_PREDICATES,
    TREATMENTS_COLUMNS,
    causes,
    treatments,
)
from tests.conftest import DEFAULT_ENTITIES, CorpusMaker


def test_predicate_lists_follow_the_direction_of_effect() -> None:
    assert set(CAUSE_PREDICATES) == {p for p, d in OPPOSITE_DIRECTION.items() if d > 0}
    assert set(TREATMENT_PREDICATES) == {p for p, d in OPPOSITE_DIRECTION.items() if d < 0} | {
        "recommends"
    }
    assert set(CAUSE_PREDICATES) | set(TREATMENT_PREDICATES) <= set(PREDICATES)


def test_causes_groups_claims_per_cause(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.causes("symptom S")
    assert list(frame.columns) == list(CAUSES_COLUMNS)
    rows = frame.set_index("cause")
    # Class A: one claim in each source; best supported, so first.
    assert frame.cause.iloc[0] == "drug_class_a"
    assert rows.loc["drug_class_a", "n_sources"] == 2
    assert rows.loc["drug_class_a", "sources"] == ("a", "b")
    assert rows.loc["drug_class_a", "claims"] == ("a-class-causes-s", "b-class-causes-s")
    assert rows.loc["drug_class_a", "certainty"] == ("certain", "possible")
    assert rows.loc["drug_class_a", "populations"] == ("class_a_users",)
    assert rows.loc["drug_class_a", "cause_label"] == "class A"
    assert rows.loc["drug_a1", "quotes"] == ("Drug A1 causes symptom S.",)
    # therapy T reduces S: not a cause
    assert "therapy_t" not in rows.index


def test_a_denial_is_its_own_row_and_comes_last(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.causes("condition C")
    assert list(zip(frame.cause, frame.negated, strict=True)) == [
        ("drug_a1", False),  # worsens counts as a cause
        ("drug_a1", True),  # "does not cause"
    ]
    assert frame.predicates.iloc[0] == ("worsens",)
    assert frame.references.iloc[0] == ("smith2020",)
    assert frame.attribution.iloc[0] == ("cited",)


def test_outcome_includes_its_kinds(make_corpus: CorpusMaker) -> None:
    entities = [*DEFAULT_ENTITIES,
                {"id": "severe_s", "label": "severe S", "type": "symptom",
                 "broader": ["symptom_s"]}]  # fmt: skip
    claim = {"id": "a-severe", "quote": "Drug A1 causes severe S.", "section": "body",
             "subject": "drug_a1", "predicate": "causes", "object": "severe_s"}  # fmt: skip
    root = make_corpus(texts={"a": "Drug A1 causes severe S."}, claims={"a": [claim]},
                       entities=entities)  # fmt: skip
    kg = KnowledgeGraph(load_corpus(root))
    frame = kg.causes("symptom S")
    assert list(zip(frame.cause, frame.outcome, strict=True)) == [("drug_a1", "severe_s")]
    assert frame.outcome_label.iloc[0] == "severe S"
    assert kg.causes("severe S").claims.iloc[0] == ("a-severe",)


def test_asking_about_something_nothing_causes_gives_an_empty_frame(
    small_kg: KnowledgeGraph,
) -> None:
    frame = small_kg.causes("drug class A")
    assert frame.empty and list(frame.columns) == list(CAUSES_COLUMNS)


def test_conflicts_hold_only_conflict_kinds(
    small_kg: KnowledgeGraph, findings: list[Finding]
) -> None:
    frame = causes(small_kg.corpus, small_kg.vocabulary, findings, "symptom_s").set_index("cause")
    assert frame.loc["drug_a1", "conflicts"] == ("F001",)
    assert frame.loc["drug_a1", "findings"] == ("F001", "F002")
    assert frame.loc["drug_class_a", "conflicts"] == ("F001",)
    done = treatments(small_kg.corpus, small_kg.vocabulary, findings, "symptom_s")
    row = done.set_index("treatment").loc["therapy_t"]
    assert row.conflicts == () and row.findings == ("F002",)


def test_treatments(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.treatments("the S")
    assert list(frame.columns) == list(TREATMENTS_COLUMNS)
    row = frame.set_index("treatment").loc["therapy_t"]
    assert row.n_claims == 2 and row.n_sources == 2
    # strongest evidence first
    assert row.attribution == ("expert", "research-appeal")
    assert set(small_kg.treatments("condition C").treatment) == {"therapy_t"}


def test_filters_narrow_the_claims_before_grouping(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.causes("symptom S", source="b")
    assert list(frame.cause) == ["drug_class_a"]
    assert frame.n_sources.iloc[0] == 1
    # a filter named like the positional argument is still a filter
    assert small_kg.about("symptom S", entity="therapy T").id.tolist() == [
        "a-t-reduces-s", "b-t-reduces-s"]  # fmt: skip


def test_unknown_outcome(small_kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownTermError, match="did you mean: symptom_s"):
        small_kg.causes("symptom Z")


def test_finding_ids_follow_the_order_of_the_findings_list(
    small_kg: KnowledgeGraph, findings: list[Finding]
) -> None:
    backwards = list(reversed(findings))
    frame = causes(small_kg.corpus, small_kg.vocabulary, backwards, "symptom_s")
    assert frame.set_index("cause").loc["drug_a1", "findings"] == ("F002", "F001")
