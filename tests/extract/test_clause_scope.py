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
