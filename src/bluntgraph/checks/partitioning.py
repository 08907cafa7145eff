"""Which claims each rule can compare: the keys that split a corpus into independent groups.

A rule only ever relates claims that share its key — two statistics are
compared only when they measure the same thing (measure, unit) of outcomes
that are kinds of one another, a denial only meets assertions about kinds of
its subject and object, a reference only its citing claims. So the rule run
on each group of claims with one key, and the findings put together, equals
the rule run on the whole corpus. This is what lets the checks run on a
cluster (:mod:`.distributed` shuffles claims on these keys) while the rules
themselves stay written once, in their modules.

Rules with the same key share a :class:`Partitioning`; each partitioning
picks the claims its rules can use (a superset is always safe: the rules
filter again) and gives each claim its keys. Entities are compared through
their *family*: the connected part of the vocabulary's is-a graph (``broader``
links and ``member_if`` classes) they belong to — two entities one of which
is a kind of the other are always in one family.

Examples
--------
>>> from bluntgraph import load_corpus
>>> from bluntgraph.checks import run_checks
>>> corpus = load_corpus()
>>> run_partitioned(corpus) == run_checks(corpus)
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import SYMMETRIC_PREDICATES, Claim, Corpus, Reference, Source
from ..vocabulary import Vocabulary
from .compare import DEFINITION_PREDICATES, comparable_measure, outcome_and_exposure
from .engine import CheckContext, Rule, entity_families, number_findings
from .findings import Finding
from .registry import RULES, get_rule

__all__ = [
    "PARTITIONINGS",
    "CorpusHeader",
    "Partitioning",
    "evaluate_group",
    "partitioning_of",
    "run_partitioned",
]

Key = tuple[str, ...]


class CorpusHeader:
    """Everything of a corpus but its claims: what each group of claims is checked against.

    ``sources`` keep their metadata (texts are not needed by the rules and
    are left out, so the header is small enough to send to every worker).
    """

    def __init__(
        self,
        sources: Sequence[Source],
        entities: Sequence[Any],
        references: Sequence[Reference],
        name: str = "corpus",
    ) -> None:
        self.sources = tuple(sources)
        self.entities = tuple(entities)
        self.references = tuple(references)
        self.name = name
        self._state: dict[str, Any] = {}

    @classmethod
    def of(cls, corpus: Corpus) -> CorpusHeader:
        """The header of a loaded corpus (source texts dropped)."""
        from dataclasses import replace

        sources = [replace(s, text="") for s in corpus.sources]
        return cls(sources, corpus.entities, corpus.references, corpus.name)

    def __getstate__(self) -> dict[str, Any]:
        # look-ups are rebuilt where the header is used (a worker), never shipped
        return {k: v for k, v in self.__dict__.items() if k != "_state"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._state = {}

    def _cached(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self._state:
            self._state[name] = compute()
        return self._state[name]

    @property
    def empty(self) -> Corpus:
        """The corpus without claims (entities, sources, references)."""
        value: Corpus = self._cached(
            "empty", lambda: Corpus(self.sources, (), self.entities, self.references, self.name)
        )
        return value

    @property
    def vocabulary(self) -> Vocabulary:
        """The corpus's vocabulary (built once per process)."""
        value: Vocabulary = self._cached("vocabulary", lambda: Vocabulary(self.empty))
        return value

    @property
    def source_by_id(self) -> dict[str, Source]:
        """Sources by id."""
        return self.empty.source_by_id

    @property
    def reference_by_key(self) -> dict[str, Reference]:
        """References by BibTeX key."""
        return self.empty.reference_by_key

    def family(self, entity_id: str | None) -> str:
        """The entity's family: the smallest id of its connected part of the is-a graph."""
        families: dict[str, str] = self._cached("families", lambda: _families(self.vocabulary))
        if entity_id is None:
            return ""
        return families.get(entity_id, entity_id)


def _families(vocab: Vocabulary) -> dict[str, str]:
    """Entity id -> family id (is-a links and ``member_if`` membership, either way)."""
    return entity_families(vocab)


KeyFunction = Callable[[CorpusHeader, Claim], Iterable[Key]]


@dataclass(frozen=True)
class Partitioning:
    """Rules that share a key: which claims they read, and each claim's keys.

    ``by_reference``: the groups are the corpus's references, each with the
    claims that cite it (keys are BibTeX keys; a reference no claim cites
    is a group of its own). ``every_reference``: each group is checked
    against all of the corpus's references, not only those its claims cite
    (a described study is matched against every entry of references.bib).
    """

    name: str
    rules: tuple[str, ...]
    keys: KeyFunction = field(repr=False)
    by_reference: bool = False
    every_reference: bool = False


def _statistic(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    q = claim.quantity
    if q is None or claim.negated:
        return ()
    outcome = outcome_and_exposure(claim)[0]
    measure = comparable_measure(header.vocabulary, claim)
    return ((measure, q.unit or "", header.family(outcome)),)


def _relation(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    if claim.predicate in DEFINITION_PREDICATES:
        return ()
    if claim.predicate == "safe_for":
        # what a denial of safety is about covers people of other families ("pregnancy"
        # covers "pregnant women"): safety claims meet only safety claims, so they are
        # grouped by subject alone
        return ((header.family(claim.subject), "safe_for"),)
    families = (header.family(claim.subject), header.family(claim.object))
    if claim.predicate in SYMMETRIC_PREDICATES:
        # "X interacts with Y" meets "Y does not interact with X": one group either way round
        return (tuple(sorted(families)),)
    return (families,)


def _term_pair(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    if claim.predicate not in ("same_as", "distinct_from", "symptom_of"):
        return ()
    first, second = sorted((claim.subject, claim.object))
    return ((first, second),)


def _term(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    return ((claim.subject,),) if claim.predicate == "defined_as" else ()


def _source(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    source = header.source_by_id.get(claim.source)
    wanted = (
        claim.attribution.references
        or claim.attribution.kind in ("research-appeal", "unidentified-work")
        or (source is not None and source.interests)
    )
    return ((claim.source,),) if wanted else ()


def _whole_source(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    return ((claim.source,),)


def _outcome(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    if claim.predicate not in ("causes", "worsens") or claim.negated:
        return ()
    return ((header.family(claim.object),),)


def _exposure(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    if claim.negated or claim.predicate not in ("safe_for", "causes", "worsens"):
        return ()
    return ((header.family(claim.subject),),)


def _reference(header: CorpusHeader, claim: Claim) -> Iterable[Key]:
    return ((key,) for key in dict.fromkeys(claim.attribution.references))


#: every rule's partitioning (a test checks that each rule is in exactly one)
PARTITIONINGS: tuple[Partitioning, ...] = (
    Partitioning(
        "statistic",
        (
            "opposite-direction-same-statistic",
            "incompatible-values",
            "same-figure-different-population",
            "same-figure-restated-differently",
            "class-figure-vs-member-figure",
        ),
        _statistic,
    ),
    Partitioning(
        "relation",
        (
            "asserted-and-negated",
            "opposite-direction-same-relation",
            "frequency-differs-across-sources",
            "class-effect-vs-member-treatment",
            "class-claim-vs-member-denial",
            "time-course-conflict",
        ),
        _relation,
    ),
    Partitioning("outcome", ("sole-cause-vs-other-cause",), _outcome),
    Partitioning("exposure", ("safe-vs-harm",), _exposure),
    Partitioning(
        "whole-source",
        (
            "certainty-varies-within-source",
            "figure-without-source",
            "proof-from-one-study",
            "proof-from-observation",
            "described-study-not-cited",
        ),
        _whole_source,
        every_reference=True,
    ),
    Partitioning("term-pair", ("same-and-distinct", "synonym-or-sign"), _term_pair),
    Partitioning(
        "term",
        (
            "definition-varies-within-source",
            "disjoint-definitions",
            "definition-facets-differ",
            "classification-against-vocabulary",
        ),
        _term,
    ),
    Partitioning(
        "source",
        (
            "research-claim-without-reference",
            "untraceable-work",
            "promotes-own-interest",
            "cited-work-off-topic",
            "cited-work-reports-no-effect",
        ),
        _source,
    ),
    Partitioning(
        "reference",
        (
            "reference-missing-fields",
            "misspelled-name",
            "missing-identifier",
            "inconsistent-year",
            "uncited-reference",
        ),
        _reference,
        by_reference=True,
    ),
)


def partitioning_of(rule_name: str) -> Partitioning:
    """The partitioning a rule runs in; raises ``KeyError`` for a rule none lists."""
    for partitioning in PARTITIONINGS:
        if rule_name in partitioning.rules:
            return partitioning
    raise KeyError(
        f"rule {rule_name!r} has no partitioning: add it to PARTITIONINGS in "
        "bluntgraph/checks/partitioning.py so it can run on a cluster"
    )


def evaluate_group(
    header: CorpusHeader,
    partitioning: Partitioning,
    rules: Sequence[Rule],
    claims: Sequence[Claim],
    references: Sequence[Reference] = (),
) -> list[Finding]:
    """The findings of ``rules`` on one or more whole groups of claims (unnumbered).

    ``claims`` must be in corpus order without repeats and hold every claim
    of each of their groups; for a ``by_reference`` partitioning,
    ``references`` are the groups' references.
    """
    if partitioning.by_reference:
        refs = tuple(references)
    elif partitioning.every_reference:
        refs = header.references
    else:
        by_key = header.reference_by_key
        cited = dict.fromkeys(k for c in claims for k in c.attribution.references)
        refs = tuple(by_key[k] for k in cited if k in by_key)
    source_by_id = header.source_by_id
    sources = tuple(source_by_id[s] for s in dict.fromkeys(c.source for c in claims))
    corpus = Corpus(sources, tuple(claims), header.entities, refs, header.name)
    context = CheckContext(corpus, header.vocabulary)
    return [f for r in rules for f in r.run(context)]


def run_partitioned(corpus: Corpus, rules: Iterable[str] | None = None) -> list[Finding]:
    """The findings of ``run_checks``, computed group by group in this process.

    Runs each rule on the groups of its :class:`Partitioning` separately and
    numbers the findings together, as a cluster does; equal to
    :func:`~.registry.run_checks` whenever the keys are right (the tests
    compare them).
    """
    selected = RULES if rules is None else tuple(get_rule(n) for n in rules)
    header = CorpusHeader.of(corpus)
    findings: list[Finding] = []
    for partitioning in PARTITIONINGS:
        chosen = [r for r in selected if r.name in partitioning.rules]
        if not chosen:
            continue
        groups: dict[Key, list[Claim]] = defaultdict(list)
        for claim in corpus.claims:
            for key in partitioning.keys(header, claim):
                groups[key].append(claim)
        if partitioning.by_reference:
            for reference in corpus.references:
                group = groups.get((reference.key,), [])
                findings += evaluate_group(header, partitioning, chosen, group, (reference,))
        else:
            for key in sorted(groups, key=repr):
                findings += evaluate_group(header, partitioning, chosen, groups[key])
    unknown = [r.name for r in selected if not any(r.name in p.rules for p in PARTITIONINGS)]
    if unknown:
        partitioning_of(unknown[0])  # raises, naming the rule
    return number_findings(findings)
