"""Rules found wanting on a new user's articles (fish oil and atrial fibrillation)."""

from __future__ import annotations

from pathlib import Path

from bluntgraph import draft_claims
from bluntgraph.ingest import read_article
from bluntgraph.model import Entity

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _triples(text: str) -> set[tuple[str, str, str]]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return {(labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}


def test_that_after_a_verb_opens_a_clause_it_does_not_point_back() -> None:
    # "customers" is named twice, so it is a term; "show that fish oil" is not
    # "that (thing named before)"
    triples = _triples("Many of our customers ask whether fish oil is safe. Studies show that "
                       "fish oil can trigger atrial fibrillation. We recommend that customers "
                       "speak to a pharmacist.")
    assert ("fish oil", "causes", "atrial fibrillation") in triples
    assert not any(s == "customers" and p == "causes" for s, p, _ in triples)
    # the same on the whole article, with its title and byline
    text = read_article(DATA / "fish-oil-notes.txt").text
    assert ("fish oil", "causes", "atrial fibrillation") in _triples(text)
    # a demonstrative still points back to what the sentence before was about
    vocabulary = [Entity("caffeine", "caffeine", "substance"),
                  Entity("insomnia", "insomnia", "condition"),
                  Entity("symptom", "symptom", "concept"),
                  Entity("anxiety", "anxiety", "condition")]
    for text in ("Caffeine can cause insomnia. These symptoms can worsen anxiety.",
                 "Caffeine can cause insomnia. That symptom can worsen anxiety."):
        claims = draft_claims(text, vocabulary, source_id="t").claims
        assert ("caffeine", "worsens", "anxiety") in {(c.subject, c.predicate, c.object)
                                                       for c in claims}

def test_who_recommends_in_the_passive_is_not_what_it_is_recommended_for() -> None:
    triples = _triples("Exercise is recommended by doctors for knee pain.")
    assert ("exercise", "recommends", "knee pain") in triples
    assert not any(o == "doctors" for _, _, o in triples)
    text = read_article(DATA / "fish-oil-afib.html").text
    oily = [t for t in _triples(text) if "oily fish" in t[0] or "associations" in t[0]]
    assert oily and all(s == "eating oily fish" and "associations" not in o for s, _, o in oily)
    # an acronym recommends ("the NHS"); a short word in any case is not one ("fish")
    assert ("walking", "recommends", "knee pain") in _triples(
        "Walking is recommended by the NHS for knee pain.")


def test_a_passive_participle_is_not_a_term() -> None:
    triples = _triples("Omega-3 supplements increase the risk of atrial fibrillation. Most of "
                       "that increase was seen at doses above 1 gram a day. Up to 50% more "
                       "cases of atrial fibrillation were seen in people taking 4 grams a day.")
    assert ("omega-3 supplements", "causes", "atrial fibrillation") in triples
    assert not any("seen" in (s, o) for s, _, o in triples)


def test_an_opening_phrase_before_a_comma_names_no_subject() -> None:
    # "In people with X or Y, Z raises …": X and Y describe who, Z is the subject
    triples = _triples("In people with cardiovascular disease or high cardiovascular risk, "
                       "high-dose omega-3 supplements increase the risk of atrial fibrillation.")
    assert {s for s, _, _ in triples} == {"high-dose omega-3 supplements"}
    vocabulary = [Entity("fish_oil", "fish oil", "substance"),
                  Entity("heart_disease", "heart disease", "condition"),
                  Entity("diabetes", "diabetes", "condition"),
                  Entity("af", "atrial fibrillation", "condition")]
    claims = draft_claims("In people with heart disease or diabetes, fish oil can cause atrial "
                          "fibrillation.", vocabulary, source_id="t").claims
    assert {(c.subject, c.object) for c in claims} == {("fish_oil", "af")}
    # a list of subjects is still a list, with or without an opening phrase
    assert {s for s, _, _ in _triples("In older adults, caffeine and alcohol can worsen "
                                      "insomnia.")} == {"caffeine", "alcohol"}
    claims = draft_claims("Heart disease, diabetes and fish oil can cause atrial fibrillation.",
                          vocabulary, source_id="t").claims
    assert {c.subject for c in claims} == {"heart_disease", "diabetes", "fish_oil"}


def test_advice_to_people_with_a_condition_is_for_the_condition() -> None:
    assert ("consulting a doctor", "recommends", "kidney disease") in _triples(
        "Patients with kidney disease should talk to their doctor.")
    triples = _triples("We recommend that customers with an irregular heartbeat speak to a "
                       "pharmacist before buying fish oil.")
    assert ("consulting a pharmacist", "recommends", "irregular heartbeat") in triples
    assert not any(o == "customers" for _, _, o in triples)
    # a group with no condition named stays what the advice is for
    assert ("consulting a doctor", "recommends", "pregnant women") in _triples(
        "Pregnant women should talk to their doctor.")


def test_a_participle_after_a_noun_describes_it_and_states_no_prevalence() -> None:
    # "the doses found in ordinary capsules": which doses, not where the outcome occurs
    triples = _triples("Fish oil does not cause atrial fibrillation at the doses found in "
                       "ordinary capsules.")
    assert {p for _, p, _ in triples} == {"causes"}
    # after "is" or an adverb the cue still states where it is found
    for text in ("Muscle pain is found in many statin users.",
                 "Muscle pain is commonly seen in statin users."):
        assert ("muscle pain", "prevalence", "statin users") in _triples(text)


def test_a_condition_keeps_its_name_in_a_population() -> None:
    # "diabetes" is not the plural of "diabete"; a drug's plural still makes its users
    drafts = draft_claims("Between 40 and 60% of people with diabetes have neuropathy. "
                          "About 10% of people taking statins report muscle pain.",
                          source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    populations = {labels[c.population] for c in drafts.claims if c.population}
    assert populations == {"people with diabetes", "statin users"}


def test_the_verb_after_a_pronoun_is_not_part_of_the_subject() -> None:
    for text in ("I think coffee causes insomnia.", "We believe coffee causes insomnia.",
                 "Many people feel coffee causes insomnia."):
        assert _triples(text) == {("coffee", "causes", "insomnia")}, text


def test_researchers_who_think_are_an_appeal_to_research() -> None:
    drafts = draft_claims("Some researchers think that omega-3 fatty acids might reduce atrial "
                          "fibrillation after heart surgery.", source_id="t")
    (claim,) = drafts.claims
    assert (claim.attribution.kind, claim.certainty.level) == ("research-appeal", "possible")


def test_what_trials_showed_is_an_appeal_to_research() -> None:
    for text in ("In trials, fish oil supplements increased the risk of atrial fibrillation.",
                 "In large randomised trials, aspirin reduced heart attacks."):
        (claim,) = draft_claims(text, source_id="t").claims
        assert claim.attribution.kind == "research-appeal", text


def test_a_group_of_people_after_the_relation_is_its_population() -> None:
    drafts = draft_claims("Studies show that fish oil can trigger atrial fibrillation in older "
                          "adults. Fish oil does not increase the risk of atrial fibrillation in "
                          "healthy young adults. Caffeine worsens insomnia in people with "
                          "anxiety. Statins cause muscle pain in some people. Caffeine worsens "
                          "insomnia in the evening.", source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    types = {e.id: e.type for e in drafts.entities}
    found = {(labels[c.subject], labels[c.object], labels.get(c.population or ""))
             for c in drafts.claims}
    assert ("fish oil", "atrial fibrillation", "older adults") in found
    assert ("fish oil", "atrial fibrillation", "healthy young adults") in found
    assert ("caffeine", "insomnia", "people with anxiety") in found
    # "in some people" hedges, "in the evening" is a time: neither is a population
    assert ("statins", "muscle pain", None) in found
    assert ("caffeine", "insomnia", None) in found
    assert all(types[c.population] == "population" for c in drafts.claims if c.population)


def test_more_or_fewer_cases_is_a_change_not_a_share_of_people() -> None:
    from bluntgraph.extract.statistics import find_statistics

    def measures(text: str) -> list[str]:
        return [s.quantity.measure for s in find_statistics(text)]

    assert measures("Up to 50% more cases of atrial fibrillation were seen.") == ["risk_change"]
    assert measures("Aspirin led to 20% fewer heart attacks.") == ["risk_change"]
    assert measures("About 40% of people have more energy.") == ["proportion_affected"]
