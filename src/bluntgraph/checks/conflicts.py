"""Rules that compare what claims assert: contradictions, scope drift, a source against itself.

Every comparison goes through :mod:`.compare`, which reads structure
(subject, predicate, object, population, quantity, condition, negation) and
the vocabulary — never the wording of the quotes.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import product

from ..model import SYMMETRIC_PREDICATES, Claim
from ..vocabulary import Vocabulary
from . import wording
from .compare import (
    DEFINITION_PREDICATES,
    Comparison,
    canonical,
    class_and_kind,
    class_figure_gap,
    comparable_statistics,
    compare_directions,
    compare_negation,
    compare_statistics,
    denied_predicates,
    direction,
    firm_wording,
    is_subgroup,
    kind_figures_comparable,
    outcome_and_exposure,
    population_relation,
    reported_belief,
    safety_covers,
    same_figure,
    span,
    stated_exceptions,
    within_object,
    works_through,
)
from .engine import CheckContext, Draft, cross, rule

__all__ = [
    "asserted_and_negated",
    "certainty_varies_within_source",
    "class_figure_vs_member_figure",
    "components",
    "frequency_differs_across_sources",
    "incompatible_values",
    "opposite_direction_same_relation",
    "opposite_direction_same_statistic",
    "same_figure_different_population",
    "same_figure_restated_differently",
    "sole_cause_vs_other_cause",
]


def components(claims: Sequence[Claim], links: Iterable[tuple[Claim, Claim]]) -> list[list[Claim]]:
    """Groups of claims connected by the ``links`` (each group in the given order).

    Links to claims outside ``claims`` are ignored.
    """
    index = {c.id: n for n, c in enumerate(claims)}
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for first, second in links:
        if first.id in index and second.id in index:
            parent[find(index[second.id])] = find(index[first.id])
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[find(i)].append(claim)
    return [groups[k] for k in sorted(groups)]


def _statistics(ctx: CheckContext) -> list[Claim]:
    """The figures the statistic rules compare: not denied, and not a belief the source
    reports without making it its own ("It is often said that vitamin C halves your
    chances of catching a cold" is the myth a GP then corrects, not the GP's figure)."""
    return ctx.shared(
        "statistics",
        lambda: [c for c in ctx.figure_claims if not c.negated and not reported_belief(c)],
    )


def _signature(claim: Claim) -> tuple[object, ...]:
    """What a comparison of this statistic depends on: equal signatures compare alike."""
    q = claim.quantity
    assert q is not None
    outcome, exposure = outcome_and_exposure(claim)
    return (q.measure, q.unit, q.low, q.high, q.bound, outcome, exposure, claim.predicate,
            claim.population, claim.condition, claim.time_course, claim.time_reference,
            claim.attribution.study)  # fmt: skip


@dataclass(frozen=True)
class _Figures:
    """Statistics in groups of identical figures, and the verdicts between groups.

    A figure restated many times is compared once: ``groups[i]`` holds the
    claims (in corpus order) with one signature, ``group_of`` maps a claim id
    to its group, ``pairs`` lists ``(i, j, comparison)`` for every two groups
    that may be about the same thing. Claims of one group always agree.
    """

    groups: list[list[Claim]]
    group_of: dict[str, int]
    pairs: list[tuple[int, int, Comparison]]


def _figures(ctx: CheckContext) -> _Figures:
    def compute() -> _Figures:
        vocab = ctx.vocabulary
        by_signature: dict[tuple[object, ...], list[Claim]] = {}
        for claim in _statistics(ctx):
            by_signature.setdefault(_signature(claim), []).append(claim)
        groups = list(by_signature.values())
        group_of = {c.id: n for n, group in enumerate(groups) for c in group}
        firsts = [group[0] for group in groups]
        pairs = [
            (group_of[a.id], group_of[b.id], compare_statistics(vocab, a, b))
            for a, b in comparable_statistics(vocab, firsts)
        ]
        return _Figures(groups, group_of, pairs)

    return ctx.shared("figures", compute)


def _expanded(ctx: CheckContext, verdict: str) -> list[tuple[Claim, Claim, Comparison]]:
    """Every pair of claims (one from each group) whose groups have this verdict."""
    figures = _figures(ctx)
    return [
        (a, b, comparison)
        for i, j, comparison in figures.pairs
        if comparison.verdict == verdict
        for a in figures.groups[i]
        for b in figures.groups[j]
    ]


def _other_study(first: Claim, second: Claim) -> bool:
    """Whether the two claims describe different studies (year, size or design differ)."""
    a, b = first.attribution.study, second.attribution.study
    return a is not None and b is not None and a.differs_from(b)


def _one_figure(first: Claim, second: Claim, comparison: Comparison) -> bool:
    """Whether two comparable statistics give one figure (for the same or other people).

    The verdict is ``agree`` or ``scope-drift``, the figures are the same
    (:func:`~bluntgraph.checks.compare.same_figure`: overlapping is not
    enough — "about 15%" lies inside "5–35%" without being it), and the
    claims do not describe two different studies (two studies that find the
    same share are two results, not one figure restated).
    """
    assert first.quantity is not None and second.quantity is not None
    return (
        comparison.verdict in ("agree", "scope-drift")
        and same_figure(first.quantity, second.quantity)
        and not _other_study(first, second)
    )


def _same_figure_links(ctx: CheckContext) -> list[tuple[Claim, Claim]]:
    """Links between statistics of one source giving the same figure, enough to connect them.

    Same figure: see :func:`_one_figure`. Only claims of one
    source are linked, so that the groups a source forms on its own can be
    found.
    """
    figures = _figures(ctx)

    def firsts(group: list[Claim]) -> dict[str, Claim]:
        first: dict[str, Claim] = {}
        for claim in group:
            first.setdefault(claim.source, claim)
        return first

    links = []
    for group in figures.groups:
        first = firsts(group)
        links += [(first[c.source], c) for c in group]
    for i, j, comparison in figures.pairs:
        if _one_figure(figures.groups[i][0], figures.groups[j][0], comparison):
            one, two = firsts(figures.groups[i]), firsts(figures.groups[j])
            links += [(one[key], two[key]) for key in sorted(set(one) & set(two))]
    return links


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
    by the same source for a nested population are quoted alongside. When
    both figures are percent shares of one population whose smallest values
    add up to 100% or less, both could hold for different people: the
    finding says so, as a warning (a figure carried over to the opposite
    effect); above 100% they cannot both be true (an error). The same figure
    for opposite effects in two sources, one naming no population (read as
    everyone) and the other a group, is a warning: said of everyone, the
    effect holds in the group too ("PPIs raise the risk of a broken hip by
    44%" against "in people over 50, PPI use lowered it by 44%").
    """
    figures = _figures(ctx)
    clashes = [(a, b) for a, b, _ in _expanded(ctx, "contradiction")]
    drift: dict[int, list[int]] = defaultdict(list)
    for i, j, comparison in figures.pairs:
        if comparison.verdict == "scope-drift":
            drift[i].append(j)
            drift[j].append(i)
    # only the clashing statistics can form a group of two or more
    for group in components(ctx.in_order(c for pair in clashes for c in pair), clashes):
        up = [c for c in group if direction(c.predicate) > 0]
        down = [c for c in group if direction(c.predicate) < 0]
        sources = {c.source for c in group}
        members = {c.id for c in group}
        restated = ctx.in_order(
            c
            for m in group
            for other in drift[figures.group_of[m.id]]
            for c in figures.groups[other]
            if c.id not in members and c.source == m.source and not c.condition
        )
        together = _smallest_shares(up, down)
        exclusive = together is None or together > 100
        message = (
            f"{'These cannot both be true' if exclusive else 'One figure for opposite effects'}: "
            f"{_figure_list(ctx, up)}; and {_figure_list(ctx, down)}. "
            "The figures overlap and the population is the same, but the effects go in "
            "opposite directions"
        )
        if len(sources) == 1:
            message += f" — and both come from {next(iter(sources))}"
        message += "."
        if together is not None and exclusive:
            message += (
                f" As shares of one population they add up to at least {wording.number(together)}%."
            )
        elif together is not None:
            message += (
                " Both hold only if they are different people, together at least "
                f"{wording.number(together)}% of the population; more likely one figure was "
                "carried over to the other claim."
            )
        if restated:
            message += f" The same source also gives this figure as: {_figure_list(ctx, restated)}."
        claims = ctx.in_order(up) + ctx.in_order(down) + ctx.in_order(restated)
        yield Draft(
            message,
            tuple(claims),
            severity=None if exclusive else "warning",
            pairs=cross(up, down) + cross(restated, down),
        )
    for first, second, _ in _expanded(ctx, "opposite-population-not-stated"):
        stated, everyone = sorted((first, second), key=lambda c: c.population is None)
        yield Draft(
            f"One figure for opposite effects, and one names no population: "
            f"{ctx.statistic(stated)} ({ctx.at(stated)}), but {ctx.statistic(everyone)} "
            f"({ctx.at(everyone)}), said of everyone: so in that group too, in the other "
            "direction, unless the effect differs by group, which neither source says.",
            (first, second),
            severity="warning",
            pairs=cross([first], [second]),
        )


#: measures that count a share of people ("proportion_affected", "prevalence"), as
#: ``CheckContext.statistic`` words them
_SHARE_MEASURES = ("proportion", "prevalence")


def _smallest_shares(up: Sequence[Claim], down: Sequence[Claim]) -> Decimal | None:
    """The least the two sides' shares add up to, when both are percent shares of a population.

    None when a figure is not a percent share of a population (a rate, a
    count, a change in duration or risk: "colds 14% shorter" and "14%
    longer" are no shares of people): then the same figure for opposite
    effects cannot both hold.
    """
    lows: list[Decimal] = []
    for side in (up, down):
        side_lows = []
        for claim in side:
            q = claim.quantity
            if (
                q is None
                or q.unit != "percent"
                or not q.measure.startswith(_SHARE_MEASURES)
                or not claim.population
            ):
                return None
            low = q.interval()[0]
            if low is None:
                return None
            side_lows.append(low)
        lows.append(min(side_lows))
    return sum(lows, Decimal(0))


@rule("incompatible-values", "contradiction", "error")
def incompatible_values(ctx: CheckContext) -> Iterator[Draft]:
    """Figures for the same relation and population that share no value.

    Two statistics of the same measure, outcome, cause and population, in
    the same direction, with the same condition and time course, whose
    intervals do not overlap ("10%" against "40–60%"). Bounds are read as
    intervals: "up to 60%" allows 0–60% and so agrees with "40–60%";
    "approximately" widens a figure by a tenth. One source giving the very
    same figure twice (a summary and its body) is one side of one finding.
    An effect's size (not a share of people) that names no population
    against another source's for a group, otherwise alike, is a warning:
    the figure for everyone is the effect in the group too unless the
    effect differs by group, which neither source says
    ("melatonin cuts the time to fall asleep by 51%" against "in adults with
    insomnia, … by 30%").
    """
    figures = _figures(ctx)
    for i, j, comparison in figures.pairs:
        if comparison.verdict not in ("incompatible-values", "population-not-stated"):
            continue
        one, two = _by_source(figures.groups[i]), _by_source(figures.groups[j])
        for firsts in one.values():
            for seconds in two.values():
                first, second = firsts[0], seconds[0]
                if comparison.verdict == "population-not-stated":
                    (group, at), (everyone, at_all) = sorted(
                        ((firsts, first), (seconds, second)), key=lambda s: s[1].population is None
                    )
                    yield Draft(
                        f"The figures differ and one names no population: "
                        f"{ctx.statistic(at)} ({_where_given(ctx, group)}), but "
                        f"{ctx.statistic(at_all)} ({_where_given(ctx, everyone)}), said of "
                        "everyone. A figure for everyone is the effect in "
                        f"{ctx.population(at.population)} too, unless the effect differs by "
                        f"group, which neither source says — {comparison.reasons[1]}.",
                        (*group, *everyone),
                        severity="warning",
                        pairs=cross(group, everyone),
                    )
                    continue
                yield Draft(
                    f"These cannot both be true: {ctx.statistic(first)} "
                    f"({_where_given(ctx, firsts)}), but {ctx.statistic(second)} "
                    f"({_where_given(ctx, seconds)}). For the same population, cause and "
                    f"outcome the figures share no value — {comparison.reasons[1]}.",
                    (*firsts, *seconds),
                    pairs=cross(firsts, seconds),
                )


@rule("class-figure-vs-member-figure", "tension", "warning")
def class_figure_vs_member_figure(ctx: CheckContext) -> Iterator[Draft]:
    """A class's figure and one of its kinds' are too far apart to sum up the same effect.

    A statistic about a class ("omega-3 lowers triglycerides by 15–30%") and
    one about a kind of it by the vocabulary's is-a links ("EPA lowers
    triglycerides by 5%"), from two sources, with the same measure, outcome,
    direction, condition and time course, for the same people (or the
    class's users against the kind's: "ACE inhibitor users", "lisinopril
    users"). A class's figure sums up its kinds, which may differ: the pair
    is reported only when the kind's figure is at most half the least value
    the class's figure allows, or at least twice the most — and no other
    kind of the class has a figure on the other side of the class's, which
    the class's figure could be a mix of. A brand is its drug, not a kind of
    it (``incompatible-values`` compares their figures); one source giving
    both tells the class and its kind apart.
    """
    figures = _figures(ctx)
    vocab = ctx.vocabulary
    kinds_of: dict[int, list[tuple[int, Claim]]] = defaultdict(list)
    candidates: list[tuple[int, int, str]] = []
    for i, j, _ in figures.pairs:
        pair = class_and_kind(vocab, figures.groups[i][0], figures.groups[j][0])
        if pair is None:
            continue
        g, k = (i, j) if pair[0] is figures.groups[i][0] else (j, i)
        kinds_of[g].append((k, pair[1]))
        gap = class_figure_gap(vocab, *pair)
        if gap is not None:
            candidates.append((g, k, gap))
    for g, k, gap in candidates:
        general = figures.groups[g][0]
        assert general.quantity is not None
        low, high = general.quantity.interval()
        # another kind whose figure lies beyond the class's on the other side: the class's
        # figure may be a mix of the two
        if any(
            _beyond(other, low, high, "above" if gap == "below" else "below")
            and kind_figures_comparable(vocab, general, other)
            for m, other in kinds_of[g]
            if m != k
        ):
            continue
        kind = figures.groups[k][0]
        assert kind.quantity is not None
        far = (
            f"at most half the least the class's figure allows ({span(general.quantity)})"
            if gap == "below"
            else f"at least twice the most the class's figure allows ({span(general.quantity)})"
        )
        for classes in _by_source(figures.groups[g]).values():
            for kinds in _by_source(figures.groups[k]).values():
                if classes[0].source == kinds[0].source:
                    continue  # one source giving both tells them apart
                yield Draft(
                    f"{ctx.statistic(classes[0])} ({_where_given(ctx, classes)}), but "
                    f"{ctx.statistic(kinds[0])} ({_where_given(ctx, kinds)}). "
                    f"The vocabulary makes {ctx.label(kind.subject)} a kind of "
                    f"{ctx.label(general.subject)}, and its figure is {far}: a class's figure "
                    "sums up its kinds, which may differ, but seldom by that much, and no "
                    "other kind's figure here makes up the difference. Either the class's "
                    f"figure does not hold for {ctx.label(kind.subject)}, or one of the "
                    "figures is wrong.",
                    (*classes, *kinds),
                    pairs=cross(classes, kinds),
                )


def _beyond(claim: Claim, low: Decimal | None, high: Decimal | None, side: str) -> bool:
    """Whether a figure lies wholly above (or below) the interval ``low``–``high``."""
    assert claim.quantity is not None
    c_low, c_high = claim.quantity.interval()
    if side == "above":
        return high is not None and c_low is not None and c_low > high
    return low is not None and c_high is not None and c_high < low


def _by_source(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """The claims by source, each list in the given order (sources in order of first claim)."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.source, []).append(claim)
    return grouped


def _where_given(ctx: CheckContext, claims: Sequence[Claim]) -> str:
    """Where one source gives a figure: ``"src, body"``, or ``"src (summary, body)"`` twice."""
    return ctx.where(claims[0]) if len(claims) == 1 else ctx.where_all(claims)


def _as_said(ctx: CheckContext, claim: Claim) -> str:
    """The claim in words with what limits it: its condition, its hedge, whom it reports.

    "Losartan can occasionally cause a cough too, she added" is
    ``losartan causes dry cough (“can occasionally”; reporting Dr. Amara Osei)``.
    """
    limits = [claim.condition] if claim.condition else []
    if claim.certainty.level != "certain" and claim.certainty.cue:
        limits.append(f"“{claim.certainty.cue}”")
    if claim.attribution.mode == "reports" and claim.attribution.expert:
        limits.append(f"reporting {claim.attribution.expert}")
    return ctx.says(claim) + (f" ({'; '.join(limits)})" if limits else "")


def _beyond_stated_exceptions(
    vocab: Vocabulary, denial: Claim, candidates: list[Claim], assertions: list[Claim]
) -> list[Claim]:
    """The assertions that are no exception the denial's source states (``stated_exceptions``).

    ``candidates`` are the assertions about the denial's terms or kinds of
    them, ``assertions`` those of them that contradict it taken alone.
    """
    stated = stated_exceptions(denial, candidates)
    return [
        c
        for c in assertions
        if not any(
            vocab.is_a(c.subject, e.subject) and vocab.is_a(c.object, e.object) for e in stated
        )
    ]


def _worded(claim: Claim) -> str:
    """How a claim is hedged, in its own words: its certainty cue quoted ("“may”"), or
    "without a hedge" when it has none (a quoted "“certain”" would read as the text's)."""
    cue = claim.certainty.cue
    return f"“{cue}”" if cue else "without a hedge"


def _denied_subjects(vocab: Vocabulary, subject: str) -> set[str]:
    """The subjects whose assertions a denial about ``subject`` can meet: it and its kinds,
    and, for a brand, its drug and the drug's other brands (a brand is its drug)."""
    found = set(vocab.members(subject))
    drug = canonical(vocab, subject)
    if drug != subject:
        found |= {m for m in vocab.members(drug) if canonical(vocab, m) == drug}
    return found


def _views(claim: Claim) -> tuple[Claim, ...]:
    """The claim, and for a symmetric relation ("X interacts with Y") the same with subject
    and object swapped: the ways round another claim can state it."""
    if claim.predicate in SYMMETRIC_PREDICATES and claim.subject != claim.object:
        return (claim, replace(claim, subject=claim.object, object=claim.subject))
    return (claim,)


@rule("asserted-and-negated", "contradiction", "error")
def asserted_and_negated(ctx: CheckContext) -> Iterator[Draft]:
    """One claim denies a relation that another asserts.

    A denial ("ketamine does not cause X") is contradicted by an assertion of
    the same predicate about the same or a narrower subject and object (by
    is-a) and population; a denied link ("studies found no link between X
    and Y", ``associated_with``) also by a cause or an effect of X on Y. An
    assertion that names no population covers every population, and one
    about a group the groups within it ("in adults" covers older adults),
    so a denial scoped to one population ("for coffee drinkers, the dose has
    nothing to do with it") is in conflict with it — a warning,
    as the general statement may only overreach (it holds for other people
    and does not say so); so is a denial naming no population, or a group
    containing theirs, against assertions that each name one ("X does not
    reduce Y" / "X may reduce Y in men with an enlarged prostate"). Not
    flagged: a hedged denial ("may not"), a denial
    limited by a condition, or a denial of a time course only ("not
    permanent"), which the tension rules look at instead; a denial as a rule
    ("generally do not", probable) against a kind of its subject or object,
    a narrower group of people or a figure; within one source, two claims
    resting on two different studies or reviews (conflicting evidence the
    source sets side by side); and an exception the denial's own passage states ("…; ACE inhibitors
    are the exception"), or a kind of it, whoever asserts it; a belief the
    source reports without making it its own ("Many people believe X cures
    Y", followed by "it does not": a myth corrected); an assertion about a
    narrower outcome the denial's source reports of the same work ("did not
    reduce major cardiovascular events [1]. It did, however, cut heart attacks
    by 28% [1]"), or a kind of it, whoever makes it. A denied brand is its
    drug ("CardiOmega does not cause X" against "fish oil causes X"). One
    finding per passage, per denial said as firmly by several sources (a
    review's and a blog's "fish oil does not prevent heart attacks"), and per
    denial one source rests twice on the same cited work, however firmly.
    A symmetric relation is compared either way round ("the pill does not
    interact with St John's wort" against "St John's wort interacts with the
    pill"); a denial of ``safe_for`` covers the people its object names
    ("pregnancy" covers "pregnant women") and the doses it rules out
    (:func:`~.compare.safe_doses_meet`); safety said of a group covers the
    people within it ("safe for children" / "not safe for children under
    two": a warning, as for a group's assertion). Definitions (defined_as, same_as,
    distinct_from) are left to the definition rules.
    """
    vocab = ctx.vocabulary
    denials = [
        c
        for c in ctx.negated_claims
        if c.predicate not in DEFINITION_PREDICATES and not reported_belief(c)
    ]
    # an assertion can only clash with a denial of its predicate whose subject is its
    # own or a class of it: only those subjects' assertions are filed
    wanted: dict[str, set[str]] = defaultdict(set)
    for denial in denials:
        for predicate in denied_predicates(denial.predicate):
            for view in _views(denial):
                wanted[predicate] |= _denied_subjects(vocab, view.subject)
    # assertions filed by predicate, subject and object: a denial meets only those whose
    # subject and object are kinds of its own, so the work grows with the claims and the
    # candidate pairs, not with denials × assertions of a predicate
    asserted: dict[tuple[str, str], dict[str, list[Claim]]] = {}
    for predicate in sorted(wanted):
        members = wanted[predicate]
        for claim in ctx.claims_by_predicate.get(predicate, ()):
            if claim.subject in members and not claim.negated and not reported_belief(claim):
                by_object = asserted.setdefault((predicate, claim.subject), {})
                by_object.setdefault(claim.object, []).append(claim)
    subjects: dict[str, set[str]] = defaultdict(set)
    for predicate, subject in asserted:
        subjects[predicate].add(subject)
    kinds: dict[tuple[str, str], bool] = {}

    def kind_of(entity: str, cls: str) -> bool:
        if (entity, cls) not in kinds:
            kinds[(entity, cls)] = vocab.is_a(entity, cls)
        return kinds[(entity, cls)]

    # the flat contradictions of each denial, gathered so that denials of one passage
    # (one sentence curated as two claims) are one finding; grouped by the families of
    # subject and object first, as the Dask engine's groups are
    flat: dict[tuple[str, str], list[tuple[Claim, list[Claim]]]] = defaultdict(list)
    for denial in denials:
        # an assertion can only clash if its subject is the denied one or a kind of it
        assertions = []
        related: list[Claim] = []
        for predicate, view in product(denied_predicates(denial.predicate), _views(denial)):
            for subject in sorted(subjects[predicate] & _denied_subjects(vocab, view.subject)):
                by_object = asserted[(predicate, subject)]
                candidates = [
                    c for obj, claims in by_object.items()
                    if kind_of(obj, view.object)
                    or within_object(vocab, predicate, obj, view.object)
                    for c in claims
                ]  # fmt: skip
                related += candidates
                assertions += [
                    c
                    for c in ctx.in_order(candidates)
                    if compare_negation(vocab, denial, c).verdict == "asserted-and-negated"
                ]
        assertions = _beyond_stated_exceptions(vocab, denial, related, assertions)
        if not assertions:
            continue
        sources = {c.source for c in (denial, *assertions)}
        same = f" Both come from {denial.source}." if len(sources) == 1 else ""
        says = "says" if len({c.source for c in assertions}) == 1 else "say"
        # an assertion limited by a condition or a hedge, or reported from someone, still
        # clashes with a flat denial, but the message must not drop the limit ("treats
        # depression only when levels are low", "can occasionally", whose words they are)
        asserted_text = wording.join(sorted({_as_said(ctx, c) for c in assertions}))
        # a general statement against an exception for some group, either way round
        # ("… naming no population" / "… in men with an enlarged prostate"): the general
        # one overreaches, or the exception is wrong — not two statements that exclude
        # each other outright
        denial_said = f"{ctx.at(denial)} says {_as_said(ctx, denial)}"
        assertions_said = f"{ctx.where_all(assertions)} {says} {asserted_text}"
        general: tuple[str, str, str] | None = None
        # an assertion about a group containing the denial's ("in adults" / "in older
        # adults") covers it as one naming no population does
        named = [c for c in assertions if c.population is not None]
        if denial.population and all(
            population_relation(vocab, denial.population, c.population) == "narrower"
            for c in named
        ):
            group = ctx.label(denial.population)
            scope = (
                f" ({'no population or ' if len(named) < len(assertions) else ''}a group "
                f"that contains {group})"
                if named
                else ", naming no population"
            )
            general = (assertions_said + scope, denial_said, group)
        elif all(
            c.population is not None
            and (
                denial.population is None
                or population_relation(vocab, denial.population, c.population) == "wider"
            )
            for c in assertions
        ):
            # and the other way round: a denial naming no population, or a group that
            # contains the assertions' ("not in adults" / "in older adults, it does")
            groups = wording.join(sorted({ctx.label(c.population) for c in assertions}))
            scope = f" (a group that contains {groups})" if denial.population else ""
            scope = scope or ", naming no population"
            general = (denial_said + scope, assertions_said, groups)
        elif denial.predicate == "safe_for" and all(
            c.object != denial.object and safety_covers(vocab, c.object, denial.object)
            for c in assertions
        ):
            # "safe for people who are immunocompromised" / "not safe for the severely
            # immunocompromised": the general safety overreaches, or the exception is wrong
            general = (assertions_said, denial_said, ctx.label(denial.object))
        if general is not None:
            first, second, groups_named = general
            yield Draft(
                f"{first}, but {second}. As stated, the first covers "
                f"{groups_named} too: either it holds only for other people, which it does "
                f"not say, or the exception is wrong.{same}",
                (denial, *ctx.in_order(assertions)),
                severity="warning",
                pairs=cross([denial], assertions),
            )
            continue
        key = (ctx.family(denial.subject), ctx.family(denial.object))
        flat[key].append((denial, assertions))
    for key in sorted(flat):
        against = {denial.id: assertions for denial, assertions in flat[key]}
        denied = ctx.in_order(denial for denial, _ in flat[key])
        # one finding per passage, and per denial said again as firmly by another source
        # ("fish oil does not prevent heart attacks" in a review and in a blog): one
        # statement, not one problem per source ("for most people, it does not" is
        # another, a rule with room for exceptions)
        links = [(p[0], c) for p in ctx.passages(denied) for c in p[1:]]
        first_said: dict[tuple[str | None, ...], Claim] = {}
        for denial in denied:
            statement = (canonical(vocab, denial.subject), denial.predicate, denial.object,
                         denial.population, denial.time_course,
                         denial.certainty.level)  # fmt: skip
            links.append((first_said.setdefault(statement, denial), denial))
            # and per work one source reports twice, however firmly: "For most people,
            # vitamin C does not prevent colds [1]" and "a 2013 review … found that it did
            # not make colds any less common [1]" are its one account of that review
            for reference in denial.attribution.references:
                work: tuple[str | None, ...] = (*statement[:-1], denial.source, reference)
                links.append((first_said.setdefault(work, denial), denial))
        for said in components(denied, links):
            assertions = ctx.in_order({c.id: c for d in said for c in against[d.id]}.values())
            sources = {c.source for c in (*said, *assertions)}
            same = f" Both come from {said[0].source}." if len(sources) == 1 else ""
            says = "says" if len({c.source for c in assertions}) == 1 else "say"
            denies = "says" if len({c.source for c in said}) == 1 else "say"
            yield Draft(
                f"These cannot both be true: {ctx.where_all(said)} {denies} "
                f"{wording.join(list(dict.fromkeys(_as_said(ctx, d) for d in said)))}, but "
                f"{ctx.where_all(assertions)} {says} "
                f"{wording.join(sorted({_as_said(ctx, c) for c in assertions}))}.{same}",
                (*said, *assertions),
                pairs=tuple(pair for d in said for pair in cross([d], against[d.id])),
            )


@rule("opposite-direction-same-relation", "contradiction", "warning")
def opposite_direction_same_relation(ctx: CheckContext) -> Iterator[Draft]:
    """The same thing is firmly said to raise something and to lower it.

    Two claims without a figure about the same subject (a brand counts as
    its drug) and the same object, for the same population (or both naming
    none), whose predicates go in opposite directions (``increases`` against
    ``decreases``, ``causes``/``worsens`` against ``reduces``/``treats``) —
    both stated firmly (probable or certain), neither denied nor limited by
    a condition, with the same time course. Across sources or within one.
    A warning, not an error: both could hold for different people or
    circumstances, but neither claim names them. Hedged claims ("can cause",
    "may help") are not compared, and statistics are left to the statistic
    rules.
    """
    vocab = ctx.vocabulary
    canon = ctx.canonical_of
    sides: dict[tuple[str, str, str | None, str | None], tuple[list[Claim], list[Claim]]] = {}
    # Claims of predicates with a direction, by subject and object, raised and lowered;
    # only a subject and object (as drugs) found on both sides can clash, and only their
    # claims are read further.
    filed: tuple[dict[str, dict[str, list[Claim]]], ...] = ({}, {})
    for predicate, claims in ctx.claims_by_predicate.items():
        way = direction(predicate)
        if way and predicate != "prevalence":
            side = filed[way < 0]
            for claim in claims:
                side.setdefault(claim.subject, {}).setdefault(claim.object, []).append(claim)
    as_drugs: tuple[dict[tuple[str, str], list[list[Claim]]], ...] = ({}, {})
    for side, merged in zip(filed, as_drugs, strict=True):
        for subject, by_object in side.items():
            for obj, claims in by_object.items():
                merged.setdefault((canon.get(subject, subject), canon.get(obj, obj)), []).append(
                    claims
                )
    for pair in sorted(as_drugs[0].keys() & as_drugs[1].keys()):
        for n, lists in enumerate((as_drugs[0][pair], as_drugs[1][pair])):
            for claims in lists:
                for claim in claims:
                    if firm_wording(claim):
                        key = (*pair, claim.time_course, claim.time_reference)
                        sides.setdefault(key, ([], []))[n].append(claim)
    for up, down in sides.values():
        if not up or not down:
            continue
        links = [
            (a, b)
            for a in up
            for b in down
            if compare_directions(vocab, a, b).verdict == "opposite-effects"
        ]
        for group in components(ctx.in_order(up + down), links):
            raised = [c for c in group if direction(c.predicate) > 0]
            lowered = [c for c in group if direction(c.predicate) < 0]
            if not raised or not lowered:
                continue
            sources = {c.source for c in group}
            same = f" Both come from {next(iter(sources))}." if len(sources) == 1 else ""
            yield Draft(
                f"{ctx.where_all(raised)} {'says' if len(raised) == 1 else 'say'} "
                f"{wording.join(sorted({ctx.says(c) for c in raised}))}, but "
                f"{ctx.where_all(lowered)} {'says' if len(lowered) == 1 else 'say'} "
                f"{wording.join(sorted({ctx.says(c) for c in lowered}))}. Both are stated "
                "without hedge or condition, about the same people, yet the effects go in "
                "opposite directions: both can hold only for different people or "
                f"circumstances, and neither claim names them.{same}",
                tuple(ctx.in_order(raised) + ctx.in_order(lowered)),
                pairs=cross(ctx.in_order(raised), ctx.in_order(lowered)),
            )


def _drift_groups(ctx: CheckContext) -> list[list[Claim]]:
    """Same-direction statistics joined whenever they give the same figure (:func:`_one_figure`).

    Only groups that join two figures or more (statistics of different
    signatures, see :class:`_Figures`) are returned, in corpus order: one
    figure restated is one population, which cannot drift.
    """
    figures = _figures(ctx)
    parent = list(range(len(figures.groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, comparison in figures.pairs:
        if _one_figure(figures.groups[i][0], figures.groups[j][0], comparison):
            parent[find(j)] = find(i)
    joined: dict[int, list[int]] = defaultdict(list)
    for i, j, _ in figures.pairs:
        for k in (i, j):
            joined[find(k)].append(k)
    return [
        ctx.in_order(c for k in dict.fromkeys(members) for c in figures.groups[k])
        for members in joined.values()
        if len(set(members)) > 1
    ]


def _populations(ctx: CheckContext, claims: Sequence[Claim]) -> list[str | None]:
    """The distinct populations of the claims (equivalent definitions counted once)."""
    distinct: list[str | None] = []
    # each population once, in the order the claims first name it
    for population in dict.fromkeys(c.population for c in ctx.in_order(claims)):
        if not any(population_relation(ctx.vocabulary, population, p) == "same" for p in distinct):
            distinct.append(population)
    return distinct


def _stated_relation(vocab: Vocabulary, first: str | None, second: str | None) -> str:
    """:func:`population_relation`, with an unstated population containing any stated one.

    A figure given for no population in particular is read as holding for
    everyone ("vitamin C halves your risk"), so it covers the group another
    source measured it in.
    """
    if first is None and second is not None:
        return "wider"
    if second is None and first is not None:
        return "narrower"
    return population_relation(vocab, first, second)


def _nesting(ctx: CheckContext, populations: Sequence[str | None]) -> str:
    """Which population contains which, in words (an unstated one contains any)."""
    vocab = ctx.vocabulary
    contains: dict[str | None, list[str | None]] = {
        p: [q for q in populations if q != p and _stated_relation(vocab, p, q) == "wider"]
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
        if _stated_relation(vocab, p, q) == "unrelated"
    ]
    if unnested:
        pairs = "; ".join(f"{ctx.population(p)} / {ctx.population(q)}" for p, q in unnested)
        text += f" Not nested (neither contains the other): {pairs}."
    return text.strip()


def _population_edges(
    ctx: CheckContext, group: Sequence[Claim], populations: Sequence[str | None]
) -> tuple[tuple[Claim, Claim], ...]:
    """Each claim linked to the first claim of every other population (the graph's edges)."""
    vocab = ctx.vocabulary
    ordered = ctx.in_order(group)
    firsts = [
        next(c for c in ordered if population_relation(vocab, c.population, p) == "same")
        for p in populations
    ]
    return tuple(
        (first, claim)
        for claim in ordered
        for first in firsts
        if population_relation(vocab, first.population, claim.population) != "same"
    )


def _nested_somewhere(ctx: CheckContext, populations: Sequence[str | None]) -> bool:
    """Whether one of the populations contains another (an unstated one contains any)."""
    vocab = ctx.vocabulary
    return any(
        p is None or q is None or population_relation(vocab, p, q) != "unrelated"
        for i, p in enumerate(populations)
        for q in populations[i + 1 :]
    )


def _round_value(claim: Claim) -> bool:
    """Whether the claim's figure is one round value (a multiple of 5: "40%", "about 25%").

    Such figures are given for many unrelated things; a range ("40–60%") or
    an exact value ("37%") found again is unlikely to be a coincidence.
    """
    q = claim.quantity
    if q is None:
        return False
    values = {v for v in (q.low, q.high) if v is not None}
    return len(values) == 1 and next(iter(values)) % 5 == 0


@rule("same-figure-different-population", "scope-drift", "warning")
def same_figure_different_population(ctx: CheckContext) -> Iterator[Draft]:
    """One figure attached to different populations across sources.

    Groups statistics that give the same figure (each one's stated values
    within what the other allows: "about 40–60%" and "40 to 60 percent",
    not "15%" inside "5–35%") of the same measure for the same outcome, in
    the same direction, with related causes; reports a group whose claims
    come from more than one source and name more than one population,
    saying which population contains which (is-a between populations;
    ``takes`` classes related by is-a). This is not a
    contradiction — a share measured in long-term SSRI users does not carry
    over to all antidepressant users, and a reader should know which one the
    figure was measured in. When no population contains another ("adults
    with depression" and "older adults") and every figure is one round value
    ("40%", "about 40%"), the two are most likely separate findings that
    happen to agree, and the group is not reported; a range or an exact
    value such as "37%" is. (A single source doing this is reported as an
    internal inconsistency instead.)
    """
    for group in _drift_groups(ctx):
        populations = _populations(ctx, group)
        if len(populations) < 2 or len({c.source for c in group}) < 2:
            continue
        if not _nested_somewhere(ctx, populations) and all(_round_value(c) for c in group):
            continue  # "40%" of two unrelated populations: two findings, not one figure
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
            pairs=_population_edges(ctx, group, populations),
        )


@rule("same-figure-restated-differently", "internal-inconsistency", "warning")
def same_figure_restated_differently(ctx: CheckContext) -> Iterator[Draft]:
    """A source gives one figure twice, for different populations or with firmer wording.

    Within one source, groups statistics that give the same figure for
    the same outcome in the same direction (as the scope-drift rule does)
    and reports a group whose population changes (says which is wider) or
    whose certainty changes — the hedge hardening from "studies suggest"
    (probable) to "research shows" (certain). Contradictions between
    sections of one source are reported as contradictions, not here.
    """
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in _statistics(ctx):
        by_source[claim.source].append(claim)
    own_links: dict[str, list[tuple[Claim, Claim]]] = defaultdict(list)
    for a, b in _same_figure_links(ctx):
        own_links[a.source].append((a, b))
    for source_id in sorted(own_links):
        stats = by_source[source_id]
        if len({c.population for c in stats}) < 2 and len({c.certainty.level for c in stats}) < 2:
            continue  # one population and one wording: no group of it can change either
        groups = components(stats, own_links[source_id])
        for group in (g for g in groups if len(g) > 1):
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
                    f"{_worded(c)} ({c.certainty.level}, {wording.section_name(c.section)})"
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


def _populations_meet(ctx: CheckContext, first: str | None, second: str | None) -> bool:
    """Whether two claims' populations share people (an unstated one covers everyone)."""
    if first is None or second is None:
        return True
    return population_relation(ctx.vocabulary, first, second) != "unrelated"


@rule("sole-cause-vs-other-cause", "contradiction", "error")
def sole_cause_vs_other_cause(ctx: CheckContext) -> Iterator[Draft]:
    """One claim names the only cause of an outcome; another names a different cause.

    A claim marked ``sole_cause`` ("caused entirely by depression and never
    by the medication") is contradicted by any claim, in the same source or
    another, that the same outcome (or a kind of it) has another cause —
    one that is neither the sole cause nor a kind of it, nor a class it
    belongs to — in a population that overlaps (an unstated population
    covers everyone). Sole-cause claims of one passage about one outcome
    are one closed list ("two things can cause it: A or B"): a cause is
    another cause only when it is none of them, and not what one of them (or
    a kind of it) acts on — "SSRIs raise serotonin, which dampens feeling"
    names the drug's mechanism, not a cause besides the drug — nor something
    that acts on one of them: "milk makes heartburn worse", where milk acts
    on stomach acid, works through "too much stomach acid", the only cause
    named. What makes the outcome worse (``worsens``) is no other cause of
    what is caused only by one thing ("exercise makes the pain worse"), and
    a source that names the same only cause twice (a headline and its story)
    gives one finding. A sole-cause claim limited by a condition is skipped,
    and so is a belief a source reports without making it its own ("Many
    people believe wet hair gives you a cold"): it names no cause.
    """
    vocab = ctx.vocabulary
    causal = ("causes", "worsens")
    sole = [
        c for c in ctx.with_predicate(*causal) if c.sole_cause and not c.negated and not c.condition
    ]
    if not sole:
        return
    lists: list[list[Claim]] = []
    for passage in ctx.passages(sole):
        by_outcome: dict[str, list[Claim]] = {}
        for c in passage:
            by_outcome.setdefault(c.object, []).append(c)
        lists.extend(by_outcome[o] for o in sorted(by_outcome))
    # a source naming the same only cause again (a headline and its story) says it once
    merged: dict[tuple[str, str, frozenset[str]], list[Claim]] = {}
    for listed in lists:
        causes_of = frozenset(canonical(vocab, c.subject) for c in listed)
        merged.setdefault((listed[0].source, listed[0].object, causes_of), []).extend(listed)
    lists = list(merged.values())
    # the other causes filed by outcome: a list meets only the claims about its outcome
    # or a kind of it (the outcome's members), not every causal claim of the corpus
    candidates: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.with_predicate(*causal):
        # a belief the source reports without making it its own names no cause
        if not c.negated and not reported_belief(c):
            candidates[c.object].append(c)
    # what makes an outcome worse is no other cause of it: "exercise makes the pain worse"
    # does not say the pain has a cause besides the only one named
    for listed in lists:
        causes = list(dict.fromkeys(canonical(vocab, c.subject) for c in listed))
        mechanisms = {
            target
            for cause in causes
            for kind in vocab.descendants(cause)
            if kind in vocab.entities
            for target in vocab.entities[kind].acts_on
        }
        outcome = listed[0].object
        ids = {c.id for c in listed}
        others = [
            c
            for kind in sorted(vocab.members(outcome) & candidates.keys())
            for c in candidates[kind]
            if c.id not in ids
            and c.predicate == listed[0].predicate
            and canonical(vocab, c.subject) not in mechanisms
            and not any(vocab.related(canonical(vocab, c.subject), cause) for cause in causes)
            and not works_through(vocab, canonical(vocab, c.subject), causes)
            and vocab.is_a(c.object, outcome)
            and any(_populations_meet(ctx, s.population, c.population) for s in listed)
        ]
        if not others:
            continue
        others = ctx.in_order(others)
        listed = ctx.in_order(listed)
        by_cause: dict[str, list[Claim]] = {}
        for c in others:
            by_cause.setdefault(canonical(vocab, c.subject), []).append(c)
        if len(others) == 1:
            said = f"{ctx.at(others[0])} says {ctx.says(others[0])}"
        else:
            named = "another cause is named" if len(by_cause) == 1 else "other causes are named"
            said = f"{named}: " + "; ".join(
                f"{ctx.label(cause)} by {ctx.where_all(claims)}"
                for cause, claims in by_cause.items()
            )
        sources = {c.source for c in others}
        same = " — within one source" if sources == {listed[0].source} else ""
        names = wording.join(list(dict.fromkeys(ctx.label(c.subject) for c in listed)), "or")
        if len(causes) == 1:
            why = f"If {names} were the only cause, no other cause could produce it."
        else:
            why = f"If {names} were the only causes, no other cause could produce it."
        yield Draft(
            f"These cannot both be true: {ctx.where_all(listed)} says "
            f"{wording.is_(ctx.label(outcome))} caused only by {names}, but {said}{same}. {why}",
            (*listed, *others),
            pairs=cross(listed, others),
        )


#: frequency words of certainty cues: "common" and "occasionally" cannot describe one effect
_FREQUENT = frozenset({"common", "commonly", "often", "frequently", "usually", "typically"})
_RARE = frozenset({"occasionally", "rarely", "rare", "uncommon", "seldom", "infrequently"})


def _frequency(claim: Claim) -> int:
    """+1 if the claim's certainty cue says the effect is frequent, -1 rare, 0 neither."""
    return _cue_frequency(claim.certainty.cue or "")


@functools.lru_cache(maxsize=4096)
def _cue_frequency(cue: str) -> int:
    # cues repeat across claims ("can", "often", "research shows"): read each once
    words = set(re.findall(r"[a-z]+", cue.casefold()))
    if words & _RARE:
        return -1
    if words & _FREQUENT:
        return 1
    return 0


#: the sections that sum an article up: what they state flatly, a reader takes as its finding
_SUMMING_UP = frozenset({"title", "summary"})
#: a hedge that the effect may not happen, not only that it can ("may", "might", "could")
_MAYBE = re.compile(r"\b(?:may|might|could|possibly|perhaps)\b", re.IGNORECASE)


#: "may cause a cough in some people" says how many, as "can" does, not that it is unsure
_IN_SOME = re.compile(r"\b(?:some|a few|certain)\s+(?:people|patients|users|adults|of)\b", re.I)


def _hedged(claim: Claim) -> bool:
    """Whether the claim says only that the effect may happen ("may slightly raise")."""
    return (
        claim.certainty.level == "possible"
        and bool(_MAYBE.search(claim.certainty.cue or ""))
        and not _IN_SOME.search(claim.quote)
    )


def _hardening(a: Claim, b: Claim) -> bool:
    """Whether one claim is speculative and the other probable or certain, or a title or
    summary states flatly what the body says only may happen."""
    ranks = sorted(wording.CERTAINTY_RANK[c.certainty.level] for c in (a, b))
    if ranks[0] == 0 and ranks[1] >= 2:
        return True
    return any(
        up.section in _SUMMING_UP
        and up.certainty.level == "certain"
        and down.section not in _SUMMING_UP
        and _hedged(down)
        for up, down in ((a, b), (b, a))
    )


def _frequency_clash(ctx: CheckContext, a: Claim, b: Claim) -> bool:
    """Whether one claim's cue says frequent and the other's rare, of one effect in one group.

    Same subject (a brand counts as its drug), object and population: a class
    can cause something commonly through some of its members and one member
    rarely, and a group can be affected more or less often than everyone.
    Same time course too: in "the cough usually settles within weeks" the
    frequency word is about how the effect ends, not how often it occurs.
    """
    vocab = ctx.vocabulary
    return (
        _frequency(a) * _frequency(b) == -1
        and (a.time_course, a.time_reference) == (b.time_course, b.time_reference)
        and canonical(vocab, a.subject) == canonical(vocab, b.subject)
        and canonical(vocab, a.object) == canonical(vocab, b.object)
        and population_relation(vocab, _exposed(ctx, a), _exposed(ctx, b)) == "same"
    )


@rule("certainty-varies-within-source", "internal-inconsistency", "info")
def certainty_varies_within_source(ctx: CheckContext) -> Iterator[Draft]:
    """A source states one relation with tentative words in one place and firm ones in another.

    Within one source, groups claims of the same relation (same predicate
    and negation, subjects and objects the same or kinds of each other,
    populations that overlap, no condition) and reports a group whose
    wording hardens from speculative ("emerging evidence suggests") to
    probable or certain ("patients often respond well", a flat "yes"), or
    from the body's "may" or "might" to a flat statement in the title or
    summary ("Statins raise the risk of diabetes" above "statins may
    slightly raise it"; "can" says what is possible, not that it is
    unsure), or whose frequency words clash ("common" against "occasionally") about
    the same subject, object and population.
    Statistics are left to ``same-figure-restated-differently``; what the
    source reports of a cited work (``mode: reports``, the references
    section) is not its own wording.
    """
    related, families, canon = ctx.related, ctx.families, ctx.canonical_of
    # the family of each subject as a drug (a brand counts as its drug), looked up once
    subject_family: dict[str, str] = {}
    # Wording hardens only where a source has a speculative claim and a firm one, and
    # frequencies clash only where it has a frequent and a rare one: only the sources
    # with a speculative claim or both kinds of frequency words are read.
    frequencies: dict[str, set[int]] = defaultdict(set)
    for claim in ctx.cued_claims:
        frequencies[claim.source].add(_cue_frequency(claim.certainty.cue or ""))
    candidates = {c.source for c in ctx.speculative_claims}
    # a title or summary may state flatly what its body hedges ("may slightly raise")
    hedged = {c.source for c in ctx.cued_claims if _hedged(c)}
    candidates.update(
        s for s in hedged if any(c.section in _SUMMING_UP for c in ctx.claims_by_source[s])
    )
    candidates.update(s for s, found in frequencies.items() if {-1, 1} <= found)
    for source_id in sorted(candidates):
        claims = [
            c
            for c in ctx.claims_by_source[source_id]
            if c.quantity is None
            and not c.condition
            and c.predicate not in DEFINITION_PREDICATES
            and c.section != "references"
            and c.attribution.mode == "asserts"
        ]
        # the same test on the claims the rule reads
        levels = {c.certainty.level for c in claims}
        hardening = (
            "speculative" in levels and not levels.isdisjoint(("probable", "certain"))
        ) or source_id in hedged
        cues = {c.certainty.cue or "" for c in claims}
        if not hardening and not {-1, 1} <= {_cue_frequency(cue) for cue in cues}:
            continue
        # only claims of one predicate and negation whose subjects and objects are
        # of one family each can be linked: pair within those
        same_kind: dict[tuple[str, bool, str, str], list[Claim]] = defaultdict(list)
        for c in claims:
            subject = c.subject
            drug = subject_family.get(subject)
            if drug is None:
                drug = subject_family[subject] = ctx.family(canon.get(subject, subject))
            kind = (c.predicate, c.negated, drug, families.get(c.object, c.object))
            same_kind[kind].append(c)
        links = [
            (a, b)
            for group in same_kind.values()
            if len(group) > 1
            for i, a in enumerate(group)
            for b in group[i + 1 :]
            if related(canon.get(a.subject, a.subject), canon.get(b.subject, b.subject))
            and related(a.object, b.object)
            and _populations_meet(ctx, a.population, b.population)
        ]
        # a claim in no link is a group of its own, which says nothing
        linked = {c.id for pair in links for c in pair}
        groups = components([c for c in claims if c.id in linked], links)
        group_of = {c.id: n for n, group in enumerate(groups) for c in group}
        links_of: dict[int, list[tuple[Claim, Claim]]] = defaultdict(list)
        for a, b in links:
            links_of[group_of[a.id]].append((a, b))
        for n, group in enumerate(groups):
            if len(group) < 2:
                continue
            # only claims that meet directly: two claims of one group about populations
            # that do not meet are joined through a third but say nothing of each
            # other ("tentatively for children, firmly for adults")
            direct = links_of[n]
            hardens = any(_hardening(a, b) for a, b in direct)
            clash = any(_frequency_clash(ctx, a, b) for a, b in direct)
            if not (hardens or clash):
                continue
            meeting = {
                (a.id, b.id)
                for a, b in direct
                if (_hardening(a, b) if hardens else _frequency_clash(ctx, a, b))
            }
            involved = {cid for pair in meeting for cid in pair}
            ordered = sorted((c for c in group if c.id in involved), key=lambda c: c.start)
            steps = "; ".join(
                f"{_worded(c)} ({c.certainty.level}, {wording.section_name(c.section)}): "
                f"{ctx.says(c)}"
                for c in ordered
            )
            what = (
                "says the same effect is both frequent and rare"
                if clash and not hardens
                else "states the same relation tentatively in one place and firmly in another"
            )
            yield Draft(
                f"{source_id} {what}: {steps}. A reader cannot tell how sure, or how common, "
                "the source holds it to be.",
                tuple(ordered),
                pairs=tuple(
                    (a, b)
                    for i, a in enumerate(ordered)
                    for b in ordered[i + 1 :]
                    if (a.id, b.id) in meeting or (b.id, a.id) in meeting
                ),
            )


def _exposed(ctx: CheckContext, claim: Claim) -> str | None:
    """The claim's population, or None when it is just the people taking its subject.

    "Antidepressants occasionally cause X in antidepressant users" says what
    "antidepressants occasionally cause X" says: who else could it happen to.
    A subgroup of those people ("children taking antidepressants", filed
    under antidepressant users) is a population of its own.
    """
    entity = ctx.vocabulary.entities.get(claim.population or "")
    if (
        entity is not None
        and entity.takes
        and canonical(ctx.vocabulary, entity.takes) == canonical(ctx.vocabulary, claim.subject)
        and not entity.has_condition
        and not entity.duration
        and not is_subgroup(ctx.vocabulary, entity.id)
    ):
        return None
    return claim.population


#: a share of people at least this large is no rare effect, one at most this small no common
#: one, by any reading of the words (package leaflets, after CIOMS: "very common" is 10% or
#: more, "rare" 0.1% or less)
_VERY_COMMON, _RARE_AT_MOST = Decimal(10), Decimal("0.1")


def _share_frequency(claim: Claim) -> int:
    """+1 if the claim's figure is a share of people of 10% or more, -1 of 0.1% or less."""
    q = claim.quantity
    if q is None or q.unit != "percent" or not q.measure.startswith(_SHARE_MEASURES):
        return 0
    low, high = q.interval()
    if low is not None and low >= _VERY_COMMON:
        return 1
    if high is not None and high <= _RARE_AT_MOST:
        return -1
    return 0


@rule("frequency-differs-across-sources", "contradiction", "info")
def frequency_differs_across_sources(ctx: CheckContext) -> Iterator[Draft]:
    """Sources call the same effect common and rare.

    Claims of different sources about one relation — same predicate and
    negation, the same subject (a brand counts as its drug) and object, the
    same population, no condition — whose certainty cues clash in frequency
    ("common", "often" against "occasionally", "rarely"), or whose cue
    clashes with another source's share of people: 10% or more is no rare
    effect, 0.1% or less no common one (package leaflets, after CIOMS, call
    them very common and rare), with the same time course ("usually settles
    within weeks" says how the effect ends). Two figures are left to the
    statistic rules. A class and one of its kinds are not
    compared: a class can cause something commonly through some of its
    members and one member rarely; nor is a group against a wider one (a
    side effect rare overall can be common among heavy users). A population
    defined only as taking the subject ("antidepressant users" for what
    antidepressants cause) is the one a claim naming none means. What a
    source reports of a cited work
    (``mode: reports``, the references section) is not its own wording, nor
    is a belief it reports; one source against itself is
    ``certainty-varies-within-source``.
    """
    vocab = ctx.vocabulary
    canon = ctx.canonical_of
    by_relation: dict[tuple[str, bool, str, str], list[Claim]] = defaultdict(list)
    sides: dict[tuple[str, bool, str, str], set[int]] = defaultdict(set)
    worded: set[tuple[str, bool, str, str]] = set()

    def key_of(claim: Claim) -> tuple[str, bool, str, str]:
        return (claim.predicate, claim.negated, canon.get(claim.subject, claim.subject),
                canon.get(claim.object, claim.object))  # fmt: skip

    def own(claim: Claim) -> bool:
        return (
            not claim.condition
            and claim.predicate not in DEFINITION_PREDICATES
            and claim.section != "references"
            and claim.attribution.mode == "asserts"
        )

    for claim in ctx.cued_claims:
        how = _cue_frequency(claim.certainty.cue or "")
        if how and claim.quantity is None and own(claim):
            by_relation[key_of(claim)].append(claim)
            sides[key_of(claim)].add(how)
            worded.add(key_of(claim))
    for claim in _statistics(ctx):
        how = _share_frequency(claim)
        if how and own(claim) and key_of(claim) in worded:
            by_relation[key_of(claim)].append(claim)
            sides[key_of(claim)].add(how)

    def how_often(claim: Claim) -> int:
        return _share_frequency(claim) if claim.quantity else _frequency(claim)

    for key in sorted(k for k, found in sides.items() if len(found) == 2):
        claims = ctx.in_order(by_relation[key])
        often = [c for c in claims if how_often(c) > 0]
        seldom = [c for c in claims if how_often(c) < 0]
        links = [
            (a, b)
            for a in often
            for b in seldom
            if a.source != b.source
            and not (a.quantity and b.quantity)
            and (
                not (a.quantity or b.quantity)
                or (a.time_course, a.time_reference) == (b.time_course, b.time_reference)
            )
            and population_relation(vocab, _exposed(ctx, a), _exposed(ctx, b)) == "same"
        ]
        linked = {c.id for pair in links for c in pair}
        for group in components([c for c in claims if c.id in linked], links):
            if len(group) < 2:
                continue
            frequent = [c for c in group if how_often(c) > 0]
            rare = [c for c in group if how_often(c) < 0]

            def cues(side: list[Claim]) -> str:
                return "; ".join(
                    f"{wording.figure(c.quantity)} of {ctx.population(c.population)} "
                    f"({ctx.where(c)})"
                    if c.quantity
                    else f"“{c.certainty.cue}” ({ctx.where(c)}"
                    + (f", {ctx.label(c.population)}" if c.population else "")
                    + ")"
                    for c in side
                )

            relation = wording.relation(ctx.label(key[2]), key[0], ctx.label(key[3]), key[1])
            why = " Neither gives a figure, so a reader cannot tell how common it is."
            if any(c.quantity for c in frequent):
                why = (
                    " A share of 10% or more is no rare effect: package leaflets call it very "
                    "common."
                )
            elif any(c.quantity for c in rare):
                why = " A share of 0.1% or less is no common effect: package leaflets call it rare."
            yield Draft(
                f"Sources disagree on how often {relation}: {cues(frequent)} against "
                f"{cues(rare)}.{why}",
                tuple(frequent + rare),
                pairs=tuple(
                    (a, b) for a, b in cross(frequent, rare) if (a, b) in links
                ) or cross(frequent, rare),
            )
