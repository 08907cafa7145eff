"""A ratio has no unit: messages, tables and the claims frame name it ("odds ratio 1.24")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bluntgraph.checks.wording import figure, ratio_name
from bluntgraph.model import Quantity
from bluntgraph.query import _quantity_text


@pytest.mark.parametrize(
    ("quantity", "said", "in_frame"),
    [
        (Quantity("odds_ratio", Decimal("1.24"), Decimal("1.24")), "odds ratio 1.24",
         "odds ratio 1.24"),
        (Quantity("hazard_ratio", Decimal("0.8"), Decimal("0.8"), None, "approximately"),
         "hazard ratio approximately 0.8", "hazard ratio about 0.8"),
        (Quantity("relative_risk", Decimal("0.7"), Decimal("0.9"), None, "range"),
         "relative risk 0.7–0.9", "relative risk 0.7–0.9"),
        # a figure with a unit says what it counts already: unchanged
        (Quantity("proportion_affected", Decimal(40), Decimal(60), "percent", "range"),
         "40–60%", "40–60%"),
        (Quantity("time_to_effect", Decimal(1), Decimal(2), "sessions", "range"),
         "1–2 sessions", "1–2 sessions"),
    ],
)  # fmt: skip
def test_a_ratio_is_named_and_a_figure_with_a_unit_is_not(
    quantity: Quantity, said: str, in_frame: str
) -> None:
    assert figure(quantity) == said
    assert _quantity_text(quantity) == in_frame
    assert (ratio_name(quantity) is None) == bool(quantity.unit)
