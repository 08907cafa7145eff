"""Rules for claims that agree on the surface and clash once the vocabulary's facts are used."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim
from ..vocabulary import Vocabulary
from . import wording
from .compare import (
    DEFINITION_PREDICATES,
    canonical,
    denied_predicates,
    direction,
    population_relation,
    reported_belief,
    safety_covers,
)
from .definitions import definition_claims
from .engine import CheckContext, Draft, cross, rule

__all__ = [
    "class_claim_vs_member_denial",
    "class_effect_vs_member_treatment",
    "classification_against_vocabulary",
    "course_breaks",
    "membership_reason",
    "periods_meet",
    "safe_vs_harm",
    "time_course_conflict",
]


def _is_a_path(vocab: Vocabulary, entity_id: str, class_id: str) -> list[str]:
    """The shortest ``broader`` chain from the entity up to the class (both included)."""
    paths = {entity_id: [entity_id]}
    queue = [entity_id]
    while queue:
        here = queue.pop(0)
        if here == class_id:
            return paths[here]
        entity = vocab.entities.get(here)
        for parent in sorted(entity.broader) if entity else ():
            if parent not in paths:
                paths[parent] = [*paths[here], parent]
                queue.append(parent)
    return [entity_id, class_id]


def membership_reason(vocab: Vocabulary, entity_id: str, class_id: str) -> str:
    """Why the vocabulary makes ``entity_id`` a ``class_id``, in words.

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> vocab = Vocabulary(load_corpus())
    >>> membership_reason(vocab, "sertraline", "ssri")
    'sertraline is a kind of SSRI'
    >>> membership_reason(vocab, "amitriptyline", "serotonergic_antidepressant")
    'amitriptyline acts on serotonin (as tricyclic antidepressant)'
    """
    label = vocab.label
    if class_id in vocab.ancestors(entity_id):
        path = _is_a_path(vocab, entity_id, class_id)
        kinds = ", ".join(f"a kind of {label(p)}" for p in path[1:])
        return f"{wording.is_(label(path[0]))} {kinds}"
    definition = vocab.entities[class_id]
    facts = []
    for key, value in definition.member_if:
        holders = [
            a
            for a in sorted(vocab.ancestors(entity_id))
            if a in vocab.entities and value in getattr(vocab.entities[a], key, ())
        ]
        holder = f" (as {label(holders[0])})" if holders and holders[0] != entity_id else ""
        facts.append(f"{key.replace('_', ' ')} {label(value)}{holder}")
    return f"{label(entity_id)} {wording.join(facts)}"


def _near(vocab: Vocabulary, present: set[str]) -> dict[str, set[str]]:
    """For each present entity, the present ones that may be related to it (a superset).

    Built from each entity's is-a ancestors and members, so it costs what those
    sets hold, not present × present; callers confirm with ``vocab.related``.
    """
    near: dict[str, set[str]] = defaultdict(set)
    for entity in present:
        for other in vocab.ancestors(entity) | vocab.members(entity):
            if other in present:
                near[entity].add(other)
                near[other].add(entity)
    return near


def _by_source(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The claims grouped by source (each group in the given order)."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.source, []).append(claim)
    return groups


def _firm(claim: Claim) -> bool:
    """Whether the claim is stated as probable or certain ("can cause" is not)."""
    return wording.CERTAINTY_RANK[claim.certainty.level] >= 2


def _split(vocab: Vocabulary, class_id: str) -> bool:
    """Whether the vocabulary divides the class into kinds that exclude each other."""
    kinds = vocab.descendants(class_id)
    return any(set(vocab.entities[k].disjoint_with) & kinds for k in kinds if k in vocab.entities)


def _populations_meet(vocab: Vocabulary, first: str | None, second: str | None) -> bool:
    """Whether two claims' populations share people (an unstated one covers everyone)."""
    if first is None or second is None:
        return True
    return population_relation(vocab, first, second) != "unrelated"


def _verb(subject: str, verb: str) -> str:
    """The verb agreeing with its subject: "SSRIs cause", "an SSRI causes"."""
    return verb if wording.plural(subject) else f"{verb}s"


@rule("class-effect-vs-member-treatment", "tension", "warning")
def class_effect_vs_member_treatment(ctx: CheckContext) -> Iterator[Draft]:
    """A class is said to cause a symptom while one of its members is offered to relieve it.

    Pairs a claim that a class C causes or worsens Y (not denied, not
    limited by a condition) with a claim that Z treats, reduces or is
    recommended for Y (or a kind of Y), where the vocabulary makes Z a
    member of C — by C's defining facts (``member_if``: a class of drugs
    that act on serotonin contains every drug that acts on serotonin,
    whatever its declared class), reported as a warning; or by a declared
    is-a link, reported as info, and only when the class claim is firm
    (certain or probable: "can cause" leaves room for members that do not)
    and the vocabulary does not split C into kinds that exclude each other
    (antidepressants divide into serotonin-focused and non-serotonergic
    ones, so "antidepressants cause Y" says nothing certain of each kind).
    A member offered in place of another, by a condition naming the class or
    another member ("if one statin gives you aches, switching to rosuvastatin
    relieves them"), is the exception the source explains: not reported.
    """
    vocab = ctx.vocabulary
    # Claims are grouped by subject, then object, then source, and pairs are only
    # formed between groups whose objects are related: the work grows with the
    # claims and the findings, not with causes × treatments of each class.
    # Only a class (an entity with kinds, or defined by facts) can have members other
    # than itself, and only a member of such a class can be the exception: the claims
    # of other subjects are never filed.
    classes = {e for e in vocab.entities if vocab.members(e) - {e}}
    # subject -> object -> claims; split by source (and the firm ones picked out) only
    # for the groups that meet, as most never do
    causes: dict[str, dict[str, list[Claim]]] = {}
    for predicate, claims in ctx.claims_by_predicate.items():
        if direction(predicate) > 0 and predicate != "prevalence":
            for c in claims:
                if c.subject in classes and not c.negated and not c.condition:
                    causes.setdefault(c.subject, {}).setdefault(c.object, []).append(c)
    members_of_classes = {m for class_id in causes for m in vocab.members(class_id)}
    relief: dict[str, dict[str, list[Claim]]] = {}
    for predicate, claims in ctx.claims_by_predicate.items():
        if direction(predicate) < 0 or predicate == "recommends":
            for c in claims:
                if c.subject in members_of_classes and not c.negated:
                    relief.setdefault(c.subject, {}).setdefault(c.object, []).append(c)
    present = {o for by_object in (*relief.values(), *causes.values()) for o in by_object}
    partners = _near(vocab, present)
    related: dict[tuple[str, str], bool] = {}
    firm_outcomes: dict[str, set[str]] = {}
    said_by: dict[tuple[str, str, bool], dict[str, list[Claim]]] = {}
    offered_by: dict[tuple[str, str, str], dict[str, list[Claim]]] = {}
    groups: dict[tuple[str, str, str, str], list[tuple[Claim, Claim]]] = {}
    for class_id in causes:
        members = vocab.members(class_id)
        own = canonical(vocab, class_id)
        subjects = sorted(s for s in relief if s in members and canonical(vocab, s) != own)
        if not subjects:
            continue
        split = _split(vocab, class_id)
        for subject in subjects:
            by_facts = class_id not in vocab.ancestors(subject)
            if not by_facts and split:
                continue
            # by is-a, only firm class claims count ("can cause" leaves room for exceptions)
            if by_facts:
                outcomes = set(causes[class_id])
            else:
                if class_id not in firm_outcomes:
                    firm_outcomes[class_id] = {
                        o for o, said in causes[class_id].items() if any(map(_firm, said))
                    }
                outcomes = firm_outcomes[class_id]
            for target in relief[subject]:
                # offered in place of another member ("if one statin gives you aches,
                # switching to rosuvastatin relieves them"): the source says why
                offered_here = [
                    c for c in relief[subject][target] if not _switch(vocab, c, class_id)
                ]
                if not offered_here:
                    continue
                for outcome in sorted((partners.get(target, set()) | {target}) & outcomes):
                    pair = (target, outcome)
                    if pair not in related:
                        related[pair] = vocab.related(*pair)
                    if not related[pair]:
                        continue
                    said_key = (class_id, outcome, not by_facts)
                    if said_key not in said_by:
                        pool = causes[class_id][outcome]
                        said_by[said_key] = _by_source(
                            [c for c in pool if _firm(c)] if not by_facts else pool
                        )
                    offered_key = (subject, target, class_id)
                    if offered_key not in offered_by:
                        offered_by[offered_key] = _by_source(offered_here)
                    for cause_source, said_claims in said_by[said_key].items():
                        for treat_source, offered_claims in offered_by[offered_key].items():
                            # a class effect in one group says nothing of a member
                            # offered to people who are not in it
                            met = [
                                (a, b)
                                for a in said_claims
                                for b in offered_claims
                                if _populations_meet(vocab, a.population, b.population)
                            ]
                            if met:
                                key = (class_id, outcome, cause_source, treat_source)
                                groups.setdefault(key, []).extend(met)
    for key in sorted(groups):
        class_id, outcome, _, _ = key
        met = groups[key]
        met_ids = {(a.id, b.id) for a, b in met}
        said = ctx.in_order(a for a, _ in met)
        offered = ctx.in_order(b for _, b in met)
        offered_subjects = list(dict.fromkeys(c.subject for c in offered))
        facts = [m for m in offered_subjects if class_id not in vocab.ancestors(m)]
        targets = wording.join(list(dict.fromkeys(ctx.label(c.object) for c in offered)))
        reasons = "; ".join(membership_reason(vocab, m, class_id) for m in offered_subjects)
        them = "it" if len(offered_subjects) == 1 else "them"
        # a level ("raises blood pressure") is not a symptom that is caused or relieved
        level = all(c.predicate == "increases" for c in said)
        lowered = all(c.predicate == "decreases" for c in offered)
        yield Draft(
            f"{ctx.where_all(said)} {'says' if len({c.source for c in said}) == 1 else 'say'} "
            f"{ctx.label(class_id)} {_verb(ctx.label(class_id), 'raise' if level else 'cause')} "
            f"{ctx.label(outcome)}, "
            f"yet {ctx.where_all(offered)} offers "
            f"{wording.join([ctx.label(m) for m in offered_subjects])} "
            f"{'to lower' if lowered else 'against'} {targets}. "
            f"The vocabulary puts {them} in the class “{ctx.label(class_id)}” too: {reasons}. "
            f"If the class {'raises it' if level else 'causes the symptom'}, its members may as "
            "well; the sources do not say why these would be the exception.",
            tuple(said + offered),
            severity="warning" if facts else "info",
            pairs=tuple((a, b) for a in said for b in offered if (a.id, b.id) in met_ids),
        )


def _say(claims: list[Claim]) -> str:
    """"says" after one source, "say" after several."""
    return "says" if len({c.source for c in claims}) == 1 else "say"


def _switch(vocab: Vocabulary, claim: Claim, class_id: str) -> bool:
    """Whether the claim's condition names the class or another of its members: the member
    is offered in place of another ("if one statin gives you aches", "switching from
    simvastatin"), which says why it would be the exception."""
    if not claim.condition:
        return False
    text = " " + " ".join(re.findall(r"\w+", claim.condition.casefold())) + " "
    for member in vocab.members(class_id) - {claim.subject}:
        entity = vocab.entities.get(member)
        for name in (entity.label, *entity.synonyms) if entity else ():
            words = " ".join(re.findall(r"\w+", name.casefold()))
            if words and f" {words} " in text:
                return True
    return False


def _class_side(claim: Claim) -> bool:
    """Whether the claim states a relation of a class as a rule the class's members share.

    Firm (probable or certain: "can cause" leaves room for members that do
    not), not denied, no condition, no figure (how large an effect is, which
    the statistic rules compare), no time course, not a belief the source
    only reports. A time course says how long the effect lasts when it
    comes, and its firmness is the course's: "rebound acid after stopping a
    PPI always settles within two weeks" is sure of the two weeks, not that
    every PPI brings rebound acid (as a denial of a time course only denies
    the course).
    """
    return (
        not claim.negated
        and not claim.condition
        and claim.quantity is None
        and not claim.time_course
        and _firm(claim)
        and not reported_belief(claim)
    )


def _member_side(claim: Claim) -> bool:
    """Whether the claim flatly denies a relation: firm, no condition, not a time course only."""
    return (
        claim.negated
        and not claim.condition
        and not claim.time_course
        and _firm(claim)
        and not reported_belief(claim)
    )


@rule("class-claim-vs-member-denial", "tension", "warning")
def class_claim_vs_member_denial(ctx: CheckContext) -> Iterator[Draft]:
    """A class is said to do something one of its members is said not to do.

    Pairs a firm claim that a class C has a relation ("PPIs cause
    dementia": probable or certain, not denied, no condition, no figure)
    with a firm denial of the same relation for a member Z of C from
    another source ("omeprazole does not cause dementia"), where the
    vocabulary makes Z a member of C (by is-a or by C's defining facts),
    the class claim's object is the denied one or a kind of it, and the
    populations share people (an unstated population covers everyone).
    Either the class claim overreaches or the denial is wrong; the sources
    do not say which. Not compared: a hedged class claim ("can cause") or
    one about how long the effect lasts ("always settles within two weeks"),
    a hedged or conditional denial, a denial of a time course only, a belief
    a source reports, a class the vocabulary splits into kinds that exclude
    each other (when membership is by is-a), the same source (which states
    its own exception), and a class claim whose source itself denies the
    relation for that member (it knows the exception). The other way round
    (a class denied, a member asserted) is ``asserted-and-negated``. One
    finding per pair of statements, with every source that makes either:
    what is said of the member's classes (its object and population) against
    what is denied of the member (its relation and population) — two sellers'
    "statins commonly cause muscle pain" against two trials' "atorvastatin
    did not cause more muscle pain" is one problem, not four.
    """
    vocab = ctx.vocabulary
    denials = [
        c
        for c in ctx.negated_claims
        if c.predicate not in DEFINITION_PREDICATES and _member_side(c)
    ]
    if not denials:
        return
    classes_of = {d.subject: vocab.classes(d.subject) - {d.subject} for d in denials}
    wanted = {
        (p, c)
        for d in denials
        for p in denied_predicates(d.predicate)
        for c in classes_of[d.subject]
    }
    # class claims filed by predicate, class and object: a denial meets only those of
    # its subject's classes and of kinds of its object, so the work grows with the
    # claims and the pairs found, not with denials x class claims
    filed: dict[tuple[str, str], dict[str, list[Claim]]] = {}
    for predicate in sorted({p for p, _ in wanted}):
        for claim in ctx.claims_by_predicate.get(predicate, ()):
            if (predicate, claim.subject) in wanted and _class_side(claim):
                by_object = filed.setdefault((predicate, claim.subject), {})
                by_object.setdefault(claim.object, []).append(claim)
    # a source that denies a relation for a member knows the exception to its own
    # class claim
    denied_in: dict[tuple[str, str], set[str]] = defaultdict(set)
    for denial in denials:
        denied_in[(denial.predicate, denial.subject)].add(denial.source)
    # one finding per pair of statements, whoever makes them: what is said of the
    # member's classes (object and population; the class and its wording aside: "statins
    # commonly cause muscle aches" is "statins cause muscle pain" again) against what is
    # denied of the member (its relation and population), with every source of either
    groups: dict[tuple[str, ...], list[tuple[Claim, Claim]]] = {}
    for denial in denials:
        member = denial.subject
        own = canonical(vocab, member)
        kinds = vocab.members(denial.object)
        # "does not lower the risk" denies "reduces the risk" too (denied_predicates)
        predicates = denied_predicates(denial.predicate)
        knowing = set().union(*(denied_in[(p, member)] for p in predicates))
        for class_id in sorted(classes_of[member]):
            if canonical(vocab, class_id) == own:
                continue
            if class_id in vocab.ancestors(member) and _split(vocab, class_id):
                continue  # by is-a, a class of kinds that exclude each other
            for predicate in predicates:
                said = filed.get((predicate, class_id), {})
                for obj in sorted(said.keys() & kinds):
                    for general in said[obj]:
                        if general.source == denial.source or general.source in knowing:
                            continue
                        if _populations_meet(vocab, general.population, denial.population):
                            key = (member, denial.predicate, denial.object,
                                   denial.population or "", general.object,
                                   general.population or "")  # fmt: skip
                            groups.setdefault(key, []).append((general, denial))
    for statements in sorted(groups):
        member = statements[0]
        met = list(dict.fromkeys(groups[statements]))
        stated = ctx.in_order(a for a, _ in met)
        denied = ctx.in_order(b for _, b in met)
        classes = list(dict.fromkeys(c.subject for c in stated))
        found = list(dict.fromkeys(membership_reason(vocab, member, c) for c in classes))
        # "calmol is a kind of alpha calmer" is said by "…, a kind of calmer"
        reasons = "; ".join(r for r in found if not any(o.startswith(f"{r},") for o in found))
        named = wording.join([f"“{ctx.label(c)}”" for c in classes])
        plural = "es" if len(classes) > 1 else ""
        yield Draft(
            f"{ctx.where_all(stated)} {_say(stated)} "
            f"{wording.join(sorted({ctx.says(c) for c in stated}))}, but "
            f"{ctx.where_all(denied)} {_say(denied)} "
            f"{wording.join(sorted({ctx.says(c) for c in denied}))}. The vocabulary puts "
            f"{ctx.label(member)} in the class{plural} {named}: {reasons}. "
            f"Either what is said of the class{plural} does not hold for every member, or "
            "the denial is wrong; the sources do not say which.",
            (*stated, *denied),
            pairs=tuple(met),
        )


#: what a time course says about how long the effect lasts, by (course, denied):
#: ``passes`` (it is short-lived: temporary, not persistent), ``reversible`` (it
#: ends once its cause is removed or treated), ``ends`` (it does not last for
#: ever: "not permanent"), ``weeks`` (it is gone within weeks), ``lasts`` (it can
#: go on for a long time: persistent, "not temporary"), ``months`` (it lasts
#: months: longer than weeks, not for good) and ``never-ends`` (permanent,
#: irreversible)
_COURSE_KINDS = {
    ("weeks", False): ("weeks", "gone within weeks"),
    ("months", False): ("months", "months long"),
    ("transient", False): ("passes", "temporary"),
    ("persistent", True): ("passes", "not persistent"),
    ("reversible", False): ("reversible", "reversible"),
    ("permanent", True): ("ends", "not permanent"),
    ("persistent", False): ("lasts", "persistent"),
    ("transient", True): ("lasts", "not temporary"),
    ("permanent", False): ("never-ends", "permanent"),
    ("reversible", True): ("never-ends", "not reversible"),
}
_RESOLVING = frozenset({"passes", "reversible", "ends", "weeks"})


def _course(claim: Claim) -> tuple[str, str] | None:
    """(kind, words) of a claim's time course (see ``_COURSE_KINDS``), or None."""
    if claim.time_course is None:
        return None
    return _COURSE_KINDS.get((claim.time_course, claim.negated))


def _words(course: tuple[str, str] | None, claim: Claim) -> str:
    if course is None:
        return ""
    if claim.time_reference == "unspecified":
        return course[1]
    return f"{course[1]} ({claim.time_reference.replace('-', ' ')})"


#: reference points that end: an effect lasting within them can still pass afterwards
_BOUNDED = frozenset({"while-taking", "during-withdrawal"})


def periods_meet(lasting: str, resolving: str) -> bool:
    """Whether "it lasts" (counted from ``lasting``) can break "it passes" (from ``resolving``).

    Two stated reference points that differ are different periods ("persists
    while taking the drug" and "resolves once it is stopped" both hold).
    Lasting within a bounded period (while taking, during withdrawal) does
    not break an unplaced promise that it passes ("temporary"); lasting
    after stopping, or with no reference point, does.

    Examples
    --------
    >>> periods_meet("while-taking", "after-stopping")
    False
    >>> periods_meet("after-stopping", "after-stopping")
    True
    >>> periods_meet("while-taking", "unspecified"), periods_meet("after-stopping", "unspecified")
    (False, True)
    """
    if lasting == resolving:
        return True
    if "unspecified" in (lasting, resolving):
        return lasting not in _BOUNDED
    return False


def course_breaks(promise: str, lasting: str, lasting_reference: str) -> bool:
    """Whether a lasting time course breaks a promise that the effect resolves.

    ``promise`` and ``lasting`` are kinds of ``_COURSE_KINDS``. Each promise
    is broken only by what it rules out: "temporary" by any lasting course
    but months (a cough of three months is still temporary); "gone within
    weeks" by lasting months or longer; "not permanent" only by "permanent"
    — lasting a while, even for months, is not lasting for ever;
    "reversible" by "permanent", or by lasting once the cause is gone (after
    stopping) — lasting while it is still there says nothing of whether it
    ends when removed.

    Examples
    --------
    >>> course_breaks("passes", "lasts", "unspecified")
    True
    >>> course_breaks("ends", "lasts", "unspecified")
    False
    >>> course_breaks("ends", "never-ends", "unspecified")
    True
    >>> course_breaks("reversible", "lasts", "unspecified")
    False
    >>> course_breaks("reversible", "lasts", "after-stopping")
    True
    >>> course_breaks("weeks", "months", "after-stopping"), course_breaks("passes", "months", "")
    (True, False)
    """
    if lasting == "never-ends":
        return True
    if promise == "weeks":
        return True
    if promise == "passes":
        return lasting != "months"
    if promise == "reversible":
        return lasting == "lasts" and lasting_reference == "after-stopping"
    return False


_WHY = {
    "passes": (
        "A promise that it passes in every case is broken by any case where the effect lasts."
    ),
    "reversible": (
        "A promise that it can be reversed is broken by any case where it lasts for good "
        "or once its cause is gone."
    ),
    "ends": "A promise that it never lasts for ever is broken by any case where it does.",
    "weeks": (
        "A promise that it is gone within weeks in every case is broken by any case where it "
        "lasts months or longer."
    ),
}


@rule("time-course-conflict", "tension", "warning")
def time_course_conflict(ctx: CheckContext) -> Iterator[Draft]:
    """One claim says an effect always passes, another that it can last.

    Pairs a claim whose time course says the effect resolves (transient,
    within weeks, reversible, or "not permanent"), stated without hedge or condition —
    a promise about every case — with a claim of the same relation (same
    direction; subject and object the same or kinds of each other) whose
    time course rules that promise out, hedged or not: "temporary" is
    broken by any lasting course (persistent, permanent), "within weeks" by
    months too; "not permanent"
    only by "permanent" ("may persist" is not "for ever"); "reversible" by
    "permanent" or by lasting after the cause is stopped. A hedged "often
    reversible" leaves room for exceptions and is not reported. The time
    courses must be counted from reference points that meet
    (``time_reference``): "persists while taking the medicine" does not
    break "resolves once the drug is stopped", but "persists for years
    after stopping" does.
    """
    vocab = ctx.vocabulary
    courses = {c.id: _course(c) for c in ctx.timed_claims}
    resolving = [
        c
        for c in ctx.timed_claims
        if (course := courses[c.id]) is not None
        and course[0] in _RESOLVING
        and c.certainty.level == "certain"
        and not c.condition
    ]
    lasting = [
        c
        for c in ctx.timed_claims
        if (course := courses[c.id]) is not None and course[0] not in _RESOLVING
    ]
    # subjects and objects must be kinds of one another, so of one family each:
    # each promise meets only the lasting claims of its families
    family = ctx.family
    lasting_in: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for second in lasting:
        lasting_in[(family(second.subject), family(second.object))].append(second)
    groups: dict[tuple[str, str], tuple[list[Claim], list[Claim]]] = {}
    for first in resolving:
        promised = courses[first.id]
        assert promised is not None
        for second in lasting_in.get((family(first.subject), family(first.object)), ()):
            lasts = courses[second.id]
            assert lasts is not None
            same_way = direction(first.predicate) * direction(second.predicate) > 0 or (
                first.predicate == second.predicate
            )
            if not (
                same_way
                and course_breaks(promised[0], lasts[0], second.time_reference)
                and periods_meet(second.time_reference, first.time_reference)
                and vocab.related(first.subject, second.subject)
                and vocab.related(first.object, second.object)
            ):
                continue
            said, other = groups.setdefault((first.source, second.source), ([], []))
            said.append(first)
            other.append(second)
    for key in sorted(groups):
        said, other = ctx.in_order(groups[key][0]), ctx.in_order(groups[key][1])
        promise = wording.join(list(dict.fromkeys(_words(courses[c.id], c) for c in said)))
        lasting_words = wording.join(list(dict.fromkeys(_words(courses[c.id], c) for c in other)))
        cases = [f"“{c.condition}”" for c in other if c.condition]
        kinds = [
            k for k in ("passes", "weeks", "reversible", "ends") if any(
                (courses[c.id] or ("", ""))[0] == k for c in said
            )
        ]  # fmt: skip
        effect = ctx.label(said[0].object)
        many = wording.plural(effect)  # "fishy burps … are gone", "they can be"
        yield Draft(
            f"{ctx.where_all(said)} says, without hedge or condition, that "
            f"{effect} from {ctx.label(said[0].subject)} {'are' if many else 'is'} {promise}; "
            f"but {ctx.where_all(other)} "
            f"{'says' if len({c.source for c in other}) == 1 else 'say'} "
            f"{'they' if many else 'it'} can be {lasting_words}"
            + (f" (in cases such as {wording.join(cases, 'or')})" if cases else "")
            + f". {_WHY[kinds[0]]}",
            tuple(said + other),
            pairs=cross(said, other),
        )


#: entity types whose cause is a harm: "X causes miscarriage", "X worsens asthma"
_HARMS = frozenset({"symptom", "condition"})
#: entity types a ``safe_for`` object names people by: "pregnant women", "pregnancy"
_PEOPLE = frozenset({"population", "condition"})
#: entity types a ``safe_for`` object names a use by ("short-term use"): safe for everyone
#: who uses it so; any other object is a part or function of the body ("safe for your heart
#: rhythm"), which only a harm to it or a kind of it goes against
_USES = frozenset({"practice", "action", "therapy"})


def _safe_people(ctx: CheckContext, claim: Claim) -> list[str]:
    """Who a ``safe_for`` claim is about: its object when that names people (a population,
    a condition such as pregnancy) and its population; empty when it names nobody."""
    entity = ctx.vocabulary.entities.get(claim.object)
    found = [claim.object] if entity is not None and entity.type in _PEOPLE else []
    return found + ([claim.population] if claim.population else [])


def _harm_to_area(ctx: CheckContext, claim: Claim, harm: Claim) -> bool:
    """Whether a harm goes against what a ``safe_for`` claim is about: any harm, unless its
    object is a part or function of the body, when only a harm to it (or a kind of it)."""
    entity = ctx.vocabulary.entities.get(claim.object)
    if entity is None or entity.type in _PEOPLE | _USES:
        return True
    return ctx.vocabulary.is_a(harm.object, claim.object)


def _harmed_among(vocab: Vocabulary, people: list[str], harmed: str | None) -> bool:
    """Whether the people a harm is said of (None: everyone) share some with ``people``
    (none named: everyone)."""
    if harmed is None or not people:
        return True
    return any(
        vocab.related(who, harmed)
        or population_relation(vocab, who, harmed) != "unrelated"
        or safety_covers(vocab, who, harmed)
        or safety_covers(vocab, harmed, who)
        for who in people
    )


@rule("safe-vs-harm", "tension", "warning")
def safe_vs_harm(ctx: CheckContext) -> Iterator[Draft]:
    """A thing is said to be safe for some people and to cause them harm.

    Pairs a ``safe_for`` claim (not denied) with a claim that the same
    subject, a kind of it or a class of it (a brand is its drug) causes or
    worsens a symptom or a condition (not denied) in people the safety claim
    covers: its object when that names people ("pregnancy", "pregnant
    women") or its population; a harm naming no population is said of
    everyone, and a safety claim naming nobody ("safe for short-term use")
    is about everyone; one about a part or function of the body ("safe for
    your heart rhythm") meets only harms to it or a kind of it. Both can
    hold — a dose, a risk small enough, other circumstances — but neither
    says so: a warning when the harm is stated
    firmly and without a condition, information when it is hedged ("can
    cause") or limited by a condition ("in high doses"). A speculative harm
    ("it is thought that") and a belief the source reports without making it
    its own are left out.
    """
    vocab = ctx.vocabulary
    believed = reported_belief
    safe = [c for c in ctx.with_predicate("safe_for") if not c.negated and not believed(c)]
    if not safe:
        return
    harms_by_family: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.with_predicate("causes", "worsens"):
        entity = vocab.entities.get(claim.object)
        if (
            claim.negated
            or believed(claim)
            or entity is None
            or entity.type not in _HARMS
            or claim.certainty.level == "speculative"
        ):
            continue
        harms_by_family[ctx.family(claim.subject)].append(claim)
    # one finding per passage of one subject family (the group a cluster checks together)
    safe_by_family: dict[str, list[Claim]] = defaultdict(list)
    for claim in safe:
        safe_by_family[ctx.family(claim.subject)].append(claim)
    passages = [p for f in sorted(safe_by_family) for p in ctx.passages(safe_by_family[f])]
    for passage in sorted(passages, key=lambda p: (p[0].source, p[0].start, p[0].id)):
        people = [who for c in passage for who in _safe_people(ctx, c)]
        against = [
            (c, h)
            for h in harms_by_family.get(ctx.family(passage[0].subject), ())
            if _harmed_among(vocab, people, h.population)
            for c in passage
            if vocab.related(canonical(vocab, h.subject), canonical(vocab, c.subject))
            and _harm_to_area(ctx, c, h)
        ]
        if not against:
            continue
        harms = ctx.in_order(h for _, h in against)
        firm = [h for h in harms if _firm(h) and not h.condition]
        said = wording.join(list(dict.fromkeys(_safely(ctx, c) for c in passage)))
        harm_words = wording.join(sorted({_harm_said(ctx, h) for h in harms}))
        yield Draft(
            f"{ctx.where_all(passage)} says {said}, but {ctx.where_all(harms)} "
            f"{'says' if len({h.source for h in harms}) == 1 else 'say'} {harm_words}. "
            "Both can hold only up to a dose, for a small enough risk or in other "
            "circumstances, which neither states.",
            (*passage, *harms),
            severity=None if firm else "info",
            pairs=tuple(against),
        )


def _safely(ctx: CheckContext, claim: Claim) -> str:
    """A safety claim in words, with its dose: "caffeine is safe for pregnancy (up to 200
    mg/day)"."""
    dose = f" ({wording.figure(claim.quantity)})" if claim.quantity else ""
    return ctx.says(claim) + dose


def _harm_said(ctx: CheckContext, claim: Claim) -> str:
    """A harm in words with what limits it: its hedge and its condition."""
    limits = [f"“{claim.certainty.cue}”"] if claim.certainty.cue and not _firm(claim) else []
    limits += [claim.condition] if claim.condition else []
    return ctx.says(claim) + (f" ({'; '.join(limits)})" if limits else "")


@rule("classification-against-vocabulary", "tension", "warning")
def classification_against_vocabulary(ctx: CheckContext) -> Iterator[Draft]:
    """A claim puts a term in a class the vocabulary's facts exclude.

    For each ``defined_as`` claim "A is a C", looks at every class the
    vocabulary makes A a member of (by is-a or by ``member_if`` facts); if
    one of them is disjoint with C (``disjoint_with``), the claim and the
    vocabulary cannot both be right — e.g. a source calls a drug
    non-serotonergic while the vocabulary records that it acts on
    serotonin.
    """
    vocab = ctx.vocabulary
    found: dict[tuple[str, str], list[str]] = {}
    for claim in definition_claims(ctx):
        pair = (claim.subject, claim.object)
        if claim.negated:
            continue
        if pair not in found:
            found[pair] = (
                []
                if vocab.is_a(*pair)
                else sorted(
                    d
                    for d in vocab.classes(claim.subject)
                    if d != claim.subject and vocab.disjoint(d, claim.object)
                )
            )
        clashing = found[pair]
        if not clashing:
            continue
        cls = clashing[0]
        yield Draft(
            f"{ctx.at(claim)} classes {ctx.label(claim.subject)} as “{ctx.label(claim.object)}”, "
            f"but the vocabulary puts it in “{ctx.label(cls)}” "
            f"({membership_reason(vocab, claim.subject, cls)}), and nothing is both "
            "(disjoint_with).",
            (claim,),
        )
