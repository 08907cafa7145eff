"""Plain-words building blocks for finding messages: figures, relations, lists, quotes.

Examples
--------
>>> from decimal import Decimal
>>> from bluntgraph.model import Quantity
>>> figure(Quantity("proportion_affected", Decimal(40), Decimal(60), "percent", "up_to"))
'up to 40–60%'
>>> join(["a", "b", "c"])
'a, b and c'
>>> relation("SSRI", "causes", "emotional blunting", negated=True)
'SSRI does not cause emotional blunting'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model import Quantity

__all__ = [
    "CERTAINTY_RANK",
    "capital",
    "figure",
    "join",
    "number",
    "quoted",
    "relation",
    "section_name",
]

#: certainty level -> rank (higher is surer)
CERTAINTY_RANK = {"speculative": 0, "possible": 1, "probable": 2, "certain": 3}

_SECTION_NAMES = {"faq": "FAQ", "list": "list", "summary": "summary", "body": "body"}

#: predicate -> (affirmative, negated) wording between subject and object
_VERBS = {
    "causes": ("causes", "does not cause"),
    "worsens": ("worsens", "does not worsen"),
    "reduces": ("reduces", "does not reduce"),
    "treats": ("treats", "does not treat"),
    "recommends": ("is recommended for", "is not recommended for"),
    "associated_with": ("is associated with", "is not associated with"),
    "symptom_of": ("is a symptom of", "is not a symptom of"),
    "prevalence": ("occurs in", "does not occur in"),
    "defined_as": ("is", "is not"),
    "same_as": ("is another name for", "is not another name for"),
    "distinct_from": ("is distinct from", "is not distinct from"),
    "acts_on": ("acts on", "does not act on"),
    "increases": ("raises", "does not raise"),
    "decreases": ("lowers", "does not lower"),
}

_BOUND_WORDS = {"up_to": "up to ", "at_least": "at least ", "approximately": "approximately "}


def section_name(section: str) -> str:
    """How a section is named in messages (``faq`` -> ``FAQ``)."""
    return _SECTION_NAMES.get(section, section)


def capital(text: str) -> str:
    """The text with its first letter in upper case (the rest untouched)."""
    return text[:1].upper() + text[1:]


def join(items: Sequence[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def number(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent: ``Decimal('40.0')`` -> ``'40'``."""
    text = format(value.normalize(), "f")
    return text


def figure(quantity: Quantity) -> str:
    """The statistic as the source gives it: ``approximately 40–60%``, ``up to 3 sessions``."""
    low, high = quantity.low, quantity.high
    if low is not None and high is not None and low != high:
        value = f"{number(low)}–{number(high)}"
    else:
        value = number(low if low is not None else high)  # type: ignore[arg-type]
    unit = quantity.unit or ""
    if unit == "percent":
        value += "%"
    elif unit:
        value += f" {unit}"
    return _BOUND_WORDS.get(quantity.bound, "") + value


def relation(subject: str, predicate: str, obj: str, negated: bool = False) -> str:
    """``subject verb object`` in words, negated when ``negated``."""
    verbs = _VERBS.get(predicate, (predicate.replace("_", " "), f"not {predicate}"))
    return f"{subject} {verbs[1] if negated else verbs[0]} {obj}"


def quoted(text: str, width: int = 110) -> str:
    """The text in curly quotes, shortened with an ellipsis beyond ``width`` characters."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"“{text}”"
