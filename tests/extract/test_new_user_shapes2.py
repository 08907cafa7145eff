"""Sentence shapes a new user's corpus drafted wrongly or lost (second round), on other topics."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims


def _effects(text: str) -> list[tuple[str, str, str, str | None]]:
    """(subject, predicate, object, measure) of each draft of ``text``."""
    return [(c.subject, c.predicate, c.object, c.quantity.measure if c.quantity else None)
            for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    "text",
    [
        "Bike helmets reduce head injuries by 45% in cyclists.",
        "Bike helmets reduce the risk of head injuries by 60% in cyclists.",
        "Bike helmets cut the risk of head injuries by 60% in cyclists.",
        "Bike helmets lower the risk of head injuries by 60% in cyclists.",
        "Bike helmets lower head injuries by 45% in cyclists.",
    ],
)
def test_one_effect_on_a_condition_has_one_relation_and_one_measure_however_worded(
        text: str) -> None:
    """A percentage cut in a condition, or in its risk, is one relation (reduces) and one
    measure (risk_change), as the curated corpora write it: so `check` compares the
    figures and `table` shows one row. Before: reduces/relative_change,
    reduces/risk_reduction and decreases (a level predicate)/risk_reduction."""
    assert _effects(text) == [("bike_helmets", "reduces", "head_injuries", "risk_change")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a raised risk of a condition is the condition caused
        ("Night shifts raise the risk of breast cancer by 20%.",
         ("night_shifts", "causes", "breast_cancer", "risk_change")),
        ("Night shifts increase the risk of breast cancer.",
         ("night_shifts", "causes", "breast_cancer", None)),
        ("Children with asthma have a higher risk of pneumonia.",
         ("asthma", "causes", "pneumonia", None)),
        ("Mouthguards halve your chances of a broken tooth.",
         ("mouthguards", "reduces", "broken_tooth", None)),
        # odds are their own measure
        ("Vaccines cut the odds of catching flu by 40%.",
         ("vaccines", "reduces", "flu", "odds_change")),
        # a level stays a level: a substance, a scale
        ("Oats lower cholesterol by 10%.", ("oats", "decreases", "cholesterol", "relative_change")),
        ("Swimming lowers pain scores by 30%.",
         ("swimming", "decreases", "pain_scores", "relative_change")),
    ],
)
def test_risk_wording_drafts_causes_or_reduces_and_a_level_stays_a_level(
        text: str, expected: tuple[str, str, str, str | None]) -> None:
    assert expected in _effects(text)


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Statins reduce heart attacks by 25% in adults over 60 (Smith et al., 2019).",
         "adults_over_60"),
        ("Fish oil can trigger atrial fibrillation in older adults [4].", "older_adults"),
        ("Iron tablets cause constipation in 12% of pregnant women (Tran 2020).",
         "pregnant_women"),
        ("In adults over 65 (Lee and Park, 2018), statins cause muscle pain.", "adults_over_65"),
    ],
)
def test_a_population_right_before_a_citation_is_kept(text: str, population: str) -> None:
    """An author–year citation or a numbered marker after the people a relation holds for
    ends their phrase; before, the population was dropped (it was kept without the
    citation)."""
    claims = draft_claims(text, source_id="t").claims
    assert [c.population for c in claims] == [population]


def test_a_draft_names_only_terms_its_sentence_names() -> None:
    """One term and no cue links nothing: before, the sentence's only term was linked to
    the article's topic ("X are safe for most people." → topic associated_with X), a
    relation no sentence states (2 of 105 such drafts matched a curated claim)."""
    text = ("Sunscreen and skin cancer\n\n"
            "Sunscreen lowers the risk of skin cancer. Skin cancer is common in older adults. "
            "Skin cancer is often found late. Sunscreen is cheap for most families. "
            "Zinc oxide is popular at the beach. Hats are sold everywhere.\n")
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    for claim in drafts.claims:
        for term in (claim.subject, claim.object):
            assert labels[term].casefold() in claim.quote.casefold(), (claim.quote, term)
    assert ("sunscreen", "reduces", "skin_cancer") in {
        (c.subject, c.predicate, c.object) for c in drafts.claims}


@pytest.mark.parametrize(
    ("plain", "worded"),
    [
        # the passive says what the active says: "is caused by" is one cue, not two
        ("Dehydration causes muscle cramps.", "Muscle cramps are caused by dehydration."),
        ("Loud music causes tinnitus.", "Tinnitus is caused by loud music."),
        # "the risk of" is the relation's wording, not words between a term and its cue
        ("Sunscreen reduces skin cancer by 40%.",
         "Sunscreen reduces the risk of skin cancer by 40%."),
        ("Exercise lowers depression by 30%.", "Exercise lowers the risk of depression by 30%."),
    ],
)
def test_confidence_does_not_depend_on_passive_voice_or_risk_wording(
        plain: str, worded: str) -> None:
    """Before: passive 0.22 against active 0.77 (the passive cue and its participle counted
    as two cues in one clause); "reduces the risk of X by 40%" 0.38 against 0.74 (three
    words of gap), below co-occurrence guesses."""
    [one] = draft_claims(plain, source_id="t").claims
    [other] = draft_claims(worded, source_id="t").claims
    assert (one.subject, one.predicate, one.object) == (
        other.subject, other.predicate, other.object)
    assert other.confidence is not None and one.confidence is not None
    assert other.confidence >= 0.5 and abs(one.confidence - other.confidence) < 0.1


def _advice(text: str) -> list[tuple[str, str, str | None, bool]]:
    """(subject, object, population, negated) of each recommendation drafted from ``text``."""
    return [(c.subject, c.object, c.population, c.negated)
            for c in draft_claims(text, source_id="t").claims if c.predicate == "recommends"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people are whom the advice is for, the aim is what it is for; "not" denies it
        ("Patients should not take ibuprofen to prevent gout, the clinic said.",
         ("ibuprofen", "gout", "patients", True)),
        ("Runners should not take painkillers for knee pain.",
         ("painkillers", "knee_pain", "runners", True)),
        ("Patients should take zinc to prevent colds.", ("zinc", "colds", "patients", False)),
        # a denied need is advice against
        ("There is no need to take antibiotics for a sore throat.",
         ("antibiotics", "sore_throat", None, True)),
        ("You do not need to use nasal sprays for a cold.",
         ("nasal_sprays", "cold", None, True)),
    ],
)
def test_advice_for_people_and_advice_against(
        text: str, expected: tuple[str, str, str | None, bool]) -> None:
    """Before: "Patients should not take X to prevent Y" drafted patients reduces Y (the
    people as the subject, the advice as a denied effect); "There is no need to take X for
    Y" drafted nothing."""
    assert expected in _advice(text)
    assert not any(c.subject in ("patients", "runners") or (
        c.predicate == "reduces" and c.negated)
        for c in draft_claims(text, source_id="t").claims)


def test_advice_for_people_under_a_topic_is_for_the_topic() -> None:
    text = ("Back pain: what helps\n\nBack pain is common. Back pain often gets better on its "
            "own. Ibuprofen eases back pain. Pregnant women should not take ibuprofen.\n")
    assert ("ibuprofen", "back_pain", "pregnant_women", True) in _advice(text)


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("A study of 2,941 older patients proves that helmets do not prevent head injuries.",
         "older_patients"),
        ("A trial of 480 adults found that zinc does not shorten colds.", "adults"),
    ],
)
def test_the_people_a_described_study_was_of_are_the_population(
        text: str, population: str) -> None:
    claims = draft_claims(text, source_id="t").claims
    assert claims and all(c.population == population for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honey stops a cough at night.", ("honey", "reduces", "cough", False)),
        ("Firm pressure halts the bleeding.", ("firm_pressure", "reduces", "bleeding", False)),
        ("Antibiotics do not stop viral infections.",
         ("antibiotics", "reduces", "viral_infections", True)),
        ("Ginger can stop nausea.", ("ginger", "reduces", "nausea", False)),
    ],
)
def test_stops_and_halts_are_a_reduction(text: str, expected: tuple[str, str, str, bool]) -> None:
    drafts = [(c.subject, c.predicate, c.object, c.negated)
              for c in draft_claims(text, source_id="t").claims]
    assert expected in drafts


@pytest.mark.parametrize(
    "text",
    [
        "Do not stop taking statins.",
        "The drug stopped working after a week.",
        "Doctors stopped the trial early.",
        "Stop smoking now.",
    ],
)
def test_stopping_something_is_no_reduction(text: str) -> None:
    assert not any(c.predicate == "reduces" for c in draft_claims(text, source_id="t").claims)


def test_a_class_noun_points_to_the_term_its_name_says_is_one() -> None:
    """"The vitamin" is the vitamin named before ("Vitamin D"), not whatever last acted;
    before, "statins reduces falls"."""
    text = ("Falls in older age\n\nStatins lower cholesterol. Vitamin D is made in the skin. "
            "The vitamin reduces falls in older adults.\n")
    drafts = {(c.subject, c.predicate, c.object) for c in draft_claims(text, source_id="t").claims}
    assert ("vitamin_d", "reduces", "falls") in drafts
    assert ("statins", "reduces", "falls") not in drafts
