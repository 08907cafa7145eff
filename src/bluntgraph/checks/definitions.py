"""Rules about what a term *is*: same-as against distinct-from, disjoint genera, facets.

Definitions are the claims with ``defined_as``, ``same_as`` and
``distinct_from`` (and ``symptom_of`` where it meets ``same_as``). Terms are
entity ids, so every synonym the vocabulary lists is already one term.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from ..model import Claim
from . import wording
from .engine import CheckContext, Draft, cross, rule

__all__ = [
    "COMPARED_FACETS",
    "DURATION_FACETS",
    "definition_claims",
    "definition_facets_differ",
    "definition_varies_within_source",
    "disjoint_definitions",
    "duration_days",
    "same_and_distinct",
    "synonym_or_sign",
]

#: facet keys whose values the definition rules compare. Their values are
#: short closed words ("both", "positive"; "reduction", "absence"), and
#: "a-or-b" offers alternatives; or, for the ``DURATION_FACETS``, a length of
#: time ("more than eight weeks", "a year"). Free-text keys (``scope``,
#: ``genus``) are not compared: their values are the curator's own words.
COMPARED_FACETS = ("valence", "degree", "minimum_duration", "maximum_duration")
#: facets holding a length of time: two values clash when they name different lengths
DURATION_FACETS = frozenset({"minimum_duration", "maximum_duration"})

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty": 20, "thirty": 30,
}  # fmt: skip
_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
_LENGTH = re.compile(
    r"\b(\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")[\s-]+(day|week|month|year)s?\b",
    re.IGNORECASE,
)


def duration_days(value: str) -> float | None:
    """The length of time a facet value names, in days (None when it names none).

    Examples
    --------
    >>> duration_days("more than eight weeks"), duration_days("more than a year")
    (56.0, 365.25)
    >>> duration_days("long") is None
    True
    """
    found = _LENGTH.search(value)
    if found is None:
        return None
    count, unit = found.group(1).casefold(), found.group(2).casefold()
    number = float(_NUMBER_WORDS[count]) if count in _NUMBER_WORDS else float(count)
    return number * _DAYS[unit]


def definition_claims(ctx: CheckContext) -> list[Claim]:
    """The ``defined_as`` claims that are definitions: their quote has a defining cue.

    A simile or a comparison ("Like other traits, …"), or a sentence with no
    defining words at all, is curated as ``defined_as`` at times but defines
    nothing; the definition rules leave it out (see
    :func:`~.wording.defining_cue`).
    """

    def compute() -> list[Claim]:
        # one sentence is often curated as several claims: read each quote once
        defines: dict[str, bool] = {}
        found = []
        for claim in ctx.with_predicate("defined_as"):
            quote = claim.quote
            known = defines.get(quote)
            if known is None:
                known = defines[quote] = wording.defining_cue(quote) is not None
            if known:
                found.append(claim)
        return found

    return ctx.shared("definitions", compute)


def _polarity(claim: Claim) -> int:
    """+1 if the claim says the two terms are the same, -1 if different, 0 otherwise."""
    value = {"same_as": 1, "distinct_from": -1}.get(claim.predicate, 0)
    return -value if claim.negated else value


def _verb(claims: Sequence[Claim], singular: str, plural: str) -> str:
    return singular if len({c.source for c in claims}) == 1 else plural


@rule("same-and-distinct", "definition-conflict", "warning")
def same_and_distinct(ctx: CheckContext) -> Iterator[Draft]:
    """Two terms called the same thing by one claim and different things by another.

    Pairs every ``same_as`` (or denied ``distinct_from``) with every
    ``distinct_from`` (or denied ``same_as``) about the same two entities, in
    either order, across or within sources. Synonyms are resolved by the
    vocabulary before claims are written, so "emotional numbness" and
    "emotional blunting" are one term. Claims limited by a condition are
    skipped.
    """
    groups: dict[frozenset[str], tuple[list[Claim], list[Claim]]] = {}
    for claim in ctx.with_predicate("same_as", "distinct_from"):
        polarity = _polarity(claim)
        if not polarity or claim.condition or claim.subject == claim.object:
            continue
        same, distinct = groups.setdefault(frozenset((claim.subject, claim.object)), ([], []))
        (same if polarity > 0 else distinct).append(claim)
    for pair in sorted(groups, key=sorted):
        same, distinct = groups[pair]
        if not (same and distinct):
            continue
        first, second = sorted(pair, key=lambda e: (e != same[0].subject, e))
        a, b = ctx.label(first), ctx.label(second)
        yield Draft(
            f"{ctx.where_all(same)} {_verb(same, 'treats', 'treat')} {b} as another name for "
            f"{a}, but {ctx.where_all(distinct)} {_verb(distinct, 'says', 'say')} {a} and {b} "
            "are distinct. Two terms cannot be both the same thing and different things; "
            "readers of both will not know what either source means.",
            tuple(ctx.in_order(same) + ctx.in_order(distinct)),
            pairs=cross(same, distinct),
        )


@rule("synonym-or-sign", "definition-conflict", "warning")
def synonym_or_sign(ctx: CheckContext) -> Iterator[Draft]:
    """A term called another name for X, while X is also listed as its symptom.

    Pairs every ``same_as`` claim between two terms with every
    ``symptom_of`` claim between the same two terms (either direction). A
    sign of a thing is not another name for it, so one of the two readings
    is wrong or the sources mean different things by the word.
    """
    same: dict[frozenset[str], list[Claim]] = defaultdict(list)
    for claim in ctx.with_predicate("same_as", "distinct_from"):
        if _polarity(claim) > 0 and not claim.condition and claim.subject != claim.object:
            same[frozenset((claim.subject, claim.object))].append(claim)
    signs: dict[frozenset[str], list[Claim]] = defaultdict(list)
    for claim in ctx.with_predicate("symptom_of"):
        if not claim.negated:
            signs[frozenset((claim.subject, claim.object))].append(claim)
    for pair in sorted(set(same) & set(signs), key=sorted):
        sign = signs[pair][0]
        symptom, term = ctx.label(sign.subject), ctx.label(sign.object)
        yield Draft(
            f"{ctx.where_all(same[pair])} {_verb(same[pair], 'treats', 'treat')} {symptom} and "
            f"{term} as names for the same thing, while {ctx.where_all(signs[pair])} "
            f"{_verb(signs[pair], 'lists', 'list')} {symptom} as a symptom of {term}. A sign of "
            "something is not another name for it.",
            tuple(ctx.in_order(same[pair]) + ctx.in_order(signs[pair])),
            pairs=cross(same[pair], signs[pair]),
        )


@rule("disjoint-definitions", "definition-conflict", "warning")
def disjoint_definitions(ctx: CheckContext) -> Iterator[Draft]:
    """A term defined as two things the vocabulary says nothing can be both.

    Compares every two ``defined_as`` claims about one term (across or
    within sources): their objects must not be disjoint
    (``disjoint_with``, inherited along is-a) — a symptom is not a
    condition. Also pairs a denied definition ("is not a condition") with an
    asserted one of the same or a narrower concept. Claims limited by a
    condition are skipped.
    """
    vocab = ctx.vocabulary
    by_term: dict[str, list[Claim]] = defaultdict(list)
    for claim in definition_claims(ctx):
        if not claim.condition:
            by_term[claim.subject].append(claim)
    for term in sorted(by_term):
        asserted = [c for c in by_term[term] if not c.negated]
        objects = sorted({c.object for c in asserted})
        for i, first in enumerate(objects):
            for second in objects[i + 1 :]:
                if not vocab.disjoint(first, second):
                    continue
                one = [c for c in asserted if c.object == first]
                two = [c for c in asserted if c.object == second]
                yield Draft(
                    f"{wording.is_(wording.capital(ctx.label(term)))} defined as "
                    f"{ctx.label(first)} by "
                    f"{ctx.where_all(one)} and as {ctx.label(second)} by {ctx.where_all(two)}, "
                    f"but the vocabulary says nothing is both {ctx.label(first)} and "
                    f"{ctx.label(second)} (disjoint_with).",
                    tuple(ctx.in_order(one) + ctx.in_order(two)),
                    pairs=cross(one, two),
                )
        for denial in (c for c in by_term[term] if c.negated):
            clashing = [c for c in asserted if vocab.is_a(c.object, denial.object)]
            if clashing:
                yield Draft(
                    f"{ctx.at(denial)} says {ctx.says(denial)}, but "
                    f"{ctx.where_all(clashing)} {_verb(clashing, 'says', 'say')} "
                    f"{wording.join(sorted({ctx.says(c) for c in clashing}))}.",
                    (denial, *ctx.in_order(clashing)),
                    pairs=cross([denial], clashing),
                )


def _alternatives(value: str) -> frozenset[str]:
    """The readings a facet value allows: ``reduction-or-absence`` allows both."""
    return frozenset(part.strip() for part in value.casefold().split("-or-"))


def _facet_values(claims: Sequence[Claim], key: str) -> dict[str, list[Claim]]:
    """Facet value -> the confident claims giving it (hedged "may be" claims do not count)."""
    values: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        value = claim.facet_map.get(key)
        if value and wording.CERTAINTY_RANK[claim.certainty.level] >= 2:
            values[value].append(claim)
    return values


def _clashing(values: dict[str, list[Claim]], key: str) -> list[tuple[str, str]]:
    names = sorted(values)
    if key in DURATION_FACETS:
        # "more than eight weeks" and "more than a year" draw the line at other lengths;
        # "six months" and "26 weeks" at one (within a tenth); a value naming no length
        # is not compared
        days = {name: duration_days(name) for name in names}
        return [
            (a, b)
            for i, a in enumerate(names)
            for b in names[i + 1 :]
            if (x := days[a]) is not None
            and (y := days[b]) is not None
            and abs(x - y) > max(x, y) / 10
        ]
    return [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if not _alternatives(a) & _alternatives(b)
    ]


def _facet_words(key: str) -> tuple[str, str]:
    """The facet's name in words, and why two of its values clash."""
    if key in DURATION_FACETS:
        return key.replace("_", " "), "name different lengths of time"
    return key, "have no reading in common"


def _definitions(ctx: CheckContext) -> dict[tuple[str, str], list[Claim]]:
    """(term, concept) -> its asserted, unconditional definitions; only groups of two or more.

    A definition alone has nothing to clash with; the groups are built once per run.
    """

    def compute() -> dict[tuple[str, str], list[Claim]]:
        groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in definition_claims(ctx):
            if not claim.negated and not claim.condition:
                groups[(claim.subject, claim.object)].append(claim)
        return {pair: claims for pair, claims in groups.items() if len(claims) > 1}

    return ctx.shared("definition-groups", compute)


def _facet_message(ctx: CheckContext, values: dict[str, list[Claim]]) -> str:
    return "; ".join(f"“{value}” — {ctx.where_all(values[value])}" for value in sorted(values))


@rule("definition-facets-differ", "definition-conflict", "warning")
def definition_facets_differ(ctx: CheckContext) -> Iterator[Draft]:
    """Sources define one term as the same concept but with exclusive details.

    Groups ``defined_as`` claims by term and concept and compares their
    facets on the keys in ``COMPARED_FACETS`` (valence: both / positive /
    negative; degree: reduction / absence). Values clash when they share no
    reading ("reduction-or-absence" shares one with each). Only confident
    definitions count (certain or probable; "it may be…" offers an
    alternative, not a definition). Reported when the clashing values come
    from different sources; one source against itself is an internal
    inconsistency.
    """
    for (term, concept), claims in sorted(_definitions(ctx).items()):
        for key in COMPARED_FACETS:
            values = _facet_values(claims, key)
            clashes = [
                (a, b)
                for a, b in _clashing(values, key)
                if len({c.source for c in values[a] + values[b]}) > 1
            ]
            if not clashes:
                continue
            involved = sorted({v for pair in clashes for v in pair})
            shown = {v: _first_per_source(values[v]) for v in involved}
            examples = wording.join([f"“{a}” and “{b}”" for a, b in clashes])
            name, why = _facet_words(key)
            yield Draft(
                f"Sources define {ctx.label(term)} as {ctx.label(concept)} with a different "
                f"{name}: {_facet_message(ctx, shown)}. {examples} {why}, "
                "so the sources do not describe the same thing.",
                tuple(ctx.in_order(c for v in involved for c in shown[v])),
                pairs=tuple(
                    (x, y)
                    for a, b in clashes
                    for x, y in cross(shown[a], shown[b])
                    if x.source != y.source
                ),
            )


def _sections(claims: Sequence[Claim]) -> str:
    names = [wording.section_name(c.section) for c in claims]
    return ", ".join(dict.fromkeys(names))


def _first_per_source(claims: Sequence[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.source, claim)
    return list(seen.values())


@rule("definition-varies-within-source", "internal-inconsistency", "warning")
def definition_varies_within_source(ctx: CheckContext) -> Iterator[Draft]:
    """One source defines a term in two ways that exclude each other.

    Within each source, groups ``defined_as`` claims by term and concept and
    compares their facets on ``COMPARED_FACETS`` as the
    definition-facets-differ rule does (confident claims only).
    """
    for (term, concept), claims in sorted(_definitions(ctx).items()):
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            by_source[c.source].append(c)
        for source_id, own in sorted(by_source.items()):
            if len(own) < 2:  # one definition cannot clash with itself
                continue
            for key in COMPARED_FACETS:
                values = _facet_values(own, key)
                clashes = _clashing(values, key)
                if not clashes:
                    continue
                involved = sorted({v for pair in clashes for v in pair})
                name = _facet_words(key)[0]
                yield Draft(
                    f"{source_id} defines {ctx.label(term)} as {ctx.label(concept)} with "
                    f"exclusive {name}s: "
                    + "; ".join(f"“{v}” ({_sections(values[v])})" for v in involved)
                    + ". A reader cannot tell which definition the article uses.",
                    tuple(ctx.in_order(c for v in involved for c in values[v])),
                    pairs=tuple(p for a, b in clashes for p in cross(values[a], values[b])),
                )
