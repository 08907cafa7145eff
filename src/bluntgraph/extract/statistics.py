"""Statistics in a sentence: percentages, ranges, fractions and number words, with bounds.

"40–60%", "40 to 60 percent", "between 40 and 60%", "one in five",
"nearly half", "a third", "up to 30%", "at least 1 in 10", "approximately
40 - 60 percent" all become a :class:`~bluntgraph.model.Quantity` in percent
with its bound kind; the population is read from the phrase the figure
governs ("of people taking statins").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Quantity

__all__ = ["Statistic", "find_statistics"]

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a": 1, "an": 1,
}  # fmt: skip
_FRACTIONS = {
    "half": Decimal(50), "third": Decimal("33.3"), "thirds": Decimal("66.7"),
    "quarter": Decimal(25), "quarters": Decimal(75), "fifth": Decimal(20),
    "fifths": Decimal(40), "tenth": Decimal(10), "majority": Decimal(50),
}  # fmt: skip
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_NUM = r"\d+(?:[.,]\d+)?"
_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|" \
    r"thirty|forty|fifty|a|an)"
_PCT = r"\s*(?:%|percent\b|per cent\b|pc\b)"
_DASH = r"\s*(?:–|—|-|to)\s*"
_BOUND = (
    r"(?P<bound>\b(?:up to|as many as|as much as|as high as|at least|more than|over|"
    r"greater than|at most|less than|fewer than|under|no more than|nearly|almost|about|around|"
    r"approximately|approx\.|roughly|some|an estimated|estimated|close to|just over|"
    r"just under))"
)
_PATTERNS = (
    ("range", re.compile(rf"(?:{_BOUND}\s+)?between\s+(?P<low>{_NUM}){_PCT}?\s+and\s+"
                         rf"(?P<high>{_NUM}){_PCT}", re.IGNORECASE)),
    ("range", re.compile(rf"(?:{_BOUND}\s+)?(?P<low>{_NUM}){_PCT}?{_DASH}(?P<high>{_NUM}){_PCT}",
                         re.IGNORECASE)),
    # "one in five", "1 out of 10": not "nausea in 5%" (no "a in 5"), nor "1 in 5%"
    ("ratio", re.compile(rf"(?:{_BOUND}\s+)?\b(?P<num>{_NUM}|{_WORD})\s+(?:in|out of)\s+"
                         rf"(?P<den>{_NUM}|{_WORD}|hundred)\b(?!{_PCT}|[.,]\d)",
                         re.IGNORECASE)),
    # "in 4 of 10 women", "2 of 10 people": digits on both sides (not "one of the")
    ("ratio", re.compile(rf"(?:{_BOUND}\s+)?(?P<num>\d+)\s+of\s+(?P<den>\d+)\s+(?=[A-Za-z])",
                         re.IGNORECASE)),
    ("single", re.compile(rf"(?:{_BOUND}\s+)?(?P<value>{_NUM}){_PCT}", re.IGNORECASE)),
    ("fraction", re.compile(
        rf"(?:{_BOUND}\s+)?(?P<count>a|an|one|two|three|four)[\s-]+"
        r"(?P<part>half|thirds?|quarters?|fifths?|tenth)\b", re.IGNORECASE)),
    ("fraction", re.compile(rf"(?:{_BOUND}\s+)?(?:the\s+)?(?P<part>half|majority)\s+of\b",
                            re.IGNORECASE)),
    # "cut the risk by about half": how much it changed
    ("fraction", re.compile(rf"(?<=\bby\s)(?:{_BOUND}\s+)?(?P<part>half)\b", re.IGNORECASE)),
    # "lowers blood pressure by about 3 to 8 mmHg": a change in a unit (only after "by")
    ("amount", re.compile(rf"(?:{_BOUND}\s+)?(?P<low>{_NUM})(?:{_DASH}(?P<high>{_NUM}))?\s*"
                          r"(?P<unit>mm ?Hg|kg|kilograms?|pounds|lbs?|points?|mg/dL|mmol/L|bpm|"
                          r"beats per minute|hours?|minutes?)(?![\w/])", re.IGNORECASE)),
)
#: "Table 2 of 3", "week 4 of 12": a position in a series, not a share
_ORDINAL_BEFORE = re.compile(
    r"\b(?:table|figure|fig\.?|day|week|month|year|part|step|chapter|page|phase|stage|"
    r"number|no\.|grade|level|session|cycle|dose|round|visit|item|question)\s*$",
    re.IGNORECASE,
)
#: "95% CI", "95% confidence interval": the interval's level, not a figure about anyone
_CONFIDENCE_LEVEL = re.compile(
    r"^\s*(?:CI|CrI|UI|confidence\s+intervals?|credible\s+intervals?|uncertainty\s+intervals?)\b",
    re.IGNORECASE,
)
#: "… CI 30–44%", "confidence interval: 2 to 9%": an interval's bounds come next
_INTERVAL_BEFORE = re.compile(
    r"\b(?:CI|CrI|UI|(?:confidence|credible|uncertainty)\s+intervals?)\s*(?:[:=,]|was|of)?\s*$",
    re.IGNORECASE,
)
#: "odds ratio 1.24", "hazard ratio of 1.6", "(RR 0.71, 95% CI …)": an effect size, no unit
_EFFECT_SIZE = re.compile(
    r"\b(?P<name>(?:adjusted\s+)?(?:odds|hazard|risk|rate|incidence\s+rate)\s+ratio|"
    r"relative\s+risk|a?OR|a?HR|RR|IRR)\b(?:\s*\((?:a?OR|a?HR|RR|IRR)\))?"
    r"(?:\s*(?:of|was|were|is|=|:|,))?\s*(?P<value>\d+(?:\.\d+)?)(?![\d%.]*\s*%)",
)
_EFFECT_MEASURE = {
    "odds": "odds_ratio", "or": "odds_ratio", "aor": "odds_ratio", "hazard": "hazard_ratio",
    "hr": "hazard_ratio", "ahr": "hazard_ratio", "risk": "relative_risk", "rr": "relative_risk",
    "relative": "relative_risk", "rate": "rate_ratio", "irr": "rate_ratio",
    "incidence": "rate_ratio",
}
#: what a percentage measures when it is not a share of people
_RISK_AFTER = re.compile(
    r"^\s+(?:(?P<way>higher|greater|increased|elevated|raised|lower|reduced|decreased|smaller)\s+"
    r"(?:relative\s+)?(?P<noun>risk|chance|odds|likelihood)\b"
    # "50% more cases of X", "30% fewer heart attacks": a change in how many, not a share
    r"|(?P<count>more|fewer|less)\s+(?:[a-z-]+\s+){0,2}?(?:cases|episodes|events|attacks|deaths|infections|"
    r"admissions|hospitali[sz]ations|new\s+cases)\b)",
    re.IGNORECASE,
)
#: "fell by 38%", "lowers pain by roughly 30%": a change; not the agent of a passive
#: ("reported by 9% of women", "experienced by 40% of users": a share of people)
#: a verb changing a risk, before the "by" of how much: "increases the risk of dementia by",
#: "cut their chances of a cold by" (the same clause)
_RISK_CHANGED = re.compile(
    r"\b(?:(?P<up>increas\w*|rais\w*|boost\w*|doubl\w*|elevat\w*|heighten\w*)|"
    r"(?P<down>reduc\w*|lower\w*|cut|cuts|cutting|decreas\w*|halv\w*|lessen\w*|slash\w*))"
    r"\s+(?:(?:the|their|your|his|her|its|one's|a\s+person's|overall)\s+)?(?:relative\s+)?"
    r"(?P<noun>risks?|chances?|odds|likelihood)\b[^.;:!?]*\bby\s+[^.;:!?]{0,20}$",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"(?<!reported )(?<!experienced )(?<!noticed )(?<!described )"
                        r"(?<!mentioned )(?<!felt )(?<!used )(?<!taken )(?<!affected )"
                        r"\bby\s+(?:only\s+|just\s+|an average of\s+|on average\s+|"
                        r"a mean of\s+)?$", re.IGNORECASE)
_UNITS = {"mm hg": "mmHg", "mmhg": "mmHg", "kilogram": "kg", "kilograms": "kg", "lb": "pounds",
          "lbs": "pounds", "point": "points", "beats per minute": "bpm", "hour": "hours",
          "minute": "minutes"}
_BOUND_KIND = {
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    "at most": "up_to", "less than": "up_to", "fewer than": "up_to", "under": "up_to",
    "no more than": "up_to", "just under": "up_to",
    "at least": "at_least", "more than": "at_least", "over": "at_least",
    "greater than": "at_least", "just over": "at_least",
}  # fmt: skip

_POPULATION = re.compile(
    r"^\s*(?:of\s+)?(?:all\s+|the\s+)?(?P<phrase>(?:[\w-]+\s+){0,2}?(?:people|patients|"
    r"individuals|adults|users|"
    r"participants|those|persons|men|women|children|respondents|subjects|smokers|drinkers|"
    r"travell?ers|workers|employees|students|athletes|drivers|residents|seniors|infants|babies|mothers|veterans|runners|teenagers)"
    r"(?:\s+(?:who\s+(?:take|took|are taking|were taking|use|used|are on|were on|have|had|"
    r"received|receive|started|start|drink|drank|consume)|taking|using|on|with|receiving|"
    r"treated with|prescribed|given|drinking|who drink)\s+(?P<agent>[^,.;:]+?)|"
    # "adults over 45", "women aged 50 to 70": an age band is part of the population
    r"\s+(?:over|under|aged|older than|younger than|above|below)\s+\d+(?:\s*(?:–|-|to)\s*\d+)?"
    r"(?:\s+years?(?:\s+old)?)?)?)"
    r"(?=\s+(?:to|for|who|that|experience|experiences|experienced|report|reports|reported|"
    r"develop|develops|developed|get|gets|got|have|has|had|can|saw|felt|noticed|showed|"
    r"may|might|will|would|could|do|did|notice|suffer|suffered|say|said|feel|feels|are|were|"
    r"is|"
    # "1 in 10,000 people per year", "5% of adults worldwide", "of women in the UK"
    r"per|each|every|a\s+year|annually|worldwide|globally|in|during)\b|[,.;:]|$|"
    # "of adults over 65 (Smith et al., 2019)", "… [3]": a citation ends the phrase (another
    # parenthesis may be part of it: "taking SSRIs (the most common …)")
    r"\s*(?:\[\d|\((?:[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?\s+)?"
    r"(?:19|20)\d\d[a-z]?\s*[;,)]))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Statistic:
    """One figure in a sentence: the quantity, where it is, and the population it governs."""

    quantity: Quantity
    start: int
    end: int
    text: str
    population: str | None = None
    agent: str | None = None
    takes: bool = True


def _number(text: str) -> Decimal:
    lowered = text.lower()
    if lowered in _WORDS:
        return Decimal(_WORDS[lowered])
    return Decimal(text.replace(",", ""))


def _bound(found: str | None, default: str) -> str:
    if not found:
        return default
    return _BOUND_KIND.get(" ".join(found.lower().split()), "approximately")


def _share(percent: Decimal) -> Decimal:
    """A percentage from a ratio, to 0.1 — or, below 1%, to two significant digits.

    "1 in 3" is 33.3%, "1 in 10,000" 0.01% (not 0.0%), "1 in 300" 0.33%.
    """
    if percent >= 1 or percent == 0:
        return percent.quantize(Decimal("0.1"))
    return percent.quantize(Decimal(1).scaleb(percent.adjusted() - 1)).normalize()


def find_statistics(sentence: str) -> list[Statistic]:
    """Every percentage-like figure in ``sentence``, left to right, without overlaps.

    Examples
    --------
    >>> [(s.quantity.low, s.quantity.high, s.quantity.bound)
    ...  for s in find_statistics("Up to 30% of users, or one in five, report it.")]
    [(None, Decimal('30'), 'up_to'), (Decimal('20.0'), Decimal('20.0'), 'exact')]
    >>> s = find_statistics("approximately 40 to 60 percent of people who take statins can")[0]
    >>> s.quantity.low, s.quantity.high, s.quantity.bound, s.population, s.agent
    (Decimal('40'), Decimal('60'), 'approximately', 'people who take statins', 'statins')
    """
    found: list[Statistic] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            groups = match.groupdict()
            bound_word = groups.get("bound")
            try:
                if kind == "range":
                    low, high = _number(groups["low"]), _number(groups["high"])
                    if low > high or high > 100:
                        continue
                    quantity = Quantity("proportion_affected", low, high, "percent",
                                        _bound(bound_word, "range"))
                elif kind == "ratio":
                    if _ORDINAL_BEFORE.search(sentence[:start]):
                        continue  # "Table 2 of 3", "day 5 of 7": which one, not how many
                    num, den = _number(groups["num"]), _number(groups["den"])
                    if den == 0 or num > den or den < 2:
                        continue
                    value = _share(num * 100 / den)
                    quantity = Quantity("proportion_affected", value, value, "percent",
                                        _bound(bound_word, "exact"))
                elif kind == "single":
                    value = _number(groups["value"])
                    if value > 100:
                        continue
                    bound = _bound(bound_word, "exact")
                    low_v = None if bound == "up_to" else value
                    high_v = None if bound == "at_least" else value
                    quantity = Quantity("proportion_affected", low_v, high_v, "percent", bound)
                elif kind == "amount":
                    if not _BY_BEFORE.search(sentence[:start]):
                        continue  # "takes four kilograms off": only "by N unit" is a change
                    low = _number(groups["low"])
                    high = _number(groups["high"]) if groups.get("high") else low
                    if low > high:
                        continue
                    unit = groups["unit"]
                    unit = _UNITS.get(" ".join(unit.lower().split()), unit)
                    quantity = Quantity("change", low, high, unit,
                                        _bound(bound_word, "range" if high != low else "exact"))
                else:
                    part = groups["part"].lower()
                    count = groups.get("count")
                    value = _FRACTIONS[part]
                    if count and count.lower() in _WORDS and part.endswith("s"):
                        # "two thirds": 2 × 100 / 3 = 66.7, not 2 × 33.3
                        share = Decimal(_WORDS[count.lower()] * 100) / _PARTS[part[:-1]]
                        value = min(share, Decimal(100)).quantize(Decimal("0.1"))
                    quantity = Quantity("proportion_affected", value, value, "percent",
                                        _bound(bound_word, "exact"))
            except (ArithmeticError, ValueError):
                continue
            if (quantity.unit == "percent" and _CONFIDENCE_LEVEL.match(sentence[end:])) or \
                    _INTERVAL_BEFORE.search(sentence[:start]):
                # "(95% CI 30–44%)": the level of an interval and its bounds, no figures
                taken.append((start, end))
                continue
            if quantity.bound == "up_to" and kind != "range":
                quantity = Quantity(quantity.measure, None, quantity.high, quantity.unit, "up_to")
            elif quantity.bound == "at_least":
                quantity = Quantity(quantity.measure, quantity.low, None, quantity.unit,
                                    "at_least")
            population = agent = None
            takes = True
            risk = _RISK_AFTER.match(sentence[end:])
            if kind != "amount" and risk is not None:
                # "a 65% higher risk of …": a relative change in risk, not a share of people;
                # which way it goes is the relation's (causes or reduces), as curators write
                # it, so "30% lower" and "30% higher" are one measure a check can compare
                measure = "odds_change" if (risk.group("noun") or "").lower() == "odds" \
                    else "risk_change"
                quantity = Quantity(measure, quantity.low, quantity.high, quantity.unit,
                                    quantity.bound)
            elif kind != "amount" and _BY_BEFORE.search(sentence[:start]):
                # "lowers pain scores by roughly 30%": how much it changed; "raises the risk
                # of X by 20%": a change in risk, as "a 20% higher risk of X" says it
                changed = _RISK_CHANGED.search(sentence[:start])
                measure = "relative_change" if changed is None else (
                    "odds_change" if changed.group("noun").lower() == "odds" else "risk_change")
                quantity = Quantity(measure, quantity.low, quantity.high,
                                    quantity.unit, quantity.bound)
            tail = _POPULATION.match(sentence[end:]) if quantity.measure == \
                "proportion_affected" else None
            if tail is not None:
                population = " ".join(tail.group("phrase").split())
                agent = tail.group("agent")
                if agent:
                    agent = " ".join(agent.split())
                    takes = not re.search(r"\b(?:with|have|had)\s*$",
                                          tail.group("phrase")[: -len(agent)], re.IGNORECASE)
            taken.append((start, end))
            found.append(Statistic(quantity, start, end, match.group(), population, agent, takes))
    for match in _EFFECT_SIZE.finditer(sentence):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        name = match.group("name")
        if " " not in name and "." not in match.group("value"):
            continue  # "OR 12 trials": a capitalised "or"; an abbreviated ratio has decimals
        words = name.lower().split()
        head = words[1] if words[0] == "adjusted" else words[0]
        value = Decimal(match.group("value"))
        quantity = Quantity(_EFFECT_MEASURE.get(head, "relative_risk"), value, value, None,
                            "exact")
        taken.append((start, end))
        found.append(Statistic(quantity, start, end, match.group()))
    found.sort(key=lambda s: s.start)
    return found
