"""Rules about what a source says its evidence is, and what it has to sell."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Claim, Reference, Study
from . import wording
from .compare import direction, outcome_and_exposure, overlaps, same_figure
from .engine import CheckContext, Draft, rule

__all__ = [
    "described_study_not_cited",
    "figure_without_source",
    "matching_references",
    "promotes_own_interest",
    "research_claim_without_reference",
    "untraceable_work",
]


#: at most this many characters (a full stop, spaces) between consecutive sentences
_SENTENCE_GAP = 3


def _one_appeal(ctx: CheckContext, passages: list[list[Claim]]) -> list[list[Claim]]:
    """Passages joined when they follow each other in the text and share the appeal's cue.

    Consecutive: the second starts at most a full stop and a space or two
    after the first ends (read from the offsets alone, so every engine
    agrees without the source texts).
    """
    joined: list[list[Claim]] = []
    for passage in passages:
        if joined:
            last = joined[-1]
            before = max(last, key=lambda c: c.end)
            after = min(passage, key=lambda c: c.start)
            cue = (after.attribution.cue or "").casefold()
            if (
                before.source == after.source
                and cue
                and cue == (before.attribution.cue or "").casefold()
                and 0 <= after.start - before.end <= _SENTENCE_GAP
            ):
                last.extend(passage)
                continue
        joined.append(list(passage))
    return joined


def _what(ctx: CheckContext, claims: list[Claim]) -> str:
    return wording.join(list(dict.fromkeys(ctx.statistic(c) for c in claims)))


def _cited_elsewhere(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the same source cites a reference for this relation in another claim.

    The other claim must say at least as much: the same predicate (or a
    causal or relieving one of the same direction; any causal one backs an
    association between the same two terms, either way round), a subject and
    an object that are the same or kinds of the appeal's, a population that
    meets it (an unstated one meets any), and — when the appeal gives a
    figure — a figure of the same measure that overlaps it.
    """
    vocab = ctx.vocabulary
    for other in ctx.claims_by_source.get(claim.source, ()):
        if other.id == claim.id or not other.attribution.references or other.negated:
            continue
        if claim.negated or (other.condition and not claim.condition):
            continue
        q, o = claim.quantity, other.quantity
        if q is not None and (
            o is None or (o.measure, o.unit) != (q.measure, q.unit) or not overlaps(o, q)
        ):
            continue
        if claim.population and other.population and not vocab.related(
            claim.population, other.population
        ):
            continue
        causal = "prevalence" not in (claim.predicate, other.predicate)
        if other.predicate == claim.predicate or (
            causal
            and direction(claim.predicate) != 0
            and direction(claim.predicate) == direction(other.predicate)
        ):
            pairs = [(other.subject, other.object)]
        elif claim.predicate == "associated_with" and causal and direction(other.predicate) != 0:
            pairs = [(other.subject, other.object), (other.object, other.subject)]
        else:
            continue
        if any(
            vocab.is_a(subject, claim.subject) and vocab.is_a(obj, claim.object)
            for subject, obj in pairs
        ):
            return True
    return False


@rule("research-claim-without-reference", "unsupported", "warning")
def research_claim_without_reference(ctx: CheckContext) -> Iterator[Draft]:
    """A claim appeals to research or trials and cites no reference.

    Looks at claims whose attribution kind is ``research-appeal`` ("studies
    suggest", "research shows", "in clinical trials", "well-documented")
    and whose attribution lists no BibTeX key. Not reported when the same
    source cites a reference for the same relation elsewhere — typically
    its reference list — so a reader can check the research it appeals to
    (the cited claim must be at least as specific, and give an overlapping
    figure when the appeal gives one). Claims that quote the same passage
    (or overlapping ones) are reported together, and so are consecutive
    sentences that rest on the same appeal ("Some studies suggest X. This
    would account for Y.").
    """
    appeals = [
        c
        for c in ctx.claims_by_attribution.get("research-appeal", ())
        if not c.attribution.references
        and not _cited_elsewhere(ctx, c)
    ]
    for claims in _one_appeal(ctx, ctx.passages(appeals)):
        cue = claims[0].attribution.cue or "research"
        # "experts increasingly view" appeals to a consensus of unnamed people, not to
        # research: the message must say what the source leans on
        people = set(re.findall(r"[a-z]+", cue.casefold())) & _UNNAMED_AUTHORITIES
        what = "experts" if people else "research"
        found = "those experts hold" if people else "that research found"
        yield Draft(
            f"{ctx.where_all(claims)} appeals to {what} (“{cue}”) for: {_what(ctx, claims)}; "
            f"but cites no reference, so a reader cannot check what {found}.",
            tuple(claims),
        )


#: words of an appeal cue naming unnamed people rather than research ("experts say")
_UNNAMED_AUTHORITIES = frozenset(
    {"expert", "experts", "doctor", "doctors", "scientist", "scientists", "specialist",
     "specialists", "clinician", "clinicians", "physician", "physicians"}
)  # fmt: skip


@rule("untraceable-work", "vague-attribution", "info")
def untraceable_work(ctx: CheckContext) -> Iterator[Draft]:
    """A claim rests on a study or review the source does not identify.

    Looks at claims whose attribution kind is ``unidentified-work`` ("one
    study estimates", "a 2021 review", "per recent reviews") and that cite
    no reference: the work cannot be traced. Warning when the claim carries
    a figure (a number with no traceable origin), info otherwise. Claims
    that quote overlapping passages, or consecutive sentences naming the
    work with the same words ("A 2021 review explains X. Instead, it
    involves Y."), are reported together: one work, one finding.
    """
    vague = [
        c
        for c in ctx.claims_by_attribution.get("unidentified-work", ())
        if not c.attribution.references
    ]
    for claims in _one_appeal(ctx, ctx.passages(vague)):
        cue = claims[0].attribution.cue or "a study"
        figure = any(c.quantity for c in claims)
        yield Draft(
            f"{ctx.where_all(claims)} attributes {_what(ctx, claims)} to “{cue}” — a work it "
            f"neither names nor cites, so the {'figure' if figure else 'claim'} cannot be traced "
            "to its origin.",
            tuple(claims),
            severity="warning" if figure else None,
        )


def _backed_elsewhere(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the same source gives this figure elsewhere with its evidence."""
    q = claim.quantity
    assert q is not None
    outcome, exposure = outcome_and_exposure(claim)
    vocab = ctx.vocabulary
    for other in ctx.claims_by_source.get(claim.source, ()):
        o = other.quantity
        if (
            other.id == claim.id
            or o is None
            or other.negated
            or other.attribution.kind == "none"
            or (o.measure, o.unit) != (q.measure, q.unit)
            or not same_figure(o, q)
        ):
            continue
        other_outcome, other_exposure = outcome_and_exposure(other)
        if vocab.related(outcome, other_outcome) and (
            exposure is None or other_exposure is None or vocab.related(exposure, other_exposure)
        ):
            return True
    return False


@rule("figure-without-source", "unsupported", "warning")
def figure_without_source(ctx: CheckContext) -> Iterator[Draft]:
    """A figure stated with no evidence at all: no reference, no study, not even "studies show".

    Looks at statistics (claims with a quantity, not denied) that the source
    asserts in its own voice with attribution kind ``none``. A bare number is
    as unsupported as one introduced by "research shows" — more so, since
    nothing hints at where it comes from. Not reported when the same source
    gives the same figure elsewhere with its evidence (a summary restating
    the body); a wider range it cites ("5–35%") does not source its own
    "about 15%". Claims that quote overlapping passages are reported together.
    """
    bare = [
        c
        for c in ctx.claims_by_attribution.get("none", ())
        if c.quantity is not None
        and not c.negated
        and c.attribution.mode == "asserts"
        and not c.attribution.references
        and not _backed_elsewhere(ctx, c)
    ]
    for claims in ctx.passages(bare):
        yield Draft(
            f"{ctx.where_all(claims)} states a figure with no source at all: {_what(ctx, claims)}. "
            "It names no study, review or reference, so a reader cannot tell where the number "
            "comes from.",
            tuple(claims),
        )


def _study_words(study: Study) -> str:
    parts = [study.design or "study"]
    if study.year is not None:
        parts.insert(0, str(study.year))
    if study.size is not None:
        parts.append(f"of {study.size:,} people")
    return " ".join(parts)


_WORD = re.compile(r"[a-z0-9]+")


def matching_references(ctx: CheckContext, claim: Claim) -> list[tuple[Reference, list[str]]]:
    """The references.bib entries that fit a described study, with what matches.

    An entry fits when it agrees with the description where both say
    something — its year is the study's year, the sample size appears as a
    number in its title, abstract or note, its title names the claim's
    subject or object (labels and synonyms, is-a classes included) — and at
    least two of these match. Best fits first.
    """
    study = claim.attribution.study
    if study is None:
        return []
    vocab = ctx.vocabulary
    names: set[str] = set()
    for entity_id in (claim.subject, claim.object):
        for known in (entity_id, *vocab.classes(entity_id)):
            entity = vocab.entities.get(known)
            if entity is not None:
                names.update(n.casefold() for n in (entity.label, *entity.synonyms) if len(n) > 2)
    index = _reference_index(ctx)
    # one search per title tells whether any name is in it
    any_name = re.compile(
        "|".join(f" {re.escape(n)} " for n in sorted(names, key=len, reverse=True)) or "(?!)"
    )
    size = None if study.size is None else str(study.size)
    fits = []

    def consider(entry: _Entry, same_year: bool) -> None:
        matched = [f"year {study.year}"] if same_year else []
        if size is not None and size in entry.numbers:
            matched.append(f"sample size {study.size}")
        titled = any_name.search(entry.title) is not None
        if len(matched) + titled < 2:
            return
        if titled:
            named = sorted(n for n in names if f" {n} " in entry.title)
            matched.append(f"title words ({', '.join(named)})")
        fits.append((entry.reference, matched))

    # An entry fits only with two of year, size and title, so it holds the size or names
    # a name in its title; a name is in a title only if the name's first word is.
    # An entry of another year never fits: only the entries of the study's year and
    # those without a year are read (all of them for a study without a year).
    year = None if study.year is None else str(study.year)
    for group in (_ALL,) if year is None else (year, _UNDATED):
        filed = index.filed(group)
        candidates: dict[int, _Entry] = {}
        for entry in filed.by_number.get(size, ()) if size is not None else ():
            candidates[id(entry)] = entry
        for name in names:
            for entry in filed.by_word.get(name.split(" ")[0], ()):
                candidates[id(entry)] = entry
        for entry in candidates.values():
            consider(entry, year is not None and entry.year is not None)
    return sorted(fits, key=lambda fit: (-len(fit[1]), fit[0].key))


@dataclass(frozen=True)
class _Entry:
    """What :func:`matching_references` compares of a references.bib entry, read once."""

    reference: Reference
    year: str | None  # stripped
    numbers: frozenset[str]  # the numbers of its title, abstract and note, without commas
    title: str  # its words, case-folded, space-separated and padded


@dataclass(frozen=True)
class _Filed:
    """Entries filed by the numbers they hold and the words of their titles."""

    by_number: dict[str, list[_Entry]]
    by_word: dict[str, list[_Entry]]


_ALL = "*all*"  # group of every entry
_UNDATED = "*undated*"  # group of the entries without a year


class _ReferenceIndex:
    """The references.bib entries by year; each year's entries read and filed when first asked."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self.by_year: dict[str, list[Reference]] = defaultdict(list)
        for ref in references:
            year = ref.year
            self.by_year[_UNDATED if year is None else year.strip()].append(ref)
        self.by_year[_ALL] = list(references)
        self._entries: dict[int, _Entry] = {}
        self._filed: dict[str, _Filed] = {}

    def filed(self, group: str) -> _Filed:
        """The entries of one year (or ``_UNDATED``, ``_ALL``), filed by number and word."""
        found = self._filed.get(group)
        if found is None:
            by_number: dict[str, list[_Entry]] = defaultdict(list)
            by_word: dict[str, list[_Entry]] = defaultdict(list)
            for ref in self.by_year.get(group, ()):
                entry = self._entry(ref)
                for number in entry.numbers:
                    by_number[number].append(entry)
                for word in set(entry.title.split()):
                    by_word[word].append(entry)
            found = self._filed[group] = _Filed(dict(by_number), dict(by_word))
        return found

    def _entry(self, ref: Reference) -> _Entry:
        entry = self._entries.get(id(ref))
        if entry is None:
            text = " ".join(ref.get(f) or "" for f in ("title", "abstract", "note"))
            entry = self._entries[id(ref)] = _Entry(
                ref,
                ref.year.strip() if ref.year is not None else None,
                frozenset(n.replace(",", "") for n in re.findall(r"\d[\d,]*", text)),
                " " + " ".join(_WORD.findall((ref.title or "").casefold())) + " ",
            )
        return entry


def _reference_index(ctx: CheckContext) -> _ReferenceIndex:
    """The references, read once per run and filed by year."""
    return ctx.shared("reference-index", lambda: _ReferenceIndex(ctx.corpus.references))


def _one_per_study(ctx: CheckContext, described: list[Claim]) -> list[list[Claim]]:
    """The claims grouped by passage, and passages of one source describing one study joined.

    A news story that names "a 2024 cohort of 12,400 adults" in its title, its
    lead and two later paragraphs rests on one uncited work: one finding.
    """
    passages = ctx.passages(described)
    parent = list(range(len(passages)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, Study], int] = {}
    for n, passage in enumerate(passages):
        for claim in passage:
            if claim.attribution.study is not None:
                key = (claim.source, claim.attribution.study)
                parent[find(n)] = find(first_with.setdefault(key, n))
    joined: dict[int, list[Claim]] = defaultdict(list)
    for n, passage in enumerate(passages):
        joined[find(n)].extend(passage)
    return [ctx.in_order(claims) for _, claims in sorted(joined.items())]


@rule("described-study-not-cited", "vague-attribution", "info")
def described_study_not_cited(ctx: CheckContext) -> Iterator[Draft]:
    """A study described well enough to identify (year, size, design) but not cited.

    Looks at claims whose attribution kind is ``described-study`` and that
    cite no reference. Unlike an untraceable appeal ("one study"), the
    source gives enough to find the work; when an entry of references.bib
    fits the description (year, sample size, title words — see
    :func:`matching_references`), the finding suggests it. Claims of one
    passage, and every claim of a source describing the same study, are one
    finding.
    """
    described = [
        c
        for c in ctx.claims_by_attribution.get("described-study", ())
        if not c.attribution.references
    ]
    for claims in _one_per_study(ctx, described):
        studies = list(dict.fromkeys(c.attribution.study for c in claims if c.attribution.study))
        about = wording.join([_study_words(s) for s in studies]) or "a study"
        suggestions: dict[str, tuple[Reference, list[str]]] = {}
        for claim in claims:
            for ref, matched in matching_references(ctx, claim):
                suggestions.setdefault(ref.key, (ref, matched))
        message = (
            f"{ctx.where_all(claims)} rests “{_what(ctx, claims)}” on a {about} it describes "
            "but does not cite."
        )
        if suggestions:
            fits = "; ".join(
                f"{key} (“{ref.title or key}”: {', '.join(matched)})"
                for key, (ref, matched) in suggestions.items()
            )
            message += (
                f" references.bib has an entry that fits: {fits} — cite it if it is that study."
            )
        else:
            message += " No entry of references.bib fits; add the work and cite it."
        yield Draft(message, tuple(claims))


@rule("promotes-own-interest", "conflict-of-interest", "warning")
def promotes_own_interest(ctx: CheckContext) -> Iterator[Draft]:
    """A source recommends, as a treatment, what its publisher sells or promotes.

    For each source with ``interests`` (entity ids of what its publisher
    sells), collects its claims that present one of them — or a kind of it,
    or a class it belongs to (is-a either way) — as treating, reducing or
    recommended for something (not denied). The message names the source's
    kind (a provider's marketing page is advertising by design) and its own
    words about the interest.
    """
    vocab = ctx.vocabulary
    for source in sorted(ctx.corpus.sources, key=lambda s: s.id):
        if not source.interests:
            continue
        promoting = [
            c
            for c in ctx.claims_by_source.get(source.id, ())
            if not c.negated
            and (direction(c.predicate) < 0 or c.predicate == "recommends")
            and any(vocab.related(c.subject, interest) for interest in source.interests)
        ]
        if not promoting:
            continue
        interests = [ctx.label(i) for i in source.interests]
        offered = wording.join(list(dict.fromkeys(ctx.label(c.subject) for c in promoting)))
        targets = wording.join(list(dict.fromkeys(ctx.label(c.object) for c in promoting)))
        note = f" (“{source.interests_note}”)" if source.interests_note else ""
        cited = sum(1 for c in promoting if c.attribution.references)
        if len(promoting) == 1:
            backing = "it cites a reference" if cited else "it cites no reference"
        else:
            backing = f"{cited or 'none'} of them cite{'s' * (cited == 1)} a reference"
        yield Draft(
            f"{source.id} is a {source.kind} source whose publisher sells or promotes "
            f"{wording.join(interests)}{note}. In {len(promoting)} claim"
            f"{'s' * (len(promoting) > 1)} it presents {offered} as a treatment or "
            f"recommendation for {targets}; {backing}. Read these as promotion as well as "
            "advice.",
            tuple(promoting),
        )
