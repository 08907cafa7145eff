"""What a clause says stays in its clause: who it is about, its figure, its denial.

Texts on topics of their own (exercise, metformin, iron, caffeine): each sentence
shape, not its words, is what a rule reads.
"""

from __future__ import annotations

import pytest

from bluntgraph import draft_claims


def _drafts(sentence: str) -> list[tuple[str, str, str, str | None, bool]]:
    return [(c.subject, c.predicate, c.object, c.population, c.negated)
            for c in draft_claims(sentence).claims]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "population"),
    [
        ("In children with asthma, inhaled steroids reduce flare-ups.", "children_with_asthma"),
        ("Among smokers over 40, exercise lowers blood pressure by 8%.", "smokers_over_40"),
        ("In adults over 70, sleeping pills cause falls.", "adults_over_70"),
        # a figure between the object and the group
        ("Exercise lowers blood pressure by 8% in adults over 60.", "adults_over_60"),
    ],
)
def test_a_group_before_the_subject_or_after_the_figure_is_the_population(
    sentence: str, population: str
) -> None:
    found = _drafts(sentence)
    assert found and all(pop == population for _, _, _, pop, _ in found), found


def test_a_fronted_phrase_that_names_no_group_is_no_population() -> None:
    for sentence in ("In 2019, smoking caused lung cancer.", "In this trial, sugar caused caries."):
        found = _drafts(sentence)
        assert found and all(pop is None for _, _, _, pop, _ in found), found


def _figures(sentence: str) -> list[tuple[str, float | None]]:
    return [(c.object, None if c.quantity is None else float(c.quantity.low))
            for c in draft_claims(sentence).claims]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In people with diabetes, metformin reduced heart attacks by 15% but increased "
            "diarrhoea by 20%.",
            [("heart_attacks", 15.0), ("diarrhoea", 20.0)],
        ),
        (
            "Iron supplements raised haemoglobin by 10%; however, they increased constipation "
            "by 25%.",
            [("haemoglobin", 10.0), ("constipation", 25.0)],
        ),
        # the second clause has no figure: it takes none of the first's
        (
            "Ibuprofen lowered fever by 40%, but caused stomach pain.",
            [("fever", 40.0), ("stomach_pain", None)],
        ),
    ],
)
def test_each_clause_keeps_its_own_figure(
    sentence: str, expected: list[tuple[str, float | None]]
) -> None:
    assert _figures(sentence) == expected


def test_a_denial_does_not_reach_the_reason_given_for_it() -> None:
    found = _drafts("Caffeine is not advised for infants because it can cause irritability.")
    assert ("caffeine", "causes", "irritability", None, False) in found, found
    assert any(p == "recommends" and negated for _, p, _, _, negated in found), found
    found = _drafts("Ibuprofen is not recommended after surgery since it can cause bleeding.")
    assert ("ibuprofen", "causes", "bleeding", None, False) in found, found
    # a denial inside its own clause is still read
    found = _drafts("Antibiotics do not cure colds because colds are viral.")
    assert ("antibiotics", "treats", "colds", None, True) in found, found
