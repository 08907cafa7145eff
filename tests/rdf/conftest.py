"""Fixtures for the RDF tests: a small corpus with every field filled, and the bundled exports."""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import Corpus, load_corpus
from bluntgraph.checks.findings import ClaimRef, Finding
from tests.conftest import DEFAULT_ENTITIES, CorpusMaker

TEXT = (
    'Intro line.\nDrug A1 causes "the S" in 40–60% of class A users, studies suggest.\n'
    "Therapy T may reduce symptom S (Smith 2020; Doe 2021).\n"
)

BIB = """\
@article{smith2020,
  author = {Smith, Ann and Jones, Bo and others},
  title = {A trial of therapy T},
  journal = {J. Things},
  year = {2020},
  doi = {10.1000/xyz},
  pmid = {12345},
}
@misc{doe2021,
  title = {Notes on S},
  year = {2021},
}
"""

ENTITIES: list[dict[str, Any]] = [
    *DEFAULT_ENTITIES,
    {"id": "drug_a2", "label": "drug A2", "type": "drug", "broader": ["drug_class_a", "people"],
     "synonyms": ["A-2", "a two", "A-2"], "acts_on": ["chemical_x", "symptom_s"],
     "member_if": {"acts_on": "chemical_x"}, "disjoint_with": ["therapy_t", "condition_c"],
     "xrefs": {"mesh": "D020280", "chebi": "CHEBI:9123", "local": "x y"},
     "description": "A made-up drug."},
    {"id": "long_term_users", "label": "long-term users", "type": "population",
     "takes": "drug_class_a", "has_condition": "condition_c", "duration": "long-term"},
]  # fmt: skip

CLAIMS: list[dict[str, Any]] = [
    {"id": "a-causes-s", "quote": 'Drug A1 causes "the S" in 40–60% of class A users',
     "section": "body", "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
     "population": "class_a_users", "condition": "when taken daily", "time_course": "onset",
     "quantity": {"measure": "proportion_affected", "low": 40, "high": 60.0, "unit": "percent",
                  "bound": "range"},
     "certainty": {"level": "probable", "cue": "studies suggest"},
     "attribution": {"kind": "research-appeal", "cue": "studies suggest", "mode": "reports"},
     "facets": {"valence": "both", "degree": "reduction"}, "note": "a 'note'\nover two lines"},
    {"id": "a-therapy-reduces", "quote": "Therapy T may reduce symptom S", "section": "faq",
     "subject": "therapy_t", "predicate": "reduces", "object": "symptom_s", "negated": False,
     "certainty": {"level": "possible", "cue": "may"},
     "attribution": {"kind": "cited", "references": ["smith2020", "doe2021"],
                     "expert": "Dr. Who"}},
    {"id": "a-not-treats", "quote": "Therapy T", "section": "summary", "subject": "therapy_t",
     "predicate": "treats", "object": "condition_c", "negated": True,
     "quantity": {"measure": "odds", "high": -0.5, "bound": "up_to"}},
]  # fmt: skip

SOURCES = {
    "a": {"authors": ["Zed Zulu", "Amy Adams", "Zed Zulu"], "date": "2024-05-01",
          "url": "https://example.org/a?x=1&y=2", "interests": ["therapy_t", "drug_a1"],
          "interests_note": 'Sells "therapy T".', "kind": "provider-marketing"},
}  # fmt: skip


@pytest.fixture
def small(make_corpus: CorpusMaker) -> Corpus:
    """A one-source corpus that fills every field of the model at least once."""
    root = make_corpus(
        texts={"a": TEXT}, claims={"a": CLAIMS}, entities=ENTITIES, bib=BIB, sources=SOURCES
    )
    return load_corpus(root)


@pytest.fixture
def small_findings(small: Corpus) -> list[Finding]:
    """Two hand-made findings over the small corpus (the checks' own are tested elsewhere)."""

    def ref(claim_index: int) -> ClaimRef:
        claim = small.claims[claim_index]
        return ClaimRef(claim.id, claim.source, claim.quote, claim.start, claim.end)

    return [
        Finding("F001", "contradiction", "error", "opposite-direction", "cannot both hold",
                claims=(ref(1), ref(2)), details=(("measure", "x"), ("why", "opposite"))),
        Finding("F002", "citation-error", "warning", "unresolved-citation", "odd reference",
                claims=(ref(0),), references=("doe2021",)),
    ]  # fmt: skip
