"""`add` drafts safety and interaction claims: "is safe in", "no safe level of", "interacts
with", "should not be taken with", "do not combine … with", "can reduce the effect of".
Topics: caffeine and alcohol in pregnancy, melatonin, painkillers, herbal remedies and the
pill, grapefruit and statins. Before, none of these sentences gave a safety or interaction
draft (there was no such predicate)."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims
from bluntgraph.extract.safety import find_doses
from bluntgraph.model import Quantity

Draft = tuple[str, str, str, bool]


def _drafts(text: str) -> list[Draft]:
    """(subject, predicate, object, negated) of each draft of ``text``, empty vocabulary."""
    return [(c.subject, c.predicate, c.object, c.negated)
            for c in draft_claims(text, source_id="t").claims]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Melatonin is safe for short-term use.",
         ("melatonin", "safe_for", "short_term_use", False)),
        ("Melatonin is considered safe for adults.", ("melatonin", "safe_for", "adults", False)),
        ("Paracetamol is safe to take during pregnancy.",
         ("paracetamol", "safe_for", "pregnancy", False)),
        ("Alcohol is not safe during pregnancy.", ("alcohol", "safe_for", "pregnancy", True)),
        ("Ibuprofen is not safe for people with kidney disease.",
         ("ibuprofen", "safe_for", "people_with_kidney_disease", True)),
        ("There is no safe level of alcohol in pregnancy.",
         ("alcohol", "safe_for", "pregnancy", True)),
        ("No amount of alcohol is safe during pregnancy.",
         ("alcohol", "safe_for", "pregnancy", True)),
    ],
)
def test_safety_is_drafted(text: str, expected: Draft) -> None:
    assert _drafts(text) == [expected]


def test_a_safe_dose_is_the_claim_s_quantity() -> None:
    (claim,) = draft_claims("Up to 200 mg of caffeine a day is safe in pregnancy.",
                            source_id="t").claims  # fmt: skip
    assert (claim.subject, claim.predicate, claim.object) == ("caffeine", "safe_for", "pregnancy")
    assert claim.quantity == Quantity("dose", None, Decimal(200), "mg/day", "up_to")
    (later,) = draft_claims("Caffeine is safe in pregnancy up to 200 mg a day.",
                            source_id="t").claims  # fmt: skip
    assert later.quantity == claim.quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("St John's wort interacts with the contraceptive pill.",
         ("st_john_s_wort", "interacts_with", "contraceptive_pill", False)),
        ("Warfarin should not be taken with aspirin.",
         ("warfarin", "interacts_with", "aspirin", False)),
        ("Do not combine ibuprofen with aspirin.",
         ("ibuprofen", "interacts_with", "aspirin", False)),
        ("Avoid taking St John's wort with the contraceptive pill.",
         ("st_john_s_wort", "interacts_with", "contraceptive_pill", False)),
        ("Grapefruit juice can reduce the effect of some statins.",
         ("grapefruit_juice", "interacts_with", "statins", False)),
    ],
)
def test_interactions_are_drafted(text: str, expected: Draft) -> None:
    assert _drafts(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Exercise reduces the effects of stress.",  # no medicine: no interaction
        "Do not take ibuprofen with food.",  # food is no medicine or substance
        "Is melatonin safe for children?",  # a question asserts nothing
        "This is safe for children.",  # a pronoun, not a term
    ],
)
def test_what_is_no_safety_or_interaction_claim_is_not_drafted(text: str) -> None:
    assert not [d for d in _drafts(text) if d[1] in ("safe_for", "interacts_with")]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("more than 3 drinks a week", Quantity("dose", Decimal(3), None, "drinks/week",
                                               "at_least")),
        ("no more than 400 mg per day", Quantity("dose", None, Decimal(400), "mg/day", "up_to")),
        ("2 tablets daily", Quantity("dose", Decimal(2), Decimal(2), "tablets/day", "exact")),
    ],
)
def test_doses_are_read_with_their_bound_and_period(text: str, quantity: Quantity) -> None:
    assert [d.quantity for d in find_doses(text)] == [quantity]
