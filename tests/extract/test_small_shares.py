"""A share stated as "1 in N" keeps its size when it is below one percent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bluntgraph.extract.statistics import find_statistics


@pytest.mark.parametrize(
    ("text", "low", "high", "bound"),
    [
        ("Liver failure occurs in fewer than 1 in 10,000 people per year.", None, "0.01", "up_to"),
        ("A serious rash affects about 1 in 300 users.", "0.33", "0.33", "approximately"),
        ("Fainting happens in 3 in 1,000 donors.", "0.3", "0.3", "exact"),
        ("About 1 in 3 adults has high blood pressure.", "33.3", "33.3", "approximately"),
        ("Headache affects 1 in 100 users.", "1.0", "1.0", "exact"),
    ],
)
def test_a_ratio_below_one_percent_is_not_rounded_to_zero(
    text: str, low: str | None, high: str, bound: str
) -> None:
    (found,) = find_statistics(text)
    quantity = found.quantity
    assert quantity.unit == "percent"
    assert quantity.bound == bound
    assert quantity.low == (Decimal(low) if low is not None else None)
    assert quantity.high == Decimal(high)


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Gout occurs in fewer than 1 in 20 adults per year.", "adults"),
        ("Shingles affects about 3 in 1,000 people each year.", "people"),
        ("About 5% of adults worldwide have gout.", "adults"),
        ("Lyme disease affects 2% of patients in the region.", "patients"),
    ],
)
def test_the_people_counted_are_read_before_a_time_or_place(text: str, population: str) -> None:
    (found,) = find_statistics(text)
    assert found.population is not None and found.population.endswith(population)
