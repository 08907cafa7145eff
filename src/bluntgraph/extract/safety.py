"""Doses and the sentence shapes of safety and interaction claims the cues cannot read.

A relation cue takes its subject before it and its object after it
("caffeine is safe in pregnancy"). Two common shapes put both after the
cue: "there is no safe level of alcohol in pregnancy" (a denial of
``safe_for`` at any dose) and the advice "do not combine ibuprofen with
aspirin" (``interacts_with``). :func:`safety_shapes` finds them;
:func:`find_doses` reads the dose a safety claim holds up to ("up to 200 mg
a day", "more than 3 drinks a week").

Examples
--------
>>> [(s.predicate, s.negated, s.subject, s.object) for s in safety_shapes(
...     "There is no safe level of alcohol in pregnancy.")]
[('safe_for', True, 'alcohol', 'pregnancy')]
>>> find_doses("Up to 200 mg of caffeine a day is safe.")[0].quantity
Quantity(measure='dose', low=None, high=Decimal('200'), unit='mg/day', bound='up_to')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Quantity

__all__ = ["Dose", "SafetyShape", "find_doses", "plain_safety", "safety_shapes"]

#: the units a dose is counted in, by the words that name them
_UNITS = {
    "mg": "mg", "milligram": "mg", "milligrams": "mg", "g": "g", "gram": "g", "grams": "g",
    "mcg": "mcg", "µg": "mcg", "microgram": "mcg", "micrograms": "mcg", "iu": "IU",
    "units": "units", "unit": "units", "drink": "drinks", "drinks": "drinks",
    "cup": "cups", "cups": "cups", "glass": "glasses", "glasses": "glasses",
    "ml": "ml", "tablet": "tablets", "tablets": "tablets", "capsule": "capsules",
    "capsules": "capsules",
}  # fmt: skip
_PERIODS = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "night": "night"}
#: words before a figure -> how it bounds the dose
_BOUNDS = {
    "up to": "up_to", "no more than": "up_to", "not more than": "up_to", "at most": "up_to",
    "less than": "up_to", "under": "up_to", "below": "up_to", "a maximum of": "up_to",
    "more than": "at_least", "over": "at_least", "above": "at_least", "at least": "at_least",
    "over about": "at_least", "about": "approximately", "around": "approximately",
    "approximately": "approximately", "roughly": "approximately",
}  # fmt: skip
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}  # fmt: skip

_DOSE = re.compile(
    r"(?:\b(?P<bound>" + "|".join(sorted(map(re.escape, _BOUNDS), key=len, reverse=True))
    + r")\s+)?\b(?P<value>\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS)
    + r")\s*(?P<unit>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
    + r")\b(?:\s+(?:of\s+)?(?:[\w'’-]+\s+){0,3}?(?:a|an|per|each|every)\s+(?P<period>day|week|"
    r"night)\b|\s+(?P<adverb>daily|weekly)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dose:
    """A dose in a sentence: ``text[start:end]`` reads as ``quantity`` (measure ``dose``)."""

    start: int
    end: int
    quantity: Quantity


def find_doses(text: str) -> list[Dose]:
    """Every dose ``text`` states ("up to 200 mg a day", "more than 3 drinks a week").

    A figure with a unit of amount (mg, g, IU, drinks, cups…), optionally per
    day or week, becomes a :class:`~bluntgraph.model.Quantity` of measure
    ``dose`` with the unit as ``mg/day``; "up to", "no more than", "less
    than" bound it from above (``up_to``), "more than", "over", "at least"
    from below (``at_least``).
    """
    found = []
    for match in _DOSE.finditer(text):
        raw = match.group("value").lower()
        value = Decimal(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else Decimal(
            raw.replace(",", "."))
        unit = _UNITS[match.group("unit").lower()]
        period = match.group("period") or match.group("adverb")
        if period:
            unit = f"{unit}/{_PERIODS[period.lower()]}"
        bound = _BOUNDS.get(" ".join((match.group("bound") or "").lower().split()), "exact")
        if bound == "at_least":
            quantity = Quantity("dose", value, None, unit, bound)
        elif bound == "up_to":
            quantity = Quantity("dose", None, value, unit, bound)
        else:
            quantity = Quantity("dose", value, value, unit, bound)
        found.append(Dose(match.start(), match.end(), quantity))
    return found


@dataclass(frozen=True)
class SafetyShape:
    """A safety or interaction claim whose terms both follow its cue, as the sentence names
    them (``subject``, ``object``, with their offsets in the sentence)."""

    predicate: str
    negated: bool
    subject: str
    subject_span: tuple[int, int]
    object: str
    object_span: tuple[int, int]
    cue: str


_PHRASE = r"[^,.;:!?()]+?"
_SHAPES = (
    # "there is no safe level of alcohol in pregnancy", "no amount of alcohol is safe
    # during pregnancy": not safe at any dose
    ("safe_for", True, re.compile(
        r"\bno\s+(?:known\s+)?safe\s+(?:level|amount|limit|dose|quantity)s?\s+of\s+"
        rf"(?P<subject>{_PHRASE})\s+(?:(?:to\s+(?:drink|take|eat|use)\s+)?(?:in|during|for|"
        rf"while|when)\s+)(?P<object>{_PHRASE})\s*(?=$|[,.;:!?(])", re.IGNORECASE)),
    ("safe_for", True, re.compile(
        rf"\bno\s+(?:amount|level|dose)\s+of\s+(?P<subject>{_PHRASE})\s+is\s+(?:considered\s+|"
        r"known\s+to\s+be\s+)?safe\s+(?:(?:to\s+(?:drink|take|eat|use)\s+)?(?:in|during|for|"
        rf"while|when)\s+)(?P<object>{_PHRASE})\s*(?=$|[,.;:!?(])", re.IGNORECASE)),
    # "do not combine ibuprofen with aspirin", "never mix alcohol and sleeping pills",
    # "avoid taking St John's wort with the pill"
    ("interacts_with", False, re.compile(
        r"^\W*(?:(?:you\s+)?(?:should\s+(?:not|never)|must\s+(?:not|never)|do\s+not|don['’]t|"
        r"never)|avoid)\s+(?:combine|combining|mix|mixing|take|taking|use|using)\s+"
        rf"(?P<subject>{_PHRASE})\s+(?:together\s+)?(?:with|and|alongside)\s+"
        rf"(?P<object>{_PHRASE})\s*(?=$|[,.;:!?(])", re.IGNORECASE)),
)
#: "X is (not) safe for Y" when the cues read nothing of it: a subject that starts with a dose
#: ("Up to 200 mg of caffeine a day is safe in pregnancy"), an object naming people by what
#: they have ("safe for people with kidney disease")
_PLAIN_SAFE = re.compile(
    rf"(?:^|(?<=[,;:]\s))\W*(?P<subject>{_PHRASE})\s+(?:is|are|was|were)\s+"
    r"(?P<no>(?:not|never)\s+)?(?:(?:generally|usually|probably|perfectly|completely|entirely|"
    r"considered|thought to be|deemed|regarded as|believed to be|known to be)\s+){0,3}safe"
    r"(?:\s+to\s+(?:take|use|eat|drink|consume|have|give))?\s+(?:for|in|during|while)\s+"
    rf"(?P<object>{_PHRASE})\s*(?=$|[,.;:!?(])",
    re.IGNORECASE,
)
#: the amount a subject opens with: "up to 200 mg of" (caffeine) "a day"
_DOSE_OF = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?[\d.,]+\s*(?:mg|g|mcg|µg|iu|units?|drinks?|cups?|glass(?:es)?|ml|"
    r"tablets?|capsules?)\s+of\s+(?P<what>.+?)(?:\s+(?:a|an|per|each|every)\s+(?:day|week|night)"
    r"|\s+daily|\s+weekly)?$",
    re.IGNORECASE,
)
#: words a phrase's name does not start with
_DETERMINER = re.compile(r"(?:the|a|an|any|your|some|other)\s+", re.IGNORECASE)


def safety_shapes(sentence: str) -> list[SafetyShape]:
    """The safety and interaction claims of ``sentence`` whose terms both follow the cue.

    "No safe level (amount, dose) of X in (during, for) Y" and "no amount
    of X is safe in Y" deny that X is safe for Y at any dose; "do not (never,
    avoid) combine (mix, take, use) X with (and) Y" is the advice an
    interaction of X and Y gives.
    """
    found = []
    for predicate, negated, pattern in _SHAPES:
        for match in pattern.finditer(sentence):
            spans = []
            for group in ("subject", "object"):
                start, end = match.span(group)
                determiner = _DETERMINER.match(sentence, start, end)
                if determiner is not None:
                    start = determiner.end()
                spans.append((start, end))
            (s_start, s_end), (o_start, o_end) = spans
            found.append(SafetyShape(
                predicate, negated, sentence[s_start:s_end], (s_start, s_end),
                sentence[o_start:o_end], (o_start, o_end),
                " ".join(sentence[match.start() : match.start("subject")].split()),
            ))  # fmt: skip
    return found


def plain_safety(sentence: str) -> list[SafetyShape]:
    """"X is (not) safe for (in, during) Y", read without the cues: the fallback for a
    sentence whose cue gave no draft, with a dose before the subject taken off ("Up to 200 mg
    of caffeine a day" is caffeine).

    Examples
    --------
    >>> [(s.subject, s.negated, s.object) for s in plain_safety(
    ...     "Ibuprofen is not safe for people with kidney disease.")]
    [('Ibuprofen', True, 'people with kidney disease')]
    """
    found = []
    for match in _PLAIN_SAFE.finditer(sentence):
        s_start, s_end = match.span("subject")
        dose = _DOSE_OF.match(sentence, s_start, s_end)
        if dose is not None:
            s_start, s_end = dose.span("what")
        determiner = _DETERMINER.match(sentence, s_start, s_end)
        s_start = determiner.end() if determiner is not None else s_start
        o_start, o_end = match.span("object")
        found.append(SafetyShape(
            "safe_for", match.group("no") is not None, sentence[s_start:s_end],
            (s_start, s_end), sentence[o_start:o_end], (o_start, o_end), "safe",
        ))  # fmt: skip
    return found
