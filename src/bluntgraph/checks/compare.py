"""Deciding whether two claims are about the same thing, and whether they clash.

The conflict rules never compare words; they compare structure:

* a **statistic** (a claim with a quantity) is read as *who* (the population)
  experiences *what* (the outcome: the object, or the subject of a
  ``prevalence`` claim) *from what* (the exposure: the subject), in which
  *direction* (``model.OPPOSITE_DIRECTION``), with which interval of values
  (:meth:`~bluntgraph.model.Quantity.interval`);
* two statistics are comparable when they share measure and unit and their
  outcomes and exposures are the same or one is a kind of the other
  (:meth:`~bluntgraph.vocabulary.Vocabulary.related`);
* populations are related through ``broader`` and through what they are
  defined by (``takes``, ``has_condition``, ``duration``): *SSRI users* is
  wider than *long-term SSRI users*.

:func:`compare_statistics` and :func:`compare_negation` return a
:class:`Comparison` whose ``reasons`` say in words why the pair is or is not
a problem; :func:`explain_pair` does so for any two claims of a corpus.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ..errors import UnknownTermError
from ..model import OPPOSITE_DIRECTION, SYMMETRIC_PREDICATES, Claim, Corpus, Quantity
from ..vocabulary import Vocabulary
from . import wording

__all__ = [
    "DEFINITION_PREDICATES",
    "Comparison",
    "canonical",
    "class_and_kind",
    "class_figure_gap",
    "comparable_measure",
    "comparable_statistics",
    "compare_directions",
    "compare_negation",
    "compare_sole_cause",
    "compare_statistics",
    "denied_predicates",
    "direction",
    "explain_pair",
    "firm_effect",
    "firm_wording",
    "is_subgroup",
    "kind_figures_comparable",
    "outcome_and_exposure",
    "overlaps",
    "population_relation",
    "reported_belief",
    "safe_doses_meet",
    "safety_covers",
    "same_figure",
    "span",
    "stated_exceptions",
    "within_object",
    "works_through",
]

#: predicates the definition rules compare (the conflict rules leave them alone)
DEFINITION_PREDICATES = frozenset({"defined_as", "same_as", "distinct_from"})


@dataclass(frozen=True)
class Comparison:
    """How two claims relate: a ``verdict`` word and the reasons, in plain words.

    Verdicts: ``not-comparable``, ``scoped`` (a condition limits one of them),
    ``contradiction`` (opposite directions, same figure and population),
    ``opposite-nested`` (the same, but one population contains the other),
    ``opposite-population-not-stated`` (the same figure for opposite effects in two
    sources, one for everyone, the other for a group),
    ``incompatible-values``, ``population-not-stated`` (figures that share no value,
    one for everyone, the other for a group), ``scope-drift`` (same figure, other
    population),
    ``class-figure-differs`` (a class's figure and one of its kinds' further apart
    than a factor of two, see :func:`class_figure_gap`),
    ``agree``, ``compatible``, ``asserted-and-negated``, ``opposite-effects``
    (two firm claims without figures, one raising what the other lowers) and
    ``other-cause`` (a cause besides the only one another claim names).
    """

    verdict: str
    parts: tuple[str | Callable[[], str], ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in words (costly ones are worded only when asked for)."""
        return tuple(part if isinstance(part, str) else part() for part in self.parts)


def canonical(vocab: Vocabulary, entity_id: str) -> str:
    """The entity a name stands for: a brand stands for its drug (Zoloft → sertraline)."""
    entity = vocab.entities.get(entity_id)
    if entity is not None and entity.type == "brand" and entity.broader:
        return entity.broader[0]
    return entity_id


def direction(predicate: str) -> int:
    """+1 if the predicate makes its object more present, -1 less, 0 neither.

    ``prevalence`` counts as +1: it says how many people *have* the outcome.

    Examples
    --------
    >>> direction("causes"), direction("treats"), direction("symptom_of")
    (1, -1, 0)
    """
    if predicate == "prevalence":
        return 1
    return OPPOSITE_DIRECTION.get(predicate, 0)


def outcome_and_exposure(claim: Claim) -> tuple[str, str | None]:
    """What a statistic counts (outcome) and what produces it (exposure, or None)."""
    if claim.predicate == "prevalence":
        return claim.subject, None
    return claim.object, claim.subject


#: measures of a relative change in the risk of an outcome; the claim's predicate gives
#: the direction ("halves the risk": reduces; "a 38% higher risk": causes)
_RISK_MEASURES = frozenset({"risk_change", "risk_reduction", "risk_increase"})


def comparable_measure(vocab: Vocabulary, claim: Claim) -> str:
    """What a statistic measures, as the comparisons read it: equal measures compare.

    A relative change in the risk of an outcome is one measure however it is
    named (``risk_change``, as curators write it, ``risk_reduction``,
    ``risk_increase``): the predicate says which way. A relative change of a
    ``condition`` — an event one has or not, such as a heart attack or a cold
    — is a change in its risk: "cuts heart attacks by 30%" (``relative_change``)
    says what "cuts the risk of a heart attack by 30%" says, 30% fewer of them.
    Of anything else — a symptom's severity, a level, a score ("lowers pain
    scores by 30%") — and what makes a condition worse, it stays its own.
    """
    q = claim.quantity
    assert q is not None
    if q.measure in _RISK_MEASURES:
        return "risk_change"
    if q.measure == "relative_change" and claim.predicate in ("reduces", "causes"):
        entity = vocab.entities.get(outcome_and_exposure(claim)[0])
        if entity is not None and entity.type == "condition":
            return "risk_change"
    return q.measure


def _measure_words(first: str, second: str) -> str:
    """The measure two statistics share, in ``explain``'s words."""
    if first == second:
        return first
    return f"one measure, a relative change in its risk ({first} and {second})"


def overlaps(first: Quantity, second: Quantity) -> bool:
    """Whether the two statistics allow a common value (None bounds are open).

    Examples
    --------
    >>> from decimal import Decimal as D
    >>> overlaps(Quantity("p", D(40), D(60), "percent", "range"),
    ...          Quantity("p", D(60), None, "percent", "up_to"))
    True
    >>> overlaps(Quantity("p", D(10), None, "percent"), Quantity("p", D(40), D(60), "percent"))
    False
    """
    a_low, a_high = first.interval()
    b_low, b_high = second.interval()
    return (a_low is None or b_high is None or a_low <= b_high) and (
        b_low is None or a_high is None or b_low <= a_high
    )


def same_figure(first: Quantity, second: Quantity) -> bool:
    """Whether two statistics state one figure, not merely figures that can both hold.

    Each figure's stated values must lie within what the other allows:
    "about 40–60%" and "40 to 60 percent" are one figure, "up to 60%" and
    "40–60%" too; "15%" and "5–35%" overlap but are two figures (a study's
    share inside the range earlier studies span), and so are "about 10%" and
    "up to 40%".

    Examples
    --------
    >>> from decimal import Decimal as D
    >>> same_figure(Quantity("p", D(40), D(60), "percent", "approximately"),
    ...             Quantity("p", D(40), D(60), "percent", "range"))
    True
    >>> same_figure(Quantity("p", D(15), D(15), "percent", "approximately"),
    ...             Quantity("p", D(5), D(35), "percent", "range"))
    False
    """

    def within(values: Quantity, allowed: Quantity) -> bool:
        low, high = allowed.interval()
        return all(
            (low is None or low <= v) and (high is None or v <= high)
            for v in (values.low, values.high)
            if v is not None
        )

    return within(first, second) and within(second, first)


def span(quantity: Quantity) -> str:
    """The interval a statistic allows, in words: ``36–66%``, ``60% or more``."""
    low, high = quantity.interval()
    unit = "%" if quantity.unit == "percent" else (f" {quantity.unit}" if quantity.unit else "")

    def num(value: Decimal) -> str:
        return wording.number(value.quantize(Decimal("0.1")) if value % 1 else value)

    if low is None and high is None:
        return "any value"
    if high is None:
        return f"{num(low)}{unit} or more"  # type: ignore[arg-type]
    if low is None:
        return f"at most {num(high)}{unit}"
    if low == high:
        return f"{num(low)}{unit}"
    return f"{num(low)}–{num(high)}{unit}"


def _definition(vocab: Vocabulary, population: str) -> tuple[str | None, ...] | None:
    """What a population is defined by (``takes``, ``has_condition``, ``duration``), or None."""
    entity = vocab.entities.get(population)
    if entity is None or not (entity.takes or entity.has_condition or entity.duration):
        return None
    return (entity.takes, entity.has_condition, entity.duration)


def is_subgroup(vocab: Vocabulary, population: str) -> bool:
    """Whether the vocabulary makes the population a part of one defined just like it.

    "Women taking lisinopril" filed under "people taking lisinopril", both
    defined as taking lisinopril: the definition does not say what sets the
    subgroup apart (sex, ancestry, age), its ``broader`` link does. Such a
    population contains only its own kinds.
    """
    own = _definition(vocab, population)
    return own is not None and any(
        _definition(vocab, ancestor) == own
        for ancestor in vocab.ancestors(population)
        if ancestor != population
    )


def _contains(vocab: Vocabulary, wide: str, narrow: str) -> bool:
    """Whether every member of population ``narrow`` is in population ``wide``."""
    if wide == narrow or vocab.is_a(narrow, wide):
        return True
    if vocab.is_a(wide, narrow) or is_subgroup(vocab, wide):
        # the vocabulary files ``wide`` inside ``narrow``, or ``wide`` is a subgroup its
        # definition does not capture: it cannot contain ``narrow`` by definition
        return False
    w, n = vocab.entities.get(wide), vocab.entities.get(narrow)
    if w is None or n is None or not (w.takes or w.has_condition or w.duration):
        return False
    if w.takes and not (n.takes and vocab.is_a(n.takes, w.takes)):
        return False
    if w.has_condition and not (n.has_condition and vocab.is_a(n.has_condition, w.has_condition)):
        return False
    return not (w.duration and n.duration != w.duration)


def population_relation(vocab: Vocabulary, first: str | None, second: str | None) -> str:
    """``same``, ``wider`` (first contains second), ``narrower`` or ``unrelated``.

    Populations are compared by is-a (``broader``) and by their definitions:
    a population that takes a class contains one that takes a kind of that
    class (with the same or a narrower condition and duration). A population
    the vocabulary files under another is never the same as it, even when
    both are defined alike ("women taking lisinopril" under "people taking
    lisinopril"), and two such subgroups are unrelated. An unstated
    population is only the same as another unstated one.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> vocab = Vocabulary(load_corpus())
    >>> population_relation(vocab, "antidepressant_users", "long_term_ssri_users")
    'wider'
    """
    if first == second:
        return "same"
    if first is None or second is None:
        return "unrelated"
    wide, narrow = _contains(vocab, first, second), _contains(vocab, second, first)
    if wide and narrow:
        return "same"
    if wide:
        return "wider"
    if narrow:
        return "narrower"
    return "unrelated"


def _describe(vocab: Vocabulary, claim: Claim) -> str:
    label = vocab.label
    return (
        f"{claim.id} ({claim.source}, {wording.section_name(claim.section)}): "
        + wording.relation(
            label(claim.subject), claim.predicate, label(claim.object), claim.negated
        )
    )


def _partners(vocab: Vocabulary, present: set[str]) -> dict[str, set[str]]:
    """For each present entity, the present entities it is related to by is-a (either way)."""
    partners: dict[str, set[str]] = {}
    for entity in present:
        members = vocab.members(entity)
        found = present & members if len(members) > len(present) else members & present
        partners[entity] = set(found) | (present & vocab.classes(entity))
    for entity, found in partners.items():  # make it symmetric
        for other in found:
            partners[other].add(entity)
    return partners


def class_and_kind(vocab: Vocabulary, first: Claim, second: Claim) -> tuple[Claim, Claim] | None:
    """``(class's claim, kind's claim)`` when one claim's cause is a kind of the other's.

    Causes are compared as :func:`canonical` names them: a brand is its drug,
    not a kind of it ("CardiOmega" and "fish oil" are one cause). None when
    the causes are the same, unrelated, or a claim has none.
    """
    exp_a, exp_b = outcome_and_exposure(first)[1], outcome_and_exposure(second)[1]
    if exp_a is None or exp_b is None:
        return None
    a, b = canonical(vocab, exp_a), canonical(vocab, exp_b)
    if a == b:
        return None
    if vocab.is_a(a, b):
        return second, first
    if vocab.is_a(b, a):
        return first, second
    return None


def _kind_population(vocab: Vocabulary, general: Claim, kind: Claim) -> bool:
    """Whether two claims count the same people, but for what the kind's users take.

    The same population (or none stated by either), or the class's users
    against the kind's: "ACE inhibitor users" and "lisinopril users" differ
    only by what they take, as the causes do (the same condition and
    duration; a subgroup filed under them, "women taking lisinopril", is
    other people).
    """
    relation = population_relation(vocab, general.population, kind.population)
    if relation == "same":
        return True
    if relation != "wider" or general.population is None or kind.population is None:
        return False
    if is_subgroup(vocab, kind.population):
        return False
    wide, narrow = vocab.entities[general.population], vocab.entities[kind.population]
    return (
        bool(wide.takes and narrow.takes and wide.takes != narrow.takes)
        and (wide.has_condition, wide.duration) == (narrow.has_condition, narrow.duration)
        and vocab.is_a(narrow.takes, wide.takes)  # type: ignore[arg-type]
    )


def kind_figures_comparable(vocab: Vocabulary, general: Claim, kind: Claim) -> bool:
    """Whether a class's figure and its kind's sum up the same effect, but for their size.

    The same measure, unit, outcome and direction, the same condition and
    time course, neither denied nor a reported belief, and the same people
    (the class's users against the kind's count: "ACE inhibitor users" and
    "lisinopril users").
    """
    g, k = general.quantity, kind.quantity
    if g is None or k is None or general.negated or kind.negated:
        return False
    if reported_belief(general) or reported_belief(kind):
        return False
    if (comparable_measure(vocab, general), g.unit) != (comparable_measure(vocab, kind), k.unit):
        return False
    if outcome_and_exposure(general)[0] != outcome_and_exposure(kind)[0]:
        return False
    if direction(general.predicate) != direction(kind.predicate) or not direction(kind.predicate):
        return False
    if (general.condition, general.time_course, general.time_reference) != (
        kind.condition, kind.time_course, kind.time_reference
    ):  # fmt: skip
        return False
    return _kind_population(vocab, general, kind)


def class_figure_gap(vocab: Vocabulary, general: Claim, kind: Claim) -> str | None:
    """``below`` or ``above`` when a kind's figure is far from its class's; else None.

    A class's figure ("omega-3 lowers triglycerides by 15–30%") sums up its
    kinds, which may differ among themselves; a kind's figure ("EPA lowers
    them by 5%") is far from it when it is at most half the least value the
    class's figure allows (``below``), or at least twice the most
    (``above``). Compared only when everything else is alike
    (:func:`kind_figures_comparable`). Figures below zero are not compared.

    Examples
    --------
    >>> from decimal import Decimal as D
    >>> from bluntgraph.model import Claim, Corpus, Entity
    >>> vocab = Vocabulary(Corpus((), (), (Entity("omega3", "omega-3", "drug_class"),
    ...     Entity("epa", "EPA", "drug", broader=("omega3",)),
    ...     Entity("tg", "triglycerides", "concept")), ()))
    >>> def said(claim_id, subject, low, high):
    ...     return Claim(claim_id, "s", "q", 0, 1, "body", subject, "reduces", "tg",
    ...                  quantity=Quantity("relative_change", D(low), D(high), "percent"))
    >>> class_figure_gap(vocab, said("a", "omega3", 15, 30), said("b", "epa", 5, 5))
    'below'
    >>> class_figure_gap(vocab, said("a", "omega3", 15, 30), said("b", "epa", 10, 10)) is None
    True
    """
    if not kind_figures_comparable(vocab, general, kind):
        return None
    g, k = general.quantity, kind.quantity
    assert g is not None and k is not None
    g_low, g_high = g.interval()
    k_low, k_high = k.interval()
    if any(v is not None and v < 0 for v in (g_low, g_high, k_low, k_high)):
        return None
    if k_high is not None and g_low is not None and g_low > 0 and k_high * 2 <= g_low:
        return "below"
    if k_low is not None and g_high is not None and g_high > 0 and k_low >= g_high * 2:
        return "above"
    return None


def comparable_statistics(vocab: Vocabulary, claims: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs of statistics that may be about the same thing, each in the claims' order.

    A pair shares measure and unit, and its outcomes (and exposures, when
    both have one) are the same or one is a kind of the other. Found through
    indexes rather than by trying every pair, so the work grows with the
    number of comparable pairs, not with the square of the claims; use
    :func:`compare_statistics` on each pair for the verdict.
    """
    order = {c.id: n for n, c in enumerate(claims)}
    buckets: dict[tuple[str, str | None], dict[str, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim in claims:
        if claim.quantity is not None:
            outcome = outcome_and_exposure(claim)[0]
            measure = comparable_measure(vocab, claim)
            buckets[(measure, claim.quantity.unit)][outcome].append(claim)
    related: dict[tuple[str, str], bool] = {}

    def exposures_related(a: Claim, b: Claim) -> bool:
        x, y = outcome_and_exposure(a)[1], outcome_and_exposure(b)[1]
        if x is None or y is None or x == y:
            return True
        if (x, y) not in related:
            related[(x, y)] = related[(y, x)] = vocab.related(x, y)
        return related[(x, y)]

    pairs = []
    for by_outcome in buckets.values():
        partners = _partners(vocab, set(by_outcome))
        for outcome, group in by_outcome.items():
            for other in sorted(partners[outcome] | {outcome}):
                if other < outcome:
                    continue  # each pair of outcomes once
                others = by_outcome[other]
                for i, first in enumerate(group):
                    for second in others[i + 1 :] if other == outcome else others:
                        if exposures_related(first, second):
                            a, b = sorted((first, second), key=lambda c: order[c.id])
                            pairs.append((a, b))
    return sorted(pairs, key=lambda p: (order[p[0].id], order[p[1].id]))


def compare_statistics(vocab: Vocabulary, first: Claim, second: Claim) -> Comparison:
    """Whether two statistics clash, agree, drift in scope or cannot be compared — and why."""
    a, b = first.quantity, second.quantity
    if a is None or b is None:
        return Comparison("not-comparable", ("only one of them gives a figure",))
    if first.negated or second.negated:
        return Comparison("not-comparable", ("a denied statistic is compared as a denial",))
    believed = [c for c in (first, second) if reported_belief(c)]
    if believed:
        return Comparison("not-comparable", tuple(_belief_reason(c) for c in believed))
    if "safe_for" in (first.predicate, second.predicate):
        return Comparison(
            "not-comparable",
            ("a dose said to be safe is no statistic: it leaves room for other doses to be "
             "safe too, and a denial of safety is compared as a denial",),
        )  # fmt: skip
    measure = comparable_measure(vocab, first)
    if measure != comparable_measure(vocab, second) or a.unit != b.unit:
        return Comparison(
            "not-comparable",
            (f"they measure different things ({a.measure} in {a.unit or 'no unit'} and "
             f"{b.measure} in {b.unit or 'no unit'})",),
        )  # fmt: skip
    (out_a, exp_a), (out_b, exp_b) = outcome_and_exposure(first), outcome_and_exposure(second)
    label = vocab.label
    if not vocab.related(out_a, out_b):
        return Comparison(
            "not-comparable",
            (f"they count different outcomes ({label(out_a)} and {label(out_b)}), "
             "neither a kind of the other",),
        )  # fmt: skip
    if exp_a and exp_b and not vocab.related(exp_a, exp_b):
        return Comparison(
            "not-comparable",
            (f"they are about different causes or treatments ({label(exp_a)} and "
             f"{label(exp_b)}), neither a kind of the other",),
        )  # fmt: skip
    dir_a, dir_b = direction(first.predicate), direction(second.predicate)
    if dir_a == 0 and first.predicate != second.predicate:
        return Comparison("not-comparable", ("their relations have no common direction",))
    reasons: list[str | Callable[[], str]] = [
        f"both count {label(out_a)} as {_measure_words(a.measure, b.measure)} "
        f"({a.unit or 'no unit'})"
    ]
    overlap = overlaps(a, b)
    reasons.append(
        lambda: (
            f"the figures {'overlap' if overlap else 'do not overlap'}: "
            f"{wording.figure(a)} allows {span(a)}, {wording.figure(b)} allows {span(b)}"
        )
    )
    relation = population_relation(vocab, first.population, second.population)
    pop_a, pop_b = (
        label(first.population) or "no stated population",
        (label(second.population) or "no stated population"),
    )
    if relation == "same":
        reasons.append(f"the population is the same ({pop_a})")
    elif relation == "unrelated" and (first.population is None) != (second.population is None):
        # an unstated population is the same only as another unstated one, but as a
        # claim's reach it is everyone: it contains the stated one (as scope drift says)
        stated = pop_b if first.population is None else pop_a
        reasons.append(
            "the populations differ: one is not stated, which reads as everyone and "
            f"contains {stated}"
        )
    elif relation == "unrelated":
        reasons.append(f"the populations differ and neither contains the other ({pop_a}; {pop_b})")
    else:
        wide, narrow = (pop_a, pop_b) if relation == "wider" else (pop_b, pop_a)
        reasons.append(f"the populations differ: {wide} is wider than {narrow}")
    if dir_a * dir_b == -1:
        reasons.append(
            f"the effects go in opposite directions ({first.predicate} and {second.predicate})"
        )
        scoped = [c for c in (first, second) if c.condition]
        if scoped:
            reasons.extend(
                f"{c.id} holds only “{c.condition}”: a claim limited by a condition does not "
                "contradict an unconditioned claim in the opposite direction"
                for c in scoped
            )
            return Comparison("scoped", tuple(reasons))
        if not overlap:
            reasons.append("different shares of people can have opposite effects")
            return Comparison("compatible", tuple(reasons))
        if relation == "same":
            return Comparison("contradiction", tuple(reasons))
        if (
            relation == "unrelated"
            and (first.population is None) != (second.population is None)
            and first.source != second.source
            and not a.measure.startswith(("proportion", "prevalence"))
        ):
            # "PPIs raise the risk of a broken hip by 44%" against another source's "in people
            # over 50, PPI use lowered it by 44%": said of everyone, the one figure is the
            # effect in the group too, in the other direction
            reasons.append(
                "said of everyone, a figure for an effect holds in the group too, unless the "
                "effect differs by group, which neither source says"
            )
            return Comparison("opposite-population-not-stated", tuple(reasons))
        if relation != "unrelated":
            return Comparison("opposite-nested", tuple(reasons))
        return Comparison("compatible", tuple(reasons))
    if overlap:
        if relation == "same":
            return Comparison("agree", tuple(reasons))
        if not same_figure(a, b):
            reasons.append(
                f"{wording.figure(a)} and {wording.figure(b)} are two figures, not one carried "
                "over: different figures for different populations can both hold"
            )
            return Comparison("compatible", tuple(reasons))
        return Comparison("scope-drift", tuple(reasons))
    # a figure with no population against one for a group: an effect's size (a change, a
    # duration, a ratio) said of everyone is said of the group too; a share of people is
    # not (12% of everyone and 60% of people with gloom count different people)
    unstated = (first.population is None) != (second.population is None) and not (
        a.measure.startswith(("proportion", "prevalence"))
    )
    if unstated and first.source == second.source:
        # "cuts colds by about 3% … by half in people under heavy physical stress": one
        # source giving both tells them apart by group
        reasons.append(
            "one is not stated and the other names a group, but one source gives both: it "
            "tells the figures apart by group"
        )
        return Comparison("compatible", tuple(reasons))
    pair = class_and_kind(vocab, first, second)
    gap = class_figure_gap(vocab, *pair) if pair is not None else None
    if pair is not None and gap is not None:
        general, kind = pair
        reasons.append(_gap_reason(vocab, general, kind, gap))
        if first.source == second.source:
            reasons.append(
                "but one source gives both: it tells the class and its kind apart"
            )
            return Comparison("compatible", tuple(reasons))
        return Comparison("class-figure-differs", tuple(reasons))
    if pair is not None and kind_figures_comparable(vocab, *pair):
        reasons.append(
            f"{wording.is_(label(outcome_and_exposure(pair[1])[1]))} a kind of "
            f"{label(outcome_and_exposure(pair[0])[1])}: a class's figure and a kind's may "
            "differ, and these lie within a factor of two"
        )
        return Comparison("compatible", tuple(reasons))
    if relation != "same" and not unstated:
        reasons.append("different figures for different populations can both hold")
        return Comparison("compatible", tuple(reasons))
    # a brand is its drug: "CardiOmega cuts it by 50%" and "fish oil cuts it by 28%" are
    # two figures for one thing, not a class's and a kind's
    if (canonical(vocab, exp_a) if exp_a else None) != (canonical(vocab, exp_b) if exp_b else None):
        reasons.append(
            f"one is about {label(exp_a)}, the other about {label(exp_b)}: a share for a whole "
            "class and a share for one of its kinds can differ"
            + (", and these lie within a factor of two" if pair is not None else "")
        )
        return Comparison("compatible", tuple(reasons))
    if (
        first.condition != second.condition
        or first.time_course != second.time_course
        or first.time_reference != second.time_reference
    ):
        reasons.append("their conditions or time courses differ, so they cover different cases")
        return Comparison("scoped", tuple(reasons))
    if unstated:
        # a figure for everyone and another for a group of it: both hold only if the effect
        # differs by group, which neither says (the figure with no population is the
        # claim's reach, not a finding about other people)
        (everyone, q_all), (group, q_group) = (
            ((first, a), (second, b)) if first.population is None else ((second, b), (first, a))
        )
        reasons.append(
            f"{wording.figure(q_all)} is given for everyone ({everyone.id} names no population) "
            f"and {wording.figure(q_group)} for {label(group.population)}: both hold only if "
            "the effect differs by group, and neither says so"
        )
        return Comparison("population-not-stated", tuple(reasons))
    return Comparison("incompatible-values", tuple(reasons))


def _gap_reason(vocab: Vocabulary, general: Claim, kind: Claim, gap: str) -> str:
    """Why a kind's figure is far from its class's, in ``explain``'s words."""
    assert general.quantity is not None and kind.quantity is not None
    g, k = general.quantity, kind.quantity
    label = vocab.label
    far = (
        f"at most half the least the class's figure allows ({span(g)})"
        if gap == "below"
        else f"at least twice the most the class's figure allows ({span(g)})"
    )
    return (
        f"{wording.is_(label(outcome_and_exposure(kind)[1]))} a kind of "
        f"{label(outcome_and_exposure(general)[1])}: a class's figure sums up its kinds, which "
        f"may differ, but {wording.figure(k)} is {far}"
    )


#: what people at large believe, reported without endorsing it: "Many people believe …",
#: "It is widely thought that …", "a common myth is that …", "It is often said that …" —
#: and the other phrasings the extractor drafts as a reported belief ("a common belief
#: is that …", "some parents swear by …", "many users claim …", "… are convinced"); a
#: party's claim ("the maker claims") is its own, as a named expert's is
_BELIEF = re.compile(
    r"\b(?:believes?|believed|beliefs?|thinks?|thought|assumes?|assumed|myths?|misconceptions?|"
    r"(?:people|patients|parents|users|consumers|athletes|travell?ers) (?:still |also )?claim|"
    r"swear by|(?:is|are) convinced|"
    r"(?:is|are) (?:often |widely |commonly )?(?:said|claimed|rumou?red)(?: to| that)?)\b",
    re.IGNORECASE,
)


def _class_member_left_out(general: Claim, denial: Claim) -> list[str]:
    """Why class-claim-vs-member-denial leaves a class claim and a member's denial alone.

    The same reasons its rule reads from the two claims' structure (a hedge,
    a condition, a figure, a time course, one source); empty when it
    compares them.
    """
    why: list[str] = []
    if general.source == denial.source:
        why.append("one source, which states its own exception")
    if wording.CERTAINTY_RANK[general.certainty.level] < 2:
        hedge = general.certainty.cue or general.certainty.level
        why.append(f"the class claim is hedged (“{hedge}”): it leaves room for members that "
                   "do not")  # fmt: skip
    if general.condition:
        why.append(f"the class claim is limited by a condition (“{general.condition}”)")
    if general.quantity is not None:
        why.append("the class claim gives a figure, which the statistic rules compare")
    if general.time_course:
        why.append("the class claim says how long the effect lasts, not that every member "
                   "brings it")  # fmt: skip
    if denial.condition:
        why.append(f"the denial is limited by a condition (“{denial.condition}”)")
    if wording.CERTAINTY_RANK[denial.certainty.level] < 2:
        why.append(f"the denial is hedged (“{denial.certainty.cue or denial.certainty.level}”)")
    if denial.time_course:
        why.append("the denial is of a time course only")
    return why


def reported_belief(claim: Claim) -> bool:
    """Whether the claim reports a belief the source does not make its own.

    "Many people believe cranberry juice cures an infection": attribution
    ``mode: reports`` with a belief in its cue and no named expert or cited
    work — an article that then says "it does not" corrects a myth, it does
    not contradict itself.
    """
    attribution = claim.attribution
    return (
        attribution.mode == "reports"
        and not attribution.expert
        and not attribution.references
        and attribution.kind == "none"
        and _BELIEF.search(attribution.cue or "") is not None
    )


def works_through(vocab: Vocabulary, subject: str, causes: Sequence[str]) -> bool:
    """Whether the subject acts on one of the causes (or a kind of one): it works through it.

    "Milk makes heartburn worse" by raising stomach acid (milk ``acts_on``
    stomach acid) names no cause of heartburn besides "too much stomach
    acid".
    """
    return any(
        vocab.is_a(target, cause) for target in vocab.facts(subject, "acts_on") for cause in causes
    )


def compare_sole_cause(vocab: Vocabulary, only: Claim, other: Claim) -> Comparison:
    """Whether a claim naming another cause contradicts one naming the only cause.

    As ``sole-cause-vs-other-cause`` reads the pair: the other claim's
    outcome must be the sole cause's or a kind of it, its cause neither the
    only one named nor a kind or class of it, nor what that one acts on (its
    mechanism), nor something acting on it (which works through it); what
    makes the outcome worse is no other cause of what is caused only by one
    thing (the predicates must be the same); the
    populations must share people, and neither a belief the source only
    reports nor a sole-cause claim limited by a condition counts. (The rule
    also reads the sole-cause claims of one passage as one closed list,
    which a pair does not show.)
    """
    label = vocab.label
    if reported_belief(other):
        return Comparison("not-comparable", (_belief_reason(other),))
    if only.condition:
        return Comparison("scoped", (f"{only.id} is limited by its condition",))
    if not vocab.is_a(other.object, only.object):
        return Comparison(
            "not-comparable",
            (f"{wording.is_(label(other.object))} not {label(only.object)} or a kind of it",),
        )
    cause, named = canonical(vocab, only.subject), canonical(vocab, other.subject)
    if vocab.related(named, cause):
        return Comparison(
            "compatible",
            (f"{wording.is_(label(other.subject))} {label(only.subject)}, a kind of it or a "
             "class it belongs to: the only cause named",),
        )  # fmt: skip
    mechanisms = {
        target
        for kind in vocab.descendants(cause)
        if kind in vocab.entities
        for target in vocab.entities[kind].acts_on
    }
    if named in mechanisms:
        return Comparison(
            "compatible",
            (f"{label(only.subject)} acts on {label(other.subject)}: its mechanism, not "
             "another cause",),
        )  # fmt: skip
    if works_through(vocab, named, [cause]):
        return Comparison(
            "compatible",
            (f"{label(other.subject)} acts on {label(only.subject)}: it works through the "
             "only cause named, not besides it",),
        )  # fmt: skip
    if other.predicate != only.predicate:
        verb = "makes it worse" if other.predicate == "worsens" else "causes it"
        return Comparison(
            "not-comparable",
            (f"{other.id} says {label(other.subject)} {verb}, which names no other cause "
             f"of what {only.id} says is caused only by {label(only.subject)}",),
        )
    if (
        only.population is not None
        and other.population is not None
        and population_relation(vocab, only.population, other.population) == "unrelated"
    ):
        return Comparison("not-comparable", ("their populations do not meet",))
    return Comparison(
        "other-cause",
        (f"{only.id} names {label(only.subject)} as the only cause of {label(only.object)}, "
         f"and {other.id} names another: {label(other.subject)}",),
    )  # fmt: skip


def _belief_reason(claim: Claim) -> str:
    cue = claim.attribution.cue
    return f"{claim.id} reports a belief (“{cue}”) the source does not make its own"


#: what a denied link ("no link between X and Y") denies too: a cause or an effect of X
#: on Y, either way, is a link
_LINKS = ("associated_with", "causes", "decreases", "increases", "reduces", "treats", "worsens")


#: predicates that say one thing of an outcome in other words: "does not lower the risk
#: of X" (decreases) denies what "reduces the risk of X" asserts, "does not cause X" what
#: "increases the risk of X" does
_SAME_EFFECT = {
    "reduces": ("reduces", "decreases"),
    "decreases": ("decreases", "reduces"),
    "causes": ("causes", "increases"),
    "increases": ("increases", "causes"),
}


def denied_predicates(predicate: str) -> tuple[str, ...]:
    """The predicates whose assertions a denial of ``predicate`` contradicts.

    A denial of a relation denies that relation, however it is worded:
    ``reduces`` and ``decreases`` ("cuts", "lowers the risk of") say the
    same of an outcome, as ``causes`` and ``increases`` ("raises the risk
    of") do. A denial of a link (``associated_with``: "studies found no
    link between X and Y") also denies any cause or effect of X on Y, which
    would be a link ("X causes Y"). Not the other way round: "X does not
    cause Y" leaves room for a link, and "X does not treat Y" for X easing
    it.

    Examples
    --------
    >>> denied_predicates("causes")
    ('causes', 'increases')
    >>> denied_predicates("treats")
    ('treats',)
    >>> "causes" in denied_predicates("associated_with")
    True
    """
    if predicate == "associated_with":
        return _LINKS
    return _SAME_EFFECT.get(predicate, (predicate,))


def compare_negation(vocab: Vocabulary, first: Claim, second: Claim) -> Comparison:
    """Whether one claim denies what the other asserts — and why or why not.

    A denial is contradicted by an assertion of the same relation (or, for a
    denied link, any cause or effect: ``denied_predicates``) about the
    same or a narrower subject, object and population ("SSRIs do not cause
    X" against "sertraline causes X"). An assertion that names no population
    covers every population, and one about a group every group within it,
    so a denial for one population contradicts it ("higher doses cause X",
    or "in antidepressant users, higher doses cause X", against "in SSRI
    users, the dose has nothing to do with X"). Not contradicted by an
    assertion about a wider class, and not when the denial is hedged ("may
    not"), limited by a condition, or denies only a time course the other
    claim does not state. A denial as a
    rule ("blood pressure medicines generally do not cause a cough",
    probable) is not contradicted by a kind of its subject or object that
    does (an exception; a brand is its drug, no kind of it), nor by an
    assertion about a narrower group of people ("for most people, vitamin C
    does not prevent colds" against "in marathon runners it halved the
    risk"), nor by a figure (how large the effect is, which the statistic
    rules compare) — only by a plain assertion about the same terms and
    people. Within one source, two
    claims each resting on a study or review, and not on the same one, are
    conflicting evidence set side by side ("the trial found no effect; an
    earlier analysis claimed 58%"), not the source contradicting itself; and
    a denial and a figure, or a group's result, resting on the same work
    are the source's account of that work ("the review found no fewer
    colds [1] … in marathon runners the risk halved [1]").
    """
    if first.negated == second.negated:
        return Comparison("not-comparable", ("neither denies what the other asserts",))
    denial, assertion = (first, second) if first.negated else (second, first)
    label = vocab.label
    believed = [c for c in (denial, assertion) if reported_belief(c)]
    if believed:
        return Comparison("not-comparable", tuple(_belief_reason(c) for c in believed))
    if assertion.predicate not in denied_predicates(denial.predicate):
        return Comparison("not-comparable", ("they use different relations",))
    swapped = _swapped_view(vocab, denial, assertion)
    if swapped is not None:
        denial = swapped
    # a brand is its drug: "CardiOmega does not cause X" denies what "fish oil causes X"
    # asserts, as a denial about fish oil would
    if not vocab.is_a(assertion.subject, denial.subject) and canonical(
        vocab, assertion.subject
    ) != canonical(vocab, denial.subject):
        if vocab.is_a(denial.subject, assertion.subject):
            kind = (f"{wording.is_(label(denial.subject))} a kind of "
                    f"{label(assertion.subject)}, not the other way round: a class said to do "
                    "what one of its members is said not to do is a tension")  # fmt: skip
            left_out = _class_member_left_out(assertion, denial)
            if left_out:
                return Comparison(
                    "not-comparable",
                    (f"{kind}, which class-claim-vs-member-denial compares, but not these: "
                     + "; ".join(left_out),),
                )  # fmt: skip
            return Comparison(
                "not-comparable", (f"{kind}, which class-claim-vs-member-denial reports",)
            )
        return Comparison(
            "not-comparable",
            (f"{wording.is_(label(assertion.subject))} not {label(denial.subject)} or a kind "
             "of it",),
        )
    if not within_object(vocab, denial.predicate, assertion.object, denial.object):
        return Comparison(
            "not-comparable",
            (f"{wording.is_(label(assertion.object))} not {label(denial.object)} or a kind of it",),
        )
    reasons: list[str | Callable[[], str]] = [
        f"{denial.id} denies the relation that {assertion.id} asserts"
    ]
    if swapped is not None:
        reasons.append(
            f"{wording.relation('X', denial.predicate, 'Y', False)} says the same as "
            f"{wording.relation('Y', denial.predicate, 'X', False)}"
        )
    # how the denial's people stand to the assertion's: "narrower" when the assertion is
    # about a group containing them ("in adults" / "in older adults"), as it is when it
    # names no population: either way the assertion covers them too
    among = population_relation(vocab, denial.population, assertion.population)
    if denial.population and assertion.population is None:
        reasons.append(
            f"{assertion.id} names no population, so it covers every population, "
            f"{label(denial.population)} too"
        )
    elif denial.population and among == "narrower" and assertion.population:
        reasons.append(
            f"{assertion.id} is about {label(assertion.population)}, a group that contains "
            f"{label(denial.population)}, so it covers {label(denial.population)} too"
        )
    elif assertion.population and (denial.population is None or among == "wider"):
        # the other way round: the denial's people contain the assertion's
        reasons.append(
            f"{denial.id} names no population, so it covers every population, "
            f"{label(assertion.population)} too"
            if denial.population is None
            else f"{denial.id} is about {label(denial.population)}, a group that contains "
            f"{label(assertion.population)}, so it covers {label(assertion.population)} too"
        )
    elif denial.population and assertion.population and among == "unrelated":
        reasons.append(
            f"the denial is about {label(denial.population)} and {assertion.id} about "
            f"{label(assertion.population)}: neither group contains the other"
        )
        return Comparison("compatible", tuple(reasons))
    if denial.time_course and denial.time_course != assertion.time_course:
        reasons.append(
            f"the denial is only about the time course (not {denial.time_course}), "
            "which the assertion does not state"
        )
        return Comparison("compatible", tuple(reasons))
    if denial.predicate == "safe_for":
        meet, why = safe_doses_meet(denial, assertion)
        reasons.append(why)
        if not meet:
            return Comparison("compatible", tuple(reasons))
    if denial.condition:
        reasons.append(f"the denial holds only “{denial.condition}”")
        return Comparison("scoped", tuple(reasons))
    if (
        assertion.source == denial.source
        and assertion.start < denial.end
        and denial.start < assertion.end
    ):
        reasons.append(
            f"{assertion.id} quotes the denial's own passage: an exception the source states"
        )
        return Comparison("compatible", tuple(reasons))
    hedge = denial.certainty.cue or denial.certainty.level
    if wording.CERTAINTY_RANK[denial.certainty.level] < wording.CERTAINTY_RANK["probable"]:
        reasons.append(f"the denial is hedged (“{hedge}”)")
        return Comparison("compatible", tuple(reasons))
    if denial.certainty.level != "certain":
        # a brand is its drug, not a kind of it that could be the exception
        narrower = [
            (label(mine), label(its))
            for mine, its in (
                (assertion.subject, denial.subject),
                (assertion.object, denial.object),
            )
            if canonical(vocab, mine) != canonical(vocab, its)
        ]
        if narrower:
            kind, cls = narrower[0]
            reasons.append(
                f"the denial holds only as a rule (“{hedge}”), which leaves room for kinds of "
                f"{cls} that do, such as {kind}"
            )
            return Comparison("compatible", tuple(reasons))
        if assertion.population is not None and among not in ("same", "narrower"):
            reasons.append(
                f"the denial holds only as a rule (“{hedge}”), which leaves room for a group "
                f"it does not name, such as {label(assertion.population)}"
            )
            return Comparison("compatible", tuple(reasons))
        if assertion.quantity is not None:
            reasons.append(
                f"the denial holds only as a rule (“{hedge}”), and {assertion.id} gives a "
                "figure: how large the effect is, which the statistic rules compare"
            )
            return Comparison("compatible", tuple(reasons))
    if (
        assertion.source == denial.source
        and _same_work(assertion, denial)
        and (
            assertion.quantity is not None
            or (assertion.population is not None and among not in ("same", "narrower"))
        )
    ):
        reasons.append(
            f"both rest on one work, and {assertion.id} gives "
            + ("its figure" if assertion.quantity is not None else "its result for one group")
            + ": the source's account of that work's results (what it found overall, and "
            "in detail), not the source contradicting itself"
        )
        return Comparison("compatible", tuple(reasons))
    if assertion.source == denial.source and _other_works(assertion, denial):
        reasons.append(
            f"{denial.source} gives them as the results of two different works: conflicting "
            "evidence set side by side, not the source contradicting itself"
        )
        return Comparison("compatible", tuple(reasons))
    return Comparison("asserted-and-negated", tuple(reasons))


def stated_exceptions(denial: Claim, candidates: Sequence[Claim]) -> list[Claim]:
    """The assertions among ``candidates`` that the denial's source states as its exceptions.

    One quoting the denial's own passage ("… generally do not cause a cough;
    ACE inhibitors are the exception"), and one the source reports of the
    work its denial rests on for a narrower outcome ("did not reduce major
    cardiovascular events [1]. It did, however, cut heart attacks by 28%
    [1]": the denial is of the events taken together). An assertion about
    such an exception, or a kind of it, from any source does not contradict
    the denial. ``candidates``: assertions about the denial's terms or kinds
    of them.
    """
    return [
        c
        for c in candidates
        if c.source == denial.source
        and (
            (c.start < denial.end and denial.start < c.end)
            or (c.object != denial.object and _same_work(c, denial))
        )
    ]


#: attribution kinds that rest a claim on a study or review (named, described or not)
_WORK_KINDS = frozenset({"cited", "described-study", "unidentified-work"})


def _same_work(first: Claim, second: Claim) -> bool:
    """Whether the two claims rest on one work: a reference both cite, or one described study."""
    a, b = first.attribution, second.attribution
    if set(a.references) & set(b.references):
        return True
    return a.study is not None and b.study is not None and not a.study.differs_from(b.study)


def _other_works(first: Claim, second: Claim) -> bool:
    """Whether each claim rests on a study or review, and not on the same one.

    Works differ when neither cites a reference the other cites, and their
    described studies (or, without one, their cues: "one analysis", "the
    trial") are not the same.
    """
    a, b = first.attribution, second.attribution
    if a.kind not in _WORK_KINDS or b.kind not in _WORK_KINDS:
        return False
    if set(a.references) & set(b.references):
        return False
    if a.study is not None and b.study is not None:
        return a.study.differs_from(b.study)
    if a.references or b.references:
        return True
    return (a.study, (a.cue or "").casefold()) != (b.study, (b.cue or "").casefold())


def _swapped_view(vocab: Vocabulary, denial: Claim, assertion: Claim) -> Claim | None:
    """The denial with subject and object swapped, when its relation is symmetric and only
    the swap lines it up with the assertion ("Y does not interact with X" against "X
    interacts with Y"); None otherwise."""
    if denial.predicate not in SYMMETRIC_PREDICATES:
        return None
    if vocab.is_a(assertion.subject, denial.subject) and vocab.is_a(
        assertion.object, denial.object
    ):
        return None
    if vocab.is_a(assertion.subject, denial.object) and vocab.is_a(
        assertion.object, denial.subject
    ):
        return replace(denial, subject=denial.object, object=denial.subject)
    return None


def safety_covers(vocab: Vocabulary, wide: str, narrow: str) -> bool:
    """Whether what ``safe_for`` says of ``wide`` (people, a condition or a use) covers ``narrow``.

    ``narrow`` is ``wide`` or a kind of it, a population ``wide`` contains
    (:func:`population_relation`), or a population defined by having the
    condition ``wide`` or a kind of it ("pregnant women" for "pregnancy").

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> vocab = Vocabulary(load_corpus())
    >>> safety_covers(vocab, "antidepressant_users", "long_term_ssri_users")
    True
    """
    if wide == narrow or vocab.is_a(narrow, wide) or _contains(vocab, wide, narrow):
        return True
    entity = vocab.entities.get(narrow)
    return bool(entity and entity.has_condition and vocab.is_a(entity.has_condition, wide))


def within_object(vocab: Vocabulary, predicate: str, obj: str, denied: str) -> bool:
    """Whether an assertion's object ``obj`` is within what a denial of ``predicate`` is about.

    A kind of the denied object; for ``safe_for``, also the people the denied
    object covers (:func:`safety_covers`: "no safe level in pregnancy" is
    about pregnant women too), and a group of people containing the denied
    ones: "safe for people who are immunocompromised" says it of the severely
    immunocompromised too.
    """
    if vocab.is_a(obj, denied):
        return True
    return predicate == "safe_for" and (
        safety_covers(vocab, denied, obj) or safety_covers(vocab, obj, denied)
    )


def safe_doses_meet(denial: Claim, assertion: Claim) -> tuple[bool, str]:
    """Whether a denial of safety rules out an amount the assertion says is safe — and why.

    A dose said to be safe covers every smaller one, a dose said not to be
    safe every larger one. A denial without a dose ("no safe level") rules
    out every amount; a denial with one says nothing of an assertion without
    one (read at the usual amounts). Doses in other measures or units are
    not compared.

    Examples
    --------
    >>> from decimal import Decimal as D
    >>> from bluntgraph.model import Claim, Quantity
    >>> safe = Claim("a", "s", "q", 0, 1, "body", "x", "safe_for", "p",
    ...              quantity=Quantity("dose", None, D(7), "drinks/week", "up_to"))
    >>> unsafe = Claim("b", "s", "q", 0, 1, "body", "x", "safe_for", "p", negated=True,
    ...                quantity=Quantity("dose", D(3), None, "drinks/week", "at_least"))
    >>> safe_doses_meet(unsafe, safe)[0]
    True
    """
    said, safe = denial.quantity, assertion.quantity
    if said is None:
        return True, f"{denial.id} names no dose: it says no amount is safe"
    if safe is None:
        return False, (
            f"{denial.id} is only about {wording.figure(said)}, and {assertion.id} names no "
            "dose (the usual amounts)"
        )
    if (said.measure, said.unit) != (safe.measure, safe.unit):
        return False, (
            f"their doses are given in different measures or units ({said.unit or 'no unit'} "
            f"and {safe.unit or 'no unit'})"
        )
    unsafe_from = said.interval()[0] or Decimal(0)
    safe_to = safe.interval()[1]
    if safe_to is not None and safe_to <= unsafe_from:
        return False, (
            f"{denial.id} says {wording.figure(said)} is not safe and {assertion.id} that "
            f"{wording.figure(safe)} is: the doses do not meet"
        )
    return True, (
        f"{denial.id} says {wording.figure(said)} is not safe and {assertion.id} that "
        f"{wording.figure(safe)} is: some amount is said to be both"
    )


def firm_effect(claim: Claim) -> bool:
    """Whether the claim states an effect with a direction, firmly and without a figure.

    Not denied, no figure (statistics are compared by their shares), no
    condition, and at least "probable": "can cause" and "may relieve" leave
    room for an effect in some people only.
    """
    predicate = claim.predicate
    return predicate != "prevalence" and direction(predicate) != 0 and firm_wording(claim)


def firm_wording(claim: Claim) -> bool:
    """Whether the claim is worded as a firm effect: :func:`firm_effect` without the predicate.

    Not denied, no figure, no condition, and at least "probable".
    """
    return (
        not claim.negated
        and claim.quantity is None
        and not claim.condition
        and _RANK[claim.certainty.level] >= _PROBABLE
    )


_RANK = wording.CERTAINTY_RANK
_PROBABLE = _RANK["probable"]


def compare_directions(vocab: Vocabulary, first: Claim, second: Claim) -> Comparison:
    """Whether two claims without figures say one thing raises and lowers another — and why.

    ``opposite-effects`` when their predicates go in opposite directions
    about the same subject (a brand counts as its drug) and object, for the
    same population and time course, and both are firm (:func:`firm_effect`).
    """
    if direction(first.predicate) * direction(second.predicate) != -1:
        return Comparison("not-comparable", ("their effects do not go in opposite directions",))
    reasons: list[str | Callable[[], str]] = [
        f"the effects go in opposite directions ({first.predicate} and {second.predicate})"
    ]
    if (canonical(vocab, first.subject), canonical(vocab, first.object)) != (
        canonical(vocab, second.subject),
        canonical(vocab, second.object),
    ):
        reasons.append(
            "they are not about the same subject and object: a class and one of its kinds, "
            "or two kinds, can act differently"
        )
        return Comparison("compatible", tuple(reasons))
    scoped = [c.id for c in (first, second) if c.condition]
    if scoped:
        reasons.extend(f"{cid} is limited by its condition" for cid in scoped)
        return Comparison("scoped", tuple(reasons))
    if population_relation(vocab, first.population, second.population) != "same":
        reasons.append("they are about different populations")
        return Comparison("compatible", tuple(reasons))
    if (first.time_course, first.time_reference) != (second.time_course, second.time_reference):
        reasons.append("their time courses differ, so they may describe different moments")
        return Comparison("compatible", tuple(reasons))
    soft = [c for c in (first, second) if not firm_effect(c)]
    if soft:
        reasons.extend(
            f"{c.id} is hedged (“{c.certainty.cue or c.certainty.level}”) or gives a figure: "
            "a treatment can cause a symptom in some people and relieve it in others"
            for c in soft
        )
        return Comparison("compatible", tuple(reasons))
    reasons.append(
        "both are stated firmly, for the same population and without a condition: both can "
        "hold only for different people or circumstances, which neither names"
    )
    return Comparison("opposite-effects", tuple(reasons))


def _claim(corpus: Corpus, claim_id: str) -> Claim:
    """The claim with id ``claim_id``, or :class:`UnknownTermError` naming close ids."""
    claim = corpus.claim_by_id.get(claim_id)
    if claim is not None:
        return claim
    ids = list(corpus.claim_by_id)
    close = difflib.get_close_matches(claim_id, ids, n=3, cutoff=0.6)
    close += [i for i in ids if claim_id and claim_id.casefold() in i.casefold()]
    raise UnknownTermError("claim", claim_id, list(dict.fromkeys(close))[:3])


def _beyond_exceptions(
    vocab: Vocabulary, corpus: Corpus, result: Comparison, first: Claim, second: Claim
) -> Comparison:
    """A denial's contradiction, unless its source states the assertion as an exception."""
    denial, assertion = (first, second) if first.negated else (second, first)
    predicates = denied_predicates(denial.predicate)
    candidates = [
        c
        for c in corpus.claims
        if c.source == denial.source
        and not c.negated
        and c.predicate in predicates
        and vocab.is_a(c.subject, denial.subject)
        and vocab.is_a(c.object, denial.object)
    ]
    for stated in stated_exceptions(denial, candidates):
        if vocab.is_a(assertion.subject, stated.subject) and vocab.is_a(
            assertion.object, stated.object
        ):
            return Comparison(
                "compatible",
                (*result.reasons,
                 f"{denial.source} states {vocab.label(stated.subject)} and "
                 f"{vocab.label(stated.object)} as an exception ({stated.id}), which "
                 f"{assertion.id} is about"),
            )  # fmt: skip
    return result


def explain_pair(corpus: Corpus, first_id: str, second_id: str) -> list[str]:
    """Why two claims of ``corpus`` do or do not conflict, one sentence per reason.

    The first line names the verdict; the others give the reasons the
    conflict rules use (figures, populations, directions, conditions).

    Raises
    ------
    UnknownTermError
        For an id no claim of the corpus has, naming the closest ids.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> corpus = load_corpus()
    >>> a, b = [c.id for c in corpus.claims if c.quantity][:2]
    >>> explain_pair(corpus, a, b)[0].startswith("verdict: ")
    True
    """
    first, second = _claim(corpus, first_id), _claim(corpus, second_id)
    vocab = Vocabulary(corpus)
    lines = [_describe(vocab, first), _describe(vocab, second)]
    if first.predicate in DEFINITION_PREDICATES or second.predicate in DEFINITION_PREDICATES:
        result = Comparison(
            "not-comparable",
            ("definitions (defined_as, same_as, distinct_from) are compared by the "
             "definition-conflict rules, which group every definition of a term",),
        )  # fmt: skip
    elif first.quantity and second.quantity and "safe_for" not in (
        first.predicate,
        second.predicate,
    ):
        result = compare_statistics(vocab, first, second)
    elif first.negated != second.negated:
        result = compare_negation(vocab, first, second)
        if result.verdict == "asserted-and-negated":
            result = _beyond_exceptions(vocab, corpus, result, first, second)
    elif direction(first.predicate) * direction(second.predicate) == -1:
        result = compare_directions(vocab, first, second)
    elif (
        first.sole_cause != second.sole_cause
        and {first.predicate, second.predicate} <= {"causes", "worsens"}
        and not (first.negated or second.negated)
    ):
        only, other = (first, second) if first.sole_cause else (second, first)
        result = compare_sole_cause(vocab, only, other)
    else:
        result = Comparison("not-comparable", ("nothing in their structure makes them clash",))
    return [f"verdict: {result.verdict}", *lines, *result.reasons]
