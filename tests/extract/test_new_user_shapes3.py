"""Sentence shapes a new user's corpus drafted wrongly or lost (third round), on other topics."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims


def _drafts(text: str) -> list[tuple[str, str, str, str | None, bool, str | None]]:
    """(subject, predicate, object, population, negated, condition) of each draft of ``text``."""
    return [(c.subject, c.predicate, c.object, c.population, c.negated, c.condition)
            for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Statins do not cause muscle pain in most people.",
         ("statins", "causes", "muscle_pain", None, True, "in most people")),
        ("Vaccines do not cause fever in most adults over 65.",
         ("vaccines", "causes", "fever", "adults_over_65", True, "in most adults over 65")),
        ("Ibuprofen does not cause stomach bleeding for most patients.",
         ("ibuprofen", "causes", "stomach_bleeding", None, True, "for most patients")),
        ("Mouthwash does not reduce plaque in many adults.",
         ("mouthwash", "reduces", "plaque", "adults", True, "in many adults")),
    ],
)
def test_a_denial_for_most_people_keeps_its_scope(
        text: str, expected: tuple[str, str, str, str | None, bool, str | None]) -> None:
    """"X does not cause Y in most people" leaves room for the few it does: the scope is
    the claim's condition, so the denial does not clash with "X can cause Y". Before, the
    quantifier was dropped and the draft denied the relation for everyone."""
    assert _drafts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial for a whole group is not limited
        ("Statins do not cause muscle pain in older adults.",
         ("statins", "causes", "muscle_pain", "older_adults", True, None)),
        # an assertion "in most people" still holds for them: no condition that softens it
        ("Antibiotics cause diarrhoea in many children.",
         ("antibiotics", "causes", "diarrhoea", "children", False, None)),
    ],
)
def test_an_unlimited_denial_and_an_assertion_for_most_take_no_condition(
        text: str, expected: tuple[str, str, str, str | None, bool, str | None]) -> None:
    """Controls: the condition is a denial's limited scope only."""
    assert _drafts(text) == [expected]
