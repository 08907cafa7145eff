"""Rules about the BibTeX references: malformed, misspelled, untraceable or inconsistent."""

from __future__ import annotations

import dataclasses
import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Claim, Reference, _shown_names
from ..vocabulary import Vocabulary
from . import wording
from .compare import direction
from .engine import CheckContext, Draft, rule

__all__ = [
    "REQUIRED_FIELDS",
    "cited_work_off_topic",
    "cited_work_reports_no_effect",
    "edit_distance",
    "inconsistent_year",
    "known_name",
    "missing_identifier",
    "misspelled_name",
    "reference_missing_fields",
    "uncited_reference",
]

#: entry type -> fields it needs; a tuple inside means "any one of these"
REQUIRED_FIELDS: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "article": (("author",), "title", "journal", "year"),
    "book": (("author", "editor"), "title", "publisher", "year"),
    "inproceedings": (("author",), "title", "booktitle", "year"),
    "incollection": (("author",), "title", "booktitle", "year"),
    "phdthesis": (("author",), "title", "school", "year"),
    "mastersthesis": (("author",), "title", "school", "year"),
    "techreport": (("author", "institution"), "title", "institution", "year"),
}
_DEFAULT_REQUIRED: tuple[str | tuple[str, ...], ...] = (
    ("author", "institution", "organization", "publisher", "howpublished"),
    "title",
    "year",
)
#: fields where the names of organisations and journals are written
_NAME_FIELDS = (
    "journal", "journaltitle", "booktitle", "institution", "organization", "publisher",
    "school", "howpublished", "author", "editor", "address",
)  # fmt: skip
_IDENTIFIERS = ("doi", "pmid", "pmcid", "isbn", "eprint", "arxiv")
_PAPER_TYPES = {"article", "inproceedings", "incollection", "book", "phdthesis", "mastersthesis"}
#: a Cochrane review number ("CD009776", or one version of it, "CD009776.pub2"): it names
#: the review in the Cochrane Database of Systematic Reviews, whichever its version
_COCHRANE_NUMBER = re.compile(r"\s*CD\d{6}(?:\.pub\d+)?\s*", re.IGNORECASE)
#: the fields a BibTeX entry gives an article's number in
_ARTICLE_NUMBER_FIELDS = ("eid", "pages", "number", "article-number", "elocation-id")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_WORD = re.compile(r"\S+")


def edit_distance(first: str, second: str, limit: int | None = None) -> int:
    """The edit distance between two strings: insertions, deletions, substitutions and swaps.

    Swapping two neighbouring letters counts as one edit (a common typo).
    With ``limit``, stops early and returns ``limit + 1`` once the distance
    is known to exceed it.

    Examples
    --------
    >>> edit_distance("University of Cambride", "University of Cambridge")
    1
    >>> edit_distance("Jounral", "Journal")
    1
    >>> edit_distance("kitten", "sitting")
    3
    """
    cap = limit if limit is not None else len(first) + len(second)
    if abs(len(first) - len(second)) > cap:
        return cap + 1
    over = cap + 1
    # Only cells within ``cap`` of the diagonal can stay within ``cap``: a band, not a square.
    before: list[int] = []
    previous = [j if j <= cap else over for j in range(len(second) + 1)]
    for i, a in enumerate(first, start=1):
        current = [i if i <= cap else over] + [over] * len(second)
        for j in range(max(1, i - cap), min(len(second), i + cap) + 1):
            b = second[j - 1]
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            current[j] = min(cost, over)
        if min(current) > cap:
            return over
        before, previous = previous, current
    return min(previous[-1], over)


def _describe(reference: Reference) -> str:
    title = reference.title
    return f"{reference.key} ({wording.quoted(title, 70)})" if title else reference.key


def _citers(ctx: CheckContext, key: str) -> tuple[Claim, ...]:
    return tuple(ctx.citing_claims.get(key, ()))


def _cited_by(ctx: CheckContext, key: str) -> str:
    claims = _citers(ctx, key)
    return f" It is cited by {ctx.where_all(claims)}." if claims else ""


@rule("reference-missing-fields", "citation-error", "warning")
def reference_missing_fields(ctx: CheckContext) -> Iterator[Draft]:
    """A reference lacks a field its entry type needs (author, title, year, journal…).

    Checks each BibTeX entry against ``REQUIRED_FIELDS`` for its type (for
    other types: a title, a year and an author or issuing body). An entry
    with a DOI or a PubMed id (a work an article cited only by a link) can
    be found by it: info, saying so, rather than a warning that it cannot.
    """
    for reference in ctx.corpus.references:
        required = REQUIRED_FIELDS.get(reference.entry_type.lower(), _DEFAULT_REQUIRED)
        missing = []
        for need in required:
            options = (need,) if isinstance(need, str) else need
            if not any((reference.get(name) or "").strip() for name in options):
                missing.append(" or ".join(options))
        if not missing:
            continue
        found_by = [
            f"{label} {value}"
            for label, name in (("DOI", "doi"), ("PubMed id", "pmid"))
            if (value := (reference.get(name) or "").strip())
        ]
        if found_by:
            consequence = (
                f"; a reader can find the work by its {wording.join(found_by)}, but the "
                "reference list does not say what it is."
            )
        else:
            consequence = ", so a reader cannot find or judge the work."
        yield Draft(
            f"Reference {_describe(reference)} is a @{reference.entry_type} without "
            f"{wording.join(missing)}{consequence}" + _cited_by(ctx, reference.key),
            _citers(ctx, reference.key),
            (reference.key,),
            severity="info" if found_by else None,
        )


@lru_cache(maxsize=4096)
def _pieces(name: str, slips: int) -> tuple[str, ...]:
    """``name`` cut into ``2 * slips + 1`` consecutive pieces of near-equal length.

    Each slip (a substitution, insertion or deletion touches one piece, a swap
    of neighbouring letters two) breaks at most two pieces, so a text within
    ``slips`` of the name contains at least one piece unchanged.
    """
    count = min(len(name), 2 * slips + 1)
    cuts = [len(name) * n // count for n in range(count + 1)]
    return tuple(name[cuts[n] : cuts[n + 1]] for n in range(count))


@dataclass(frozen=True)
class _KnownNames:
    """The organisation and journal names of the vocabulary, ready for typo search."""

    exact: frozenset[str]  # every name, case-folded
    by_length: dict[int, list[tuple[str, str, int]]]  # length -> (name, folded, allowed slips)
    widths: frozenset[int]  # how many words a misspelled name may span
    # length of a written stretch -> the names it may be a slip of (filled as asked)
    near: dict[int, list[tuple[str, str, int]]] = dataclasses.field(
        default_factory=dict, compare=False
    )

    @classmethod
    def of(cls, vocab: Vocabulary) -> _KnownNames:
        names = sorted(
            {
                name
                for entity in vocab.entities.values()
                if entity.type in ("organization", "journal")
                for name in (entity.label, *entity.synonyms)
            }
        )
        by_length: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        widths: set[int] = set()
        for name in names:
            if len(name) < 8:  # too short to tell a typo from another name
                continue
            by_length[len(name)].append((name, name.casefold(), 1 + len(name) // 30))
            size = len(name.split())
            widths |= {size - 1, size, size + 1} - {0}
        return cls(frozenset(n.casefold() for n in names), dict(by_length), frozenset(widths))

    def near_misses(self, value: str) -> list[tuple[str, str]]:
        """(written, known name) where ``value`` contains a slightly misspelled known name."""
        words = _WORD.findall(value)
        found = set()
        near = self.near
        for width in self.widths:
            for start in range(0, max(0, len(words) - width) + 1):
                written = " ".join(words[start : start + width]).strip(".,;:")
                folded = written.casefold()
                if not written or folded in self.exact:
                    continue
                size = len(folded)
                candidates = near.get(size)
                if candidates is None:
                    candidates = near[size] = [
                        known
                        for length in range(size - 2, size + 3)
                        for known in self.by_length.get(length, ())
                        if abs(length - size) <= known[2]
                    ]
                for name, name_folded, limit in candidates:
                    # limit slips leave one of the name's 2 * limit + 1 pieces whole
                    # (a swap can break two): no whole piece, no near miss
                    if not any(p in folded for p in _pieces(name_folded, limit)):
                        continue
                    distance = edit_distance(folded, name_folded, limit)
                    if 0 < distance <= limit:
                        found.add((written, name))
        return sorted(found)


def known_name(vocabulary: Vocabulary, value: str) -> str | None:
    """``value`` with a slightly misspelled organisation or journal name corrected, or None.

    None when ``value`` contains no near miss of a name the vocabulary knows
    (the same test the ``misspelled-name`` rule uses). Exporters use it to
    give the correct name while keeping the text as written.
    """
    misses = _KnownNames.of(vocabulary).near_misses(value)
    if not misses:
        return None
    for written, name in misses:
        value = value.replace(written, name)
    return value


@rule("misspelled-name", "citation-error", "error")
def misspelled_name(ctx: CheckContext) -> Iterator[Draft]:
    """A reference misspells the name of a known organisation or journal.

    Compares the name fields of every reference (journal, institution,
    publisher, organization, howpublished, author…) with the labels and
    synonyms of the vocabulary's ``organization`` and ``journal`` entities.
    A stretch of words within a small edit distance of a known name (one
    letter, or two in names of 30 letters or more; a swap of neighbouring
    letters counts as one) that is not itself a known name is reported: close
    but not equal is a typo, and a typo in a name makes the work harder to
    find and suggests the citation was not checked.
    """
    names = _KnownNames.of(ctx.vocabulary)
    if not names.by_length:
        return
    seen: dict[str, list[tuple[str, str]]] = {}  # journals and publishers repeat
    for reference in ctx.corpus.references:
        misses: dict[tuple[str, str], list[str]] = {}
        for field, raw in reference.fields:
            if field in _NAME_FIELDS:
                value = _shown_names(raw) if field in ("author", "editor") else raw
                if value not in seen:
                    seen[value] = names.near_misses(value)
                for miss in seen[value]:
                    misses.setdefault(miss, []).append(field)
        for (written, name), fields in sorted(misses.items()):
            distance = edit_distance(written.casefold(), name.casefold())
            yield Draft(
                f"Reference {_describe(reference)} writes “{written}” (in its "
                f"{wording.join(fields)}), {distance} typing slip{'s' * (distance > 1)} from "
                f"the known name “{name}” — probably a misspelling."
                + _cited_by(ctx, reference.key),
                _citers(ctx, reference.key),
                (reference.key,),
            )


@rule("missing-identifier", "citation-error", "info")
def missing_identifier(ctx: CheckContext) -> Iterator[Draft]:
    """A reference has no identifier (DOI, PMID, ISBN…) to find it by.

    Papers and books need a DOI, PubMed id, PMC id, ISBN or e-print id;
    other works (news items, web pages) at least one of those or a URL. A
    Cochrane review number ("CD009776", in the eid, pages or number of an
    entry of the Cochrane Database of Systematic Reviews) identifies the
    review too (no DOI is built from it: its version suffix is unknown).
    """
    for reference in ctx.corpus.references:
        kinds = _IDENTIFIERS if reference.entry_type.lower() in _PAPER_TYPES else (
            *_IDENTIFIERS, "url",
        )  # fmt: skip
        if any((reference.get(name) or "").strip() for name in kinds):
            continue
        if _cochrane_number(reference):
            continue
        yield Draft(
            f"Reference {_describe(reference)} has no {wording.join(list(kinds), 'or')}: "
            "nothing identifies the work unambiguously." + _cited_by(ctx, reference.key),
            _citers(ctx, reference.key),
            (reference.key,),
        )


def _cochrane_number(reference: Reference) -> str | None:
    """The Cochrane review number of an entry of the Cochrane Database of Systematic
    Reviews ("CD009776"), or None: another journal's article number identifies nothing
    alone, and a Cochrane number in another journal's entry is a slip."""
    journal = " ".join(reference.get(f) or "" for f in ("journal", "journaltitle"))
    if "cochrane" not in journal.casefold():
        return None
    for field in _ARTICLE_NUMBER_FIELDS:
        value = reference.get(field) or ""
        if _COCHRANE_NUMBER.fullmatch(value):
            return value.strip()
    return None


@rule("inconsistent-year", "citation-error", "warning")
def inconsistent_year(ctx: CheckContext) -> Iterator[Draft]:
    """A reference gives different years in its key, year field and date field.

    Reads a four-digit year from the BibTeX key (``smith2021``), the
    ``year`` field and the ``date`` field (ISO date); reports any
    disagreement.
    """
    for reference in ctx.corpus.references:
        years = []
        for where, text in (
            ("key", reference.key),
            ("year", reference.year or ""),
            ("date", reference.get("date") or ""),
        ):
            match = _YEAR.search(text)
            if match:
                years.append((where, match.group(1)))
        if len({year for _, year in years}) > 1:
            listed = wording.join([f"{year} in its {where}" for where, year in years])
            yield Draft(
                f"Reference {_describe(reference)} gives {listed}: at most one of them can be "
                "right." + _cited_by(ctx, reference.key),
                _citers(ctx, reference.key),
                (reference.key,),
            )


@rule("uncited-reference", "citation-error", "info")
def uncited_reference(ctx: CheckContext) -> Iterator[Draft]:
    """A reference that no claim cites.

    Either a claim lost its ``attribution.references`` or the entry is not
    needed; the graph shows it with no link.
    """
    for reference in ctx.corpus.references:
        if reference.key not in ctx.citing_claims:
            yield Draft(
                f"Reference {_describe(reference)} is cited by no claim: link the claims that "
                "rely on it (attribution.references) or remove it.",
                (),
                (reference.key,),
            )


def _fold(text: str) -> str:
    """Text for whole-word matching: case-folded, punctuation as spaces, padded."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split()) + " "


_SUFFIX = re.compile(r"(?:ations?|s)$")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A word without its plural, "-ation" or "-al" of a noun: "supplements",
    "supplementation", "supplemental" → "supplement"."""
    if len(word) <= 4 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]  # "dullnesses", "boxes"
    if word.endswith(("mental", "ional")) and len(word) >= 9:
        word = word[:-2]  # "supplemental" is "supplement", "nutritional" "nutrition"
    stemmed = _SUFFIX.sub("", word)
    return stemmed if len(stemmed) >= 4 else word


def _stems(folded: str) -> str:
    """A folded text with each word stemmed (see :func:`_stem`), padded."""
    return " " + " ".join(_stem(w) for w in folded.split()) + " "


def _names(vocab: Vocabulary, entity_id: str) -> frozenset[str]:
    """Folded words that name the entity, a kind of it, or what it is a kind of."""
    related = set(vocab.ancestors(entity_id)) | set(vocab.descendants(entity_id))
    entity = vocab.entities.get(entity_id)
    for part in (entity.takes, entity.has_condition) if entity else ():
        if part:
            related |= vocab.descendants(part) | {part}
    names: set[str] = set()
    for other in related:
        e = vocab.entities.get(other)
        if e is not None and (other == entity_id or e.type != "concept"):
            names.update(_fold(n) for n in (e.label, *e.synonyms))
    # "omega-3 supplements" in "Omega-3 supplementation and …": the same words, inflected
    return frozenset(_stems(n) for n in names if len(n) > 4)


def _named_as(ctx: CheckContext, title: str, entity_id: str) -> str:
    """How a title that names the entity names it, in words: its label, or the related term.

    A title names an entity by a kind of it or a class it belongs to too
    ("Omeprazole and gastric pH" names the brand RefluStop by its drug);
    the message then says which term the title uses and how it relates
    ("omeprazole (RefluStop is a kind of it)"), not that it names the brand;
    a kind of the entity the same way ("calmol (a kind of alpha calmer)").
    """
    vocab = ctx.vocabulary
    folded = _stems(_fold(title))

    def uses(other: str) -> bool:
        e = vocab.entities.get(other)
        return e is not None and any(
            _stems(_fold(n)) in folded for n in (e.label, *e.synonyms) if len(_fold(n)) > 4
        )

    if uses(entity_id):
        return ctx.label(entity_id)
    for other in sorted(vocab.ancestors(entity_id) - {entity_id}):
        if uses(other):
            return f"{ctx.label(other)} ({wording.is_(ctx.label(entity_id))} a kind of it)"
    for other in sorted(vocab.descendants(entity_id) - {entity_id}):
        if uses(other):
            return f"{ctx.label(other)} (a kind of {ctx.label(entity_id)})"
    return ctx.label(entity_id)


def _name_index(vocab: Vocabulary) -> dict[str, set[str]]:
    """Stemmed, folded name (padded) -> the ids of the entities other than concepts it names."""
    index: dict[str, set[str]] = defaultdict(set)
    for entity_id, entity in vocab.entities.items():
        if entity.type != "concept":
            for name in (entity.label, *entity.synonyms):
                index[_stems(_fold(name))].add(entity_id)
    return index


def _aspect_names(vocab: Vocabulary, entity_id: str, index: dict[str, set[str]]) -> frozenset[str]:
    """The names of what a concept is an aspect of: the terms its own names contain.

    "Length of a cold" or "duration of the common cold" is about the common
    cold: a title naming the common cold ("Vitamin C for preventing and
    treating the common cold") names the topic of a claim about it. Only
    ``concept`` entities (measures and notions such as a duration, a risk, a
    level) are read so; a condition or symptom whose name holds another term
    ("antidepressant withdrawal") is a thing of its own.
    """
    entity = vocab.entities.get(entity_id)
    if entity is None or entity.type != "concept":
        return frozenset()
    inner: set[str] = set()
    for name in (entity.label, *entity.synonyms):
        words = _stems(_fold(name)).split()
        for width in range(1, len(words)):
            for start in range(len(words) - width + 1):
                run = " " + " ".join(words[start : start + width]) + " "
                inner |= index.get(run, set())
    inner.discard(entity_id)
    return frozenset(n for other in sorted(inner) for n in _names(vocab, other))


def _title_mentions(ctx: CheckContext) -> Callable[[str, str, str], bool]:
    """A test ``mentioned(key, title, entity)``: does the title name the entity (or kinds)?

    One test per run, shared by the rules that read titles, so each title and
    name is read once.
    """
    return ctx.shared("title-mentions", lambda: _mentions_test(ctx.vocabulary))


def _mentions_test(vocab: Vocabulary) -> Callable[[str, str, str], bool]:
    names_of: dict[str, tuple[frozenset[str], tuple[int, ...]]] = {}
    mentions: dict[tuple[str, str], bool] = {}
    words_of: dict[str, list[str]] = {}
    runs: dict[tuple[str, int], frozenset[str]] = {}
    index: list[dict[str, set[str]]] = []  # the name index, built when a concept is first met

    # A folded name (" w1 w2 ") occurs in a folded title exactly when it is one of
    # the title's runs of as many consecutive words: a set look-up, not a substring
    # search; only the runs as long as some name of the entity are formed.
    def mentioned(key: str, title: str, entity_id: str) -> bool:
        known = mentions.get((key, entity_id))
        if known is not None:
            return known
        names = names_of.get(entity_id)
        if names is None:
            found = _names(vocab, entity_id)
            entity = vocab.entities.get(entity_id)
            if entity is not None and entity.type == "concept":
                if not index:
                    index.append(_name_index(vocab))
                found |= _aspect_names(vocab, entity_id, index[0])
            names = names_of[entity_id] = (found, tuple(sorted({n.count(" ") - 1 for n in found})))
        words = words_of.get(key)
        if words is None:
            words = words_of[key] = _stems(_fold(title)).split()
        known = False
        for width in names[1]:
            run = runs.get((key, width))
            if run is None:
                run = runs[(key, width)] = frozenset(
                    " " + " ".join(words[i : i + width]) + " "
                    for i in range(len(words) - width + 1)
                )
            if not names[0].isdisjoint(run):
                known = True
                break
        mentions[(key, entity_id)] = known
        return known

    return mentioned


def _entities(claims: list[Claim]) -> set[str]:
    """The subjects and objects of the claims (read without a Python step per claim)."""
    return {*map(_SUBJECT, claims), *map(_OBJECT, claims)}


_SUBJECT = operator.attrgetter("subject")
_OBJECT = operator.attrgetter("object")


@rule("cited-work-off-topic", "citation-error", "info")
def cited_work_off_topic(ctx: CheckContext) -> Iterator[Draft]:
    """A claim cites a work whose title is about something else than what the claim says.

    For each claim that cites references, reads each cited work's title
    through the vocabulary: the names of the claim's subject, object and
    population (labels and synonyms, kinds and classes by is-a or by
    facts, initials such as "PPI", other forms of a word such as
    "diabetic"; for a ``concept`` such as "length of a cold", also the
    terms its names contain), a word a term's name shares with the title
    ("colorectal neoplasia" for colorectal cancer), other terms of the
    vocabulary, and the words of a study's kind and people. A title that
    names one side of the claim and something else — another term, or
    words outside the vocabulary ("gastric pH") — and no family of
    outcomes ("cardiovascular events", "adverse effects", "vascular
    disease") nor class of interventions the subject can be one of, by its
    type ("pharmacological interventions for sleepiness" for melatonin;
    not "non-drug therapies"), is reported, as is a title that names neither side and
    another term; a hint that the work may not say what the claim
    attributes to it. A title naming only the subject and who was studied
    ("Effects of aspirin in persons with diabetes") says too little to
    tell, and is not. Who was studied is no topic a title must name: a side
    that is a population (the people a prevalence is counted in) or a
    comparator ("placebo") is not looked for; nor are people named by what
    they take ("adults taking antibiotics") beside a side of the claim, or a
    study's field ("Epidemiology, risk factors and …").
    """
    mentioned = _title_mentions(ctx)
    reader = _title_reader(ctx)
    titles = {r.key: r.title for r in ctx.corpus.references}
    for key, claims in ctx.citing_claims.items():
        title = titles.get(key)
        if not title:
            continue
        # whether the title names each entity, asked once per entity of this key's claims;
        # a title that names every one of them leaves nothing to report
        in_title = {e: mentioned(key, title, e) for e in _entities(claims)}
        if all(in_title.values()):
            continue
        for claim in claims:
            if in_title[claim.subject] and in_title[claim.object]:
                continue
            reading = reader.read(key, title, claim)
            has_subject = in_title[claim.subject] or reading.subject
            has_object = in_title[claim.object] or reading.object
            sides = ((claim.subject, has_subject), (claim.object, has_object))
            # who was studied ("antibiotic users" of a prevalence) or a study's comparator
            # ("placebo") is no topic a title must name: only the other side is looked for
            topics = [(e, ok) for e, ok in sides if not reader.no_topic(e)]
            if not topics or not reading.off_topic(
                all(ok for _, ok in topics[:1]), all(ok for _, ok in topics[1:]),
                named=has_subject or has_object,
            ):
                continue
            named = [_named_as(ctx, title, e) for e, ok in sides if ok]
            absent = [ctx.label(e) for e, ok in topics if not ok]
            names = (
                f"names {wording.join(named)} but not"
                if named
                else ("names neither" if len(absent) > 1 else "does not name")
            )
            instead = wording.join([wording.quoted(o, 60) for o, _ in reading.others])
            # a phrase outside the vocabulary may be another name of the missing term
            unknown = [o for o, term in reading.others if not term]
            hint = (
                f" If {wording.quoted(unknown[0], 60)} means {absent[0]} here, add it to that "
                "term's synonyms."
                if len(absent) == 1 and len(unknown) == 1 and len(reading.others) == 1
                else ""
            )
            yield Draft(
                f"{ctx.at(claim)} cites {key} for “{ctx.says(claim)}”, but the work's title, "
                f"{wording.quoted(title, 120)}, {names} {wording.join(absent, 'nor')}; it is on "
                f"{instead}. Check that the work reports this.{hint}",
                (claim,),
                (key,),
            )


#: how a title reports that a work found nothing ("No effect of X on Y", "X did not reduce Y")
_NO_EFFECT = re.compile(
    r"\b(?:no|little|without)\s+(?:significant\s+|clinically\s+(?:relevant\s+|meaningful\s+)?)?"
    r"(?:effects?|benefits?|associations?|differences?|improvements?|reductions?|links?)\b"
    r"|\b(?:does|did|do)\s+not\b|\bnot\s+(?:associated|effective|linked|beneficial|superior)\b"
    r"|\bfail(?:s|ed)?\s+to\b|\bineffective\b"
    r"|\black\s+of\s+(?:effect|benefit|efficacy|association)\b",
    re.IGNORECASE,
)


@rule("cited-work-reports-no-effect", "citation-error", "warning")
def cited_work_reports_no_effect(ctx: CheckContext) -> Iterator[Draft]:
    """A claim of an effect cites a work whose title says it found none.

    For each claim that asserts an effect or a link (a predicate with a
    direction, or ``associated_with``; not denied) and cites references: a
    cited work whose title names both the claim's subject and object (as
    ``cited-work-off-topic`` reads them: initials, other forms of a word,
    kinds and classes) and reports no effect ("No effect
    of X on Y", "X did not reduce Y", "not associated with", "failed to")
    does not back it. A denial citing such a work agrees with it and is
    not reported.
    """
    # the titles that report no effect, read once: most cited works report one
    no_effect = {
        r.key: (r.title, match)
        for r in ctx.corpus.references
        if r.title and (match := _NO_EFFECT.search(r.title)) is not None
    }
    if not no_effect:
        return
    mentioned = _title_mentions(ctx)
    reader = _title_reader(ctx)
    for key in sorted(no_effect):
        title, match = no_effect[key]
        for claim in ctx.citing_claims.get(key, ()):
            if claim.negated or not (
                direction(claim.predicate) or claim.predicate == "associated_with"
            ):
                continue
            has_subject = mentioned(key, title, claim.subject)
            has_object = mentioned(key, title, claim.object)
            if not (has_subject and has_object):
                # initials, another form of a word, a shared qualifier: as the other rule reads
                reading = reader.read(key, title, claim)
                if not (has_subject or reading.subject) or not (has_object or reading.object):
                    continue  # cited-work-off-topic says so
            yield Draft(
                f"{ctx.at(claim)} cites {key} for “{ctx.says(claim)}”, but the work's title, "
                f"{wording.quoted(title, 120)}, reports no effect (“{match.group(0)}”). A work "
                "that found none does not back a claim that there is one; check what it reports.",
                (claim,),
                (key,),
            )


# ---------------------------------------------------------------- reading a title
#
# A title that does not name a claim's term is not, by that alone, about something else:
# titles name a wider outcome ("cardiovascular events" for a heart attack), a kind by a
# shared word ("colorectal neoplasia" for colorectal cancer), an abbreviation ("PPI" for
# proton pump inhibitors), an adjective ("diabetic"), or only the drug and who took it
# ("Effects of aspirin in persons with diabetes"). A title is read word by word: the words
# naming the claim's subject, object and population (through the vocabulary: synonyms,
# kinds, classes), other terms of the vocabulary, words of a study's kind, setting and
# people, and what is left. Only a title that names one side of the claim and something
# else, and no family of outcomes, or names neither side and another term, is reported.

#: words that join a title's phrases, or tie a cause to its effect: they end a phrase
_JOINERS = (
    "a an the and or of in on for with without among amongst by to from after during versus "
    "vs via at as its their is are was were be do does did not no than into within between "
    "under over about against across per through who which that what how when why can may "
    "induced associated related caused attributable mediated linked"
)
#: who was studied, by life stage or setting: "in midlife", "maternal", "during pregnancy";
#: shown where a phrase is quoted ("pregnancy loss")
_WHO_WORDS = (
    "midlife middle later life maternal paternal pregnancy pregnant prenatal antenatal "
    "perinatal postnatal postpartum neonatal infant infants menopausal postmenopausal "
    "premenopausal nursing home homes resident residents dwelling institutionalised "
    "institutionalized outpatients inpatients"
)
#: words of a study's kind, setting and people, and of effects in general: no topic of their own
_STUDY_WORDS = (
    "effect effects efficacy effectiveness use using user users therapy therapies treatment "
    "treatments treated treating management prevention preventing primary secondary "
    "chemoprevention prophylaxis intake dose doses dosing daily regular long short term study "
    "studies trial trials randomised randomized randomly controlled placebo blind double "
    "single open label cohort case control series cross sectional prospective retrospective "
    "observational population based nationwide register registry review systematic "
    "meta analysis analyses pooled individual participant participants data collaborative "
    "overview update evidence consensus statement guideline guidelines recommendation report "
    "practice clinical association relation relationship link risk risks incidence prevalence "
    "rate rates frequency occurrence patient patients people persons adult adults individuals "
    "subjects volunteers healthy men women man woman child children adolescents older elderly "
    "young younger aged community care setting settings hospital real world comparison "
    "compared role impact influence evaluation assessment investigation experience years year "
    "follow multicentre multicenter site sites phase pilot new recent first major serious "
    "severe mild acute chronic early late low high total overall general reduced increased "
    "reducing increasing lower higher lowering outcome outcomes sample samples survey "
    "exposure exposed versus part results findings one two three four five six seven eight "
    "nine ten twelve hundred thousand million multi reduction reductions increase "
    "increases decrease decreases "
    # a study's design and methods: "trial sequential analysis", "dose-response meta-analysis"
    "sequential categorical response network mendelian randomisation randomization umbrella "
    "longitudinal nested crossover factorial ancillary hoc pragmatic regression "
    "bayesian modelling modeling active form forms "
    # a field or an aspect of a study, no topic: "Epidemiology, risk factors and treatments
    # for X", "X in a regional hospital: an audit"
    "epidemiology epidemiological aetiology etiology pathogenesis pathophysiology "
    "mechanism mechanisms determinants predictors factors characteristics burden trends "
    "diagnosis prognosis audit surveillance regional national local international global "
    f"{_WHO_WORDS}"
)
#: nouns naming a family of outcomes: a claim's outcome may well be one of them
_FAMILY_NOUNS = (
    "event events outcome outcomes endpoint endpoints complications toxicity "
    "tolerability morbidity safety harms benefits reactions"
)
#: adjectives of a body system: "vascular disease" is a family of outcomes too
_SYSTEMS = (
    "cardiovascular vascular cardiac coronary cerebrovascular cardiometabolic metabolic "
    "gastrointestinal digestive respiratory pulmonary neurological neurologic "
    "neuropsychiatric psychiatric musculoskeletal renal hepatic dermatological"
)
_SYSTEM_NOUNS = "disease diseases disorder disorders condition conditions problems symptoms"
#: words making "effects" the harms of a treatment ("adverse effects", "side effects")
_HARM_WORDS = "adverse side unwanted undesirable unintended"
_TITLE_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s'’-]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")


def _spelling(word: str) -> str:
    """One spelling for British and American ones: "anaemia", "oesophagus", "tumour"."""
    word = word.replace("ae", "e").replace("oe", "e")
    if word.endswith("our") and len(word) > 5:
        word = word[:-3] + "or"
    if word.endswith(("ise", "ised", "ising", "isation")):
        word = word.replace("is", "iz")
    return word


def _norm(word: str) -> str:
    """A folded word without its plural, "-ation" or spelling: how title words are compared."""
    return _spelling(_stem(word))


def _norms(text: str) -> frozenset[str]:
    return frozenset(_norm(w) for w in text.split())


_JOIN = _norms(_JOINERS)
#: what a study compares a treatment with: a term named by these words only is no topic
_DESIGN = _norms("placebo placebos sham control controls usual standard care comparator dummy")
_GENERIC = _norms(f"{_STUDY_WORDS} {_FAMILY_NOUNS} {_SYSTEMS} {_SYSTEM_NOUNS} {_HARM_WORDS}")
_FAMILY = _norms(_FAMILY_NOUNS)
_SYSTEM = _norms(_SYSTEMS)
_SYSTEM_NOUN = _norms(_SYSTEM_NOUNS)
_HARM = _norms(_HARM_WORDS)
_WHO = _norms(_WHO_WORDS)
_EFFECT = _norm("effects")
#: the end of "osteoporosis-related", "drug-induced": what follows is named by its cause
_CAUSED = _norms("related associated induced attributable mediated caused")
#: nouns naming a family of drugs by what they do ("acid-suppressing drugs", "blood pressure
#: medicines"): the claim's drug may be one of them
_AGENTS = _norms(
    "drugs agents medicines medications inhibitors blockers antagonists agonists "
    "suppressants supplements suppression inhibition blockade"
)
#: nouns naming a class of interventions ("pharmacological interventions", "drug
#: treatments", "non-drug therapies", "dietary supplements"): the claim's cause may be one
_CLASS_HEADS = _norms(
    "interventions treatments therapies drugs medicines medications agents supplements "
    "remedies pharmacotherapy pharmacotherapies options approaches strategies"
)
#: what an intervention can be, by the vocabulary's types; and the kinds a class's words allow
_INTERVENTIONS = frozenset({"drug", "brand", "drug_class", "substance", "therapy", "practice",
                            "action"})  # fmt: skip
_DRUGLIKE = frozenset({"drug", "brand", "drug_class", "substance"})
_NOT_DRUGS = frozenset({"therapy", "practice", "action"})
#: words of a class of drugs or supplements ("pharmacological", "drug", "dietary")
_DRUG_WORDS = _norms(
    "pharmacological pharmacologic pharmaceutical drug drugs medication medications medicine "
    "medicines medicinal prescription pharmacotherapy pharmacotherapies agents dietary "
    "nutritional herbal supplement supplements nutraceutical"
)
#: words of a class of interventions that are no drug ("non-drug", "behavioural")
_NOT_DRUG_WORDS = _norms(
    "nonpharmacological nonpharmacologic nondrug behavioural behavioral psychological "
    "psychosocial lifestyle cognitive"
)
#: who a study was in: "in patients with …" says who, not what
_PEOPLE = _norms(
    "patients people persons adults children women men individuals users volunteers "
    "participants subjects adolescents infants"
)

#: what ties people to what they take or have, after a word for people: "patients on …"
_WITH = _norms("with on")
_TAKING = _norms("taking receiving using given prescribed treated")


def _agree(first: str, second: str) -> bool:
    """Whether two normalised words are one word in two forms ("diabetes", "diabetic")."""
    if first == second:
        return True
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    return common >= 6 and len(first) - common <= 3 and len(second) - common <= 3


def _qualifiers(words: list[str]) -> list[str]:
    """The words of a name other than its head: all of a one-word name, else all but the
    last word before "of", "in", "with"… ("muscle" in "breakdown of muscle", "colorectal"
    in "colorectal cancer")."""
    if len(words) < 2:
        return words
    joins = [i for i, w in enumerate(words) if i and _norm(w) in _JOIN]
    head = joins[0] - 1 if joins else len(words) - 1
    return [w for i, w in enumerate(words) if i != head and _norm(w) not in _JOIN]


_LEVEL = re.compile(r"(?:hyper|hypo)(\w{5,}?)a?emia")


def _level_of(word: str) -> str | None:
    """What a word for a high or low level in the blood names: "triglycerid" in
    "hypertriglyceridemia" ("hypertriglyceridaemia"), "cholesterol" in
    "hypercholesterolemia"; None for any other word."""
    found = _LEVEL.fullmatch(word)
    return found.group(1) if found else None


def _intervention_kinds(words: list[str]) -> frozenset[str]:
    """The kinds of term a phrase naming a class of interventions may hold, by its words:
    drugs and supplements for "pharmacological interventions", "drug treatments", "dietary
    supplements"; therapies and practices for "non-drug therapies", "behavioural
    interventions"; any intervention for "interventions", "treatments". Empty for a phrase
    that is no such class, or names what its members are ("antiviral drugs", "zinc
    supplements": the words say which, and a claim's term need not be one)."""
    if not words or words[-1] not in _CLASS_HEADS:
        return frozenset()
    kinds = _INTERVENTIONS
    for i, word in enumerate(words):
        denied = i > 0 and words[i - 1] == "non"
        if word == "non" and i + 1 < len(words):
            continue
        if word in _DRUG_WORDS:
            kinds &= _NOT_DRUGS if denied else _DRUGLIKE
        elif word in _NOT_DRUG_WORDS:
            kinds &= _NOT_DRUGS
        elif not _generic(word) and word not in _CLASS_HEADS:
            return frozenset()
    return kinds


def _core(words: Iterable[str]) -> frozenset[str]:
    """The normalised words of a phrase that say what it is about: not words of a study,
    a joiner, nor a class of agents ("supplement", "drug")."""
    return frozenset(
        w for w in words
        if w not in _JOIN and w not in _AGENTS and w not in _CLASS_HEADS and not _generic(w)
    )  # fmt: skip


def _plain(word: str) -> bool:
    """A general word that is no family of outcomes: left out where a phrase is quoted."""
    return _generic(word) and word not in _FAMILY and word not in _SYSTEM_NOUN and word not in _WHO


def _generic(word: str) -> bool:
    return word.isdigit() or word in _GENERIC or any(_agree(word, g) for g in _GENERIC)


@dataclass(frozen=True)
class _Reading:
    """What a title names of a claim, and what else: the phrases, as the title writes them."""

    subject: bool
    object: bool
    #: phrases naming something that is not the claim's: (phrase, whether it names a term)
    others: tuple[tuple[str, bool], ...]
    #: the title names a family the missing side may be one of ("cardiovascular events",
    #: "adverse effects"; for a cause, "acid-suppressing drugs")
    family: bool

    def off_topic(self, subject: bool, obj: bool, *, named: bool | None = None) -> bool:
        """Whether the title is about something other than the claim, as far as words show,
        given whether it names (or need not name) the claim's subject and object, and
        whether it names either at all (``named``; by default, whether it names one)."""
        if (subject and obj) or self.family or not self.others:
            return False
        # naming neither side, a title is read only when the vocabulary knows every topic in it
        either = subject or obj if named is None else named
        return either or all(term for _, term in self.others)


class _TitleReader:
    """Reads cited titles against claims through the vocabulary; one per run (ctx.shared)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.index: dict[tuple[str, ...], set[str]] = defaultdict(set)
        #: a name's initials -> terms ("proton pump inhibitor": "ppi"), for "PPI" in a title
        self.initials: dict[str, set[str]] = defaultdict(set)
        #: a name written in capitals -> terms ("PPIs", "taking PPIs": "ppi"), for "PPI" or
        #: "proton pump inhibitor" in a title
        self.capitals: dict[str, set[str]] = defaultdict(set)
        for entity_id, entity in vocab.entities.items():
            for name in (entity.label, *entity.synonyms):
                words = _fold(name).split()
                if len(" ".join(words)) < 3:
                    continue
                self.index[tuple(_norm(w) for w in words)].add(entity_id)
                if len(words) >= 2:
                    self.initials["".join(w[0] for w in words)].add(entity_id)
                for written in re.findall(r"[^\W_]+", name):
                    letters = written.removesuffix("s")
                    if len(letters) >= 3 and _ACRONYM.fullmatch(letters):
                        self.capitals[letters.casefold()].add(entity_id)
        self.widths = sorted({len(k) for k in self.index}, reverse=True)
        self._related: dict[str, frozenset[str]] = {}
        self._words: dict[str, frozenset[str]] = {}
        self._readings: dict[tuple[str, str, str, str | None], _Reading] = {}
        self._cores: dict[str, frozenset[frozenset[str]]] = {}

    def related(self, entity_id: str) -> frozenset[str]:
        """The terms a title may name the entity by: itself, its kinds and classes (by is-a or
        by facts, or by name: "leg cramps" is a kind of "cramps"), what a population takes or
        has, what a concept is an aspect of."""
        known = self._related.get(entity_id)
        if known is not None:
            return known
        vocab = self.vocab
        entity = vocab.entities.get(entity_id)
        wider = {entity_id}
        for part in (entity.takes, entity.has_condition) if entity else ():
            if part:
                wider.add(part)
        for name in (entity.label, *entity.synonyms) if entity else ():
            words = tuple(_norm(w) for w in _fold(name).split())
            for start in range(1, len(words)):  # the name's head: what it is a kind of
                wider |= self.index.get(words[start:], set())
            # a term spelled out and the same in capitals: "proton pump inhibitors", "PPI"
            if len(words) >= 3:
                wider |= self.capitals.get("".join(w[0] for w in _fold(name).split()), set())
            for written in re.findall(r"[^\W_]+", name):
                letters = written.removesuffix("s")
                if len(letters) >= 3 and _ACRONYM.fullmatch(letters):
                    wider |= self.initials.get(letters.casefold(), set())
            if entity is not None and entity.type == "concept":
                for width in range(1, len(words)):
                    for start in range(len(words) - width + 1):
                        wider |= self.index.get(words[start : start + width], set())
        related = {entity_id}
        for one in wider:
            for other in vocab.classes(one) | vocab.members(one):
                kind = vocab.entities.get(other)
                if kind is not None and (kind.type != "concept" or other in wider):
                    related.add(other)
        known = self._related[entity_id] = frozenset(related)
        return known

    def words(self, entity_id: str) -> frozenset[str]:
        """The words a title may share with the entity's names and name a kind of it by: a
        one-word name in another form ("allergic"), a qualifier of a longer name ("colorectal
        neoplasia" for colorectal cancer) — not its head ("prostate cancer"), a word of a
        study or effect, nor a word that is the whole name of another term ("gloom" in
        "gloom relapse")."""
        known = self._words.get(entity_id)
        if known is not None:
            return known
        related = self.related(entity_id)
        words: set[str] = set()
        for other in related:
            entity = self.vocab.entities.get(other)
            for name in (entity.label, *entity.synonyms) if entity else ():
                folded = _fold(name).split()
                for word in _qualifiers(folded):
                    normal = _norm(word)
                    if (
                        len(normal) >= (3 if any(c.isdigit() for c in normal) else 4)
                        and not _generic(normal)
                        and normal not in _JOIN
                        and self.index.get((normal,), set()) <= related
                    ):
                        words.add(normal)
        known = self._words[entity_id] = frozenset(words)
        return known

    def no_topic(self, entity_id: str) -> bool:
        """Whether a side of a claim is no topic a title need name: who was studied (a
        population: "antibiotic users", in whom a prevalence is counted), or a term named only
        in words of a study's design ("placebo", what a treatment is compared with)."""
        entity = self.vocab.entities.get(entity_id)
        if entity is None:
            return False
        if entity.type == "population":
            return True
        words = [_norm(w) for w in _fold(entity.label).split()]
        return bool(words) and all(w in _DESIGN for w in words)

    def heads(self, entity_id: str) -> frozenset[str]:
        """The last words of the names of the entity, its kinds and classes ("fracture")."""
        entity_ids = self.related(entity_id)
        return frozenset(
            _norm(_fold(name).split()[-1])
            for other in entity_ids if (entity := self.vocab.entities.get(other)) is not None
            for name in (entity.label, *entity.synonyms) if _fold(name).split()
        )  # fmt: skip

    def read(self, key: str, title: str, claim: Claim) -> _Reading:
        """What the title names of the claim's subject and object, and what else."""
        at = (key, claim.subject, claim.object, claim.population)
        known = self._readings.get(at)
        if known is None:
            known = self._readings[at] = self._read(title, claim)
        return known

    def _read(self, title: str, claim: Claim) -> _Reading:
        tokens = _TITLE_TOKEN.findall(title)
        # each token may hold several words ("treatment-resistant"): its words, normalised
        parts = [tuple(_norm(w) for w in _fold(t).split()) for t in tokens]
        flat: list[tuple[int, str]] = [(i, w) for i, p in enumerate(parts) for w in p]
        sides = {"S": claim.subject, "O": claim.object}
        if claim.population:
            sides["P"] = claim.population
        claimed = {side: self.related(e) for side, e in sides.items()}
        marks: list[set[str]] = [set() for _ in tokens]
        terms: list[set[str]] = [set() for _ in tokens]
        taken = [False] * len(flat)

        def name(at: range, ids: set[str]) -> None:
            """The words at ``at`` name the terms ``ids``: a side of the claim, or another."""
            for position in at:
                taken[position] = True
            where = {flat[p][0] for p in at}
            sided = False
            for side, related in claimed.items():
                if ids & related:
                    sided = True
                    for i in where:
                        marks[i].add(side)
            if not sided and not all(_generic(flat[p][1]) for p in at):
                for i in where:
                    terms[i] |= ids

        # the longest names first: "magnesium supplements" is not "supplements"; three to
        # six words may spell a name written in capitals ("proton pump inhibitor": PPI)
        for width in sorted({*self.widths, 3, 4, 5, 6}, reverse=True):
            for start in range(len(flat) - width + 1):
                at = range(start, start + width)
                if any(taken[p] for p in at):
                    continue
                run = [flat[p][1] for p in at]
                ids = self.index.get(tuple(run))
                if not ids and width >= 3 and not any(w in _JOIN or w[0].isdigit() for w in run):
                    ids = self.capitals.get("".join(w[0] for w in run))
                if ids:
                    name(at, set(ids))
        for start in range(len(flat)):  # "PPIs" in a title: a name's initials or capitals
            i = flat[start][0]
            letters = tokens[i].removesuffix("s")
            if not taken[start] and _ACRONYM.fullmatch(letters) and len(parts[i]) == 1:
                key = letters.casefold()
                ids = self.initials.get(key, set()) | self.capitals.get(key, set())
                if ids:
                    name(range(start, start + 1), ids)
        for i, part in enumerate(parts):  # a word shared with a side's names
            if not marks[i] and not terms[i]:
                # "hypertriglyceridemia" is a high level of triglycerides: it names them
                forms = [f for w in part if not _generic(w) for f in (w, _level_of(w)) if f]
                for side, e in sides.items():
                    shared = self.words(e) if side != "P" else self._all_words(e)
                    if any(_agree(w, s) for w in forms for s in shared):
                        marks[i].add(side)
        for i in range(1, len(parts)):  # "osteoporosis-related fractures": fractures by a cause
            if len(parts[i - 1]) > 1 and parts[i - 1][-1] in _CAUSED and len(parts[i]) == 1:
                for side, e in sides.items():
                    if side != "P" and any(_agree(parts[i][0], h) for h in self.heads(e)):
                        marks[i - 1].add(side)
                        marks[i].add(side)
        # phrases: runs of tokens between joiners and punctuation
        phrases: list[list[int]] = [[]]
        for i, part in enumerate(parts):
            if not part or (all(w in _JOIN for w in part) and not marks[i] and not terms[i]):
                phrases.append([])
            else:
                phrases[-1].append(i)
        for phrase in filter(None, phrases):  # "vitamin D supplementation" for vitamin D
            if any(marks[i] for i in phrase):
                continue
            core = _core(w for i in phrase for w in parts[i])
            for side, e in sides.items():
                if core and core in self.cores(e):
                    for i in phrase:
                        marks[i].add(side)
        named_sides = {side for m in marks for side in m}
        others: list[tuple[str, bool]] = []
        family = False
        vocab = self.vocab
        for phrase in filter(None, phrases):
            if (
                any(marks[i] for i in phrase)
                or self._who(parts, phrase[0])
                # beside a side of the claim, who took what is who was studied
                or (named_sides and self._taking(parts, phrase))
            ):
                continue
            named = {e for i in phrase for e in terms[i]}
            kinds = {vocab.entities[e].type for e in named if e in vocab.entities}
            plain = [w for i in phrase if not terms[i] for w in parts[i]]
            if not named and all(_generic(w) for w in plain):
                family = family or self._family(plain)
                continue
            if named and kinds <= {"population"} and all(_generic(w) for w in plain):
                continue  # who was studied ("in older adults") is no topic
            if (
                not named
                and "S" not in named_sides
                and named_sides & {"O", "P"}
                and self._kind(claim.subject) in _intervention_kinds(plain)
            ):
                # "Pharmacological interventions for sleepiness … caused by shift work" for
                # melatonin helping shift workers sleep: the claim's cause may be one of them
                family = True
                continue
            if not named and plain and all(_generic(w) or w in _CLASS_HEADS for w in plain):
                continue  # "supplemental", "drugs": what kind of thing, not which
            if (
                "S" not in named_sides
                and plain
                and plain[-1] in _AGENTS
                and kinds <= {"condition", "symptom"}
                and not terms[phrase[-1]]
            ):
                # "acid-suppressing drugs", "allergy medicines" may hold the claim's drug;
                # "zinc supplements" do not
                family = True
            # the phrase as the title writes it, without general words at its ends
            kept = [i for i in phrase if terms[i] or not all(_plain(w) for w in parts[i])]
            text = " ".join(tokens[i] for i in phrase if kept[0] <= i <= kept[-1])
            others.append((text, bool(named)))
        return _Reading("S" in named_sides, "O" in named_sides, tuple(dict.fromkeys(others)),
                        family)  # fmt: skip

    def cores(self, entity_id: str) -> frozenset[frozenset[str]]:
        """The words that tell the entity's names, its kinds' and classes' apart, without
        words of a study, form or class ("vitamin", "d" of "vitamin D supplements"): a
        title's "vitamin D supplementation" or "supplemental vitamin D" names vitamin D
        supplements, and vitamin D, by the same words."""
        known = self._cores.get(entity_id)
        if known is None:
            known = self._cores[entity_id] = frozenset(
                core
                for other in self.related(entity_id)
                if (entity := self.vocab.entities.get(other)) is not None
                for name in (entity.label, *entity.synonyms)
                if (core := _core(_norm(w) for w in _fold(name).split()))
            )
        return known

    def _kind(self, entity_id: str) -> str | None:
        """The entity's type (None for a term the vocabulary lacks: no class holds it)."""
        entity = self.vocab.entities.get(entity_id)
        return entity.type if entity is not None else None

    def _all_words(self, entity_id: str) -> frozenset[str]:
        """Every word of a population's names that is no study word: "diabetes" in "people
        with diabetes" marks "persons with diabetes mellitus" as the claim's people."""
        entity = self.vocab.entities.get(entity_id)
        names = (entity.label, *entity.synonyms) if entity else ()
        return frozenset(
            normal for name in names for word in _fold(name).split()
            if len(normal := _norm(word)) >= 4 and not _generic(normal) and normal not in _JOIN
        )  # fmt: skip

    @staticmethod
    def _who(parts: list[tuple[str, ...]], start: int) -> bool:
        """Whether the phrase at ``start`` says who was studied: "patients with …",
        "patients on …"."""
        before = [w for part in parts[max(0, start - 2) : start] for w in part]
        return len(before) == 2 and before[1] in _WITH and before[0] in _PEOPLE

    @staticmethod
    def _taking(parts: list[tuple[str, ...]], phrase: list[int]) -> bool:
        """Whether a phrase names people by what they take: "adults taking antibiotics",
        "women receiving …"."""
        words = [w for i in phrase for w in parts[i]]
        return any(
            word in _PEOPLE and after in _TAKING
            for word, after in itertools.pairwise(words)
        )

    @staticmethod
    def _family(words: list[str]) -> bool:
        """Whether a phrase of general words names a family of outcomes: "cardiovascular
        events", "adverse effects", "benefits", "vascular disease"."""
        return any(
            w in _FAMILY
            or (w == _EFFECT and any(v in _HARM for v in words[:i]))
            or (w in _SYSTEM_NOUN and any(v in _SYSTEM for v in words[:i]))
            for i, w in enumerate(words)
        )  # fmt: skip


def _title_reader(ctx: CheckContext) -> _TitleReader:
    return ctx.shared("title-reader", lambda: _TitleReader(ctx.vocabulary))
