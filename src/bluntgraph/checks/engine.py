"""The rule engine: what a rule is, what it reads, and how its findings are numbered.

A rule is a plain function decorated with :func:`rule`, which gives it a
``name``, the finding ``kind`` it reports and a default ``severity``; its
docstring explains it (the first line is the one-line description that
``bluntgraph check --list-rules`` prints). The function takes a
:class:`CheckContext` and yields :class:`Draft` findings. Rules are listed
in one place, :data:`bluntgraph.checks.registry.RULES`.

:func:`number_findings` turns drafts into :class:`~.findings.Finding` records
in a stable order (kind, rule, claim ids), each with an id hashed from its
rule and claims (:func:`~.findings.finding_id`), so two runs give identical
output and an id survives changes elsewhere in the corpus.
"""

from __future__ import annotations

import inspect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, TypeVar

from ..model import Claim, Corpus, Source
from ..vocabulary import Vocabulary
from . import wording
from .findings import ID_LENGTH, KINDS, SEVERITIES, ClaimRef, Finding, finding_id

__all__ = [
    "CheckContext",
    "Draft",
    "Rule",
    "RuleFunction",
    "cross",
    "entity_families",
    "finding_id",
    "number_findings",
    "rule",
    "unordered_pairs",
]


@dataclass(frozen=True)
class Draft:
    """A finding as a rule yields it: message, claims and references, not yet numbered.

    ``severity`` overrides the rule's default (None keeps it); ``claims``
    are listed in the order the message talks about them; ``pairs`` names
    the claims that clash with each other (the graph draws one edge per
    pair; empty means each claim with the next).
    """

    message: str
    claims: tuple[Claim, ...] = ()
    references: tuple[str, ...] = ()
    severity: str | None = None
    pairs: tuple[tuple[Claim, Claim], ...] = ()


def cross(first: Iterable[Claim], second: Iterable[Claim]) -> tuple[tuple[Claim, Claim], ...]:
    """Every (a, b) pair with a from ``first`` and b from ``second`` (a claim never with itself)."""
    others = list(second)
    return tuple((a, b) for a in first for b in others if a.id != b.id)


def unordered_pairs(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The pairs with repeats dropped, (a, b) and (b, a) counting as one, never (a, a).

    The first orientation given is kept, so a rule may list the pair in the
    order its message reads.

    Examples
    --------
    >>> unordered_pairs([("a", "b"), ("b", "a"), ("a", "a"), ("a", "c")])
    (('a', 'b'), ('a', 'c'))
    """
    seen: dict[frozenset[str], tuple[str, str]] = {}
    for a, b in pairs:
        if a != b:
            seen.setdefault(frozenset((a, b)), (a, b))
    return tuple(seen.values())


def entity_families(vocab: Vocabulary) -> dict[str, str]:
    """Entity id -> family id (is-a links and ``member_if`` membership, either way).

    A family is a connected part of the vocabulary's is-a graph, named by its
    smallest id; one of two entities is a kind of the other only within one.
    """
    parent = {e: e for e in vocab.entities}

    def find(entity: str) -> str:
        parent.setdefault(entity, entity)
        while parent[entity] != entity:
            parent[entity] = parent[parent[entity]]
            entity = parent[entity]
        return entity

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for entity_id, entity in vocab.entities.items():
        for broader in entity.broader:
            union(entity_id, broader)
        if entity.member_if:
            for member in vocab.members(entity_id):
                union(entity_id, member)
    return {e: find(e) for e in list(parent)}


@dataclass(frozen=True)
class _Index:
    """The groupings of a corpus's claims that :class:`CheckContext` fills in one pass."""

    by_predicate: dict[str, list[Claim]]
    by_source: dict[str, list[Claim]]
    by_attribution: dict[str, list[Claim]]
    citing: dict[str, list[Claim]]
    negated: list[Claim]
    timed: list[Claim]
    cued: list[Claim]
    speculative: list[Claim]
    figures: list[Claim]


RuleFunction = Callable[["CheckContext"], Iterable[Draft]]
T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """One check: its name, the kind and default severity of what it finds, and its logic.

    Examples
    --------
    >>> from bluntgraph.checks import get_rule
    >>> r = get_rule("opposite-direction-same-statistic")
    >>> (r.kind, r.severity)
    ('contradiction', 'error')
    """

    name: str
    kind: str
    severity: str
    check: RuleFunction
    description: str

    @property
    def summary(self) -> str:
        """The one-line description (the first line of the rule's docstring)."""
        return self.description.splitlines()[0] if self.description else ""

    def run(self, context: CheckContext) -> list[Finding]:
        """This rule's findings on ``context``, unnumbered (``id`` is empty)."""
        findings = []
        for draft in self.check(context):
            severity = draft.severity or self.severity
            if severity not in SEVERITIES:
                raise ValueError(f"rule {self.name} gave severity {severity!r}")
            findings.append(
                Finding(
                    id="",
                    kind=self.kind,
                    severity=severity,
                    rule=self.name,
                    message=draft.message,
                    claims=tuple(
                        ClaimRef(c.id, c.source, c.quote, c.start, c.end) for c in draft.claims
                    ),
                    references=tuple(draft.references),
                    pairs=unordered_pairs((a.id, b.id) for a, b in draft.pairs),
                )
            )
        return findings


def rule(name: str, kind: str, severity: str) -> Callable[[RuleFunction], Rule]:
    """Decorator: make a check function into a :class:`Rule` (its docstring documents it)."""
    if kind not in KINDS:
        raise ValueError(f"unknown finding kind {kind!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def wrap(function: RuleFunction) -> Rule:
        return Rule(name, kind, severity, function, inspect.getdoc(function) or "")

    return wrap


def number_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings without duplicates, sorted by kind, rule and claims, with stable ids.

    Each id is :func:`~.findings.finding_id` of the finding's rule, claims
    and references (``F-`` and six hex digits), so it does not change when
    other findings come or go. Two different findings whose short hashes
    collide both get a longer one (and findings with the very same rule and
    claims but another message are told apart by the message).

    Examples
    --------
    >>> a = Finding("", "citation-error", "info", "r", "m", references=("k",))
    >>> b = Finding("", "contradiction", "error", "r", "m")
    >>> [(f.id, f.kind) for f in number_findings([a, b, a])]
    [('F-a4f9dd', 'contradiction'), ('F-d83c26', 'citation-error')]
    """

    def key(f: Finding) -> tuple[int, str, tuple[str, ...], tuple[str, ...], str]:
        return (KINDS.index(f.kind), f.rule, tuple(c.id for c in f.claims), f.references, f.message)

    unique = {key(f): f for f in findings}
    ordered = [unique[k] for k in sorted(unique)]

    def ident(f: Finding, length: int = ID_LENGTH, salt: str = "") -> str:
        return finding_id(f.rule, (c.id for c in f.claims), f.references, length=length, salt=salt)

    ids = [ident(f) for f in ordered]
    clashes = Counter(ids)
    for n, f in enumerate(ordered):
        if clashes[ids[n]] > 1:
            ids[n] = ident(f, 12)
    same = Counter(ids)  # same rule, claims and references, another message
    for n, f in enumerate(ordered):
        if same[ids[n]] > 1:
            ids[n] = ident(f, 12, salt=f.message)
    return [replace(f, id=ids[n]) for n, f in enumerate(ordered)]


class CheckContext:
    """What every rule reads: the corpus, its vocabulary, and wording helpers.

    Parameters
    ----------
    corpus
        The loaded corpus.
    vocabulary
        Its vocabulary (built from the corpus when omitted).

    Examples
    --------
    >>> from bluntgraph import load_corpus
    >>> ctx = CheckContext(load_corpus())
    >>> ctx.label("ssri")
    'SSRI'
    """

    def __init__(self, corpus: Corpus, vocabulary: Vocabulary | None = None) -> None:
        self.corpus = corpus
        self.vocabulary = vocabulary or Vocabulary(corpus)
        self._shared: dict[str, Any] = {}
        self._related: dict[tuple[str, str], bool] = {}

    def shared(self, name: str, compute: Callable[[], T]) -> T:
        """A value computed once per run and shared by the rules that need it."""
        if name not in self._shared:
            self._shared[name] = compute()
        value: T = self._shared[name]
        return value

    # ------------------------------------------------------------------ look-ups
    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim of the corpus, in corpus order."""
        return self.corpus.claims

    @cached_property
    def _index(self) -> _Index:
        # one pass over the claims fills every grouping the rules read (a pass costs
        # about a quarter of a second per million claims: the rules share it)
        by_predicate: dict[str, list[Claim]] = defaultdict(list)
        by_source: dict[str, list[Claim]] = defaultdict(list)
        by_kind: dict[str, list[Claim]] = defaultdict(list)
        citing: dict[str, list[Claim]] = defaultdict(list)
        negated: list[Claim] = []
        timed: list[Claim] = []
        cued: list[Claim] = []
        speculative: list[Claim] = []
        figures: list[Claim] = []
        for claim in self.corpus.claims:
            predicate = claim.predicate
            by_predicate[predicate].append(claim)
            by_source[claim.source].append(claim)
            attribution = claim.attribution
            by_kind[attribution.kind].append(claim)
            for key in attribution.references:
                citing[key].append(claim)
            if claim.negated:
                negated.append(claim)
            if claim.time_course is not None:
                timed.append(claim)
            certainty = claim.certainty
            if certainty.cue:
                cued.append(claim)
            if certainty.level == "speculative":
                speculative.append(claim)
            if claim.quantity is not None:
                figures.append(claim)
        return _Index(
            dict(by_predicate), dict(by_source), dict(by_kind), dict(citing),
            negated, timed, cued, speculative, figures,
        )  # fmt: skip

    @property
    def claims_by_predicate(self) -> dict[str, list[Claim]]:
        """Claims grouped by predicate, each list in corpus order."""
        return self._index.by_predicate

    @property
    def claims_by_source(self) -> dict[str, list[Claim]]:
        """Claims grouped by source, each list in corpus order."""
        return self._index.by_source

    @property
    def claims_by_attribution(self) -> dict[str, list[Claim]]:
        """Claims grouped by attribution kind (``research-appeal``, ``none``…), in corpus order."""
        return self._index.by_attribution

    @property
    def citing_claims(self) -> dict[str, list[Claim]]:
        """Claims that cite each BibTeX key, in corpus order."""
        return self._index.citing

    @property
    def negated_claims(self) -> list[Claim]:
        """The claims that deny what they state, in corpus order."""
        return self._index.negated

    @property
    def cued_claims(self) -> list[Claim]:
        """The claims whose certainty has a cue ("often", "may"), in corpus order."""
        return self._index.cued

    @property
    def speculative_claims(self) -> list[Claim]:
        """The claims stated as speculative ("it is thought that"), in corpus order."""
        return self._index.speculative

    @property
    def figure_claims(self) -> list[Claim]:
        """The claims with a quantity (denied ones too), in corpus order."""
        return self._index.figures

    @property
    def timed_claims(self) -> list[Claim]:
        """The claims that state a time course, in corpus order."""
        return self._index.timed

    def with_predicate(self, *predicates: str) -> list[Claim]:
        """Claims using any of ``predicates``, in corpus order."""
        groups = [self.claims_by_predicate.get(p, []) for p in dict.fromkeys(predicates)]
        found = [g for g in groups if g]
        if len(found) <= 1:
            return found[0] if found else []
        order = self._order
        return sorted((c for g in found for c in g), key=lambda c: order[id(c)])

    @cached_property
    def canonical_of(self) -> dict[str, str]:
        """Brand id -> the drug it names (Zoloft -> sertraline); other ids are not listed.

        ``ctx.canonical_of.get(e, e)`` is :func:`~.compare.canonical` for every entity.
        """
        return {
            entity_id: entity.broader[0]
            for entity_id, entity in self.vocabulary.entities.items()
            if entity.type == "brand" and entity.broader
        }

    @cached_property
    def families(self) -> dict[str, str]:
        """Entity id -> its family (see :meth:`family`), for every entity of the vocabulary."""
        return self.shared("families", lambda: entity_families(self.vocabulary))

    def related(self, first: str, second: str) -> bool:
        """Whether one entity is a kind of the other (the vocabulary's answer, remembered)."""
        key = (first, second)
        known = self._related.get(key)
        if known is None:
            known = self._related[key] = self.vocabulary.related(first, second)
        return known

    def family(self, entity_id: str) -> str:
        """The entity's family: the smallest id of its connected part of the is-a graph.

        Two entities one of which is a kind of the other (:meth:`related`)
        always share a family, so grouping by family never parts them.
        """
        return self.families.get(entity_id, entity_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if any."""
        return self.corpus.source_by_id.get(source_id)

    def passages(self, claims: Iterable[Claim]) -> list[list[Claim]]:
        """The claims grouped by passage: one group per source and run of overlapping quotes.

        One sentence curated as several claims (or quoted in part by one claim
        and whole by another) is one group, so a rule that reports claims one
        by one reports the sentence once. Groups come in source and text order.
        """
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for claim in {c.id: c for c in claims}.values():
            by_source[claim.source].append(claim)
        groups: list[list[Claim]] = []
        for source_id in sorted(by_source):
            end = -1
            for claim in sorted(by_source[source_id], key=lambda c: (c.start, c.end, c.id)):
                if claim.start < end:
                    groups[-1].append(claim)
                    end = max(end, claim.end)
                else:
                    groups.append([claim])
                    end = claim.end
        return groups

    @cached_property
    def _order(self) -> dict[int, int]:
        # keyed by the claim objects' identities, which the corpus keeps alive: hashing
        # an int is cheaper than hashing a million id strings
        return {id(c): n for n, c in enumerate(self.corpus.claims)}

    def in_order(self, claims: Iterable[Claim]) -> list[Claim]:
        """The claims without repeats, in corpus order."""
        unique = {c.id: c for c in claims}
        order = self._order
        return sorted(unique.values(), key=lambda c: order.get(id(c), len(order)))

    # ------------------------------------------------------------------ wording
    def label(self, entity_id: str | None) -> str:
        """The entity's label (its id when unknown)."""
        return self.vocabulary.label(entity_id)

    def population(self, entity_id: str | None) -> str:
        """A population's label, or words saying none was stated."""
        return self.label(entity_id) if entity_id else "people (no population stated)"

    def where(self, claim: Claim) -> str:
        """Source and section of a claim: ``"anxietycentre, FAQ"``."""
        return f"{claim.source}, {wording.section_name(claim.section)}"

    def at(self, claim: Claim) -> str:
        """Source and section of a claim as a sentence's subject: ``"anxietycentre (FAQ)"``."""
        return f"{claim.source} ({wording.section_name(claim.section)})"

    def where_all(self, claims: Sequence[Claim]) -> str:
        """Sources and their sections: ``"anxietycentre (body, FAQ) and tzall (body)"``."""
        sections: dict[str, list[str]] = {}
        for claim in self.in_order(claims):
            names = sections.setdefault(claim.source, [])
            name = wording.section_name(claim.section)
            if name not in names:
                names.append(name)
        return wording.join(
            [f"{source} ({', '.join(names)})" for source, names in sections.items()]
        )

    def says(self, claim: Claim, *, population: bool = True) -> str:
        """The claim's relation in words: ``"SSRI causes emotional blunting in SSRI users"``."""
        # A negated claim with a time course denies the course ("not permanent"),
        # not the relation itself.
        negated = claim.negated and not claim.time_course
        text = wording.relation(
            self.label(claim.subject), claim.predicate, self.label(claim.object), negated
        )
        # "X occurs in antibiotic users" already says who: not "… in antibiotic users" again
        if population and claim.population and claim.population != claim.object:
            text += f" in {self.label(claim.population)}"
        if claim.time_course:
            text += f" ({'not ' if claim.negated else ''}{claim.time_course})"
        return text

    def statistic(self, claim: Claim) -> str:
        """A statistic in words: ``"40–60% of SSRI users experience emotional blunting …"``.

        Falls back to :meth:`says` for claims without a quantity.
        """
        q = claim.quantity
        if q is None:
            return self.says(claim)
        fig = wording.figure(q)
        subject, obj = self.label(claim.subject), self.label(claim.object)
        if q.unit != "percent" or not q.measure.startswith(("proportion", "prevalence")):
            # a count, a time, or a percentage of change ("raises the risk by 8%"): not a
            # share of people
            return f"{self.says(claim)} ({q.measure.replace('_', ' ')}: {fig})"
        kind = {k: (e.type if e else None) for k, e in (
            (claim.subject, self.vocabulary.entities.get(claim.subject)),
            (claim.object, self.vocabulary.entities.get(claim.object)),
        )}  # fmt: skip
        population = claim.population
        if population is None and claim.predicate == "prevalence" and \
                kind[claim.object] == "population":
            population = claim.object  # "X occurs in 25% of PPI users": the object is who
        who = f"{fig} of {self.population(population)}"
        if claim.predicate == "prevalence" and kind[claim.subject] not in (
            None, "condition", "symptom", "concept"
        ):
            # what people do or take, not what they have: "overuse in 25% of PPI users"
            return f"{subject} in {who}" + (
                "" if population in (None, claim.object) else f" ({obj})"
            )
        phrases = {
            "causes": f"{who} experience {obj} caused by {subject}",
            "worsens": f"{who} have {obj} made worse by {subject}",
            "reduces": f"{who} experience a reduction in {obj} from {subject}",
            "treats": f"{who} have {obj} treated by {subject}",
            "increases": f"{subject} raises {obj} in {who}",
            "decreases": f"{subject} lowers {obj} in {who}",
            "prevalence": f"{who} have {subject}",
        }
        default = f"{self.says(claim, population=False)} in {who}"
        return phrases.get(claim.predicate, default)
