"""A figure is read from whole words: the "a" ending "nausea" is not the "a" of "a in 5"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bluntgraph.extract import draft_claims
from bluntgraph.extract.statistics import find_statistics


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Statins cause nausea in 5% of people.", "5", "5"),
        ("Omeprazole causes dementia in 3% of people.", "3", "3"),
        ("Metformin causes diarrhoea in 8 percent of patients.", "8", "8"),
        ("Iron tablets cause constipation in about 12 per cent of users.", "12", "12"),
        ("Pneumonia in 2.5% of residents followed the outbreak.", "2.5", "2.5"),
        ("Anaemia affects one in five pregnant women.", "20.0", "20.0"),
        ("Insomnia was reported by 1 out of 10 users.", "10.0", "10.0"),
        ("Edema appears in 4 of 100 people on amlodipine.", "4.0", "4.0"),
    ],
)
def test_a_word_ending_in_a_is_not_a_numerator(sentence: str, low: str, high: str) -> None:
    (statistic,) = find_statistics(sentence)
    assert (statistic.quantity.low, statistic.quantity.high) == (Decimal(low), Decimal(high))


def test_a_bound_is_a_whole_word() -> None:
    (statistic,) = find_statistics("A handsome 5% of the budget went to trials.")
    assert statistic.quantity.bound == "exact"  # "some" inside "handsome" is no bound
    (statistic,) = find_statistics("Some 5% of the patients stopped.")
    assert statistic.quantity.bound == "approximately"


def test_drafts_carry_the_figure_the_sentence_gives() -> None:
    text = (
        "Coffee causes insomnia in 7% of people.\n\n"
        "Antibiotics cause diarrhea in 25% of children.\n"
    )
    figures = sorted(c.quantity.low for c in draft_claims(text).claims if c.quantity)
    assert figures == [Decimal(7), Decimal(25)]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("PPIs increase the risk of vitamin B12 deficiency by 20%.", "risk_change"),
        ("PPIs are linked to a 65% higher risk of vitamin B12 deficiency.", "risk_change"),
        ("Exercise cuts the risk of a heart attack by about 30%.", "risk_change"),
        ("Statins reduce their chance of a stroke by 25 percent.", "risk_change"),
        ("Walking lowers pain scores by roughly 30%.", "relative_change"),  # no risk
    ],
)
def test_a_change_in_risk_has_one_measure_however_it_is_worded(
    sentence: str, measure: str
) -> None:
    # "raises the risk of X by 20%" and "a 20% higher risk of X" say the same: comparable
    (statistic,) = find_statistics(sentence)
    assert statistic.quantity.measure == measure
