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

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from ..model import Quantity

__all__ = [
    "CERTAINTY_RANK",
    "answered_question",
    "capital",
    "defining_cue",
    "figure",
    "is_",
    "join",
    "number",
    "plural",
    "quoted",
    "ratio_name",
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
    "safe_for": ("is safe for", "is not safe for"),
    "interacts_with": ("interacts with", "does not interact with"),
}

_BOUND_WORDS = {"up_to": "up to ", "at_least": "at least "}


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


def number(value: Decimal | None) -> str:
    """A decimal as a reader writes it: ``Decimal('40.0')`` -> ``'40'``, None -> ``?``."""
    if value is None:
        return "?"
    return format(value.normalize(), "f")


#: a measure whose figure has no unit and means nothing without its name: a ratio
_RATIO_MEASURE = re.compile(r"(?:\w+_)?(?:ratio|risk)")


def ratio_name(quantity: Quantity) -> str | None:
    """The name a unitless ratio is read by ("odds ratio"), else None (a figure with a unit)."""
    if quantity.unit or not _RATIO_MEASURE.fullmatch(quantity.measure):
        return None
    return quantity.measure.replace("_", " ")


def figure(quantity: Quantity, *, about: str = "approximately") -> str:
    """The statistic as the source gives it: ``approximately 40–60%``, ``up to 3 sessions``,
    ``odds ratio 1.24``.

    ``about``: the word for an approximate figure (the claims table says ``about``).

    Examples
    --------
    >>> from decimal import Decimal as D
    >>> figure(Quantity("proportion_affected", D(0), D(1), "percent", "up_to"))
    'up to 1%'
    >>> figure(Quantity("proportion_affected", D(40), D(60), "percent", "up_to"))
    'up to 40–60%'
    """
    name = ratio_name(quantity)
    if name is not None:
        return f"{name} {figure(replace(quantity, measure='value'), about=about)}"
    low, high = quantity.low, quantity.high
    if quantity.bound == "up_to" and low == 0 and high is not None:
        low = None  # "fewer than 1 in 100" curated as 0 to 1, up to: "up to 1%", not "0–1%"
    if low is not None and high is not None and low != high:
        value = f"{number(low)}–{number(high)}"
    else:
        value = number(low if low is not None else high)
    unit = quantity.unit or ""
    if unit == "percent":
        value += "%"
    elif unit:
        value += f" {unit}"
    if quantity.bound == "approximately":
        return f"{about} {value}"
    return _BOUND_WORDS.get(quantity.bound, "") + value


def relation(subject: str, predicate: str, obj: str, negated: bool = False) -> str:
    """``subject verb object`` in words, negated when ``negated``; the verb agrees with
    a plural subject ("statins cause muscle pain", "SSRIs do not cause …")."""
    verbs = _VERBS.get(predicate, (predicate.replace("_", " "), f"not {predicate}"))
    verb = verbs[1] if negated else verbs[0]
    if predicate in _VERBS and plural(subject):
        first, _, rest = verb.partition(" ")
        first = {"is": "are", "does": "do", "has": "have"}.get(first, first[:-1])
        verb = f"{first} {rest}".rstrip()
    elif predicate == "defined_as" and plural(obj) and verb in ("is", "is not"):
        # one thing in a class named in the plural: "icosapent ethyl is not one of the
        # dietary supplements", not "is not dietary supplements"
        verb += " one of the"
    return f"{subject} {verb} {obj}"


#: a short answer that says nothing without its question: "Yes.", "No.", "Not usually."
_SHORT_ANSWER = re.compile(
    r"(?:yes|no|not|sometimes|rarely|usually|often|probably|possibly|maybe|it\s+depends)\b"
    r"[^.?!]*[.!]?",
    re.IGNORECASE,
)
#: marks before a heading's words: Markdown's "##", a list's "-", "Q:"
_HEADING_MARKS = re.compile(r"^(?:[#>*\-\s]+|q\s*[:.]\s*)", re.IGNORECASE)


def answered_question(text: str, start: int, quote: str) -> str | None:
    """The question a short answer answers, when the quote is one: "Does vitamin D prevent
    falls?" for a quote "Yes." that follows it (a FAQ's heading); None for a quote that says
    what it means by itself, or that follows no question.

    >>> text = "FAQ\\n\\n## Does zinc shorten colds?\\n\\nYes.\\n"
    >>> answered_question(text, text.index("Yes."), "Yes.")
    'Does zinc shorten colds?'
    >>> answered_question("Is it safe? Not for children.", 12, "Not for children.")
    'Is it safe?'
    >>> answered_question(text, text.index("FAQ"), "FAQ") is None
    True
    """
    words = quote.split()
    if not words or len(words) > 5 or not _SHORT_ANSWER.fullmatch(" ".join(words)):
        return None
    before = text[:start].rstrip()
    if not before.endswith("?"):
        return None
    line = before[before.rfind("\n") + 1 :]
    # the question's own sentence: after the previous sentence on its line, if any
    ends = [m.end() for m in re.finditer(r"[.!?]\s", line[:-1])]
    question = _HEADING_MARKS.sub("", " ".join(line[ends[-1] if ends else 0 :].split()))
    return question or None


def is_(name: str) -> str:
    """The name and "is", or "are" for a plural name: "statins are", "vitamin D and calcium
    are", "calmol is"."""
    return f"{name} {'are' if plural(name) else 'is'}"


#: words that end a noun phrase's head: "loss of interest", "areas involved in …"
_HEAD_END = re.compile(
    r"\s(?:of|in|on|for|with|from|to|by|at|among|about|after|during|who|that|which|"
    r"involved|taking|using|living)\s.*$"
)
#: words that coordinate two things into a plural subject ("zinc and vitamin C reduce …")
_COORDINATED = re.compile(r"\s(?:and|plus|&)\s", re.IGNORECASE)
#: singular nouns that end in -s: diseases, fields, adverbs
_SINGULAR_S = frozenset(
    ("diabetes", "measles", "herpes", "rabies", "scabies", "mumps", "shingles", "rickets",
     "news", "series", "species", "outdoors", "indoors", "always", "sometimes", "lupus",
     "virus", "status", "stress", "mass", "gas", "bus")
)  # fmt: skip


def plural(label: str) -> bool:
    """Whether a label names a plural thing, by its head noun: "statins", "SSRIs",
    "brain areas involved in …"; not "loss of interest", "naming emotions", "diabetes".

    >>> [plural(x) for x in ("statins", "SSRIs", "SSRI", "AIDS", "loss of interest in activities",
    ...  "naming emotions", "time outdoors", "diabetes", "withdrawal symptoms")]
    [True, True, False, False, False, False, False, False, True]
    >>> [plural(x) for x in ("probiotics", "loop diuretics", "genetics", "sports nutrition")]
    [True, True, False, False]
    >>> [plural(x) for x in ("zinc and vitamin C", "diet plus exercise", "loss of taste and smell")]
    [True, True, False]
    """
    head = _HEAD_END.sub("", " ".join(label.split()))
    if _COORDINATED.search(head):
        return True  # "vitamin D and calcium", "diet plus exercise": two things
    words = head.split()
    if not words or (words[0].lower().endswith("ing") and len(words[0]) > 4):
        return False  # "naming emotions", "being misunderstood": an activity, one thing
    last = words[-1].strip(".,;:()'’\"")
    if len(last) < 3 or last.isupper() or last.lower() in _SINGULAR_S:
        return False  # "AIDS", "gas"
    if last[:-1].isupper() and last.endswith("s"):
        return True  # "SSRIs", "ARBs"
    lower = last.lower()  # "stress", "psoriasis", "genetics" are one thing
    if lower.endswith("ics"):  # "antibiotics", "diuretics" are drugs; "genetics" a field
        return not lower.endswith(_FIELDS_ICS)
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


#: fields of study and practice named in -ics, one thing each ("genetics is", "aerobics
#: improves"); other words in -ics name things ("antibiotics", "probiotics", "narcotics")
_FIELDS_ICS = ("genetics", "genomics", "omics", "statistics", "physics", "economics", "ethics",
               "aerobics", "obstetrics", "pediatrics", "paediatrics", "orthopedics",
               "orthopaedics", "dynamics", "kinetics", "linguistics", "athletics", "gymnastics",
               "politics", "logistics", "mechanics", "mathematics", "informatics", "ergonomics",
               "geriatrics", "psychometrics", "biometrics", "bioethics")


def quoted(text: str, width: int = 110) -> str:
    """The text in curly quotes, shortened with an ellipsis beyond ``width`` characters."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"“{text}”"


#: words and marks that make a sentence define something: a copula ("is", "can be"),
#: a defining verb ("refers to", "means", "denotes", "is known as"), a relative
#: clause ("X, which is …") or an apposition (a dash, colon or parenthesis, or a comma
#: and an indefinite article: "statin intolerance, a reduced ability to …")
_DEFINING = re.compile(
    r"\b(is|are|was|were|be|being|been|isn't|aren't|refers? to|means?|meaning|denotes?|"
    r"defined as|known as|called|characteri[sz]ed by|involves?|describes?|consists? of|"
    r"represents?|(?:kind|type|form|sort) of|which|viewed? as|regarded as|considered)\b"
    r"|[—–:(]|\s-\s|,\s+an?\s",
    re.IGNORECASE,
)
#: a simile or comparison: "Like other traits, …", "as with any …", "similar to …"
_COMPARISON = re.compile(
    r"^\W*(like|unlike|as with|similar to|akin to|just as|much as)\b"
    r"|\b(like|unlike) (other|any|many|most|all)\b",
    re.IGNORECASE,
)


def defining_cue(quote: str) -> str | None:
    """The words of a quote that make it a definition, or None if it is not one.

    A definition needs a defining cue (a copula, a defining verb, a
    relative clause or an apposition), and a simile or comparison is never
    one: "Like other traits, X lies on a continuum" compares X with traits,
    it does not say X is a trait.

    Examples
    --------
    >>> defining_cue("Caffeine withdrawal is a condition.")
    'is'
    >>> defining_cue("Like other habits, coffee drinking lies on a continuum.") is None
    True
    >>> defining_cue("coffee can stop you from sleeping") is None
    True
    """
    if _COMPARISON.search(quote):
        return None
    found = _DEFINING.search(quote)
    return found.group(0) if found else None
