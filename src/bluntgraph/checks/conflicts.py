"""Rules that compare what claims assert: contradictions, scope drift, a source against itself.

Every comparison goes through :mod:`.compare`, which reads structure
(subject, predicate, object, population, quantity, condition, negation) and
the vocabulary — never the wording of the quotes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from ..model import Claim
from . import wording
from .compare import (
    DEFINITION_PREDICATES,
    compare_negation,
    compare_statistics,
    direction,
    outcome_and_exposure,
    population_relation,
)
from .engine import CheckContext, Draft, cross, rule

__all__ = [
    "asserted_and_negated",
    "components",
    "incompatible_values",
    "opposite_direction_same_statistic",
    "same_figure_different_population",
    "same_figure_restated_differently",
]


def components(
    claims: Sequence[Claim], linked: Callable[[Claim, Claim], bool]
) -> list[list[Claim]]:
    """Groups of claims connected by ``linked`` pairs (each group in the given order)."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, first in enumerate(claims):
        for j in range(i + 1, len(claims)):
            if linked(first, claims[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[find(i)].append(claim)
    return [groups[k] for k in sorted(groups)]


def _statistics(ctx: CheckContext) -> list[Claim]:
    return [c for c in ctx.claims if c.quantity is not None and not c.negated]


def _verdict(ctx: CheckContext, first: Claim, second: Claim) -> str:
    return compare_statistics(ctx.vocabulary, first, second).verdict


def _figure_list(ctx: CheckContext, claims: Sequence[Claim]) -> str:
    return "; ".join(f"{ctx.statistic(c)} ({ctx.where(c)})" for c in ctx.in_order(claims))


@rule("opposite-direction-same-statistic", "contradiction", "error")
def opposite_direction_same_statistic(ctx: CheckContext) -> Iterator[Draft]:
    """The same figure for the same population, once as caused and once as relieved.

    Looks at every pair of statistics (claims with a quantity) that measure
    the same thing (measure and unit) of the same outcome, with the same or
    related causes (is-a), for the same population (after is-a and
    population definitions), whose intervals overlap, and whose predicates go
    in opposite directions (``causes``/``worsens`` against ``reduces``/
    ``treats``). Applies within one source too (body against FAQ). A claim
    limited by a ``condition`` is skipped: "X relieves Y only when Y comes
    from Z" does not contradict "X causes Y". Restatements of the same figure
    by the same source for a nested population are quoted alongside.
    """
    stats = _statistics(ctx)

    def clash(a: Claim, b: Claim) -> bool:
        return _verdict(ctx, a, b) == "contradiction"

    for group in components(stats, clash):
        if len(group) < 2:
            continue
        up = [c for c in group if direction(c.predicate) > 0]
        down = [c for c in group if direction(c.predicate) < 0]
        sources = {c.source for c in group}
        restated = [
            c
            for c in stats
            if c not in group
            and c.source in sources
            and not c.condition
            and any(m.source == c.source and _verdict(ctx, c, m) == "scope-drift" for m in group)
        ]
        message = (
            f"These cannot both be true: {_figure_list(ctx, up)}; and {_figure_list(ctx, down)}. "
            "The figures overlap and the population is the same, but the effects go in "
            "opposite directions"
        )
        if len(sources) == 1:
            message += f" — and both come from {next(iter(sources))}"
        message += "."
        if restated:
            message += f" The same source also gives this figure as: {_figure_list(ctx, restated)}."
        claims = ctx.in_order(up) + ctx.in_order(down) + ctx.in_order(restated)
        yield Draft(message, tuple(claims), pairs=cross(up, down) + cross(restated, down))


@rule("incompatible-values", "contradiction", "error")
def incompatible_values(ctx: CheckContext) -> Iterator[Draft]:
    """Figures for the same relation and population that share no value.

    Two statistics of the same measure, outcome, cause and population, in
    the same direction, with the same condition and time course, whose
    intervals do not overlap ("10%" against "40–60%"). Bounds are read as
    intervals: "up to 60%" allows 0–60% and so agrees with "40–60%";
    "approximately" widens a figure by a tenth.
    """
    stats = _statistics(ctx)
    for i, first in enumerate(stats):
        for second in stats[i + 1 :]:
            comparison = compare_statistics(ctx.vocabulary, first, second)
            if comparison.verdict != "incompatible-values":
                continue
            yield Draft(
                f"These cannot both be true: {ctx.statistic(first)} ({ctx.where(first)}), but "
                f"{ctx.statistic(second)} ({ctx.where(second)}). For the same population, "
                f"cause and outcome the figures share no value — {comparison.reasons[1]}.",
                (first, second),
            )


@rule("asserted-and-negated", "contradiction", "error")
def asserted_and_negated(ctx: CheckContext) -> Iterator[Draft]:
    """One claim denies a relation that another asserts.

    A denial ("ketamine does not cause X") is contradicted by an assertion of
    the same predicate about the same or a narrower subject and object (by
    is-a) and population. Not flagged: a hedged denial ("may not"), a denial
    limited by a condition, or a denial of a time course only ("not
    permanent"), which the tension rules look at instead. Definitions
    (defined_as, same_as, distinct_from) are left to the definition rules.
    """
    denials = [c for c in ctx.claims if c.negated and c.predicate not in DEFINITION_PREDICATES]
    for denial in denials:
        assertions = [
            c
            for c in ctx.with_predicate(denial.predicate)
            if not c.negated
            and compare_negation(ctx.vocabulary, denial, c).verdict == "asserted-and-negated"
        ]
        if not assertions:
            continue
        sources = {c.source for c in (denial, *assertions)}
        same = f" Both come from {denial.source}." if len(sources) == 1 else ""
        yield Draft(
            f"These cannot both be true: {ctx.at(denial)} says {ctx.says(denial)}, but "
            f"{ctx.where_all(assertions)} "
            f"{'says' if len(assertions) == 1 else 'say'} "
            f"{wording.join(sorted({ctx.says(c) for c in assertions}))}.{same}",
            (denial, *ctx.in_order(assertions)),
            pairs=cross([denial], assertions),
        )


def _drift_groups(ctx: CheckContext, stats: Sequence[Claim]) -> list[list[Claim]]:
    """Same-direction statistics joined whenever they give the same (overlapping) figure."""

    def same_figure(a: Claim, b: Claim) -> bool:
        return _verdict(ctx, a, b) in ("agree", "scope-drift")

    return [g for g in components(stats, same_figure) if len(g) > 1]


def _populations(ctx: CheckContext, claims: Sequence[Claim]) -> list[str | None]:
    """The distinct populations of the claims (equivalent definitions counted once)."""
    distinct: list[str | None] = []
    for claim in ctx.in_order(claims):
        if not any(
            population_relation(ctx.vocabulary, claim.population, p) == "same" for p in distinct
        ):
            distinct.append(claim.population)
    return distinct


def _nesting(ctx: CheckContext, populations: Sequence[str | None]) -> str:
    """Which population contains which, in words."""
    vocab = ctx.vocabulary
    contains: dict[str | None, list[str | None]] = {
        p: [q for q in populations if q != p and population_relation(vocab, p, q) == "wider"]
        for p in populations
    }
    parts = [
        f"{ctx.population(p)} contains {wording.join([ctx.population(q) for q in inner])}"
        for p, inner in contains.items()
        if inner
    ]
    widest = [p for p in populations if not any(p in inner for inner in contains.values())]
    text = ""
    if len(widest) == 1 and contains[widest[0]]:
        text = f"The widest is {ctx.population(widest[0])}. "
    if parts:
        text += wording.capital("; ".join(parts)) + "."
    unnested = [
        (p, q)
        for i, p in enumerate(populations)
        for q in populations[i + 1 :]
        if population_relation(vocab, p, q) == "unrelated"
    ]
    if unnested:
        pairs = "; ".join(f"{ctx.population(p)} / {ctx.population(q)}" for p, q in unnested)
        text += f" Not nested (neither contains the other): {pairs}."
    return text.strip()


@rule("same-figure-different-population", "scope-drift", "warning")
def same_figure_different_population(ctx: CheckContext) -> Iterator[Draft]:
    """One figure attached to different populations across sources.

    Groups statistics that give overlapping figures of the same measure for
    the same outcome, in the same direction, with related causes; reports a
    group whose claims come from more than one source and name more than
    one population, saying which population contains which (is-a between
    populations; ``takes`` classes related by is-a). This is not a
    contradiction — a share measured in long-term SSRI users does not carry
    over to all antidepressant users, and a reader should know which one the
    figure was measured in. (A single source doing this is reported as an
    internal inconsistency instead.)
    """
    for group in _drift_groups(ctx, _statistics(ctx)):
        populations = _populations(ctx, group)
        if len(populations) < 2 or len({c.source for c in group}) < 2:
            continue
        by_population = [
            f"{ctx.population(p)}: "
            + "; ".join(
                dict.fromkeys(
                    f"{wording.figure(c.quantity)} ({ctx.where(c)})"  # type: ignore[arg-type]
                    for c in ctx.in_order(group)
                    if population_relation(ctx.vocabulary, c.population, p) == "same"
                )
            )
            for p in populations
        ]
        outcome = ctx.label(outcome_and_exposure(group[0])[0])
        yield Draft(
            f"The same figure for {outcome} is attached to {len(populations)} different "
            f"populations — {' | '.join(by_population)}. {_nesting(ctx, populations)} "
            "A share measured in one population does not carry over to the others.",
            tuple(ctx.in_order(group)),
            pairs=tuple(
                (a, b)
                for i, a in enumerate(ctx.in_order(group))
                for b in ctx.in_order(group)[i + 1 :]
                if population_relation(ctx.vocabulary, a.population, b.population) != "same"
            ),
        )


@rule("same-figure-restated-differently", "internal-inconsistency", "warning")
def same_figure_restated_differently(ctx: CheckContext) -> Iterator[Draft]:
    """A source gives one figure twice, for different populations or with firmer wording.

    Within one source, groups statistics that give overlapping figures for
    the same outcome in the same direction (as the scope-drift rule does)
    and reports a group whose population changes (says which is wider) or
    whose certainty changes — the hedge hardening from "studies suggest"
    (probable) to "research shows" (certain). Contradictions between
    sections of one source are reported as contradictions, not here.
    """
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in _statistics(ctx):
        by_source[claim.source].append(claim)
    for source_id in sorted(by_source):
        for group in _drift_groups(ctx, by_source[source_id]):
            ordered = sorted(group, key=lambda c: c.start)
            populations = _populations(ctx, ordered)
            levels = [c.certainty.level for c in ordered]
            problems = []
            if len(populations) > 1:
                problems.append(
                    "The population changes: "
                    + " → ".join(ctx.population(p) for p in populations)
                    + f". {_nesting(ctx, populations)}"
                )
            if len(set(levels)) > 1:
                steps = " → ".join(
                    f"“{c.certainty.cue or c.certainty.level}” ({c.certainty.level}, "
                    f"{wording.section_name(c.section)})"
                    for c in ordered
                )
                ranks = [wording.CERTAINTY_RANK[level] for level in levels]
                way = (
                    "hardens"
                    if ranks[-1] > ranks[0]
                    else "softens"
                    if ranks[-1] < ranks[0]
                    else "changes"
                )
                problems.append(f"The wording {way}: {steps}.")
            if not problems:
                continue
            yield Draft(
                f"{source_id} gives the same figure more than once, differently: "
                f"{_figure_list(ctx, ordered)}. " + " ".join(problems),
                tuple(ordered),
            )
