"""Questions to the knowledge graph, answered as pandas DataFrames with fixed columns.

Each question is a function of the corpus, its :class:`~bluntgraph.vocabulary.Vocabulary`
and the findings of the checks; :class:`~bluntgraph.kg.KnowledgeGraph` exposes
them as methods (``kg.claims(...)``, ``kg.causes("emotional blunting")``…) and
``bluntgraph query`` on the command line.

Every question accepts the same claim filters (:data:`FILTERS`), and every
filter that names an entity follows the vocabulary: a synonym or label names
the same entity, and asking about a class includes its kinds (asking about
"SSRI" includes sertraline claims). A name the corpus does not know raises
:class:`~bluntgraph.errors.UnknownTermError` listing the closest names.

Columns are fixed per question (the ``*_COLUMNS`` constants), so code written
against them keeps working when the corpus changes. Cells that hold several
values (``references``, ``sources``, ``quotes``, ``findings``…) are tuples,
which ``DataFrame.explode`` unpacks; a missing value is ``None`` (``NaN`` in
float columns).

Examples
--------
>>> import bluntgraph
>>> kg = bluntgraph.load()
>>> frame = claims(kg.corpus, kg.vocabulary, kg.findings, subject="SSRI")
>>> list(frame.columns) == list(CLAIMS_COLUMNS)
True
>>> bool(frame.subject.map(lambda s: kg.vocabulary.is_a(s, "ssri")).all())
True
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import pandas as pd

from ._questions import FILTERS, FORMATS, QUESTIONS
from .checks import Finding
from .checks.wording import answered_question, figure
from .errors import QueryError, UnknownTermError, printable
from .graph import FINDING_RELATIONS
from .model import CERTAINTY_LEVELS, PREDICATES, SECTIONS, Claim, Corpus, Quantity
from .vocabulary import Vocabulary

__all__ = [
    "ABOUT_COLUMNS",
    "BACKED_BY_COLUMNS",
    "CAUSES_COLUMNS",
    "CAUSE_PREDICATES",
    "CLAIMS_COLUMNS",
    "CONFLICT_KINDS",
    "FILTERS",
    "FORMATS",
    "QUESTIONS",
    "STATISTICS_COLUMNS",
    "TABLE_COLUMNS",
    "TEXT_MINIMUM",
    "TREATMENTS_COLUMNS",
    "TREATMENT_PREDICATES",
    "UNSUPPORTED_COLUMNS",
    "about",
    "ask",
    "backed_by",
    "causes",
    "claims",
    "render",
    "resolve_entity",
    "select_claims",
    "statistics",
    "treatments",
    "unsupported",
    "with_questions",
]


#: predicates that make their object more present: what ``causes`` groups
CAUSE_PREDICATES = ("causes", "worsens", "increases")
#: predicates that make their object less present, plus recommendations: what ``treatments`` groups
TREATMENT_PREDICATES = ("treats", "reduces", "decreases", "recommends")
#: finding kinds that set claims against each other (the rest are evidence problems)
CONFLICT_KINDS = tuple(FINDING_RELATIONS)

#: one row per claim (``claims``); ``findings`` holds the ids of findings involving it
CLAIMS_COLUMNS = (
    "id", "source", "section", "subject", "subject_label", "predicate", "object",
    "object_label", "negated", "population", "condition", "time_course", "quantity",
    "certainty", "certainty_cue", "attribution", "attribution_cue", "attribution_mode",
    "references", "expert", "quote", "start", "end", "findings",
)  # fmt: skip

_RELATION_TAIL = (
    "outcome", "outcome_label", "negated", "predicates", "n_sources", "sources", "n_claims",
    "claims", "quotes", "certainty", "attribution", "references", "populations", "conflicts",
    "findings",
)  # fmt: skip
#: one row per (cause, outcome, negated) relation (``causes``)
CAUSES_COLUMNS = ("cause", "cause_label", *_RELATION_TAIL)
#: one row per (treatment, outcome, negated) relation (``treatments``)
TREATMENTS_COLUMNS = ("treatment", "treatment_label", *_RELATION_TAIL)
#: one row per claim mentioning the entity (``about``): how it is mentioned, then the claim
ABOUT_COLUMNS = ("roles", "matched", *CLAIMS_COLUMNS)
#: one row per claim citing the reference (``backed_by``): the reference, then the claim
BACKED_BY_COLUMNS = ("reference", "reference_title", "reference_year", *CLAIMS_COLUMNS)
#: one row per claim with a figure (``statistics``)
STATISTICS_COLUMNS = (
    "id", "source", "section", "subject", "predicate", "object", "negated", "population",
    "population_label", "measure", "value", "low", "high", "unit", "bound", "interval_low",
    "interval_high", "certainty", "certainty_cue", "attribution", "references", "quote",
    "findings",
)  # fmt: skip
#: one row per claim that gives no evidence (``unsupported``): why, then the claim
UNSUPPORTED_COLUMNS = ("reason", *CLAIMS_COLUMNS)

_NEEDS_ARGUMENT = {"causes": "an outcome", "treatments": "an outcome",
                   "about": "an entity", "backed-by": "a BibTeX key"}  # fmt: skip

#: question -> the columns ``render(..., "table")`` shows (CSV and JSON show them all)
TABLE_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "claims": ("id", "subject", "predicate", "object", "attribution", "quote"),
    "causes": ("cause", "negated", "n_sources", "conflicts", "attribution", "outcome", "quotes"),
    "treatments": ("treatment", "negated", "n_sources", "conflicts", "attribution", "outcome",
                   "quotes"),
    "about": ("id", "roles", "subject", "predicate", "object", "quote"),
    "backed-by": ("id", "subject", "predicate", "object", "attribution_mode", "quote"),
    "statistics": ("id", "value", "population", "measure", "quote"),
    "unsupported": ("id", "attribution", "subject", "predicate", "object", "quote"),
}  # fmt: skip


# strongest evidence first: how attributions are ordered in grouped rows
_ATTRIBUTION_ORDER = ("cited", "expert", "unidentified-work", "research-appeal", "none")
_UNSUPPORTED_KINDS = ("none", "research-appeal", "unidentified-work")
# columns whose long text the table view cuts first, and the names it cuts last
_TEXT_COLUMNS = ("quote", "quotes", "reason", "reference_title")
_KEY_COLUMNS = ("id", "cause", "treatment", "reference")

Findings = Sequence[Finding]


# --------------------------------------------------------------------- look-ups


def _close(term: str, names: Iterable[str], n: int = 5) -> list[str]:
    """Names close to ``term``: near spellings first, then names containing it."""
    names = list(dict.fromkeys(names))
    folded = {name.casefold(): name for name in names}
    wanted = term.strip().casefold()
    hits = [folded[m] for m in difflib.get_close_matches(wanted, list(folded), n=n, cutoff=0.6)]
    if wanted:
        hits += [name for key, name in folded.items() if wanted in key]
    return list(dict.fromkeys(hits))[:n]


def _text_name(kind: str, value: object) -> None:
    """A TypeError naming what was given when a name is not text (``causes(5)``)."""
    if not isinstance(value, str):
        shown = f"{value!r:.60}"
        raise TypeError(f"the {kind} must be named as text, not {type(value).__name__} {shown}")


def resolve_entity(vocabulary: Vocabulary, term: str) -> str:
    """The id of the entity ``term`` names (its id, label or a synonym, any case).

    Raises
    ------
    UnknownTermError
        If no entity has that name; the message lists the closest names.

    Examples
    --------
    >>> import bluntgraph
    >>> vocabulary = bluntgraph.load().vocabulary
    >>> resolve_entity(vocabulary, "Selective Serotonin Reuptake Inhibitor")
    'ssri'
    >>> resolve_entity(vocabulary, "SSIR")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bluntgraph.errors.UnknownTermError: unknown entity 'SSIR'; did you mean: ...
    """
    _text_name("entity", term)
    found = vocabulary.resolve(term)
    if found is not None:
        return found
    names: dict[str, str] = {}
    for entity in vocabulary.entities.values():
        for name in (entity.id, entity.label, *entity.synonyms):
            names.setdefault(name, entity.id)
    suggestions = []
    for name in _close(term, names, n=8):
        entity_id = names[name]
        label = vocabulary.label(entity_id)
        shown = entity_id if label == entity_id else f"{entity_id} ({label})"
        suggestions.append(shown)
    raise UnknownTermError("entity", term, list(dict.fromkeys(suggestions))[:5])


def _choice(kind: str, value: str, allowed: Iterable[str]) -> str:
    """``value`` if it is one of ``allowed`` (any case), else UnknownTermError."""
    _text_name(kind, value)
    allowed = list(allowed)
    for option in allowed:
        if option.casefold() == value.strip().casefold():
            return option
    raise UnknownTermError(kind, value, _close(value, allowed) or allowed[:8])


def _kinds_of(vocabulary: Vocabulary, term: str) -> frozenset[str]:
    """The entity ``term`` names and every entity that is a kind of it."""
    return vocabulary.members(resolve_entity(vocabulary, term))


def _populations_of(vocabulary: Vocabulary, term: str) -> frozenset[str]:
    """Populations within ``term``: its kinds, and populations taking or having a kind of it."""
    wanted = _kinds_of(vocabulary, term)
    matches = set(wanted)
    for entity in vocabulary.entities.values():
        if entity.takes in wanted or entity.has_condition in wanted:
            matches |= vocabulary.descendants(entity.id)
    return frozenset(matches)


def _findings_by_claim(findings: Findings) -> dict[str, list[Finding]]:
    by_claim: dict[str, list[Finding]] = {}
    for finding in findings:
        for ref in finding.claims:
            found = by_claim.setdefault(ref.id, [])
            if finding not in found:
                found.append(finding)
    return by_claim


# --------------------------------------------------------------------- selection


def select_claims(
    corpus: Corpus,
    vocabulary: Vocabulary,
    *,
    source: str | None = None,
    section: str | None = None,
    predicate: str | None = None,
    subject: str | None = None,
    object: str | None = None,
    entity: str | None = None,
    population: str | None = None,
    certainty: str | None = None,
) -> list[Claim]:
    """The claims (model objects, in corpus order) that pass every given filter.

    Parameters
    ----------
    source, section, predicate, certainty : str, optional
        Exact values (any case): a source id, one of the sections, one of the
        predicates, one of the certainty levels.
    subject, object : str, optional
        An entity name (id, label or synonym); matches that entity and every
        kind of it (by is-a, or by the class's ``member_if`` facts).
    entity : str, optional
        Like ``subject`` but matches subject, object or population.
    population : str, optional
        A population or what it is defined by: ``"SSRI users"`` matches SSRI
        users and long-term SSRI users; ``"SSRI"`` matches the populations
        that take an SSRI.

    Raises
    ------
    UnknownTermError
        If a filter names something the corpus does not have.

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> found = select_claims(kg.corpus, kg.vocabulary, predicate="causes", object="numbness")
    >>> len(found) > 0 and all(c.predicate == "causes" for c in found)
    True
    """
    tests: list[Callable[[Claim], bool]] = []
    if source is not None:
        wanted_source = _choice("source", source, corpus.source_by_id)
        tests.append(lambda c: c.source == wanted_source)
    if section is not None:
        wanted_section = _choice("section", section, SECTIONS)
        tests.append(lambda c: c.section == wanted_section)
    if predicate is not None:
        wanted_predicate = _choice("predicate", predicate, PREDICATES)
        tests.append(lambda c: c.predicate == wanted_predicate)
    if certainty is not None:
        wanted_level = _choice("certainty level", certainty, CERTAINTY_LEVELS)
        tests.append(lambda c: c.certainty.level == wanted_level)
    if subject is not None:
        subjects = _kinds_of(vocabulary, subject)
        tests.append(lambda c: c.subject in subjects)
    if object is not None:
        objects = _kinds_of(vocabulary, object)
        tests.append(lambda c: c.object in objects)
    if entity is not None:
        kinds = _kinds_of(vocabulary, entity)
        around = _populations_of(vocabulary, entity)
        tests.append(lambda c: c.subject in kinds or c.object in kinds or c.population in around)
    if population is not None:
        populations = _populations_of(vocabulary, population)
        tests.append(lambda c: c.population in populations)
    return [c for c in corpus.claims if all(test(c) for test in tests)]


# --------------------------------------------------------------------- rows


def _quantity_text(quantity: Quantity | None) -> str | None:
    """A figure as a reader would say it: ``40–60%``, ``up to 60%``, ``about 33.3%``.

    A ratio without a unit says what it is: ``odds ratio 1.24``.

    >>> _quantity_text(Quantity("odds_ratio", Decimal("1.24"), Decimal("1.24")))
    'odds ratio 1.24'
    """
    return None if quantity is None else figure(quantity, about="about")


def _float(value: Decimal | None) -> float:
    return float(value) if value is not None else math.nan


def _claim_row(
    claim: Claim, vocabulary: Vocabulary, by_claim: Mapping[str, list[Finding]]
) -> dict[str, Any]:
    attribution = claim.attribution
    return {
        "id": claim.id,
        "source": claim.source,
        "section": claim.section,
        "subject": claim.subject,
        "subject_label": vocabulary.label(claim.subject),
        "predicate": claim.predicate,
        "object": claim.object,
        "object_label": vocabulary.label(claim.object),
        "negated": claim.negated,
        "population": claim.population,
        "condition": claim.condition,
        "time_course": claim.time_course,
        "quantity": _quantity_text(claim.quantity),
        "certainty": claim.certainty.level,
        "certainty_cue": claim.certainty.cue,
        "attribution": attribution.kind,
        "attribution_cue": attribution.cue,
        "attribution_mode": attribution.mode,
        "references": tuple(attribution.references),
        "expert": attribution.expert,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "findings": tuple(f.id for f in by_claim.get(claim.id, ())),
    }


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    frame: pd.DataFrame = pd.DataFrame(rows, columns=list(columns))
    return frame


def _distinct(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(v for v in values if v is not None))


# --------------------------------------------------------------------- questions


def claims(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings = (),
    **filters: str | None,
) -> pd.DataFrame:
    """The claims that pass the filters, one row each, with :data:`CLAIMS_COLUMNS`.

    ``filters`` are the keyword filters of :func:`select_claims` (source,
    section, predicate, subject, object, entity, population, certainty).

    Columns: ``id, source, section`` (where it is said); ``subject,
    subject_label, predicate, object, object_label, negated`` (what is said);
    ``population, condition, time_course, quantity`` (its qualifiers;
    ``quantity`` as text such as ``40–60%``); ``certainty, certainty_cue``;
    ``attribution, attribution_cue, attribution_mode, references, expert``
    (what evidence the source gives); ``quote, start, end`` (the exact words
    and their offsets in the text); ``findings`` (ids of findings involving
    the claim).

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> frame = claims(kg.corpus, kg.vocabulary, kg.findings, predicate="causes")
    >>> len(frame) > 0, set(frame.predicate)
    (True, {'causes'})
    """
    by_claim = _findings_by_claim(findings)
    selected = select_claims(corpus, vocabulary, **filters)
    return _frame([_claim_row(c, vocabulary, by_claim) for c in selected], CLAIMS_COLUMNS)


def _relations(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings,
    outcome: str,
    predicates: Sequence[str],
    agent: str,
    filters: Mapping[str, str | None],
) -> pd.DataFrame:
    """Claims with one of ``predicates`` towards ``outcome``, grouped by agent and outcome."""
    outcomes = _kinds_of(vocabulary, outcome)
    by_claim = _findings_by_claim(findings)
    position = {finding: index for index, finding in enumerate(findings)}
    groups: dict[tuple[str, str, bool], list[Claim]] = {}
    for claim in select_claims(corpus, vocabulary, **filters):
        if claim.predicate in predicates and claim.object in outcomes:
            groups.setdefault((claim.subject, claim.object, claim.negated), []).append(claim)
    rows: list[dict[str, Any]] = []
    for (subject, obj, negated), group in groups.items():
        involved = sorted(
            _distinct(f for c in group for f in by_claim.get(c.id, ())), key=position.__getitem__
        )
        kinds = {c.attribution.kind for c in group}
        rows.append(
            {
                agent: subject,
                f"{agent}_label": vocabulary.label(subject),
                "outcome": obj,
                "outcome_label": vocabulary.label(obj),
                "negated": negated,
                "predicates": _distinct(c.predicate for c in group),
                "n_sources": len({c.source for c in group}),
                "sources": _distinct(c.source for c in group),
                "n_claims": len(group),
                "claims": tuple(c.id for c in group),
                "quotes": _distinct(c.quote for c in group),
                "certainty": tuple(lvl for lvl in CERTAINTY_LEVELS
                                   if any(c.certainty.level == lvl for c in group)),
                "attribution": tuple(k for k in _ATTRIBUTION_ORDER if k in kinds),
                "references": _distinct(r for c in group for r in c.attribution.references),
                "populations": _distinct(c.population for c in group),
                "conflicts": tuple(f.id for f in involved if f.kind in CONFLICT_KINDS),
                "findings": tuple(f.id for f in involved),
            }
        )  # fmt: skip
    # Best-supported first; a stable tie-break keeps the order reproducible.
    rows.sort(key=lambda r: (r["negated"], -r["n_sources"], -r["n_claims"], r[agent], r["outcome"]))
    return _frame(rows, (agent, f"{agent}_label", *_RELATION_TAIL))


def causes(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings,
    outcome: str,
    /,
    **filters: str | None,
) -> pd.DataFrame:
    """What the sources say causes ``outcome``: one row per cause, with its evidence.

    Claims whose predicate is one of :data:`CAUSE_PREDICATES` and whose object
    is ``outcome`` or a kind of it are grouped by (cause, outcome, negated); a
    denial ("does not cause") gets its own row with ``negated`` True. Rows come
    best-supported first (most sources, then most claims).

    Columns (:data:`CAUSES_COLUMNS`): ``cause, cause_label, outcome,
    outcome_label, negated``; ``predicates`` used; ``n_sources, sources,
    n_claims, claims`` (claim ids); ``quotes`` (the exact words, deduplicated);
    ``certainty`` levels and ``attribution`` kinds (strongest evidence first);
    ``references`` cited; ``populations`` the claims are about; ``conflicts``
    (ids of findings of the :data:`CONFLICT_KINDS` involving the claims) and
    ``findings`` (ids of every finding involving them), both in the order of
    the findings list.

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> frame = causes(kg.corpus, kg.vocabulary, kg.findings, "emotional numbness")
    >>> list(frame.columns) == list(CAUSES_COLUMNS), len(frame) > 0
    (True, True)
    >>> bool((frame.n_sources == frame.sources.map(len)).all())
    True
    """
    return _relations(
        corpus, vocabulary, findings, outcome, CAUSE_PREDICATES, "cause", filters
    )


def treatments(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings,
    outcome: str,
    /,
    **filters: str | None,
) -> pd.DataFrame:
    """What the sources say treats, reduces or is recommended for ``outcome``, one row each.

    Like :func:`causes`, with :data:`TREATMENT_PREDICATES` and the first two
    columns named ``treatment, treatment_label`` (:data:`TREATMENTS_COLUMNS`).

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> frame = treatments(kg.corpus, kg.vocabulary, kg.findings, "depression")
    >>> list(frame.columns[:3]), len(frame) > 0
    (['treatment', 'treatment_label', 'outcome'], True)
    """
    return _relations(
        corpus, vocabulary, findings, outcome, TREATMENT_PREDICATES, "treatment", filters
    )


def about(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings,
    entity: str,
    /,
    broader: bool = False,
    **filters: str | None,
) -> pd.DataFrame:
    """Everything said about ``entity``: every claim naming it (or a kind of it).

    A claim is about the entity when its subject or object is the entity or a
    kind of it, or its population is within it (see :func:`select_claims`).
    With ``broader=True`` it also counts when they are a class the entity
    belongs to (asking about sertraline then includes what is said about
    SSRIs and antidepressants, and about SSRI users).

    Columns (:data:`ABOUT_COLUMNS`): ``roles`` (a tuple of ``subject``,
    ``object``, ``population``: where the entity appears) and ``matched``
    (a tuple, one per role: the entity the claim actually names, e.g.
    ``sertraline`` when asked about SSRIs), then :data:`CLAIMS_COLUMNS`.

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> frame = about(kg.corpus, kg.vocabulary, kg.findings, "SSRI")
    >>> len(frame) > 0 and bool(frame.roles.map(len).gt(0).all())
    True
    >>> wider = about(kg.corpus, kg.vocabulary, kg.findings, "SSRI", broader=True)
    >>> set(frame.id) < set(wider.id)
    True
    """
    entity_id = resolve_entity(vocabulary, entity)
    kinds = set(vocabulary.members(entity_id))
    around = set(_populations_of(vocabulary, entity_id))
    if broader:
        classes = set(vocabulary.classes(entity_id))
        kinds |= classes
        around |= classes
        around |= {
            e.id
            for e in vocabulary.entities.values()
            if e.takes in classes or e.has_condition in classes
        }
    by_claim = _findings_by_claim(findings)
    rows = []
    for claim in select_claims(corpus, vocabulary, **filters):
        roles = []
        matched = []
        if claim.subject in kinds:
            roles.append("subject")
            matched.append(claim.subject)
        if claim.object in kinds:
            roles.append("object")
            matched.append(claim.object)
        if claim.population in around:
            roles.append("population")
            matched.append(claim.population)
        if roles:
            row = {"roles": tuple(roles), "matched": tuple(matched)}
            row.update(_claim_row(claim, vocabulary, by_claim))
            rows.append(row)
    return _frame(rows, ABOUT_COLUMNS)


def backed_by(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings,
    reference_key: str,
    /,
    **filters: str | None,
) -> pd.DataFrame:
    """The claims that cite the reference ``reference_key`` (a BibTeX key), one row each.

    Columns (:data:`BACKED_BY_COLUMNS`): ``reference, reference_title,
    reference_year`` then :data:`CLAIMS_COLUMNS`. ``attribution_mode`` tells a
    claim the source *asserts* from one it *reports* the work found.

    Raises
    ------
    UnknownTermError
        If no reference or claim uses that key; the message lists close keys.

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> key = kg.corpus.references[0].key
    >>> frame = backed_by(kg.corpus, kg.vocabulary, kg.findings, key)
    >>> bool(frame.references.map(lambda refs: key in refs).all())
    True
    """
    keys = list(corpus.reference_by_key)
    keys += [k for c in corpus.claims for k in c.attribution.references if k not in keys]
    key = _choice("reference", reference_key, keys)
    reference = corpus.reference_by_key.get(key)
    by_claim = _findings_by_claim(findings)
    rows = []
    for claim in select_claims(corpus, vocabulary, **filters):
        if key in claim.attribution.references:
            row: dict[str, Any] = {
                "reference": key,
                "reference_title": reference.title if reference else None,
                "reference_year": reference.year if reference else None,
            }
            row.update(_claim_row(claim, vocabulary, by_claim))
            rows.append(row)
    return _frame(rows, BACKED_BY_COLUMNS)


def statistics(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings = (),
    **filters: str | None,
) -> pd.DataFrame:
    """Every figure the sources give, with its population and the interval it allows.

    One row per claim with a quantity, grouped by ``measure`` (then corpus
    order) so comparable figures sit together.

    Columns (:data:`STATISTICS_COLUMNS`): ``id, source, section, subject,
    predicate, object, negated``; ``population, population_label``;
    ``measure``; ``value`` (as a reader would say it: ``up to 60%``);
    ``low, high, unit, bound`` as recorded; ``interval_low, interval_high``
    (the closed interval the statement allows, from
    :meth:`~bluntgraph.model.Quantity.interval`: ``up_to`` starts at 0,
    ``at_least`` has no top (NaN), ``approximately`` widens by 10%);
    ``certainty, certainty_cue, attribution, references, quote, findings``.
    Numbers are floats (the model keeps exact decimals).

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> frame = statistics(kg.corpus, kg.vocabulary, kg.findings)
    >>> len(frame) > 0 and bool((frame.interval_low <= frame.low).all())
    True
    """
    by_claim = _findings_by_claim(findings)
    rows = []
    for claim in select_claims(corpus, vocabulary, **filters):
        quantity = claim.quantity
        if quantity is None:
            continue
        low, high = quantity.interval()
        rows.append(
            {
                "id": claim.id,
                "source": claim.source,
                "section": claim.section,
                "subject": claim.subject,
                "predicate": claim.predicate,
                "object": claim.object,
                "negated": claim.negated,
                "population": claim.population,
                "population_label": vocabulary.label(claim.population) or None,
                "measure": quantity.measure,
                "value": _quantity_text(quantity),
                "low": _float(quantity.low),
                "high": _float(quantity.high),
                "unit": quantity.unit,
                "bound": quantity.bound,
                "interval_low": _float(low),
                "interval_high": _float(high),
                "certainty": claim.certainty.level,
                "certainty_cue": claim.certainty.cue,
                "attribution": claim.attribution.kind,
                "references": tuple(claim.attribution.references),
                "quote": claim.quote,
                "findings": tuple(f.id for f in by_claim.get(claim.id, ())),
            }
        )
    order = list(dict.fromkeys(r["measure"] for r in rows))
    rows.sort(key=lambda r: order.index(r["measure"]))
    return _frame(rows, STATISTICS_COLUMNS)


def unsupported(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings = (),
    **filters: str | None,
) -> pd.DataFrame:
    """The claims that give no evidence: no reference cited and no expert named.

    That is, attribution ``none`` (just asserted), ``research-appeal``
    ("studies suggest", citing nothing) or ``unidentified-work`` ("one
    study", untraceable), without references. Pass ``predicate=`` to leave
    out claims that need no evidence, such as definitions.

    Columns (:data:`UNSUPPORTED_COLUMNS`): ``reason`` (why it counts as
    unsupported, in words) then :data:`CLAIMS_COLUMNS`.

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> frame = unsupported(kg.corpus, kg.vocabulary, kg.findings)
    >>> len(frame) > 0 and frame.references.map(len).eq(0).all()
    np.True_
    >>> sorted(set(frame.attribution)) <= ["none", "research-appeal", "unidentified-work"]
    True
    """
    by_claim = _findings_by_claim(findings)
    rows = []
    for claim in select_claims(corpus, vocabulary, **filters):
        attribution = claim.attribution
        if attribution.references or attribution.kind not in _UNSUPPORTED_KINDS:
            continue
        cue = f" ({attribution.cue!r})" if attribution.cue else ""
        reason = {
            "none": "asserted with no evidence given",
            "research-appeal": f"appeals to research{cue} but cites none",
            "unidentified-work": f"mentions a study or review{cue} that cannot be traced",
        }[attribution.kind]
        row: dict[str, Any] = {"reason": reason}
        row.update(_claim_row(claim, vocabulary, by_claim))
        rows.append(row)
    return _frame(rows, UNSUPPORTED_COLUMNS)


def ask(
    corpus: Corpus,
    vocabulary: Vocabulary,
    findings: Findings,
    question: str,
    argument: str | None = None,
    **filters: str | None,
) -> pd.DataFrame:
    """The answer to ``question`` (a key of :data:`QUESTIONS`), as the CLI asks it.

    Raises
    ------
    QueryError
        If the question is unknown, needs an argument that is missing, or
        takes none and got one.

    Examples
    --------
    >>> import bluntgraph
    >>> kg = bluntgraph.load()
    >>> ask(kg.corpus, kg.vocabulary, kg.findings, "causes", "numbness").columns[0]
    'cause'
    >>> ask(kg.corpus, kg.vocabulary, kg.findings, "causes")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bluntgraph.errors.QueryError: 'causes' needs an outcome, e.g. ...
    """
    question = _choice("question", question, QUESTIONS)
    needs = _NEEDS_ARGUMENT.get(question)
    if needs and not argument:
        raise QueryError(f"{question!r} needs {needs}, {_example(corpus, vocabulary, question)}")
    if not needs and argument:
        raise QueryError(
            f"{question!r} takes no argument (got {argument!r}); use the filters, "
            "e.g. --subject or --source"
        )
    if question == "claims":
        return claims(corpus, vocabulary, findings, **filters)
    if question == "statistics":
        return statistics(corpus, vocabulary, findings, **filters)
    if question == "unsupported":
        return unsupported(corpus, vocabulary, findings, **filters)
    assert argument is not None
    answer: dict[str, Callable[..., pd.DataFrame]] = {
        "causes": causes, "treatments": treatments, "about": about, "backed-by": backed_by
    }  # fmt: skip
    return answer[question](corpus, vocabulary, findings, argument, **filters)


# --------------------------------------------------------------------- output


def _shown_quote(claim: Claim, text: str | None) -> str:
    """The claim's quote, after the question it answers when it is a short answer."""
    if text is not None and text[claim.start : claim.end] == claim.quote:
        question = answered_question(text, claim.start, claim.quote)
        if question is not None:
            return f"{claim.quote} (answering “{question}”)"
    return claim.quote


def with_questions(frame: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """The answer ``frame`` for people to read: a short answer ("Yes.", "Not usually.")
    quoted under a question (a FAQ's heading) shown with the question it answers.

    Its ``quote`` (found by the row's claim ``id``) reads ``Yes. (answering “Does
    zinc shorten colds?”)``, as ``bluntgraph check`` shows it; in ``quotes``
    each claim's quote is shown so. A quote that says what it means by itself is
    left as it is, and so is ``frame`` (a copy is changed): for CSV and JSON the
    quote stays the anchor, the exact words of the text.
    """
    texts = {s.id: s.text for s in corpus.sources}

    def shown(claim_id: object) -> str | None:
        claim = corpus.claim_by_id.get(str(claim_id))
        return None if claim is None else _shown_quote(claim, texts.get(claim.source))

    frame = frame.copy()
    if "quote" in frame.columns and "id" in frame.columns:
        frame["quote"] = [q if (s := shown(i)) is None else s
                          for i, q in zip(frame["id"], frame["quote"], strict=True)]  # fmt: skip
    if "quotes" in frame.columns and "claims" in frame.columns:
        frame["quotes"] = [
            _distinct(s for i in ids if (s := shown(i)) is not None) or quotes
            for ids, quotes in zip(frame["claims"], frame["quotes"], strict=True)
        ]
    return frame


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _plain(value: Any) -> Any:
    """A JSON-able Python value for a cell (numpy scalars unboxed, NaN as None)."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    return None if _is_missing(value) else value


def _text(value: Any, joiner: str) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return joiner.join(_text(v, joiner) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # a terminal table: controls and bidirectional overrides (a quote's, or an
    # endpoint's answer) shown escaped, never acted on
    return printable(" ".join(str(value).split()))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


#: the narrowest a quote column is shown in a table: a table that cannot give it that
#: much beside its ids is shown as records instead
TEXT_MINIMUM = 40
#: at most this many lines of a quote in a record
_RECORD_TEXT_LINES = 4


def _layout(
    headers: Sequence[str], rows: list[list[str]], width: int, keys: Sequence[str] = ()
) -> dict[str, int] | None:
    """Which columns a table of ``width`` characters shows, and how wide each is.

    Quotes give way first, down to :data:`TEXT_MINIMUM` characters, then long
    values of ordinary columns; if that is not enough, the rightmost ordinary
    columns are left out. Names (ids, causes, treatments, and the ``keys``)
    are never cut. None when the names and the quotes at their minimum do not
    fit, or leave no room for any other column: the rows are then better read
    as records.
    """
    natural = {h: max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)}
    floor = {}
    for h in natural:
        if h in _TEXT_COLUMNS:
            floor[h] = min(natural[h], TEXT_MINIMUM)
        elif h in _KEY_COLUMNS or h in keys:
            floor[h] = natural[h]
        else:
            natural[h] = min(natural[h], 40)
            floor[h] = min(natural[h], max(len(h), 16))
    kept = list(headers)

    def room() -> int:
        return width - 2 * (len(kept) - 1)

    droppable = [
        h for h in headers if h not in _TEXT_COLUMNS and h not in _KEY_COLUMNS and h not in keys
    ]
    while sum(floor[h] for h in kept) > room() and droppable:
        kept.remove(droppable.pop())
    if len(kept) > 1 and (sum(floor[h] for h in kept) > room() or (
            droppable == [] and any(h in _TEXT_COLUMNS for h in kept)
            and len(kept) < len(headers))):
        # names and quotes alone are too wide, or would be all the table shows (every
        # figure, relation or subject left out): records say more
        return None
    widths = {h: floor[h] for h in kept}
    # Give the space left back, to ordinary columns first, then to the text.
    spare = room() - sum(widths.values())
    for group in ([h for h in kept if h not in _TEXT_COLUMNS], [h for h in kept
                                                                if h in _TEXT_COLUMNS]):
        while spare > 0 and any(widths[h] < natural[h] for h in group):
            for h in group:
                if spare > 0 and widths[h] < natural[h]:
                    widths[h] += 1
                    spare -= 1
    return widths


def _records(headers: Sequence[str], rows: list[list[str]], width: int) -> list[str]:
    """The rows as records of ``width`` characters, for a terminal too narrow for a table.

    Each record starts with its first column's value (an id: never cut), then
    one line per other column that has a value, its name beside it; a quote
    is wrapped over up to four lines.
    """
    import textwrap

    label = max(len(h) for h in headers[1:]) + 2 if len(headers) > 1 else 0
    room = max(width - 2 - label, 12)
    lines: list[str] = []
    for row in rows:
        if lines:
            lines.append("")
        lines.append(row[0])
        for header, value in zip(headers[1:], row[1:], strict=True):
            if not value:
                continue
            if header in _TEXT_COLUMNS:
                wrapped = textwrap.wrap(value, room) or [""]
                if len(wrapped) > _RECORD_TEXT_LINES:
                    wrapped = wrapped[:_RECORD_TEXT_LINES]
                    wrapped[-1] = _cut(wrapped[-1] + " …", room)
            else:
                wrapped = [_cut(value, room)]
            lines.append(f"  {header.ljust(label)}{wrapped[0]}")
            lines.extend(f"  {' ' * label}{more}" for more in wrapped[1:])
    return lines


def _example(corpus: Corpus, vocabulary: Vocabulary, question: str) -> str:
    """``e.g. bluntgraph query QUESTION ARG`` with the ARG the corpus at hand says most about."""
    import shlex
    from collections import Counter

    if question == "backed-by":
        counts = Counter(k for c in corpus.claims for k in c.attribution.references)
        names = [k for k, _ in counts.most_common(1)] or [r.key for r in corpus.references[:1]]
    else:
        wanted = {"causes": ("causes",), "treatments": TREATMENT_PREDICATES}.get(question)
        counts = Counter(
            e for c in corpus.claims if wanted is None or c.predicate in wanted
            for e in ((c.object,) if wanted else (c.subject, c.object))
        )  # fmt: skip
        names = [vocabulary.label(e) for e, _ in counts.most_common(1)]
    if not names:
        return f"and this corpus has none to suggest (bluntgraph query {question} NAME)"
    return f"e.g. bluntgraph query {question} {shlex.quote(names[0])}"


def render(
    frame: pd.DataFrame,
    format: str = "table",
    *,
    columns: Sequence[str] | None = None,
    width: int = 100,
    keys: Sequence[str] = (),
) -> str:
    """The frame as text: a table that fits ``width`` characters, CSV or JSON.

    ``table`` shows ``columns`` (default: all) within ``width``: long quotes
    are cut with "…" down to :data:`TEXT_MINIMUM` characters, then long
    values of other columns, and if that is not enough, the rightmost
    ordinary columns are left out (the footer names them). Where the ids and
    the quotes at that minimum leave no room for any other column, each row
    is shown as a record: its id, then one line per column, the quote
    wrapped. ``csv`` and
    ``json`` always hold every column and the full text. Ids (``id``,
    ``cause``, ``treatment``, ``reference`` and the ``keys`` columns) are
    never cut. In CSV, several values in one cell are joined with ``;``;
    JSON keeps them as arrays and writes missing values as ``null``.

    Examples
    --------
    >>> quote = "all words are kept in CSV and JSON, but cut in a table"
    >>> frame = pd.DataFrame({"id": ["a"], "sources": [("x", "y")], "quote": [quote]})
    >>> print(render(frame, "csv"), end="")
    id,sources,quote
    a,x;y,"all words are kept in CSV and JSON, but cut in a table"
    >>> print(render(frame, width=60), end="")
    id  sources  quote
    --  -------  -----------------------------------------------
    a   x, y     all words are kept in CSV and JSON, but cut in…
    1 row
    >>> print(render(frame, width=40), end="")
    a
      sources  x, y
      quote    all words are kept in CSV and
               JSON, but cut in a table
    1 row
    """
    format = _choice("format", format, FORMATS)
    if format == "json":
        records = [
            {str(k): _plain(v) for k, v in record.items()}
            for record in frame.to_dict(orient="records")
        ]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        from .export.tables import csv_text  # quotes CR too; neutralises formulas

        return csv_text(
            [str(c) for c in frame.columns],
            (["" if (p := _plain(v)) is None else (";".join(map(str, p)) if isinstance(p, list)
              else p) for v in record] for record in frame.itertuples(index=False)),
        )  # fmt: skip
    shown = [c for c in (columns or frame.columns) if c in frame.columns]
    if frame.empty:
        return "no results\n"
    joiners = [" | " if c in _TEXT_COLUMNS else ", " for c in shown]
    rows = [
        [_text(v, j) for v, j in zip(record, joiners, strict=True)]
        for record in frame[shown].itertuples(index=False)
    ]
    widths = _layout(shown, rows, width, keys)
    if widths is None:
        keyed = sorted(shown, key=lambda h: h not in _KEY_COLUMNS and h not in keys)
        order = [shown.index(h) for h in keyed]  # the id heads each record
        lines = _records(keyed, [[row[i] for i in order] for row in rows], width)
        lines.append(f"{len(rows)} row{'s' * (len(rows) != 1)}")
        return "\n".join(line.rstrip() for line in lines) + "\n"
    index = [shown.index(h) for h in widths]
    lines = ["  ".join(_cut(h, w).ljust(w) for h, w in widths.items())]
    lines.append("  ".join("-" * w for w in widths.values()))
    for row in rows:
        lines.append("  ".join(_cut(row[i], w).ljust(w) for i, w in zip(index, widths.values(),
                                                                       strict=True)))  # fmt: skip
    lines = [line.rstrip() for line in lines]
    footer = f"{len(rows)} row{'s' * (len(rows) != 1)}"
    left_out = [h for h in shown if h not in widths]
    if left_out:
        footer += f" (not shown: {', '.join(left_out)}; --format csv or json has every column)"
    lines.append(footer)
    return "\n".join(lines) + "\n"
