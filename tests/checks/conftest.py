"""Small corpora for the checks, written inside each test from claim lists.

``build(claims_by_source, entities=…, bib=…, sources=…)`` writes one text per
source made of its claims' quotes, so every quote anchors, and returns the
loaded corpus. ``claim(id, quote, subject, predicate, object, **fields)``
spells a claim entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bluntgraph import Corpus, Finding, load_corpus, run_checks
from bluntgraph.checks import explain_pair
from bluntgraph.checks.partitioning import run_partitioned
from tests.conftest import CorpusMaker

Builder = Callable[..., Corpus]

#: a small vocabulary about a made-up drug family, its users and a symptom
ENTITIES: list[dict[str, Any]] = [
    {"id": "medicine", "label": "medicine", "type": "drug_class"},
    {"id": "calmer", "label": "calmer", "type": "drug_class", "broader": ["medicine"],
     "synonyms": ["calmers"]},
    {"id": "chem_x_class", "label": "chemical-X drug", "type": "drug_class",
     "broader": ["medicine"], "member_if": {"acts_on": "chemical_x"}},
    {"id": "alpha_calmer", "label": "alpha calmer", "type": "drug_class",
     "broader": ["calmer"], "acts_on": ["chemical_x"]},
    {"id": "beta_calmer", "label": "beta calmer", "type": "drug_class", "broader": ["calmer"]},
    {"id": "gamma_drug", "label": "gamma drug", "type": "drug", "broader": ["medicine"],
     "acts_on": ["chemical_x"]},
    {"id": "calmol", "label": "calmol", "type": "drug", "broader": ["alpha_calmer"]},
    {"id": "calmolex", "label": "Calmolex", "type": "brand", "broader": ["calmol"]},
    {"id": "chemical_x", "label": "chemical X", "type": "substance"},
    {"id": "dullness", "label": "dullness", "type": "symptom", "synonyms": ["flatness"]},
    {"id": "listlessness", "label": "listlessness", "type": "symptom"},
    {"id": "sadness", "label": "sadness", "type": "symptom"},
    {"id": "gloom", "label": "gloom", "type": "condition"},
    {"id": "talking_cure", "label": "talking cure", "type": "therapy"},
    {"id": "walking", "label": "walking", "type": "practice"},
    {"id": "symptom", "label": "symptom", "type": "concept", "disjoint_with": ["condition"]},
    {"id": "condition", "label": "condition", "type": "concept"},
    {"id": "muted_feeling", "label": "muted feeling", "type": "concept"},
    {"id": "people", "label": "people", "type": "population"},
    {"id": "medicine_users", "label": "medicine users", "type": "population",
     "takes": "medicine", "broader": ["people"]},
    {"id": "calmer_users", "label": "calmer users", "type": "population", "takes": "calmer",
     "broader": ["medicine_users"]},
    {"id": "people_on_calmers", "label": "people on calmers", "type": "population",
     "takes": "calmer"},
    {"id": "long_term_calmer_users", "label": "long-term calmer users", "type": "population",
     "takes": "calmer", "duration": "long-term", "broader": ["calmer_users"]},
    {"id": "gloomy_people", "label": "people with gloom", "type": "population",
     "has_condition": "gloom", "broader": ["people"]},
    {"id": "calm_institute", "label": "Institute of Calm Studies", "type": "organization"},
    {"id": "calm_journal", "label": "Journal of Calm Research", "type": "journal"},
]  # fmt: skip


def bib_article(
    key: str,
    title: str,
    *,
    author: str = "Kay, R",
    journal: str = "Journal of Calm Research",
    year: int = 2019,
) -> str:
    """A references.bib entry of a journal article with this key and title."""
    return (f"@article{{{key},\n  author = {{{author}}},\n  title = {{{title}}},\n"
            f"  journal = {{{journal}}},\n  year = {{{year}}},\n}}\n")  # fmt: skip


def claim(
    claim_id: str, quote: str, subject: str, predicate: str, obj: str, **fields: Any
) -> dict[str, Any]:
    """A claim entry (section ``body`` unless given)."""
    entry = {"id": claim_id, "quote": quote, "section": "body", "subject": subject,
             "predicate": predicate, "object": obj}  # fmt: skip
    entry.update(fields)
    return entry


def pct(low: float, high: float | None = None, bound: str = "range") -> dict[str, Any]:
    """A percent quantity of ``proportion_affected``."""
    quantity: dict[str, Any] = {"measure": "proportion_affected", "low": low, "unit": "percent",
                                "bound": bound}  # fmt: skip
    if high is not None:
        quantity["high"] = high
    return quantity


@pytest.fixture
def build(make_corpus: CorpusMaker) -> Builder:
    """Write and load a corpus whose texts are made of the claims' quotes."""

    def make(
        claims: dict[str, list[dict[str, Any]]],
        entities: list[dict[str, Any]] | None = None,
        bib: str = "",
        sources: dict[str, dict[str, Any]] | None = None,
    ) -> Corpus:
        texts = {
            source: " ".join(dict.fromkeys(c["quote"] for c in entries)) or "Nothing."
            for source, entries in claims.items()
        }
        root = make_corpus(
            texts=texts,
            claims=claims,
            entities=ENTITIES if entities is None else entities,
            bib=bib,
            sources=sources,
        )
        return load_corpus(root)

    return make


def found(corpus: Corpus, rule: str) -> list[Finding]:
    """The findings of one rule."""
    return run_checks(corpus, [rule])


def ids(finding: Finding) -> set[str]:
    """The ids of the claims a finding involves."""
    return {c.id for c in finding.claims}


#: the kinds of finding that set claims against each other (a near miss must make none)
CLASHES = frozenset({"contradiction", "scope-drift", "internal-inconsistency",
                     "definition-conflict", "tension"})  # fmt: skip


def accepted_findings(corpus: Corpus, accepted: set[tuple[str, tuple[str, ...]]]) -> list[Finding]:
    """The corpus's findings, once checked to be exactly ``accepted`` — (rule, sorted claim
    ids), each once — and the same from the group-by-group engine the Dask engine runs."""
    findings = run_checks(corpus)
    found = [(f.rule, tuple(sorted(c.id for c in f.claims))) for f in findings]
    assert set(found) == accepted
    assert len(found) == len(accepted)
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in findings]
    return findings


def assert_near_miss(corpus: Corpus, first: str, second: str, verdict: str) -> None:
    """``explain`` gives ``verdict`` for the pair, and no clash sets the two claims together."""
    assert explain_pair(corpus, first, second)[0] == f"verdict: {verdict}"
    clashes = [f for f in run_checks(corpus) if f.kind in CLASHES]
    # a finding that names the pairs that clash sets only those against each other (two
    # denials of one finding stand on the same side); one that names none, all its claims
    assert not any(
        {first, second} in [set(p) for p in f.pairs]
        if f.pairs
        else {first, second} <= {c.id for c in f.claims}
        for f in clashes
    )
