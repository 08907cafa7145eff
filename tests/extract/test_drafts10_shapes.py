"""Populations, polarity and terms a new user's corpora drafted wrongly, on other topics."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims
from bluntgraph.model import Entity


def _drafts(text: str) -> list[tuple[str, str, str, str | None, bool]]:
    """(subject, predicate, object, population, negated) of each draft of ``text``."""
    return [(c.subject, c.predicate, c.object, c.population, c.negated)
            for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The evidence in smokers is weaker: a large trial found that vitamin E did not "
         "prevent lung cancer.",
         ("vitamin_e", "reduces", "lung_cancer", "smokers", True)),
        ("The picture in pregnant women is different: iron supplements do not cause "
         "constipation.",
         ("iron_supplements", "causes", "constipation", "pregnant_women", True)),
        ("A trial in people aged 70 and over found that vitamin D did not prevent falls.",
         ("vitamin_d", "reduces", "falls", "people_aged_70_and_over", True)),
    ],
)
def test_a_group_named_before_the_claim_is_its_population(
        text: str, expected: tuple[str, str, str, str | None, bool]) -> None:
    """A lead-in clause ended by a colon ("The evidence in smokers is weaker: …") or a
    work named with whom it studied ("A trial in people aged 70 and over found that …")
    says whom the claim after it is about. Before, the population was lost, and the
    denial was read as said of everyone (a false self-contradiction with the same
    article's claim for another group)."""
    assert _drafts(text) == [expected]


def test_a_lead_in_without_a_group_adds_no_population() -> None:
    """Control: a lead-in clause naming no group leaves the claim for everyone."""
    assert _drafts("The evidence is weaker: vitamin E does not prevent lung cancer.") == [
        ("vitamin_e", "reduces", "lung_cancer", None, True)]


def test_a_setting_after_the_counted_people_stays_in_their_population() -> None:
    """"10% of people taking aspirin in hospital" counts the aspirin users in hospital, a
    narrower group than aspirin users (proposed with ``broader``, as "community-dwelling
    older adults" is), so a figure for all users elsewhere is not set against it as the
    same statistic. Before, "in hospital" was dropped."""
    drafts = draft_claims("Heartburn affects 10% of people taking aspirin in hospital.",
                          source_id="t")
    assert [(c.subject, c.predicate, c.object, c.population) for c in drafts.claims] == [
        ("heartburn", "prevalence", "aspirin_users_in_hospital", "aspirin_users_in_hospital")]
    entities = {e.id: e for e in drafts.entities}
    assert entities["aspirin_users_in_hospital"].broader == ("aspirin_users",)
    assert entities["aspirin_users"].type == "population"


def test_a_setting_of_a_group_the_vocabulary_knows_is_part_of_it() -> None:
    """"of older adults in care homes": some of the vocabulary's older adults."""
    drafts = draft_claims("Falls affect about 30% of older adults in care homes.",
                          [Entity("older_adults", "older adults", "population")], source_id="t")
    assert [c.population for c in drafts.claims] == ["older_adults_in_care_homes"]
    assert [e.broader for e in drafts.entities if e.id == "older_adults_in_care_homes"] == [
        ("older_adults",)]


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Heartburn affects 5% of people taking aspirin.", "aspirin_users"),
        # a time is no setting
        ("Nausea affects 20% of women taking the pill in the first year.", "pill_users"),
        ("Migraine affects 12% of adults in 2019.", "adults"),
    ],
)
def test_no_setting_no_narrower_group(text: str, population: str) -> None:
    """Controls: without a place after the counted people, their population is as before."""
    assert [c.population for c in draft_claims(text, source_id="t").claims] == [population]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warfarin thins the blood. It is cheap, effective and does not cause hair loss.",
         ("warfarin", "causes", "hair_loss", None, True)),
        # control: the term the clause opens with stays its subject
        ("Paracetamol is cheap, safe and can reduce fever.",
         ("paracetamol", "reduces", "fever", None, False)),
    ],
)
def test_adjectives_after_a_copula_are_no_subject(
        text: str, expected: tuple[str, str, str, str | None, bool]) -> None:
    """"It is cheap, effective and does not cause X": the adjectives say what "it" is;
    what does not cause X is what "it" means (or the term the clause opens with). Before,
    "cheap" and "effective" were proposed as entities and made the subjects."""
    drafts = draft_claims(text, source_id="t")
    assert expected in [(c.subject, c.predicate, c.object, c.population, c.negated)
                        for c in drafts.claims]
    assert not {"cheap", "effective", "safe"} & {e.id for e in drafts.entities}


def test_a_possessive_pronoun_and_effect_is_no_term() -> None:
    """"sertraline can increase its effect": the effect of something named before, never
    an entity "effect" — which then matched inside "side effects" in later sentences."""
    drafts = draft_claims("St John's wort is a herb, so sertraline can increase its effect. "
                          "Statins do not cause side effects.", source_id="t")
    assert "effect" not in {e.id for e in drafts.entities}
    assert ("statins", "causes", "side_effects", None, True) in [
        (c.subject, c.predicate, c.object, c.population, c.negated) for c in drafts.claims]


def test_it_after_because_is_what_the_main_clause_opens_with() -> None:
    """"X should not be given to …, because it may cause Y": X, not a term of the sentence
    before ("it may worsen the infection" was drafted with the previous sentence's term)."""
    text = ("Ginkgo thins the blood. Aspirin should not be given to children with a fever, "
            "because it may cause Reye syndrome.")
    assert ("aspirin", "causes", "reye_syndrome", None, False) in _drafts(text)
