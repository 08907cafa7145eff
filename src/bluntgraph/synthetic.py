"""Synthetic corpora of any size, with known problems planted in them.

:func:`generate_corpus` writes a folder in the real corpus format
(``docs/corpus-format.md``): sources with their texts, claims anchored to
verbatim sentences of those texts, a vocabulary of about 1,200 entities
(drug classes → drugs → brands, classes defined by what their members act
on, conditions, symptoms, therapies, populations with
``takes``/``has_condition``/``duration``/``broader``, synonyms, journals)
plus a few symptoms of its own for each planted problem, and a
``references.bib`` with one work per 40 claims. It is seeded: the same
arguments write byte-identical files.

The background claims describe one consistent imaginary world, so by
construction they conflict with nothing: drugs only cause side-effect
symptoms and treat conditions, therapies only relieve symptoms of
conditions, every figure is restated exactly wherever it recurs, every
citation resolves to a well-formed reference. Into that world the generator
plants problems of every finding kind at a known rate — a contradiction
between two sources, a figure drifting to a wider population, a term defined
two incompatible ways, a research appeal with nothing cited, a provider
praising what it sells, a misspelled journal — and records each one in the
returned :class:`SyntheticCorpus` and in ``manifest.json`` beside the
corpus (kind → the claim ids of each problem). :func:`compare_findings`
then says whether the checks found exactly those: same kinds, same claim
sets, nothing more. Each planted problem is built to trip exactly one rule
of :mod:`bluntgraph.checks`, with symptoms of its own so that it meets
nothing else. Every rule has a variant (a kind's planted problems take its
variants in turn, so every rule is planted once a kind gets as many
problems as it has variants: from about 6,000 claims at the default rate)
— among them a condition named the only cause of a symptom a drug is said
to cause elsewhere (``sole-cause-vs-other-cause``), one relation guessed in
a source's summary and stated flat in its body, or called common and rare
in it (``certainty-varies-within-source``), a term called another name for
a condition and a sign of it (``synonym-or-sign``), a drug whose class
acts on serotonin called a "non-serotonin agent", which the vocabulary
declares disjoint from the serotonin-acting agents
(``classification-against-vocabulary``), a drug class said to cause a
symptom that one of its drugs is said elsewhere not to cause
(``class-claim-vs-member-denial``), a class's share of its users far above a
drug's share of its own (``class-figure-vs-member-figure``), a figure with no
source at all
(``figure-without-source``), one cited study — a cohort, a survey or a
trial, as its title says — said to prove that a drug causes a symptom
(``proof-from-one-study``), or a meta-analysis of cohort studies said to
(``proof-from-observation``), and a study described by year, size and design
but not cited, at times one that ``references.bib`` holds
(``described-study-not-cited``). So a change to a rule that makes it miss
its case, or to any rule that flags a sound claim, shows at any size.

It serves benchmarks (``benchmarks/run.py``) and scale tests; the command
line is ``bluntgraph synth --claims N --out DIR [--seed S]``.

Examples
--------
>>> import tempfile
>>> from bluntgraph import load_corpus
>>> with tempfile.TemporaryDirectory() as tmp:
...     made = generate_corpus(Path(tmp) / "synth", claims=300, seed=1)
...     corpus = load_corpus(made.root)
>>> len(corpus.claims)
300
>>> sorted({p.kind for p in made.planted}) == sorted(PLANTED_KINDS)
True
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .checks.findings import KINDS, Finding

__all__ = [
    "CLAIM_FORMATS",
    "PLANTED_KINDS",
    "FindingsComparison",
    "PlantedProblem",
    "SyntheticCorpus",
    "compare_findings",
    "generate_corpus",
]

#: the finding kinds the generator plants (all of them)
PLANTED_KINDS: tuple[str, ...] = tuple(KINDS)
#: how claims files can be written: YAML (``claims/<id>.yaml``), JSON lines (``.jsonl``)
#: or Parquet parts (``claims/part-NNNNN.parquet``, many sources each; needs pyarrow)
CLAIM_FORMATS = ("yaml", "jsonl", "parquet")

_Record = dict[str, Any]


@dataclass(frozen=True)
class PlantedProblem:
    """One problem put into a synthetic corpus on purpose: its kind and the claims involved.

    ``references`` names the BibTeX keys a citation problem is about.
    """

    kind: str
    claims: tuple[str, ...]
    references: tuple[str, ...] = ()

    def key(self) -> tuple[str, tuple[str, ...]]:
        """What a finding must match: the kind and the sorted claim ids."""
        return (self.kind, tuple(sorted(self.claims)))


@dataclass(frozen=True)
class SyntheticCorpus:
    """A generated corpus folder and the problems planted in it."""

    root: Path
    seed: int
    claims: int
    sources: int
    entities: int
    references: int
    planted: tuple[PlantedProblem, ...] = field(repr=False)

    def manifest(self) -> dict[str, Any]:
        """The ``manifest.json`` document: sizes, and kind → list of planted claim-id lists."""
        planted: dict[str, list[list[str]]] = {kind: [] for kind in PLANTED_KINDS}
        for problem in self.planted:
            planted[problem.kind].append(sorted(problem.claims))
        for groups in planted.values():
            groups.sort()
        return {
            "seed": self.seed,
            "claims": self.claims,
            "sources": self.sources,
            "entities": self.entities,
            "references": self.references,
            "planted": planted,
        }


@dataclass(frozen=True)
class FindingsComparison:
    """How findings compare with what was planted: what was missed, what was extra."""

    missing: tuple[tuple[str, tuple[str, ...]], ...]
    extra: tuple[tuple[str, tuple[str, ...]], ...]
    found: int

    @property
    def ok(self) -> bool:
        """True when the findings are exactly the planted problems."""
        return not self.missing and not self.extra

    def summary(self) -> str:
        """One line: ``ok`` or how many were missed and how many were extra, by kind."""
        if self.ok:
            return f"ok: {self.found} findings, exactly the planted problems"

        def by_kind(items: Iterable[tuple[str, tuple[str, ...]]]) -> str:
            counts = Counter(kind for kind, _ in items)
            return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items())) or "none"

        return f"missing: {by_kind(self.missing)}; extra: {by_kind(self.extra)}"


def compare_findings(
    findings: Iterable[Finding], planted: Iterable[PlantedProblem]
) -> FindingsComparison:
    """Whether ``findings`` are exactly the ``planted`` problems (same kinds, same claim sets).

    Findings and planted problems are compared as multisets of (kind, claim
    ids); message, severity and rule name do not matter.

    Examples
    --------
    >>> from bluntgraph.checks import ClaimRef, Finding
    >>> ref = ClaimRef("c1", "s", "q", 0, 1)
    >>> found = [Finding("F1", "unsupported", "warning", "r", "m", (ref,))]
    >>> compare_findings(found, [PlantedProblem("unsupported", ("c1",))]).ok
    True
    """
    want = Counter(p.key() for p in planted)
    got = Counter((f.kind, tuple(sorted(c.id for c in f.claims))) for f in findings)
    missing = tuple(sorted((want - got).elements()))
    extra = tuple(sorted((got - want).elements()))
    return FindingsComparison(missing, extra, sum(got.values()))


# --------------------------------------------------------------------------- words

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_DRUG_SUFFIXES = (
    "oxetine", "azepam", "triptyline", "amine", "olol", "azine", "idone", "apine",
    "etrine", "oprine", "axane", "umab", "ilast", "orphan", "ivir", "afil",
    "odone", "etine", "ipine", "anol", "erol", "izole", "otril", "arin", "ezil",
)  # fmt: skip
_SUBSTANCES = (
    "serotonin", "norepinephrine", "dopamine", "glutamate", "gaba", "histamine",
    "acetylcholine", "melatonin", "cortisol", "oxytocin", "endorphin", "adenosine",
)  # fmt: skip
_SYMPTOM_ADJECTIVES = (
    "persistent", "mild", "nocturnal", "sudden", "chronic", "recurrent", "transient",
    "severe", "intermittent", "morning", "evening", "episodic", "diffuse", "sharp",
    "dull", "early", "late", "lingering", "rebound", "residual",
)  # fmt: skip
_SYMPTOM_NOUNS = (
    "headache", "nausea", "fatigue", "insomnia", "numbness", "dizziness", "restlessness",
    "apathy", "irritability", "tremor", "sweating", "drowsiness", "tinnitus", "anxiety",
    "low mood", "poor appetite", "weight gain", "dry mouth", "blurred vision", "muscle ache",
    "poor focus", "forgetfulness", "flatness", "tearfulness", "palpitations",
)  # fmt: skip
_CONDITION_KINDS = ("disorder", "syndrome", "disease", "condition")
_THERAPY_KINDS = ("therapy", "counselling", "training", "program")
_PRACTICES = (
    "walking", "journaling", "yoga", "meditation", "swimming", "gardening", "cycling",
    "stretching", "reading", "breathing exercises", "dancing", "singing", "volunteering",
    "cooking", "painting", "running", "tai chi", "sleep hygiene", "hiking", "birdwatching",
    "knitting", "pottery", "climbing", "rowing", "chess", "fishing", "drumming", "pilates",
    "mindful eating", "cold showers",
)  # fmt: skip
_ACTIONS = (
    "dose reduction", "dose split", "switching medication", "medication review",
    "slow tapering", "evening dosing", "morning dosing", "drug holiday", "add-on therapy",
    "blood level test", "sleep diary", "symptom diary", "follow-up visit", "pharmacist review",
    "dose timing change", "second opinion", "care plan review", "dose increase",
    "gradual restart", "combination review",
)  # fmt: skip
_SURNAMES = (
    "Smith", "Garcia", "Okafor", "Nguyen", "Kowalski", "Haddad", "Tanaka", "Silva",
    "Johansson", "Moreau", "Rossi", "Novak", "Chen", "Patel", "Murphy", "Schmidt",
    "Costa", "Ivanova", "Kim", "Larsen", "Mendez", "Yilmaz", "Dubois", "Kaur",
)  # fmt: skip
_GIVEN = (
    "Ana", "Ben", "Chidi", "Dana", "Eitan", "Farah", "Goran", "Hana", "Iris", "Jonas",
    "Kemal", "Lena", "Mira", "Nils", "Omar", "Priya", "Rosa", "Sami", "Tomas", "Uma",
)  # fmt: skip
_EXPERT_TITLES = ("PhD", "MD", "PMHNP", "PharmD", "LCSW", "RN")
_JOURNAL_WORDS = (
    "Clinical", "Applied", "Affective", "Behavioural", "Psychiatric", "Pharmacological",
    "Mental Health", "Mood", "Neuroscience", "Primary Care", "Therapeutic", "Public Health",
)  # fmt: skip
_TOPIC_WORDS = (
    "outcomes", "tolerability", "adverse effects", "long-term use", "patient experience",
    "dosing", "remission", "discontinuation", "quality of life", "adherence",
)  # fmt: skip
_CUES = {
    "certain": ("", ""),
    "probable": ("often", "commonly"),
    "possible": ("can", "may"),
}
_RESEARCH_APPEALS = ("Research shows that", "Studies suggest that", "Clinical trials show that")
_UNIDENTIFIED = (
    "One study found that", "A recent review reported that", "A 2021 survey found that",
)  # fmt: skip
_SECTION_WEIGHTS = (
    ("summary", 10), ("body", 60), ("list", 10), ("faq", 10), ("sidebar", 5), ("references", 5),
)  # fmt: skip
_SECTION_NAMES = [s for s, _ in _SECTION_WEIGHTS]
_SECTION_CUMULATIVE = list(itertools.accumulate(w for _, w in _SECTION_WEIGHTS))
_HEADINGS = {
    "summary": "Key takeaways",
    "body": "What the evidence says",
    "list": "At a glance",
    "faq": "Frequently asked questions",
    "sidebar": "In brief",
    "references": "Sources we used",
}
_SOURCE_KINDS_BACKGROUND = ("consumer-health", "news", "blog", "peer-reviewed", "other")


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syllables))


def _slug(label: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in label.lower()).strip("_")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _article(label: str) -> str:
    return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"


def _number(value: float) -> str:
    return f"{value:g}"


# --------------------------------------------------------------------------- vocabulary


class _Vocabulary:
    """The imaginary world's terms, grouped by the role they play in claims."""

    def __init__(self, rng: random.Random, reserved_symptoms: int) -> None:
        self.rng = rng
        self.entities: list[_Record] = []
        self.label: dict[str, str] = {}
        self._names: set[str] = set()
        self._words: set[str] = set()
        self._build(reserved_symptoms)

    def _fresh_word(self, syllables: int) -> str:
        while True:
            word = _word(self.rng, syllables)
            if word not in self._words:
                self._words.add(word)
                return word

    def add(self, entity_id: str, label: str, kind: str, **facts: Any) -> str:
        # every id, label and synonym must name one entity only
        names = {n.casefold() for n in (entity_id, label, *facts.get("synonyms", ()))}
        names.add(entity_id.replace("_", " "))
        clash = names & self._names
        if clash:
            raise AssertionError(f"synthetic vocabulary reuses the name {sorted(clash)[0]!r}")
        self._names |= names
        record: _Record = {"id": entity_id, "label": label, "type": kind}
        record.update((k, v) for k, v in facts.items() if v)
        self.entities.append(record)
        self.label[entity_id] = label
        return entity_id

    def _build(self, reserved_symptoms: int) -> None:
        rng = self.rng
        # concepts a definition can use; "symptom" and "condition" exclude each other
        self.add("symptom_concept", "symptom", "concept", disjoint_with=["condition_concept"])
        self.add("condition_concept", "illness", "concept", disjoint_with=["symptom_concept"])
        self.add("side_effect", "side effect", "concept")
        self.add("reduced_response", "reduced emotional response", "concept")
        self.substances = [self.add(s, s, "substance") for s in _SUBSTANCES]
        self.add("medication", "medication", "drug_class", synonyms=["medicines"])
        # drug classes, each acting on one substance; a class by fact per substance
        self.classes: list[str] = []
        self.class_substance: dict[str, str] = {}
        self.fact_class: dict[str, str] = {}
        for substance in self.substances:
            self.fact_class[substance] = self.add(
                f"{substance}_acting_agent", f"{substance}-acting agent", "drug_class",
                broader=["medication"], member_if={"acts_on": substance},
            )  # fmt: skip
        # a class for each substance of the drugs that do not act on it: only a planted
        # claim ever puts a drug in one, and then one acting on that substance
        self.excluding: dict[str, str] = {}
        for substance in self.substances:
            self.excluding[substance] = self.add(
                f"non_{substance}_agent", f"non-{substance} agent", "drug_class",
                broader=["medication"], disjoint_with=[self.fact_class[substance]],
            )  # fmt: skip
        self.drugs: list[str] = []
        self.brands: list[str] = []
        self.drug_class: dict[str, str] = {}
        for index, suffix in enumerate(_DRUG_SUFFIXES):
            stem = self._fresh_word(2)
            substance = self.substances[index % len(self.substances)]
            class_id = self.add(
                f"{stem}_{_slug(suffix)}_class", f"{stem}{suffix}-type agent", "drug_class",
                broader=["medication"], acts_on=[substance],
                synonyms=[f"{stem}{suffix}-type agents"],
            )  # fmt: skip
            self.classes.append(class_id)
            self.class_substance[class_id] = substance
            for _ in range(8):
                name = self._fresh_word(2) + suffix
                drug = self.add(_slug(name), name, "drug", broader=[class_id])
                self.drugs.append(drug)
                self.drug_class[drug] = class_id
                brand = self._fresh_word(3)
                self.brands.append(self.add(_slug(brand), brand, "brand", broader=[drug]))
        # symptoms: side effects (only ever caused by drugs), symptoms of conditions
        # (only ever relieved), and reserved ones that only planted problems use
        combos = [(a, n) for n in _SYMPTOM_NOUNS for a in _SYMPTOM_ADJECTIVES]
        rng.shuffle(combos)
        self.side_effects: list[str] = []
        self.condition_symptoms: list[str] = []
        for index, (adjective, noun) in enumerate(combos[:300]):
            label = f"{adjective} {noun}"
            target = self.side_effects if index % 2 == 0 else self.condition_symptoms
            synonyms = [f"{noun} ({adjective})"] if index % 3 == 0 else []
            target.append(self.add(_slug(label), label, "symptom", synonyms=synonyms))
        self.reserved: list[str] = []
        for _ in range(reserved_symptoms):
            word = self._fresh_word(3) + "ia"
            self.reserved.append(self.add(word, word, "symptom"))
        self.conditions: list[str] = []
        for index in range(100):
            label = f"{self._fresh_word(2)} {_CONDITION_KINDS[index % len(_CONDITION_KINDS)]}"
            self.conditions.append(self.add(_slug(label), label, "condition"))
        self.side_effect_index = {s: i for i, s in enumerate(self.side_effects)}
        self.condition_of = {
            s: self.conditions[i % len(self.conditions)]
            for i, s in enumerate(self.condition_symptoms)
        }
        self.therapies: list[str] = []
        for index in range(60):
            label = f"{self._fresh_word(2)} {_THERAPY_KINDS[index % len(_THERAPY_KINDS)]}"
            self.therapies.append(self.add(_slug(label), label, "therapy"))
        # therapies a provider sells; no background claim mentions them
        self.interests = self.therapies[-10:]
        self.therapies = self.therapies[:-10]
        self.practices = [self.add(_slug(p), p, "practice") for p in _PRACTICES]
        self.actions = [self.add(_slug(a), a, "action") for a in _ACTIONS]
        # populations: people ⊃ class users ⊃ drug users and long-term class users
        self.add("people", "people", "population", synonyms=["everyone"])
        self.users: dict[str, str] = {}
        self.long_term: dict[str, str] = {}
        for class_id in self.classes:
            label = f"{self.label[class_id]} users"
            self.users[class_id] = self.add(
                _slug(label), label, "population", takes=class_id, broader=["people"]
            )
            label = f"long-term {self.label[class_id]} users"
            self.long_term[class_id] = self.add(
                _slug(label), label, "population", takes=class_id, duration="long-term",
                broader=[self.users[class_id]],
            )  # fmt: skip
        for index, drug in enumerate(self.drugs):
            if index % 2 == 0:
                label = f"{self.label[drug]} users"
                self.users[drug] = self.add(
                    _slug(label), label, "population", takes=drug,
                    broader=[self.users[self.drug_class[drug]]],
                )  # fmt: skip
        # subjects whose statistics are given for their own users
        self.quantified_subjects = [d for d in self.drugs if d in self.users] + self.classes
        self.patients: dict[str, str] = {}
        for condition in self.conditions[:50]:
            label = f"people with {self.label[condition]}"
            self.patients[condition] = self.add(
                _slug(label), label, "population", has_condition=condition, broader=["people"]
            )
        self.journals: list[str] = []
        for index in range(12):
            label = f"Journal of {_JOURNAL_WORDS[index]} Research"
            self.journals.append(self.add(_slug(label), label, "journal"))


# --------------------------------------------------------------------------- claims


@dataclass
class _Claim:
    """A claim being generated, with the sentence its quote is."""

    record: _Record
    source: int
    section: str
    sentence: str


@dataclass(frozen=True)
class _Core:
    """What a claim says (record fields) and the clause that says it."""

    record: _Record
    clause: str


@dataclass
class _Statistic:
    """The one figure the imaginary world gives for a symptom, restated wherever it recurs."""

    subject: str
    predicate: str
    object: str
    population: str
    low: float
    high: float
    bound: str
    level: str
    cue: str


class _Builder:
    """Generates one corpus: vocabulary, sources, claims with sentences, references."""

    def __init__(self, claims: int, seed: int, problem_rate: float, claims_per_source: int) -> None:
        self.rng = random.Random(seed)
        self.total = claims
        self.per_kind = max(1, round(claims * problem_rate / len(PLANTED_KINDS)))
        # each planted comparison gets symptoms of its own, so it meets nothing else
        # (a round of plants uses at most eight)
        self.vocab = _Vocabulary(self.rng, reserved_symptoms=8 * self.per_kind)
        self.claims_per_source = claims_per_source
        self.n_sources = max(12, math.ceil(claims / claims_per_source))
        self.sources: list[_Record] = []
        self.plain: list[int] = []
        self.marketing: list[int] = []
        # claims not written yet, by source: the planted ones until their source's
        # turn, then the source's background claims (streamed, never all at once)
        self.pending: list[list[_Claim]] = []
        self.sentences: list[set[str]] = []
        self.planted: list[PlantedProblem] = []
        self.promotions: dict[int, int] = {}  # selling source -> its planted problem
        self.appeals: set[tuple[str, int]] = set()  # (cue, source) of planted appeals
        self.references: list[_Record] = []
        self.extra_references: list[_Record] = []
        self.reference_cores: list[_Core] = []
        self.next_reference = 0
        self.used_figures: set[tuple[float, float]] = set()
        self.statistics: dict[str, _Statistic] = {}
        self.definition_of: dict[str, tuple[str, str]] = {}
        self.next_reserved = 0
        self.counter = 0
        self.course_pairs: set[tuple[int, int]] = set()

    # ---------------------------------------------------------------- sources and words

    def make_sources(self) -> None:
        rng = self.rng
        v = self.vocab
        for index in range(self.n_sources):
            source_id = f"article-{index:05d}"
            marketing = index % 10 == 3
            (self.marketing if marketing else self.plain).append(index)
            author = f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}"
            entry: _Record = {
                "id": source_id,
                "title": f"Article {index + 1}: what to know about medication and mood",
                "publisher": f"publisher{index % 97}.example",
                "authors": [author],
                "date": f"20{10 + index % 14:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}",
                "kind": "provider-marketing" if marketing else rng.choice(_SOURCE_KINDS_BACKGROUND),
                "interests": [v.interests[index % len(v.interests)]] if marketing else [],
            }
            if marketing:
                entry["interests_note"] = "Offers its own programme to readers."
            self.sources.append(entry)
            self.pending.append([])
            self.sentences.append(set())

    def section(self) -> str:
        # cumulative weights given once: the same draw as choices(names, weights)
        return self.rng.choices(_SECTION_NAMES, cum_weights=_SECTION_CUMULATIVE)[0]

    def figure(self) -> tuple[float, float, str]:
        """A figure that overlaps no other figure of the corpus given for the same symptom."""
        rng = self.rng
        while True:
            low = rng.randint(20, 700) / 10
            bound = rng.choice(("range", "range", "approximately", "exact"))
            high = low if bound != "range" else round(low + rng.randint(5, 250) / 10, 1)
            if (low, high) not in self.used_figures:
                self.used_figures.add((low, high))
                return low, high, bound

    def certainty(self) -> tuple[str, str]:
        level = self.rng.choice(("certain", "certain", "probable", "possible"))
        return level, self.rng.choice(_CUES[level])

    def verb(self, word: str, cue: str) -> str:
        """``causes`` hedged by its cue: "causes", "often causes", "can cause"."""
        if not cue:
            return word
        if cue in ("can", "may") or cue.endswith(" to"):  # "is thought to cause"
            return f"{cue} {word.removesuffix('s')}"
        return f"{cue} {word}"

    def add_claim(
        self,
        source: int,
        section: str,
        record: _Record,
        clause: str,
        prefix: str = "",
        *,
        bare: bool = False,
    ) -> str:
        """Add a claim whose quote is ``prefix + clause``, made unique within its source.

        Sentences start with a capital and end with the only "letter + full
        stop" they contain, and labels are lower case: so a sentence occurs
        inside another only if the two are equal, which the set below rules out.
        A figure gets a named expert unless it has an attribution, a prefix,
        or is ``bare`` (a planted figure without a source).
        """
        self.counter += 1
        claim_id = f"{self.sources[source]['id']}-c{self.counter:07d}"
        if "quantity" in record and "attribution" not in record and not prefix and not bare:
            # a figure always says where it comes from (a bare one is a problem the
            # checks report): a named expert, picked without touching the random stream
            n = self.counter
            expert = (
                f"{_GIVEN[n % len(_GIVEN)]} {_SURNAMES[n % len(_SURNAMES)]}, "
                + (_EXPERT_TITLES[n % len(_EXPERT_TITLES)])
            )
            record = {**record, "attribution": {"kind": "expert", "expert": expert,
                                                "cue": "according to"}}  # fmt: skip
            prefix = f"According to {expert},"
        sentence = f"{prefix} {clause}." if prefix else f"{_cap(clause)}."
        seen = self.sentences[source]
        if sentence in seen:
            sentence = sentence[:-1] + f", as part {self.counter} restates."
        seen.add(sentence)
        full: _Record = {"id": claim_id, "quote": sentence, "section": section}
        full.update(record)
        self.pending[source].append(_Claim(full, source, section, sentence))
        return claim_id

    # ---------------------------------------------------------------- the consistent world

    def statistic(self, symptom: str) -> _Statistic:
        """The one figure of a symptom: caused by a drug, or its prevalence in a condition."""
        v = self.vocab
        known = self.statistics.get(symptom)
        if known is not None:
            return known
        low, high, bound = self.figure()
        level, cue = self.certainty()
        if symptom in v.side_effect_index:
            index = v.side_effect_index[symptom]
            subject = v.quantified_subjects[index % len(v.quantified_subjects)]
            stat = _Statistic(subject, "causes", symptom, v.users[subject], low, high, bound,
                              level, cue)  # fmt: skip
        else:
            condition = v.condition_of[symptom]
            population = v.patients.get(condition, "people")
            stat = _Statistic(symptom, "prevalence", population, population, low, high, bound,
                              level, cue)  # fmt: skip
        self.statistics[symptom] = stat
        return stat

    def stated(self, stat: _Statistic) -> _Core:
        v = self.vocab
        label = v.label
        if stat.bound == "range":
            share = f"{_number(stat.low)}–{_number(stat.high)}%"
        elif stat.bound == "approximately":
            share = f"about {_number(stat.low)}%"
        else:
            share = f"{_number(stat.low)}%"
        record: _Record = {
            "subject": stat.subject,
            "predicate": stat.predicate,
            "object": stat.object,
            "population": stat.population,
            "quantity": {"measure": "proportion_affected", "low": stat.low, "high": stat.high,
                         "unit": "percent", "bound": stat.bound},
        }  # fmt: skip
        if stat.level != "certain":
            record["certainty"] = {"level": stat.level, "cue": stat.cue}
        if stat.predicate == "causes":
            clause = (
                f"{label[stat.subject]} {self.verb('causes', stat.cue)} {label[stat.object]} "
                f"in {share} of {label[stat.population]}"
            )
        else:
            clause = (
                f"{label[stat.subject]} {self.verb('affects', stat.cue)} {share} "
                f"of {label[stat.population]}"
            )
        return _Core(record, clause)

    def shape(self) -> _Core:
        """One claim of the consistent world, in a random shape."""
        rng = self.rng
        v = self.vocab
        label = v.label
        level, cue = self.certainty()
        roll = rng.random()
        if roll < 0.10:
            return self.stated(self.statistic(rng.choice((*v.side_effects, *v.condition_symptoms))))
        if roll < 0.30:
            subject = rng.choice((*v.drugs, *v.brands, *v.classes))
            obj = rng.choice(v.side_effects)
            record: _Record = {"subject": subject, "predicate": "causes", "object": obj}
            clause = f"{label[subject]} {self.verb('causes', cue)} {label[obj]}"
        elif roll < 0.45:
            subject = rng.choice((*v.drugs, *v.classes, *v.therapies))
            obj = rng.choice(v.conditions)
            record = {"subject": subject, "predicate": "treats", "object": obj}
            clause = f"{label[subject]} {self.verb('treats', cue)} {label[obj]}"
        elif roll < 0.60:
            subject = rng.choice((*v.therapies, *v.practices))
            obj = rng.choice(v.condition_symptoms)
            record = {"subject": subject, "predicate": "reduces", "object": obj}
            clause = f"{label[subject]} {self.verb('reduces', cue)} {label[obj]}"
        elif roll < 0.65:
            subject = rng.choice(v.actions)
            obj = rng.choice(v.side_effects)
            record = {"subject": subject, "predicate": "recommends", "object": obj}
            clause = f"{label[subject]} is a reasonable step against {label[obj]}"
            level = "certain"
        elif roll < 0.82:
            subject = rng.choice(v.condition_symptoms)
            obj = v.condition_of[subject]
            predicate = rng.choice(("symptom_of", "associated_with"))
            record = {"subject": subject, "predicate": predicate, "object": obj}
            link = "is a sign of" if predicate == "symptom_of" else "goes with"
            clause = f"{label[subject]} {link} {label[obj]}"
            level = "certain"
        elif roll < 0.90:
            drug = rng.choice(v.drugs)
            substance = v.class_substance[v.drug_class[drug]]
            record = {"subject": drug, "predicate": "acts_on", "object": substance}
            clause = f"{label[drug]} acts on {label[substance]}"
            level = "certain"
        else:
            subject = rng.choice((*v.side_effects, *v.condition_symptoms))
            if subject not in self.definition_of:
                concept = "side_effect" if subject in v.side_effect_index else "symptom_concept"
                self.definition_of[subject] = (concept, rng.choice(("negative", "both")))
            concept, valence = self.definition_of[subject]
            record = {"subject": subject, "predicate": "defined_as", "object": concept,
                      "facets": {"valence": valence}}  # fmt: skip
            clause = f"{label[subject]} is best understood as {_article(label[concept])}"
            level = "certain"
        if level != "certain":
            record["certainty"] = {"level": level, "cue": cue}
        return _Core(record, clause)

    def make_references(self) -> None:
        """Works the background cites, each reporting one relation its title names."""
        count = max(20, self.total // 40)
        for index in range(count):
            core = self.shape()
            self.references.append(self.reference(core, index))
            self.reference_cores.append(core)

    def reference(self, core: _Core | None, index: int, **changes: Any) -> _Record:
        rng = self.rng
        v = self.vocab
        surname = _SURNAMES[index % len(_SURNAMES)]
        year = 1995 + index % 29
        topic = _TOPIC_WORDS[index % len(_TOPIC_WORDS)]
        if core is not None:
            subject, obj = core.record["subject"], core.record["object"]
            title = f"{_cap(v.label[subject])} and {v.label[obj]}: {topic}, report {index + 1}"
        else:
            title = f"Notes on {topic}, report {index + 1}"
        fields = {
            "author": f"{surname}, {rng.choice(_GIVEN)} and {rng.choice(_SURNAMES)}, "
            f"{rng.choice(_GIVEN)}",
            "title": title,
            "journal": v.label[v.journals[index % len(v.journals)]],
            "year": str(year),
            "volume": str(1 + index % 60),
            "pages": f"{1 + index % 300}--{10 + index % 300}",
            "doi": f"10.5555/synthetic.{index + 1}",
        }
        key = f"{surname.lower()}{year}r{index + 1}"
        for name, value in changes.items():
            if name == "key":
                key = value
            elif value is None:
                fields.pop(name, None)
            else:
                fields[name] = value
        return {"key": key, "fields": fields, "surname": surname, "year": fields.get("year")}

    def attribution(self, section: str) -> tuple[_Core, _Record | None, str]:
        """A claim of the world with a sound attribution, and the words that state it."""
        rng = self.rng
        roll = rng.random()
        if section == "references" or roll < 0.35:
            # cite every work once before citing any twice: no reference goes uncited
            if self.next_reference < len(self.references):
                index = self.next_reference
                self.next_reference += 1
            else:
                index = rng.randrange(len(self.references))
            reference = self.references[index]
            attribution: _Record = {"kind": "cited", "references": [reference["key"]]}
            if section == "references":
                attribution["mode"] = "reports"
            who = f"{reference['surname']} and colleagues ({reference['year']})"
            return self.reference_cores[index], attribution, f"According to {who},"
        if roll < 0.5:
            expert = f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}, {rng.choice(_EXPERT_TITLES)}"
            attribution = {"kind": "expert", "expert": expert, "cue": "according to"}
            return self.shape(), attribution, f"According to {expert},"
        return self.shape(), None, ""

    def background(self, source: int) -> None:
        section = self.section()
        core, attribution, prefix = self.attribution(section)
        record = dict(core.record)
        if attribution is not None:
            record["attribution"] = attribution
        self.add_claim(source, section, record, core.clause, prefix)

    # ---------------------------------------------------------------- planted problems

    def reserved(self) -> str:
        symptom = self.vocab.reserved[self.next_reserved]
        self.next_reserved += 1
        return symptom

    def plant(self, kind: str, claims: Sequence[str], references: Sequence[str] = ()) -> None:
        self.planted.append(PlantedProblem(kind, tuple(claims), tuple(references)))

    def two_sources(self) -> tuple[int, int]:
        """Two different sources that sell nothing."""
        first, second = self.rng.sample(self.plain, 2)
        return first, second

    def statement(
        self,
        source: int,
        subject: str,
        predicate: str,
        obj: str,
        section: str = "body",
        *,
        bare: bool = False,
        **fields: Any,
    ) -> str:
        """A planted claim: its record and a plain sentence saying it (``bare``: see add_claim)."""
        v = self.vocab
        label = v.label
        record: _Record = {"subject": subject, "predicate": predicate, "object": obj}
        record.update(fields)
        words = {
            "causes": "causes", "reduces": "reduces", "defined_as": "is best understood as",
            "same_as": "is another name for", "distinct_from": "is not the same as",
            "symptom_of": "is a sign of", "safe_for": "is safe for",
        }[predicate]  # fmt: skip
        if fields.get("sole_cause"):
            words = "is the only cause of"
        elif fields.get("negated"):
            words = {"causes": "does not cause", "reduces": "does not reduce"}[predicate]
        elif fields.get("certainty"):
            words = self.verb(words, fields["certainty"]["cue"])
        target = _article(label[obj]) if predicate == "defined_as" else label[obj]
        clause = f"{label[subject]} {words} {target}"
        quantity = fields.get("quantity")
        if quantity is not None:
            share = f"{_number(quantity['low'])}–{_number(quantity['high'])}%"
            clause += f" in {share} of {label[fields['population']]}"
        elif "population" in fields:
            clause += f" in {label[fields['population']]}"
        if fields.get("time_course"):
            clause += {"transient": ", and it always passes", "persistent": ", and it can last"}[
                fields["time_course"]
            ]
        if fields.get("facets"):
            clause += f" of {fields['facets']['valence']} valence"
        return self.add_claim(source, section, record, clause, bare=bare)

    @staticmethod
    def share(low: float, high: float) -> _Record:
        return {"measure": "proportion_affected", "low": low, "high": high, "unit": "percent",
                "bound": "range"}  # fmt: skip

    def user_drug(self) -> str:
        return self.rng.choice(self.vocab.quantified_subjects)

    def plant_contradiction(self, variant: int) -> None:
        v = self.vocab
        drug, symptom = self.user_drug(), self.reserved()
        population = v.users[drug]
        first, second = self.two_sources()
        if variant == 0:  # incompatible-values: same relation, figures share no value
            ids = [
                self.statement(first, drug, "causes", symptom, population=population,
                               quantity=self.share(10, 20)),
                self.statement(second, drug, "causes", symptom, population=population,
                               quantity=self.share(50, 70)),
            ]  # fmt: skip
        elif variant == 1:  # opposite-direction-same-statistic
            ids = [
                self.statement(first, drug, "causes", symptom, population=population,
                               quantity=self.share(20, 30)),
                self.statement(second, drug, "reduces", symptom, population=population,
                               quantity=self.share(20, 30)),
            ]  # fmt: skip
        elif variant == 2:  # asserted-and-negated
            ids = [
                self.statement(first, drug, "causes", symptom, negated=True),
                self.statement(second, drug, "causes", symptom),
            ]
        elif variant == 3:  # opposite-direction-same-relation: firm, no figure, no population
            ids = [
                self.statement(first, drug, "causes", symptom),
                self.statement(second, drug, "reduces", symptom),
            ]
        elif variant == 4:  # frequency-differs-across-sources: "often" against "rarely", no figure
            ids = [
                self.statement(first, drug, "causes", symptom,
                               certainty={"level": "probable", "cue": "often"}),
                self.statement(second, drug, "causes", symptom,
                               certainty={"level": "possible", "cue": "rarely"}),
            ]  # fmt: skip
        else:  # sole-cause-vs-other-cause: a condition the only cause, yet a drug causes it too
            condition = self.rng.choice(v.conditions)
            ids = [
                self.statement(first, condition, "causes", symptom, sole_cause=True),
                self.statement(second, drug, "causes", symptom),
            ]
        self.plant("contradiction", ids)

    def plant_internal_inconsistency(self, variant: int) -> None:
        v = self.vocab
        source = self.rng.choice(self.plain)
        symptom = self.reserved()
        if variant == 0:  # same-figure-restated-differently: the population widens
            class_id = self.rng.choice(v.classes)
            ids = [
                self.statement(source, class_id, "causes", symptom, "body",
                               population=v.long_term[class_id], quantity=self.share(30, 40)),
                self.statement(source, class_id, "causes", symptom, "faq",
                               population=v.users[class_id], quantity=self.share(30, 40)),
            ]  # fmt: skip
        elif variant == 1:  # definition-varies-within-source
            ids = [
                self.statement(source, symptom, "defined_as", "side_effect", "summary",
                               facets={"valence": "negative"}),
                self.statement(source, symptom, "defined_as", "side_effect", "body",
                               facets={"valence": "positive"}),
            ]  # fmt: skip
        elif variant == 2:  # certainty-varies-within-source: a guess in the summary, a fact below
            drug = self.rng.choice(v.drugs)
            ids = [
                self.statement(source, drug, "causes", symptom, "summary",
                               certainty={"level": "speculative", "cue": "is thought to"}),
                self.statement(source, drug, "causes", symptom, "body"),
            ]  # fmt: skip
        else:  # certainty-varies-within-source: "commonly" in the body, "rarely" in the FAQ
            drug = self.rng.choice(v.drugs)
            ids = [
                self.statement(source, drug, "causes", symptom, "body",
                               certainty={"level": "probable", "cue": "commonly"}),
                self.statement(source, drug, "causes", symptom, "faq",
                               certainty={"level": "possible", "cue": "rarely"}),
            ]  # fmt: skip
        self.plant("internal-inconsistency", ids)

    def plant_scope_drift(self, variant: int) -> None:
        v = self.vocab
        class_id = self.rng.choice(v.classes)
        symptom = self.reserved()
        first, second = self.two_sources()
        low = 10 + variant
        wide = "people" if variant == 0 else v.users[class_id]
        ids = [
            self.statement(first, class_id, "causes", symptom, population=v.long_term[class_id],
                           quantity=self.share(low, low + 15)),
            self.statement(second, class_id, "causes", symptom, population=wide,
                           quantity=self.share(low, low + 15)),
        ]  # fmt: skip
        self.plant("scope-drift", ids)

    def plant_definition_conflict(self, variant: int) -> None:
        symptom = self.reserved()
        first, second = self.two_sources()
        if variant == 0:  # disjoint-definitions
            ids = [
                self.statement(first, symptom, "defined_as", "symptom_concept"),
                self.statement(second, symptom, "defined_as", "condition_concept"),
            ]
        elif variant == 1:  # definition-facets-differ
            ids = [
                self.statement(first, symptom, "defined_as", "side_effect",
                               facets={"valence": "negative"}),
                self.statement(second, symptom, "defined_as", "side_effect",
                               facets={"valence": "positive"}),
            ]  # fmt: skip
        elif variant == 2:  # same-and-distinct
            other = self.reserved()
            ids = [
                self.statement(first, symptom, "same_as", other),
                self.statement(second, symptom, "distinct_from", other),
            ]
        else:  # synonym-or-sign: another name for a condition, and a sign of it
            condition = self.rng.choice(self.vocab.conditions)
            ids = [
                self.statement(first, symptom, "same_as", condition),
                self.statement(second, symptom, "symptom_of", condition),
            ]
        self.plant("definition-conflict", ids)

    def plant_tension(self, variant: int) -> None:
        v = self.vocab
        first, second = self.two_sources()
        drug = self.rng.choice(v.drugs)
        if variant == 2:  # classification-against-vocabulary: a drug acting on S as a non-S agent
            non_agent = v.excluding[v.class_substance[v.drug_class[drug]]]
            self.plant("tension", [self.statement(first, drug, "defined_as", non_agent)])
            return
        symptom = self.reserved()
        if variant == 0:  # class-effect-vs-member-treatment, membership by facts
            agent = v.fact_class[v.class_substance[v.drug_class[drug]]]
            ids = [
                self.statement(first, agent, "causes", symptom),
                self.statement(second, drug, "reduces", symptom),
            ]
        elif variant == 3:  # class-claim-vs-member-denial: the class causes it, a member not
            ids = [
                self.statement(first, v.drug_class[drug], "causes", symptom),
                self.statement(second, drug, "causes", symptom, negated=True),
            ]
        elif variant == 4:  # class-figure-vs-member-figure: the class's users and a drug's
            drug = self.rng.choice([d for d in v.drugs if d in v.users])
            class_id = v.drug_class[drug]
            ids = [
                self.statement(first, class_id, "causes", symptom, population=v.users[class_id],
                               quantity=self.share(40, 60)),
                self.statement(second, drug, "causes", symptom, population=v.users[drug],
                               quantity=self.share(5, 10)),
            ]  # fmt: skip
        elif variant == 5:  # safe-vs-harm: safe for a function only this pair names, harms it
            ids = [
                self.statement(first, drug, "safe_for", symptom),
                self.statement(second, drug, "causes", symptom),
            ]
        else:  # time-course-conflict; the rule groups by the pair of sources, so one pair each
            for _ in range(100):
                if (first, second) not in self.course_pairs:
                    break
                first, second = self.two_sources()
            self.course_pairs.add((first, second))
            ids = [
                self.statement(first, drug, "causes", symptom, time_course="transient"),
                self.statement(second, drug, "causes", symptom, time_course="persistent"),
            ]
        self.plant("tension", ids)

    def consistent(self) -> tuple[str, str]:
        """A drug and one of its side effects: a claim about them conflicts with nothing."""
        return self.rng.choice(self.vocab.drugs), self.rng.choice(self.vocab.side_effects)

    def appeal_source(self, cue: str) -> int:
        """A source that sells nothing and has no other planted appeal with this cue.

        Two such appeals in one source may come out as consecutive sentences,
        which the checks rightly report as one appeal: one finding, not two.
        """
        source = self.rng.choice(self.plain)
        for _ in range(1000):
            if (cue, source) not in self.appeals:
                break
            source = self.rng.choice(self.plain)
        self.appeals.add((cue, source))
        return source

    def plant_unsupported(self, variant: int) -> None:
        if variant == len(_RESEARCH_APPEALS) + 2:  # proof-from-observation
            self.plant_proof("meta-analysis of cohort studies")
            return
        if variant == len(_RESEARCH_APPEALS) + 1:
            self.plant_proof()
            return
        if variant == len(_RESEARCH_APPEALS):  # figure-without-source: a bare figure
            drug, symptom = self.user_drug(), self.reserved()
            claim = self.statement(
                self.rng.choice(self.plain), drug, "causes", symptom,
                population=self.vocab.users[drug], quantity=self.share(15, 35), bare=True,
            )  # fmt: skip
            self.plant("unsupported", [claim])
            return
        cue = _RESEARCH_APPEALS[variant]
        # a symptom of its own: nothing else in the source backs the appeal with a citation
        drug, symptom = self.rng.choice(self.vocab.drugs), self.reserved()
        attribution = {"kind": "research-appeal", "cue": cue.removesuffix(" that")}
        clause = f"{self.vocab.label[drug]} causes {self.vocab.label[symptom]}"
        record = {"subject": drug, "predicate": "causes", "object": symptom,
                  "attribution": attribution}  # fmt: skip
        claim = self.add_claim(self.appeal_source(cue), "body", record, clause, cue)
        self.plant("unsupported", [claim])

    def plant_proof(self, design: str | None = None) -> None:
        """proof-from-one-study: one cited study, its design in its title, called proof.

        The work is cited, on topic and well formed, so no citation or
        attribution rule reads it; its design is a cohort study or a survey
        (a link called proof of a cause) or a randomised trial (one study
        called proof). With ``design`` "meta-analysis of cohort studies":
        proof-from-observation, many studies that only observe called proof.
        """
        rng = self.rng
        label = self.vocab.label
        drug, symptom = rng.choice(self.vocab.drugs), self.reserved()
        design = design or rng.choice(("cohort study", "survey", "randomised trial"))
        index = len(self.references) + len(self.extra_references)
        record: _Record = {"subject": drug, "predicate": "causes", "object": symptom}
        core = _Core(record, f"{label[drug]} causes {label[symptom]}")
        reference = self.reference(core, index)
        reference["fields"]["title"] = (
            f"{_cap(label[drug])} and {label[symptom]}: {_article(design)}, report {index + 1}"
        )
        self.extra_references.append(reference)
        record = {**record, "certainty": {"level": "certain", "cue": "proves"},
                  "attribution": {"kind": "cited", "references": [reference["key"]]}}  # fmt: skip
        prefix = (
            f"{_cap(_article(design))} by {reference['surname']} and colleagues "
            f"({reference['year']}) proves that"
        )
        claim = self.add_claim(rng.choice(self.plain), "body", record, core.clause, prefix)
        self.plant("unsupported", [claim])

    def plant_vague_attribution(self, variant: int) -> None:
        if variant >= len(_UNIDENTIFIED):
            self.plant_described_study(variant - len(_UNIDENTIFIED))
            return
        cue = _UNIDENTIFIED[variant]
        drug, symptom = self.rng.choice(self.vocab.drugs), self.reserved()
        attribution = {"kind": "unidentified-work", "cue": cue.removesuffix(" that")}
        clause = f"{self.vocab.label[drug]} causes {self.vocab.label[symptom]}"
        record = {"subject": drug, "predicate": "causes", "object": symptom,
                  "attribution": attribution}  # fmt: skip
        claim = self.add_claim(self.appeal_source(cue), "body", record, clause, cue)
        self.plant("vague-attribution", [claim])

    def plant_described_study(self, variant: int) -> None:
        """described-study-not-cited: a study given its year, size and design, and no citation.

        Variant 0 describes a study of a symptom of its own; variant 1 one that
        references.bib holds (its year, the relation its title names), so the
        finding can suggest the entry.
        """
        rng = self.rng
        v = self.vocab
        design = rng.choice(("survey", "trial", "cohort study"))
        size = rng.randint(40, 4000)
        index = None
        if variant == 1:  # a work the background cites, about a plain effect with no figure
            start = rng.randrange(len(self.references))
            for step in range(len(self.references)):
                candidate = (start + step) % len(self.references)
                record = self.reference_cores[candidate].record
                if record["predicate"] in ("causes", "treats", "reduces") and (
                    "quantity" not in record
                ):
                    index = candidate
                    break
        if index is None:
            drug, symptom = rng.choice(v.drugs), self.reserved()
            core = _Core(
                {"subject": drug, "predicate": "causes", "object": symptom},
                f"{v.label[drug]} causes {v.label[symptom]}",
            )
            year = rng.randint(1995, 2023)
        else:
            core = self.reference_cores[index]
            year = int(self.references[index]["year"])
        cue = f"A {year} {design} of {size} patients found"
        attribution = {"kind": "described-study", "cue": cue,
                       "study": {"year": year, "size": size, "design": design}}  # fmt: skip
        record = {**core.record, "attribution": attribution}
        claim = self.add_claim(rng.choice(self.plain), "body", record, core.clause, f"{cue} that")
        self.plant("vague-attribution", [claim])

    def plant_conflict_of_interest(self, variant: int) -> None:
        # one finding per selling source, listing every claim that promotes its interest
        source = self.marketing[variant % len(self.marketing)]
        interest = self.sources[source]["interests"][0]
        symptom = self.rng.choice(self.vocab.condition_symptoms)
        claim = self.statement(source, interest, "reduces", symptom)
        index = self.promotions.get(source)
        if index is not None:
            problem = self.planted[index]
            self.planted[index] = PlantedProblem(problem.kind, (*problem.claims, claim))
            return
        self.promotions[source] = len(self.planted)
        self.plant("conflict-of-interest", [claim])

    def plant_citation_error(self, variant: int) -> None:
        """A flawed reference; every variant trips exactly one citation rule."""
        index = len(self.references) + len(self.extra_references)
        drug, symptom = self.consistent()
        record: _Record = {"subject": drug, "predicate": "causes", "object": symptom}
        core = _Core(record, f"{self.vocab.label[drug]} causes {self.vocab.label[symptom]}")
        v = self.vocab
        kind = variant % 7
        if kind == 0:  # reference-missing-fields: an article without its journal
            reference = self.reference(core, index, journal=None)
        elif kind == 1:  # misspelled-name: one letter of the journal's name swapped
            name = v.label[v.journals[index % len(v.journals)]]
            at = name.index("Research") + 3
            reference = self.reference(core, index, journal=name[:at] + "x" + name[at + 1 :])
        elif kind == 2:  # inconsistent-year: the key says one year, the field another
            reference = self.reference(core, index)
            year = int(reference["fields"]["year"])
            reference = self.reference(core, index, year=str(year - 1))
        elif kind == 3:  # missing-identifier: no DOI
            reference = self.reference(core, index, doi=None)
        elif kind == 4:  # uncited-reference: nobody cites it
            reference = self.reference(core, index)
        elif kind == 5:  # cited-work-off-topic: the title names the drug and a condition
            reference = self.reference(core, index)
            condition = v.label[v.conditions[index % len(v.conditions)]]
            reference["fields"]["title"] = (
                f"{_cap(v.label[drug])} and {condition} in practice, report {index + 1}"
            )
        else:  # cited-work-reports-no-effect: the title names both and says it found nothing
            reference = self.reference(core, index)
            reference["fields"]["title"] = (
                f"No effect of {v.label[drug]} on {v.label[symptom]}, report {index + 1}"
            )
        self.extra_references.append(reference)
        if kind == 4:
            self.plant("citation-error", [], [reference["key"]])
            return
        attribution = {"kind": "cited", "references": [reference["key"]]}
        who = f"{reference['surname']} and colleagues"
        claim = self.add_claim(
            self.rng.choice(self.plain), "body", {**record, "attribution": attribution},
            core.clause, f"According to {who},",
        )  # fmt: skip
        self.plant("citation-error", [claim], [reference["key"]])

    # ---------------------------------------------------------------- assembly

    def plant_all(self) -> None:
        """Sources, references and the planted problems (a small share of the claims)."""
        self.make_sources()
        self.make_references()
        planters = {
            "contradiction": (self.plant_contradiction, 6),
            "internal-inconsistency": (self.plant_internal_inconsistency, 4),
            "scope-drift": (self.plant_scope_drift, 2),
            "definition-conflict": (self.plant_definition_conflict, 4),
            "tension": (self.plant_tension, 6),
            "unsupported": (self.plant_unsupported, 6),
            "vague-attribution": (self.plant_vague_attribution, 5),
            "conflict-of-interest": (self.plant_conflict_of_interest, 1 << 30),
            "citation-error": (self.plant_citation_error, 7),
        }
        for round_ in range(self.per_kind):
            for kind in PLANTED_KINDS:
                planter, variants = planters[kind]
                planter(round_ % variants)
        if self.counter > self.total:
            raise ValueError(
                f"{self.total} claims are too few for the planted problems "
                f"({self.counter} planted claims); ask for more claims or a lower rate"
            )

    def claims_by_source(self) -> Iterator[tuple[int, list[_Claim]]]:
        """Each source's claims in turn, topped up with background claims as it comes.

        Only one source's background claims exist at a time (plus the planted
        claims of sources still to come), so a corpus of any size streams.
        """
        # top every source up to its share of the total with background claims
        base, extra = divmod(self.total, self.n_sources)
        need = self.total - self.counter
        for source in range(self.n_sources):
            target = base + (source < extra)
            for _ in range(min(need, max(0, target - len(self.pending[source])))):
                self.background(source)
                need -= 1
            claims, self.pending[source] = self.pending[source], []
            self.sentences[source] = set()
            yield source, claims
        if self.next_reference < len(self.references):
            raise ValueError(f"{self.total} claims are too few to cite every reference")

    # ---------------------------------------------------------------- writing

    def text(self, source: int, claims: Sequence[_Claim]) -> str:
        """The article text of a source: its title, then its sentences section by section."""
        sections: dict[str, list[str]] = {}
        for claim in claims:
            sections.setdefault(claim.section, []).append(claim.sentence)
        parts = [self.sources[source]["title"]]
        for section, _ in _SECTION_WEIGHTS:
            sentences = sections.get(section)
            if not sentences:
                continue
            parts.append(_HEADINGS[section])
            for start in range(0, len(sentences), 5):
                parts.append(" ".join(sentences[start : start + 5]))
        return "\n\n".join(parts) + "\n"

    def bibtex(self) -> str:
        entries = []
        for reference in [*self.references, *self.extra_references]:
            fields = ",\n".join(
                f"  {name:<7} = {{{value}}}" for name, value in reference["fields"].items()
            )
            entries.append(f"@article{{{reference['key']},\n{fields}\n}}\n")
        return "% Synthetic references written by bluntgraph.synthetic\n\n" + "\n".join(entries)


def _dump_yaml(data: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096)
    return text


def generate_corpus(
    out: str | Path,
    claims: int = 1000,
    seed: int = 0,
    *,
    problem_rate: float = 0.01,
    claims_per_source: int = 100,
    claims_format: str = "yaml",
    overwrite: bool = False,
) -> SyntheticCorpus:
    """A synthetic corpus of ``claims`` claims written to folder ``out``, with its planted problems.

    Parameters
    ----------
    out
        Folder to write (created; it must not exist unless ``overwrite``).
    claims
        Number of claims, planted ones included.
    seed
        Seed of the generator; the same arguments write byte-identical files.
    problem_rate
        Share of claims that carry a planted problem, spread evenly over the
        finding kinds (at least one problem of every kind).
    claims_per_source
        About how many claims each article makes; sets the number of sources.
    claims_format
        ``"yaml"`` (``claims/<source>.yaml``), ``"jsonl"`` (``claims/<source>.jsonl``,
        one claim per line; faster to load for machine-made corpora) or ``"parquet"``
        (``claims/part-NNNNN.parquet``, the columns of docs/corpus-format.md; needs
        pyarrow, from the ``dask`` extra).
    overwrite
        Replace ``out`` if it exists.

    The corpus is written a source at a time (each source's background claims
    are made, written and dropped before the next source's), so memory holds
    the planted problems and the vocabulary, not the claims: sizes of tens of
    millions of claims fit.

    Returns
    -------
    SyntheticCorpus
        The folder, its sizes and the planted problems (also in ``manifest.json``).

    Raises
    ------
    ValueError
        If the sizes cannot work (too few claims for the planted problems)
        or ``claims_format`` is unknown.
    FileExistsError
        If ``out`` exists and ``overwrite`` is false.
    """
    if claims_format not in CLAIM_FORMATS:
        raise ValueError(f"claims_format must be one of {CLAIM_FORMATS}, not {claims_format!r}")
    if claims < 1 or claims_per_source < 1 or not 0 <= problem_rate <= 0.5:
        raise ValueError("claims and claims_per_source must be positive, problem_rate in [0, 0.5]")
    root = Path(out)
    if root.exists() and not overwrite:
        raise FileExistsError(f"{root} exists; choose a new folder or pass overwrite=True")
    builder = _Builder(claims, seed, problem_rate, claims_per_source)
    builder.plant_all()
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}-", dir=root.parent))
    try:
        _write(builder, staging, claims_format, seed)  # counts the claims as it writes them
        made = SyntheticCorpus(
            root=root,
            seed=seed,
            claims=builder.counter,
            sources=len(builder.sources),
            entities=len(builder.vocab.entities),
            references=len(builder.references) + len(builder.extra_references),
            planted=tuple(builder.planted),
        )
        # the manifest goes in with the rest: a corpus never appears without it
        manifest = json.dumps(made.manifest(), indent=1, sort_keys=True)
        (staging / "manifest.json").write_text(manifest + "\n", encoding="utf-8")
        if root.exists():
            shutil.rmtree(root)
        os.replace(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return made


def _write(builder: _Builder, root: Path, claims_format: str, seed: int) -> None:
    """Write the corpus a source at a time: texts and claims as each source is made."""
    (root / "texts").mkdir()
    (root / "claims").mkdir()
    entries = []

    def by_source() -> Iterator[tuple[_Record, list[_Record]]]:
        for index, made in builder.claims_by_source():
            source = builder.sources[index]
            data = builder.text(index, made).encode("utf-8")
            (root / "texts" / f"{source['id']}.txt").write_bytes(data)
            entry = dict(source)
            entry["text"] = f"texts/{source['id']}.txt"
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            entries.append(entry)
            yield source, [claim.record for claim in made]

    if claims_format == "parquet":  # the same order as one file per source
        from ._parquet import write_claim_parts

        write_claim_parts(
            ((source["id"], record) for source, records in by_source() for record in records),
            root / "claims",
        )
    else:
        for source, records in by_source():
            if not records:
                continue
            if claims_format == "yaml":
                text = _dump_yaml({"source": source["id"], "claims": records})
                (root / "claims" / f"{source['id']}.yaml").write_text(text, encoding="utf-8")
            else:
                lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
                text = "\n".join(lines) + "\n"
                (root / "claims" / f"{source['id']}.jsonl").write_text(text, encoding="utf-8")
    document = {"name": f"synthetic-{builder.counter}-seed{seed}", "sources": entries}
    (root / "sources.yaml").write_text(_dump_yaml(document), encoding="utf-8")
    (root / "entities.yaml").write_text(
        _dump_yaml({"entities": builder.vocab.entities}), encoding="utf-8"
    )
    (root / "references.bib").write_text(builder.bibtex(), encoding="utf-8")
