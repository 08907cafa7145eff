"""kg.claims and its filters: is-a, synonyms, populations, closed lists, unknown names."""

from __future__ import annotations

import pandas as pd
import pytest

from bluntgraph import BluntgraphError, Finding, KnowledgeGraph, QueryError, UnknownTermError
from bluntgraph.query import CLAIMS_COLUMNS, FILTERS, claims, select_claims


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame.id)


def test_columns_are_fixed_even_when_nothing_matches(small_kg: KnowledgeGraph) -> None:
    assert list(small_kg.claims().columns) == list(CLAIMS_COLUMNS)
    empty = small_kg.claims(source="a", predicate="prevalence")
    assert empty.empty
    assert list(empty.columns) == list(CLAIMS_COLUMNS)


def test_no_filter_gives_every_claim_in_corpus_order(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.claims()
    assert list(frame.id) == [c.id for c in small_kg.corpus.claims]


def test_subject_follows_is_a(small_kg: KnowledgeGraph) -> None:
    # drug A1 is a kind of class A: asking about the class includes it.
    frame = small_kg.claims(subject="drug_class_a")
    assert ids(frame) == {"a-class-causes-s", "b-class-causes-s", "a-a1-causes-s",
                          "a-a1-not-c", "b-a1-worsens-c"}  # fmt: skip
    # The other way round it does not: what holds of one drug need not hold of its class.
    assert ids(small_kg.claims(subject="drug_a1")) == {"a-a1-causes-s", "a-a1-not-c",
                                                       "b-a1-worsens-c"}  # fmt: skip


def test_a_label_or_synonym_names_the_same_entity(small_kg: KnowledgeGraph) -> None:
    by_id = small_kg.claims(object="symptom_s")
    assert len(by_id) == 5
    for name in ("symptom S", "SYMPTOM s", "the S", " the s "):
        assert ids(small_kg.claims(object=name)) == ids(by_id)


def test_entity_matches_subject_object_or_population(small_kg: KnowledgeGraph) -> None:
    assert ids(small_kg.claims(entity="condition C")) == {
        "a-t-treats-c", "a-a1-not-c", "b-c-prevalence", "b-a1-worsens-c"}  # fmt: skip
    # "people" is the population of b-c-prevalence (and its object); class A users are people.
    assert ids(small_kg.claims(entity="people")) == {"b-c-prevalence", "a-class-causes-s"}


def test_population_by_name_by_kind_and_by_what_it_takes(small_kg: KnowledgeGraph) -> None:
    assert ids(small_kg.claims(population="class A users")) == {"a-class-causes-s"}
    # class A users are a kind of people
    assert ids(small_kg.claims(population="people")) == {"a-class-causes-s", "b-c-prevalence"}
    # "class A" names the drug class; the population that takes it matches
    assert ids(small_kg.claims(population="class A")) == {"a-class-causes-s"}
    assert small_kg.claims(population="therapy T").empty


def test_closed_list_filters(small_kg: KnowledgeGraph) -> None:
    assert ids(small_kg.claims(section="FAQ")) == {"a-class-causes-s"}
    assert set(small_kg.claims(predicate="reduces").id) == {"a-t-reduces-s", "b-t-reduces-s"}
    assert set(small_kg.claims(certainty="possible").certainty) == {"possible"}
    assert set(small_kg.claims(source="b").source) == {"b"}


def test_filters_combine(small_kg: KnowledgeGraph) -> None:
    frame = small_kg.claims(source="a", subject="class A", predicate="causes")
    assert ids(frame) == {"a-class-causes-s", "a-a1-causes-s", "a-a1-not-c"}


@pytest.mark.parametrize(
    ("filters", "kind", "suggestion"),
    [
        ({"subject": "drug A2"}, "entity", "drug_a1"),
        ({"object": "symptm_s"}, "entity", "symptom_s"),
        ({"population": "class B users"}, "entity", "class_a_users"),
        ({"predicate": "cuases"}, "predicate", "causes"),
        ({"section": "faqs"}, "section", "faq"),
        ({"source": "c"}, "source", "a"),
        ({"certainty": "probably"}, "certainty level", "probable"),
    ],
)
def test_unknown_names_raise_with_close_matches(
    small_kg: KnowledgeGraph, filters: dict[str, str], kind: str, suggestion: str
) -> None:
    with pytest.raises(UnknownTermError) as caught:
        small_kg.claims(**filters)
    error = caught.value
    assert isinstance(error, QueryError | ValueError | BluntgraphError)
    assert error.kind == kind
    assert any(s.startswith(suggestion) for s in error.suggestions), error.suggestions
    message = str(error)
    assert "\n" not in message and f"unknown {kind}" in message and suggestion in message


def test_an_unknown_name_with_nothing_close_says_so(small_kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownTermError, match="no entity of the corpus has that name"):
        small_kg.claims(subject="zzzzqqq")


def test_findings_column_lists_the_findings_involving_each_claim(
    small_kg: KnowledgeGraph, findings: list[Finding]
) -> None:
    frame = claims(small_kg.corpus, small_kg.vocabulary, findings).set_index("id")
    assert frame.loc["a-a1-causes-s", "findings"] == ("F001", "F002")
    assert frame.loc["b-class-causes-s", "findings"] == ("F001",)
    assert frame.loc["b-t-reduces-s", "findings"] == ()


def test_row_content(small_kg: KnowledgeGraph) -> None:
    row = small_kg.claims().set_index("id").loc["b-a1-worsens-c"]
    text = small_kg.corpus.source_by_id["b"].text
    assert text[row.start : row.end] == row.quote
    assert row.subject_label == "drug A1" and row.object_label == "condition C"
    assert row.references == ("smith2020",)
    assert row.attribution == "cited" and row.attribution_mode == "reports"
    quantity = small_kg.claims().set_index("id").loc["a-class-causes-s", "quantity"]
    assert quantity == "40–60%"


def test_select_claims_returns_model_claims(small_kg: KnowledgeGraph) -> None:
    found = select_claims(small_kg.corpus, small_kg.vocabulary, predicate="worsens")
    assert [c.id for c in found] == ["b-a1-worsens-c"]


def test_kg_claims_takes_every_filter_by_name(small_kg: KnowledgeGraph) -> None:
    for name in FILTERS:
        assert small_kg.claims(**{name: None}).shape[0] == len(small_kg.corpus.claims)
