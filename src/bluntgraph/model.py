"""The corpus as immutable records: Source, Reference, Entity, Claim and Corpus.

Everything downstream (graph, checks, exports) is derived from these frozen
dataclasses; nothing edits them after loading. The closed vocabularies of the
corpus format (predicates, sections, certainty levels, …) live here too, so
the loader, the checks and the RDF layer agree on one list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

__all__ = [
    "ATTRIBUTION_KINDS",
    "ATTRIBUTION_MODES",
    "BOUND_KINDS",
    "CERTAINTY_LEVELS",
    "CLAIM_STATUSES",
    "ENTITY_STATUSES",
    "ENTITY_TYPES",
    "OPPOSITE_DIRECTION",
    "PREDICATES",
    "SECTIONS",
    "SOURCE_KINDS",
    "SYMMETRIC_PREDICATES",
    "TIME_COURSES",
    "TIME_REFERENCES",
    "Attribution",
    "Certainty",
    "Claim",
    "Corpus",
    "Entity",
    "Quantity",
    "Reference",
    "Source",
    "Study",
]

#: predicate -> one-line meaning (subject … object)
PREDICATES: Mapping[str, str] = {
    "causes": "subject causes or produces object",
    "worsens": "subject makes object worse",
    "reduces": "subject reduces, alleviates or restores (the absence of) object",
    "treats": "subject is a treatment for object",
    "recommends": "the source recommends subject for object",
    "associated_with": "subject co-occurs with or relates to object",
    "symptom_of": "subject is a symptom or sign of object",
    "prevalence": "subject occurs in object (a population or condition)",
    "defined_as": "subject is defined as, or is a kind of, object",
    "same_as": "subject is another name for object",
    "distinct_from": "subject differs from object",
    "acts_on": "subject acts on object (mechanism)",
    "increases": "subject raises the level of object",
    "decreases": "subject lowers the level of object",
    "safe_for": "subject is safe for object (a population or use), up to the claim's dose",
    "interacts_with": "subject changes the effect of object when taken together (either way)",
}

#: predicates that say the same with subject and object swapped ("X interacts with Y"
#: is "Y interacts with X"): the checks compare such claims both ways round
SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"interacts_with"})

#: direction of effect: +1 makes the object more present, -1 less.
OPPOSITE_DIRECTION: Mapping[str, int] = {
    "causes": 1,
    "worsens": 1,
    "increases": 1,
    "reduces": -1,
    "treats": -1,
    "decreases": -1,
}

SECTIONS = (
    "title",
    "summary",
    "body",
    "list",
    "faq",
    "caption",
    "sidebar",
    "references",
    "byline",
)
CERTAINTY_LEVELS = ("certain", "probable", "possible", "speculative")
ATTRIBUTION_KINDS = (
    "cited",
    "described-study",
    "unidentified-work",
    "research-appeal",
    "expert",
    "none",
)
ATTRIBUTION_MODES = ("asserts", "reports")
BOUND_KINDS = ("exact", "range", "up_to", "at_least", "approximately")
TIME_COURSES = ("onset", "transient", "persistent", "reversible", "permanent", "weeks", "months")
#: when a time course is counted from: while the drug is taken, after stopping it, …
TIME_REFERENCES = ("while-taking", "after-stopping", "during-withdrawal", "unspecified")
SOURCE_KINDS = (
    "consumer-health",
    "provider-marketing",
    "peer-reviewed",
    "news",
    "blog",
    "other",
)
#: a claim's ``status``: "draft" (proposed by an extractor, not yet reviewed);
#: a curated claim has no status (None)
CLAIM_STATUSES = ("draft",)
#: an entity's ``status``: "proposed" (suggested with draft claims, not yet
#: reviewed); a curated entity has no status (None)
ENTITY_STATUSES = ("proposed",)
ENTITY_TYPES = (
    "drug",
    "brand",
    "drug_class",
    "condition",
    "symptom",
    "therapy",
    "practice",
    "action",
    "substance",
    "target",
    "population",
    "concept",
    "organization",
    "journal",
)


@dataclass(frozen=True)
class Source:
    """One article: who published it, what they sell, and its captured text."""

    id: str
    title: str
    kind: str
    text_path: str
    sha256: str
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    url: str | None = None
    interests: tuple[str, ...] = ()
    interests_note: str | None = None
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class Reference:
    """One cited work from ``references.bib``; ``fields`` keeps every BibTeX field."""

    key: str
    entry_type: str
    fields: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str | None:
        """The value of BibTeX field ``name`` (case-insensitive), or None."""
        return self._by_name.get(name.lower())

    @cached_property
    def _by_name(self) -> dict[str, str]:
        # lower-cased field name -> value (the first, should a name repeat), built once
        found: dict[str, str] = {}
        for key, value in self.fields:
            found.setdefault(key.lower(), value)
        return found

    @property
    def title(self) -> str | None:
        """The work's title, if the entry has one."""
        return self.get("title")

    @property
    def year(self) -> str | None:
        """The year as written in the entry."""
        return self.get("year")

    @property
    def doi(self) -> str | None:
        """The DOI, if verified and recorded."""
        return self.get("doi")

    @property
    def pmid(self) -> str | None:
        """The PubMed id, if recorded."""
        return self.get("pmid")

    @property
    def authors(self) -> tuple[str, ...]:
        """The names in the ``author`` field, as a reader sees them ("others" left out).

        An organisation, braced in BibTeX so it stays one name, is given without
        its braces: ``{{World Health Organization} and Lee, A}`` gives
        ``("World Health Organization", "Lee, A")``.
        """
        names = _bibtex_names(self.get("author") or "")
        return tuple(_unbraced(n) for n in names if n.lower() != "others")


def _unbraced(name: str) -> str:
    """A name as a reader sees it: an organisation without the braces that keep it whole."""
    return name[1:-1] if _braced_name(name) else name


def _shown_names(value: str) -> str:
    """A BibTeX name list as a reader sees it: "{World Health Organization} and Lee, A" →
    "World Health Organization and Lee, A"."""
    return " and ".join(_unbraced(n) for n in _bibtex_names(value)) if "{" in value else value


def _bibtex_names(value: str) -> list[str]:
    """The names of a BibTeX name list (``author``), split on " and " outside braces."""
    names, depth, start = [], 0, 0
    lowered = value.lower()
    for at, char in enumerate(value):
        depth += (char == "{") - (char == "}")
        if depth == 0 and lowered.startswith(" and ", at):
            names.append(value[start:at])
            start = at + 5
    names.append(value[start:])
    return [n.strip() for n in names if n.strip()]


def _braced_name(name: str) -> bool:
    """Whether ``name`` is one brace group (an organisation): "{World Health Organization}"."""
    if not (name.startswith("{") and name.endswith("}")):
        return False
    depth = 0
    for char in name[:-1]:
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return False
    return True


@dataclass(frozen=True)
class Entity:
    """A term of the vocabulary: a drug, class, condition, symptom, population…

    ``status="proposed"`` marks a term an extractor suggested along with draft
    claims; a curated entity has ``status=None``.
    """

    id: str
    label: str
    type: str
    synonyms: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    acts_on: tuple[str, ...] = ()
    member_if: tuple[tuple[str, str], ...] = ()
    disjoint_with: tuple[str, ...] = ()
    takes: str | None = None
    has_condition: str | None = None
    duration: str | None = None
    xrefs: tuple[tuple[str, str], ...] = ()
    #: identifiers of close but not identical concepts (``skos:closeMatch``), as xrefs
    close_matches: tuple[tuple[str, str], ...] = ()
    description: str | None = None
    status: str | None = None

    @property
    def is_proposed(self) -> bool:
        """True for an entity an extractor proposed and no one has reviewed yet."""
        return self.status == "proposed"


@dataclass(frozen=True)
class Quantity:
    """A statistic: ``low``–``high`` ``unit`` of ``measure``, read per ``bound``.

    Examples
    --------
    >>> q = Quantity("proportion_affected", Decimal(40), Decimal(60), "percent", "range")
    >>> q.interval()
    (Decimal('40'), Decimal('60'))
    """

    measure: str
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    bound: str = "exact"

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """The closed interval of values the statement allows (None: unbounded).

        ``up_to`` allows anything from zero to the top figure; ``at_least``
        anything from the bottom figure up; ``approximately`` widens by 10%.
        """
        low = self.low if self.low is not None else self.high
        high = self.high if self.high is not None else self.low
        if self.bound == "up_to":
            return (Decimal(0), high)
        if self.bound == "at_least":
            return (low, None)
        if self.bound == "approximately" and low is not None and high is not None:
            return (low - abs(low) / 10, high + abs(high) / 10)
        return (low, high)


@dataclass(frozen=True)
class Certainty:
    """How sure the source sounds, and the word that says so."""

    level: str = "certain"
    cue: str | None = None


@dataclass(frozen=True)
class Study:
    """A study as the source describes it: the year, the number of people, the design.

    Tells two studies apart that report the same figure ("46% of 669
    patients in a 2017 survey" is not "46% of 161 patients in an earlier
    survey").
    """

    year: int | None = None
    size: int | None = None
    design: str | None = None

    def differs_from(self, other: Study) -> bool:
        """Whether the two descriptions cannot be one study (a field both state differs)."""
        return any(
            a is not None and b is not None and a != b
            for a, b in (
                (self.year, other.year),
                (self.size, other.size),
                (self.design, other.design),
            )
        )


@dataclass(frozen=True)
class Attribution:
    """What the source says its evidence is: references, a vague appeal, an expert, a study."""

    kind: str = "none"
    cue: str | None = None
    references: tuple[str, ...] = ()
    expert: str | None = None
    mode: str = "asserts"
    study: Study | None = None


@dataclass(frozen=True)
class Claim:
    """One assertion by one source, anchored to ``text[start:end] == quote``.

    A claim drafted by an extractor has ``status="draft"``, the extractor's
    ``confidence`` (0 to 1) and the ``cues`` (words of the quote) that made it
    propose the claim; a curated claim has ``status=None``.
    """

    id: str
    source: str
    quote: str
    start: int
    end: int
    section: str
    subject: str
    predicate: str
    object: str
    population: str | None = None
    condition: str | None = None
    time_course: str | None = None
    #: when the time course is counted from (see :data:`TIME_REFERENCES`)
    time_reference: str = "unspecified"
    #: the subject is said to be the only cause ("caused entirely by X, never by Y")
    sole_cause: bool = False
    quantity: Quantity | None = None
    certainty: Certainty = Certainty()
    negated: bool = False
    attribution: Attribution = Attribution()
    facets: tuple[tuple[str, str], ...] = ()
    note: str | None = None
    status: str | None = None
    confidence: float | None = None
    cues: tuple[str, ...] = ()

    @property
    def is_draft(self) -> bool:
        """True for a claim an extractor drafted and no one has reviewed yet."""
        return self.status == "draft"

    @property
    def facet_map(self) -> dict[str, str]:
        """The facets as a dict."""
        return dict(self.facets)


@dataclass(frozen=True)
class Corpus:
    """A whole corpus: sources, claims, entities and references, with look-ups."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...]
    references: tuple[Reference, ...]
    name: str = "corpus"
    root: Path | None = field(default=None, compare=False)

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        """Sources keyed by id."""
        return {s.id: s for s in self.sources}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        """Claims keyed by id."""
        return {c.id: c for c in self.claims}

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        """Entities keyed by id."""
        return {e.id: e for e in self.entities}

    @cached_property
    def reference_by_key(self) -> dict[str, Reference]:
        """References keyed by BibTeX key."""
        return {r.key: r for r in self.references}

    def claims_of(self, source_id: str) -> Iterator[Claim]:
        """The claims one source makes, in corpus order."""
        return (c for c in self.claims if c.source == source_id)
