"""Clause shapes drafted wrongly or not at all: coordinated objects, a pronoun after a
first clause, advice against, whom advice is for, a group and its verb, groups before a
setting, outcome phrases. Topics: chemotherapy, steroids, dental care, nuts, back pain,
antibiotics, vaccination, weight loss, diabetes, sleep, hay fever."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims

Relation = tuple[str, str, str]


def _relations(text: str) -> list[Relation]:
    """(subject, predicate, object) of each draft of ``text``, with an empty vocabulary."""
    return [(c.subject, c.predicate, c.object) for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chemotherapy caused fatigue and reduced appetite.",
         [("chemotherapy", "causes", "fatigue"), ("chemotherapy", "causes", "reduced_appetite")]),
        ("Steroids can cause weight gain, insomnia and increased appetite.",
         [("steroids", "causes", "weight_gain"), ("steroids", "causes", "insomnia"),
          ("steroids", "causes", "increased_appetite")]),
        ("Steroids can cause increased appetite.",
         [("steroids", "causes", "increased_appetite")]),
    ],
)
def test_a_participle_that_opens_an_outcome_is_its_adjective(
        text: str, expected: list[Relation]) -> None:
    """"fatigue and reduced appetite": "reduced appetite" is one outcome (as a vocabulary
    names "reduced emotional response"). Before, a name holding a cue word was read as a
    clause and dropped, and the list's first outcome lost confidence to the "second cue"."""
    drafts = draft_claims(text, source_id="t").claims
    assert [(c.subject, c.predicate, c.object) for c in drafts] == expected
    assert min(c.confidence for c in drafts) >= 0.4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fluoride strengthens teeth, and experts say it also prevents cavities.",
         ("fluoride", "reduces", "cavities")),
        ("Regular walking builds stamina, and research shows it reduces back pain.",
         ("regular_walking", "reduces", "back_pain")),
        ("Nuts contain fibre, and they can lower cholesterol.",
         ("nuts", "decreases", "cholesterol")),
    ],
)
def test_a_pronoun_after_a_first_clause_without_a_cue_is_that_clause_subject(
        text: str, expected: Relation) -> None:
    """"X strengthens Y, and experts say it prevents Z": "it" is X. Before, the whole
    first clause became the subject ("fluoride strengthens teeth"), or nothing was drafted
    when the clause break came before the pronoun ("…, and they can lower …")."""
    assert _relations(text) == [expected]


def test_a_pronoun_after_people_or_an_object_pronoun_is_not_read_as_their_subject() -> None:
    """Controls: "Doctors prescribe statins, and they reduce …" (doctors reduce nothing)
    and "Doctors like them, and they …" (the pronoun may point to "them")."""
    for text in ("Statins are cheap. Doctors prescribe statins, and they reduce heart attacks.",
                 "Statins are cheap. Doctors like them, and they reduce heart attacks."):
        assert ("doctors", "reduces", "heart_attacks") not in _relations(text)
