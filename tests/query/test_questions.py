"""kg.about, kg.backed_by, kg.statistics and kg.unsupported; ask() as the CLI uses it."""

from __future__ import annotations

import math

import pytest

from bluntgraph import Finding, KnowledgeGraph, QueryError, UnknownTermError, query
from bluntgraph.query import (
    ABOUT_COLUMNS,
    BACKED_BY_COLUMNS,
    QUESTIONS,
    STATISTICS_COLUMNS,
    TABLE_COLUMNS,
    UNSUPPORTED_COLUMNS,
    ask,
)


def test_about_names_the_role_and_the_matched_entity(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.about("class A")
    assert list(frame.columns) == list(ABOUT_COLUMNS)
    rows = frame.set_index("id")
    assert rows.loc["b-class-causes-s", "roles"] == ("subject",)
    assert rows.loc["a-a1-causes-s", "matched"] == ("drug_a1",)
    # the population takes class A, and the subject is class A
    assert rows.loc["a-class-causes-s", "roles"] == ("subject", "population")
    assert rows.loc["a-class-causes-s", "matched"] == ("drug_class_a", "class_a_users")
    assert "a-t-treats-c" not in rows.index


def test_about_broader_adds_what_is_said_of_its_classes(small_kg: KnowledgeGraph) -> None:
    narrow = set(small_kg.about("drug A1").id)
    assert narrow == {"a-a1-causes-s", "a-a1-not-c", "b-a1-worsens-c"}
    wide = small_kg.about("drug A1", broader=True).set_index("id")
    assert set(wide.index) == narrow | {"a-class-causes-s", "b-class-causes-s"}
    assert wide.loc["b-class-causes-s", "matched"] == ("drug_class_a",)


def test_backed_by(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.backed_by("smith2020")
    assert list(frame.columns) == list(BACKED_BY_COLUMNS)
    assert frame.id.tolist() == ["b-a1-worsens-c"]
    assert frame.reference_title.iloc[0] == "Drug A1 and condition C"
    assert frame.reference_year.iloc[0] == "2020"
    assert frame.attribution_mode.iloc[0] == "reports"
    assert small_kg.backed_by("SMITH2020").id.tolist() == ["b-a1-worsens-c"]
    with pytest.raises(UnknownTermError, match=r"unknown reference 'smith2021'.*smith2020"):
        small_kg.backed_by("smith2021")


def test_statistics_with_intervals(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.statistics()
    assert list(frame.columns) == list(STATISTICS_COLUMNS)
    rows = frame.set_index("id")
    assert set(rows.index) == {"a-class-causes-s", "b-c-prevalence"}
    ranged = rows.loc["a-class-causes-s"]
    assert (ranged.low, ranged.high, ranged.interval_low, ranged.interval_high) == (40, 60, 40, 60)
    assert ranged.value == "40–60%" and ranged.population_label == "class A users"
    up_to = rows.loc["b-c-prevalence"]
    assert math.isnan(up_to.low) and up_to.high == 30
    assert (up_to.interval_low, up_to.interval_high) == (0, 30)
    assert up_to.value == "up to 30%" and up_to.bound == "up_to"
    assert small_kg.statistics(population="class A users").id.tolist() == ["a-class-causes-s"]


def test_statistics_follow_quantity_interval(make_corpus) -> None:  # type: ignore[no-untyped-def]
    from bluntgraph import load_corpus

    text = "About 10 sessions help. At least 5 percent react."
    quantity_about = {"measure": "sessions", "low": 10, "unit": "sessions",
                      "bound": "approximately"}  # fmt: skip
    claims = [
        {"id": "a-about", "quote": "About 10 sessions help.", "section": "body",
         "subject": "therapy_t", "predicate": "treats", "object": "condition_c",
         "quantity": quantity_about},
        {"id": "a-least", "quote": "At least 5 percent react.", "section": "body",
         "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
         "quantity": {"measure": "share", "low": 5, "unit": "percent", "bound": "at_least"}},
    ]  # fmt: skip
    kg = KnowledgeGraph(load_corpus(make_corpus(texts={"a": text}, claims={"a": claims})))
    rows = kg.statistics().set_index("id")
    assert (rows.loc["a-about", "interval_low"], rows.loc["a-about", "interval_high"]) == (9, 11)
    assert rows.loc["a-about", "value"] == "about 10 sessions"
    assert rows.loc["a-least", "interval_low"] == 5
    assert math.isnan(rows.loc["a-least", "interval_high"])
    assert rows.loc["a-least", "value"] == "at least 5%"


def test_unsupported(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.unsupported()
    assert list(frame.columns) == list(UNSUPPORTED_COLUMNS)
    rows = frame.set_index("id")
    # cited (b-a1-worsens-c) and expert (b-t-reduces-s) claims give evidence
    assert set(rows.index) == {"a-a1-causes-s", "a-class-causes-s", "a-t-treats-c",
                               "a-t-reduces-s", "a-a1-not-c", "b-class-causes-s",
                               "b-c-prevalence"}  # fmt: skip
    reason = rows.loc["a-t-reduces-s", "reason"]
    assert reason == "appeals to research ('Studies suggest') but cites none"
    assert "cannot be traced" in rows.loc["b-c-prevalence", "reason"]
    assert rows.loc["a-t-treats-c", "reason"] == "asserted with no evidence given"
    assert small_kg.unsupported(source="b").id.tolist() == ["b-class-causes-s", "b-c-prevalence"]


def test_kg_methods_are_the_query_functions(
    small_kg: KnowledgeGraph, findings: list[Finding]
) -> None:
    kg = small_kg
    parts = (kg.corpus, kg.vocabulary, kg.findings)
    assert kg.causes("symptom S").equals(query.causes(*parts, "symptom S"))
    assert kg.treatments("symptom S").equals(query.treatments(*parts, "symptom S"))
    assert kg.about("drug A1").equals(query.about(*parts, "drug A1"))
    assert kg.backed_by("smith2020").equals(query.backed_by(*parts, "smith2020"))
    assert kg.statistics().equals(query.statistics(*parts))
    assert kg.unsupported().equals(query.unsupported(*parts))
    # and they use kg.findings
    kg.__dict__["findings"] = findings
    assert kg.claims(subject="drug A1").set_index("id").loc["a-a1-causes-s", "findings"] == (
        "F001", "F002")  # fmt: skip


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_every_question_has_table_columns_that_exist(
    small_kg: KnowledgeGraph, question: str
) -> None:
    argument = {"causes": "symptom S", "treatments": "symptom S", "about": "drug A1",
                "backed-by": "smith2020"}.get(question)  # fmt: skip
    frame = ask(small_kg.corpus, small_kg.vocabulary, small_kg.findings, question, argument)
    assert len(frame) > 0
    assert set(TABLE_COLUMNS[question]) <= set(frame.columns)


def test_ask_checks_its_argument(small_kg: KnowledgeGraph) -> None:
    parts = (small_kg.corpus, small_kg.vocabulary, small_kg.findings)
    with pytest.raises(QueryError, match="'about' needs an entity"):
        ask(*parts, "about")
    with pytest.raises(QueryError, match="'claims' takes no argument"):
        ask(*parts, "claims", "drug A1")
    with pytest.raises(UnknownTermError, match="unknown question 'cause'; did you mean: causes"):
        ask(*parts, "cause", "x")
    frame = ask(*parts, "claims", None, subject="drug A1", source=None)
    assert len(frame) == 3
