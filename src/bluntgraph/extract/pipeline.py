"""Draft claims from an article's text: extractors propose, one validator anchors.

An extractor (anything with a ``propose`` method, see :class:`Extractor`)
reads the text and yields :class:`Proposal` objects: a quote with its start
offset, subject/predicate/object as entity ids *or* plain names, and the
qualifiers it found. :func:`draft_claims` turns every proposal into a claim
through the corpus loader's own claim code (the same checks as a curated
claim: ``text[start:end] == quote``, closed lists, known entities and BibTeX
keys), so an extractor can never slip an unanchored quote into a corpus. A
proposal that fails is dropped and its reason kept in
:attr:`Drafts.dropped`; nothing is re-anchored fuzzily.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..errors import BIDI_CONTROLS, MissingExtraError
from ..model import (
    ENTITY_TYPES,
    Attribution,
    Certainty,
    Claim,
    Corpus,
    Entity,
    Quantity,
    Reference,
)
from ..vocabulary import Vocabulary

__all__ = [
    "Drafts",
    "ExtractionContext",
    "Extractor",
    "Proposal",
    "draft_claims",
    "guess_type",
    "slug",
    "validate_proposals",
]


@dataclass(frozen=True)
class Proposal:
    """One claim an extractor proposes, before anchoring and validation.

    ``subject``, ``object`` and ``population`` are entity ids of the
    vocabulary or plain names ("muscle pain"); a name the vocabulary does
    not know becomes a proposed entity (its type from ``types`` if given,
    else guessed). ``start`` is the quote's offset; None asks the validator
    to find the quote, which must then occur exactly once.
    """

    quote: str
    start: int | None
    section: str
    subject: str
    predicate: str
    object: str
    population: str | None = None
    condition: str | None = None
    time_course: str | None = None
    quantity: Quantity | None = None
    certainty: Certainty = Certainty()  # noqa: RUF009  (frozen, so shared safely)
    negated: bool = False
    attribution: Attribution = Attribution()  # noqa: RUF009
    confidence: float = 0.5
    cues: tuple[str, ...] = ()
    types: tuple[tuple[str, str], ...] = ()
    #: facts of proposed entities: (name, fact, value), e.g. ("statin users", "takes", "statin")
    facts: tuple[tuple[str, str, str], ...] = ()
    #: what the extractor based ``confidence`` on, as (name, value) pairs (see
    #: :mod:`~bluntgraph.extract.calibration`); empty for extractors that do not say
    features: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class ExtractionContext:
    """What an extractor may use besides the text: vocabulary, references, source id.

    ``progress``, when given, is for the extractor to call now and then with
    ``(done, total)``: how far it is through the text, in units of its own
    (the rule-based one: sentences read, over both of its passes).
    """

    source_id: str
    entities: tuple[Entity, ...] = ()
    references: tuple[Reference, ...] = ()
    vocabulary: Vocabulary | None = field(default=None, compare=False)
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)


@runtime_checkable
class Extractor(Protocol):
    """Anything that proposes claims from a text (rules, a language model, a person).

    Its proposals go through the same anchoring and validation as every
    other claim (see :func:`draft_claims`).
    """

    def propose(self, text: str, context: ExtractionContext) -> Iterable[Proposal]:
        """The claims this extractor proposes for ``text``."""
        ...


@dataclass(frozen=True)
class Drafts:
    """What :func:`draft_claims` returns: draft claims, proposed entities, dropped proposals.

    ``claims`` are ordinary claims with ``status="draft"``, a ``confidence``
    and the ``cues`` that triggered them; ``entities`` are the terms they
    use that the vocabulary lacks (``status="proposed"``); ``dropped`` says
    why each rejected proposal was rejected (one line each); ``proposals``
    holds the proposal each claim came from (same order as ``claims``).
    """

    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...] = ()
    dropped: tuple[str, ...] = ()
    proposals: tuple[Proposal, ...] = ()

    def __len__(self) -> int:
        return len(self.claims)


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 48, whole_words: bool = False) -> str:
    """A lowercase identifier made of ``text``'s letters and digits.

    At most ``limit`` characters; with ``whole_words`` a longer one is cut
    where a word ends, never inside a word (unless its first word is longer
    than ``limit``).

    Examples
    --------
    >>> slug("Muscle pain (myalgia)")
    'muscle_pain_myalgia'
    >>> slug("5-HT")
    'x5_ht'
    >>> slug("adults living in residential care", 30), slug(
    ...     "adults living in residential care", 30, whole_words=True)
    ('adults_living_in_residential_c', 'adults_living_in_residential')
    >>> slug("Müdigkeit"), slug("Caffe\u0301ine"), slug("β-blockers"), slug("Straße")
    ('mudigkeit', 'caffeine', 'beta_blockers', 'strasse')
    """
    value = _NON_SLUG.sub("_", ascii_letters(text).casefold()).strip("_")
    if whole_words and len(value) > limit and value[limit] != "_" and "_" in value[:limit]:
        value = value[: value.rindex("_", 0, limit)]
    value = value[:limit].strip("_")
    if not value:
        return "term"
    return value if value[0].isalpha() else "x" + value


#: letters with no ASCII letter in their decomposition, as they are usually written in ASCII
_TRANSLITERATED = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
    "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i", "α": "alpha", "β": "beta",
    "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "µ": "mu", "ω": "omega", "Α": "alpha", "Β": "beta", "Γ": "gamma", "Δ": "delta",
    "Ω": "omega",
}  # fmt: skip


def ascii_letters(text: str) -> str:
    """``text`` in ASCII, each accented letter its base letter ("Müdigkeit": "Mudigkeit").

    NFKD splits "ü" (or "u" with a combining diaeresis, as macOS writes it) into "u" and
    a mark, and the mark goes, so both spellings of a word give one id; a letter with no
    ASCII base ("ß", "ø", "β") is written as it usually is in ASCII ("ss", "o", "beta");
    any other character is dropped (ids are ASCII slugs, docs/corpus-format.md).
    """
    text = "".join(_TRANSLITERATED.get(c, c) for c in text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("population", re.compile(
        r"\b(?:people|patients|users|adults|children|women|men|individuals|persons|"
        r"participants|survivors|teens|adolescents|smokers|drinkers|those|"
        r"travell?ers|workers|employees|students|athletes|drivers|residents|seniors|infants|babies|mothers|veterans|runners|teenagers)\b")),
    # "taking statins", "drinking water", "losing weight": something a person does
    ("action", re.compile(
        r"^(?:taking|drinking|eating|switching|lowering|reducing|stopping|limiting|avoiding|"
        r"using|spending|talking|speaking|consulting|seeing|asking|calling|checking|keeping|"
        r"losing|gaining|strengthening|cutting|quitting|skipping|restricting|increasing|"
        r"changing|adding|getting|doing|wearing|booking|carrying|applying|washing|brushing|"
        r"staying|steering)\s")),
    # a fever with a name of its own is an illness ("hay fever"), before the symptoms
    ("condition", re.compile(r"(?:hay|scarlet|yellow|glandular|rheumatic|dengue) fever$")),
    ("symptom", re.compile(
        r"(?:pain|aches?|fatigue|tiredness|weakness|numbness|insomnia|cramps?|nausea|"
        r"dizziness|headaches?|sleepiness|drowsiness|symptoms?|stiffness|soreness|"
        r"jitters|anxiousness|restlessness|blunting|flattening|detachment|apathy|loss|"
        r"problems?|difficulty|trouble|diarrh(?:o)?ea|constipation|heartburn|bloating|"
        r"vomiting|swelling|itching|rash|sensitivity|vision|mood|confusion|thirst|"
        r"bleeding|reflux|"
        # a cough, a fever, wheezing, bruising, weight gain, a sore throat, itchy skin
        r"cough(?:s|ing)?|wheez(?:e|es|ing)|fevers?|sneez(?:e|es|ing)|itch(?:y|iness)?|"
        r"bruis(?:es|ing)|nightmares?|(?:weight|fluid) (?:gain|retention)|breath|throat|chills|"
        r"sweats|sweating|palpitations|tremors?|congestion|(?:dry|sore) mouth|runny nose|"
        r"hot (?:flushes|flashes)|(?:itchy|dry|red|scaly|irritated|flaky) skin|"
        r"(?:stiff|swollen|painful|aching|achy) joints?|hives|tinnitus)$")),
    # "low vitamin B12", "high blood pressure": a level out of range (a "high fever" is
    # still the fever: a symptom, above)
    ("condition", re.compile(r"^(?:low|high|raised|elevated|reduced)\s(?!-)")),
    ("condition", re.compile(
        r"(?:itis|osis|emia|disease|disorder|syndrome|depression|anxiety|cancer|diabetes|"
        r"infection|injury|injuries|dementia|obesity|hypertension|insomnia|myopathy|"
        r"rhabdomyolysis|condition|illness|deficiency|insufficiency|attacks?|stroke|"
        r"infections|ulcers?|stones|anaemia|myopia|fractures?|"
        # conditions named by no suffix: "gout", "asthma", "a cold", "sleep apnoea"
        r"gout|asthma|eczema|psoriasis|rosacea|acne|migraines?|influenza|flu|pneumonia|"
        r"shingles|measles|mumps|chickenpox|apno?ea|(?:hypo|hyper)thyroidism|colds?|"
        r"lupus|epilepsy|autism|adhd|copd|gerd|sepsis|malaria|covid(?:-19)?|"
        r"pathy|algia|glaucoma|cataracts?|allerg(?:y|ies)|dehydration|concussion|"
        r"anorexia|bulimia|schizophrenia|psychosis|ptsd|ocd|heart failure)$")),
    ("drug_class", re.compile(
        r"(?:inhibitors?|blockers?|agonists?|antagonists?|medications|medicines|drugs|"
        r"statins|antidepressants?|antibiotics|supplements|ssris?|snris?|maois?|nsaids?|ppis?|"
        r"probiotics)$")),
    ("drug", re.compile(
        r"(?:statin|azole|pril|sartan|olol|mab|tinib|oxetine|aline|pine|pam|lam|done|"
        r"mol|formin|profen|cillin|mycin|cycline|floxacin|tidine|dipine|triptan|lukast|"
        r"parin|coxib|fenac|drops|gel|cream|ointment|inhaler|"
        # international names by their stems: warfarin, prednisone, furosemide, tamsulosin,
        # levothyroxine, lidocaine, aciclovir, semaglutide, salbutamol, allopurinol …
        r"farin|purinol|sone|solone|semide|thiazide|osin|thyroxine|caine|vir|glutide|gliptin|"
        r"gliflozin|glitazone|(?<!choles)terol|sonide|tropium|dronate|xaban|gatran|setron|vastatin|"
        r"aspirin|insulin|colchicine|codeine|morphine|acetaminophen|"
        r"medication|medicine|drug|pill|tablets?|supplement|vitamin [a-z0-9]+|coenzyme q10|"
        r"coq10|caffeine|nicotine|melatonin)$")),
    ("therapy", re.compile(
        r"(?:therapy|therapies|treatment|counseling|counselling|psychotherapy|cbt|"
        r"surgery|rehabilitation|intervention|acupuncture|massage|physiotherapy|"
        r"vaccination|immuni[sz]ation)$")),
    ("practice", re.compile(
        r"(?:exercise|meditation|mindfulness|journaling|yoga|sleep hygiene|diet|"
        r"stretching|relaxation|walking|changes|habits|routine)$")),
    ("substance", re.compile(r"(?:serotonin|dopamine|cortisol|adenosine|hormone|enzyme|"
                             r"cholesterol|alcohol|protein|receptors?|acids?|sugar|glucose|"
                             r"triglycerides|sodium|salt|potassium|calcium|iron|magnesium|"
                             r"fib(?:re|er)|histamine|pollen|nicotine)$")),
)


def guess_type(name: str) -> str:
    """An entity type for a term the vocabulary lacks, from its words.

    Examples
    --------
    >>> guess_type("muscle pain"), guess_type("people taking statins"), guess_type("tea")
    ('symptom', 'population', 'concept')
    """
    lowered = name.casefold().strip()
    for kind, pattern in _TYPE_RULES:
        if pattern.search(lowered):
            return kind
    return "concept"


def _vocabulary_of(
    vocabulary: Corpus | Vocabulary | Iterable[Entity] | None,
) -> tuple[tuple[Entity, ...], Vocabulary]:
    if isinstance(vocabulary, Vocabulary):
        return tuple(vocabulary.entities.values()), vocabulary
    entities = vocabulary.entities if isinstance(vocabulary, Corpus) else tuple(vocabulary or ())
    corpus = Corpus(sources=(), claims=(), entities=tuple(entities), references=())
    return tuple(entities), Vocabulary(corpus)


#: words that end a group's head: what follows narrows it ("adults *with* asthma") or
#: names another group it is about ("children *of* smokers")
_AFTER_HEAD = frozenset((
    "with", "without", "who", "whose", "that", "aged", "over", "under", "above", "below",
    "taking", "using", "on", "in", "at", "living", "having", "after", "before", "during",
    "of", "for", "to", "from", "and", "or", "by", "than", "like",
))


#: Markdown emphasis at a word's edge: "*C. difficile*", "__not__", "_Lactobacillus_"
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=[\w(])|(?<=[\w.)])[*_]{1,3}(?![\w*])")


def _words(name: str) -> list[str]:
    """The words of a name, lower-cased, singular ("adults" and "adult" match)."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", name.casefold())]


class _Entities:
    """Resolves names to the vocabulary's ids and mints proposed entities for the rest."""

    def __init__(self, entities: tuple[Entity, ...], vocabulary: Vocabulary) -> None:
        self.known = {e.id: e for e in entities}
        self.vocabulary = vocabulary
        self.proposed: dict[str, Entity] = {}
        self.by_name: dict[str, str] = {}

    def resolve(self, name: str, types: Mapping[str, str], facts: list[tuple[str, str]]) -> str:
        if name in self.known or name in self.proposed:
            return name
        # "*C. difficile* infection" in Markdown: the emphasis is no part of the name
        name = " ".join(_EMPHASIS.sub("", name).split()) or name
        found = self.vocabulary.resolve(name)
        if found is not None:
            return found
        # "Caffeine" typed on macOS (an "e" and a combining accent) is the same word
        key = " ".join(unicodedata.normalize("NFC", name).casefold().split())
        synonyms = tuple(dict.fromkeys(v for f, v in facts if f == "synonym"))
        if key in self.by_name:
            return self._with_synonyms(self.by_name[key], synonyms)
        for variant in (key[:-1] if key.endswith("s") else key + "s",):
            if variant in self.by_name:
                return self.by_name[variant]
            found = self.vocabulary.resolve(variant)
            if found is not None:
                return found
        entity_id = slug(name, whole_words=True)  # "…_care_facilities", not "…_care_facilit"
        base, n = entity_id, 2
        while entity_id in self.known or entity_id in self.proposed:
            entity_id, n = f"{base}_{n}", n + 1
        kind = types.get(name) or guess_type(name)
        if kind not in ENTITY_TYPES:
            kind = "concept"
        takes = dict(facts).get("takes")
        has_condition = dict(facts).get("has_condition")
        # "DreamEasy Melatonin Gummies": a product of the class its name contains
        broader = tuple(dict.fromkeys(
            self.resolve(v, {}, []) for f, v in facts if f == "broader"))
        # an override in the article's text ("zorb\u202eexil") is no part of the name
        label = " ".join(BIDI_CONTROLS.sub("", name).split())
        if label[:1].isupper() and label[1:2].islower() and kind != "brand" and \
                not any(c.isupper() for c in label.split()[0][1:]):
            # "Caffeine" at a sentence's start; "FloraPlus", a name written in capitals
            # inside its word, keeps them
            label = label[0].lower() + label[1:]
        if kind == "population" and not broader:
            # "community-dwelling older adults" are some of the "older adults" a known
            # term names: proposed with that link, so what is said of the group is set
            # against what is said of the part of it (the review shows the link)
            broader = self._group_containing(label)
        entity = Entity(
            id=entity_id,
            label=label,
            type=kind,
            takes=takes if takes in self.known or takes in self.proposed else None,
            has_condition=(
                has_condition
                if has_condition in self.known or has_condition in self.proposed
                else None
            ),
            broader=tuple(b for b in broader if b != entity_id),
            status="proposed",
        )
        self.proposed[entity_id] = entity
        self.by_name[key] = entity_id
        return self._with_synonyms(entity_id, synonyms)

    def _group_containing(self, label: str) -> tuple[str, ...]:
        """The population (known or proposed) that a new group named ``label`` is part of.

        The longest name of a population that ends the new name's head, the words before
        what narrows it or names another group ("community-dwelling older adults";
        "women" of "women who smoke", "adults" of "adults with asthma"); "children of
        older adults" and "carers for stroke survivors" are neither group.
        """
        words = _words(label)
        head = next((i for i, w in enumerate(words) if w in _AFTER_HEAD), len(words))
        best: tuple[int, str] = (0, "")
        for entity in (*self.known.values(), *self.proposed.values()):
            if entity.type != "population":
                continue
            for name in (entity.label, *entity.synonyms):
                part = _words(name)
                size = len(part)
                if best[0] < size < len(words) and size <= head and words[head - size:head] == part:
                    best = (size, entity.id)
        return (best[1],) if best[1] else ()

    def _with_synonyms(self, entity_id: str, synonyms: tuple[str, ...]) -> str:
        """"proton pump inhibitors (PPIs)": the abbreviation names the same proposed entity."""
        entity = self.proposed.get(entity_id)
        plain = (" ".join(BIDI_CONTROLS.sub("", s).split()) for s in synonyms)
        new = tuple(dict.fromkeys(s for s in plain if entity is not None and s
                                  and s != entity.label and s not in entity.synonyms))
        if entity is not None and new:
            self.proposed[entity_id] = dataclasses.replace(
                entity, synonyms=(*entity.synonyms, *new))
            for synonym in new:
                self.by_name.setdefault(" ".join(synonym.casefold().split()), entity_id)
        return entity_id


def _claim_id(source_id: str, proposal: Proposal, subject: str, obj: str, start: int) -> str:
    """A slug that stays the same while the claim says the same thing at the same place."""
    content = f"{proposal.quote}\x1f{subject}\x1f{proposal.predicate}\x1f{obj}\x1f{start}"
    if proposal.negated:
        # "X may reduce Y, but a trial found X does not reduce Y": two claims, two ids
        content += "\x1fnot"
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:6]
    head = slug(source_id, 24)
    return f"{head}-draft-{slug(subject, 20)}-{proposal.predicate.replace('_', '-')}-" \
        f"{slug(obj, 20)}-{digest}".replace("_", "-")


def _number(value: Any) -> str | None:
    return None if value is None else str(value)


def _raw(proposal: Proposal, claim_id: str, subject: str, obj: str, population: str | None
         ) -> dict[str, Any]:
    """The proposal as the mapping a claims file would hold (what the loader reads)."""
    raw: dict[str, Any] = {
        "id": claim_id,
        "status": "draft",
        "confidence": round(min(1.0, max(0.0, float(proposal.confidence))), 2),
        "cues": list(dict.fromkeys(proposal.cues)),
        "quote": proposal.quote,
        "section": proposal.section,
        "subject": subject,
        "predicate": proposal.predicate,
        "object": obj,
    }
    if proposal.start is not None:
        raw["start"] = proposal.start
    if population is not None:
        raw["population"] = population
    for name in ("condition", "time_course"):
        if getattr(proposal, name) is not None:
            raw[name] = getattr(proposal, name)
    if proposal.quantity is not None:
        q = proposal.quantity
        raw["quantity"] = {"measure": q.measure, "low": _number(q.low), "high": _number(q.high),
                           "unit": q.unit, "bound": q.bound}
        raw["quantity"] = {k: v for k, v in raw["quantity"].items() if v is not None}
    if proposal.certainty != Certainty():
        raw["certainty"] = {"level": proposal.certainty.level, "cue": proposal.certainty.cue}
    if proposal.negated:
        raw["negated"] = True
    a = proposal.attribution
    if a != Attribution():
        raw["attribution"] = {k: v for k, v in {
            "kind": a.kind, "cue": a.cue, "references": list(a.references) or None,
            "expert": a.expert, "mode": a.mode}.items() if v is not None}
    return raw


def validate_proposals(
    text: str,
    proposals: Iterable[Proposal],
    context: ExtractionContext,
) -> Drafts:
    """Drafts from ``proposals``: each anchored and checked by the corpus loader's claim code.

    A proposal whose quote is not at its offset (or, without an offset, not
    exactly once in the text), or that breaks any rule of the corpus format,
    is dropped with its reason.
    """
    from .. import loading
    from ..model import Source

    vocabulary = context.vocabulary
    if vocabulary is None:
        _, vocabulary = _vocabulary_of(context.entities)
    names = _Entities(tuple(context.entities), vocabulary)
    source = Source(
        id=context.source_id, title=context.source_id, kind="other",
        text_path=f"texts/{context.source_id}.txt", sha256="", text=text,
    )  # fmt: skip
    reference_keys = {r.key for r in context.references}
    where = Path(f"claims/{context.source_id}.yaml")
    claims: list[Claim] = []
    kept: list[Proposal] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for proposal in proposals:
        types = dict(proposal.types)
        facts: dict[str, list[tuple[str, str]]] = {}
        for name, fact, value in proposal.facts:
            facts.setdefault(name, []).append((fact, value))
        subject = names.resolve(proposal.subject, types, facts.get(proposal.subject, []))
        obj = names.resolve(proposal.object, types, facts.get(proposal.object, []))
        if subject == obj:
            # "PPIs" and "proton pump inhibitors", "blood pressure" twice: one term
            dropped.append(f"{proposal.quote[:60]!r}: {proposal.predicate} relates "
                           f"{subject!r} to itself")
            continue
        for _, fact, value in proposal.facts:
            if fact == "broader" and value in facts:
                # "aspirin users in hospital" are some of the "aspirin users": the wider group
                # is made with what is known of it (what they take) before the narrower one
                names.resolve(value, {**types, value: "population"}, [
                    (f, v if f == "synonym" else names.resolve(v, types, []))
                    for f, v in facts[value]])
        population = None
        if proposal.population is not None:
            pop_facts = [
                (fact, value if fact == "synonym" else names.resolve(value, types, []))
                for fact, value in facts.get(proposal.population, [])
            ]
            population = names.resolve(proposal.population, {
                **types, proposal.population: "population"}, pop_facts)
        start = proposal.start if proposal.start is not None else max(text.find(proposal.quote), 0)
        claim_id = _claim_id(context.source_id, proposal, subject, obj, start)
        if claim_id in seen:
            continue
        raw = _raw(proposal, claim_id, subject, obj, population)
        collector = loading._Collector(Path("."))
        entities = {**names.known, **names.proposed}
        claim = loading._claim(raw, where, collector, context.source_id, source, entities,
                               reference_keys)
        if claim is None:
            reason = str(collector.problems[0]) if collector.problems else "rejected"
            dropped.append(reason)
            continue
        seen.add(claim_id)
        claims.append(claim)
        kept.append(proposal)
    used = {c.subject for c in claims} | {c.object for c in claims}
    used |= {c.population for c in claims if c.population}
    # a proposed population's takes/has_condition and the groups it is part of must be kept too
    pending = list(used)
    while pending:
        entity = names.proposed.get(pending.pop())
        if entity is not None:
            linked = {x for x in (entity.takes, entity.has_condition, *entity.broader) if x}
            pending.extend(linked - used)
            used |= linked
    proposed = tuple(e for e in names.proposed.values() if e.id in used)
    return Drafts(tuple(claims), proposed, tuple(dropped), tuple(kept))


def draft_claims(
    text: str,
    vocabulary: Corpus | Vocabulary | Iterable[Entity] | None = None,
    source_id: str = "draft",
    references: Iterable[Reference] | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Drafts:
    """Draft claims proposed from an article's ``text``, each anchored to its exact words.

    ``vocabulary`` is a corpus, a :class:`~bluntgraph.vocabulary.Vocabulary`
    or entities (None: an empty vocabulary — terms are then proposed as new
    entities); ``references`` are the corpus's BibTeX entries that citations
    are matched to; ``extractor`` defaults to the offline rule-based one
    (:class:`~bluntgraph.extract.rules.RuleExtractor`). Every proposal is
    validated by the corpus loader's claim code; the result holds the draft
    claims (``status="draft"``, ``confidence``, ``cues``), the proposed
    entities and why any proposal was dropped. ``progress`` is called now
    and then with ``(done, total)`` while the extractor reads (see
    :class:`ExtractionContext`): what ``bluntgraph add`` turns into a
    percentage and the time left on a long text.

    Raises :class:`~bluntgraph.errors.MissingExtraError` when the rule-based
    extractor's packages (the ``extract`` extra) are not installed.

    Examples
    --------
    >>> from bluntgraph import draft_claims
    >>> drafts = draft_claims("Statins can cause muscle pain.", source_id="statins")
    >>> [(c.subject, c.predicate, c.object, c.certainty.level) for c in drafts.claims]
    [('statins', 'causes', 'muscle_pain', 'possible')]
    >>> drafts.claims[0].quote, drafts.claims[0].status
    ('Statins can cause muscle pain.', 'draft')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    from .._arguments import draft_arguments

    draft_arguments(vocabulary, source_id, references, extractor)  # one TypeError naming it
    entities, vocab = _vocabulary_of(vocabulary)
    if extractor is None:
        from .rules import RuleExtractor

        extractor = RuleExtractor()
    context = ExtractionContext(
        source_id=source_id,
        entities=entities,
        references=tuple(references or ()),
        vocabulary=vocab,
        progress=progress,
    )
    folded = fold_width(text)
    try:
        proposals = list(extractor.propose(folded, context))
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise MissingExtraError("drafting claims", "extract") from exc
    if folded != text:
        # the extractor read "Ｃaffeine" as "Caffeine"; each quote is the text's own words
        proposals = [
            replace(p, quote=text[p.start : p.start + len(p.quote)])
            if p.start is not None and folded[p.start : p.start + len(p.quote)] == p.quote
            else p
            for p in proposals
        ]
    return validate_proposals(text, proposals, context)


def fold_width(text: str) -> str:
    """``text`` with its full-width and half-width forms written as NFKC writes them.

    Full-width letters, digits and signs ("Ｃaffeine", "２０％") become their plain
    forms, so rules written for plain letters read them. Only that block
    (U+FF00–U+FFEF) is folded, one character for one, so every offset stays
    that of the original text; superscripts ("10²") and ligatures keep their
    meaning and length.

    Examples
    --------
    >>> fold_width("\uff23affeine 2\uff10\uff05, 10\u00b2 \ufb01t")
    'Caffeine 20%, 10\u00b2 \ufb01t'
    """
    if not _WIDTH_FORMS.search(text):
        return text
    return _WIDTH_FORMS.sub(
        lambda m: folded if len(folded := unicodedata.normalize("NFKC", m.group())) == 1
        else m.group(),
        text,
    )


#: the full-width and half-width forms of Unicode
_WIDTH_FORMS = re.compile("[\uff00-\uffef]")
