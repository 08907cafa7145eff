"""How `bluntgraph review` shows a draft: the quote in context and its fields in words."""

from __future__ import annotations

import pytest

from bluntgraph import load_corpus
from bluntgraph.review import drafts_of, format_draft

from ..conftest import CorpusMaker

TEXT = (
    "Iron tablets and the gut\n\n"
    "Up to 30% of people taking oral iron report stomach upset. "
    "Between 10 and 20 percent stop taking it.\n"
)
ENTITIES = [
    {"id": "oral_iron", "label": "oral iron", "type": "drug_class"},
    {"id": "stomach_upset", "label": "stomach upset", "type": "symptom", "status": "proposed"},
    {"id": "oral_iron_users", "label": "oral iron users", "type": "population",
     "takes": "oral_iron"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "quantity", "shown"),
    [
        ("Up to 30% of people taking oral iron report stomach upset.",
         {"measure": "proportion_affected", "high": 30, "unit": "percent", "bound": "up_to"},
         "quantity: proportion_affected up to 30%"),
        ("Between 10 and 20 percent stop taking it.",
         {"measure": "proportion_affected", "low": 10, "high": 20, "unit": "percent",
          "bound": "range"},
         "quantity: proportion_affected 10–20%"),
    ],
)  # fmt: skip
def test_a_figure_is_shown_as_the_source_gives_it(
    make_corpus: CorpusMaker, quote: str, quantity: dict[str, object], shown: str
) -> None:
    draft = {
        "id": "iron-upset", "quote": quote, "section": "body", "subject": "oral_iron",
        "predicate": "causes", "object": "stomach_upset", "population": "oral_iron_users",
        "quantity": quantity, "status": "draft", "confidence": 0.45, "cues": ["report"],
    }  # fmt: skip
    root = make_corpus(texts={"iron": TEXT}, claims={"iron": [draft]}, entities=ENTITIES)
    corpus = load_corpus(root, include_drafts=True)
    (only,) = drafts_of(corpus)
    text = format_draft(only, corpus)
    assert f"  {shown}" in text.splitlines(), text
    assert "None" not in text
    assert f"»{quote}«" in text
    assert "stomach upset [stomach_upset] (proposed)" in text
    assert "confidence 0.45" in text.splitlines()[0]
