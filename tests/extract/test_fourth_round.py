"""Sentence shapes a fourth audit found misread: definite descriptions, another name between
commas, advice to people with a condition, shares before a verb, reported beliefs, groups
before "who take", participles after a denial, colons, works that speak, guessed types.

Each test drafts short texts of its own (gout, diabetes, blood pressure, colds, arthritis…)
with an empty vocabulary, and checks ordinary sentences of the same kind that must keep
drafting as before.
"""

from __future__ import annotations

from bluntgraph import draft_claims
from bluntgraph.extract import Drafts

#: (subject label, predicate, object label, negated, population label or None)
Said = tuple[str, str, str, bool, str | None]


def _drafts(text: str) -> Drafts:
    return draft_claims(text, source_id="t")


def _said(drafts: Drafts, start: str = "") -> list[Said]:
    """What the drafts anchored on the sentence starting with ``start`` say, with labels."""
    labels = {e.id: e.label for e in drafts.entities}

    def label(name: str | None) -> str | None:
        return None if name is None else labels.get(name, name)

    return [
        (label(c.subject) or "", c.predicate, label(c.object) or "", c.negated,
         label(c.population))
        for c in drafts.claims if c.quote.startswith(start)
    ]  # fmt: skip


def test_another_name_between_commas_is_one_subject_with_a_synonym() -> None:
    drafts = _drafts("Metformin, or Glucophage, lowers blood sugar.")
    assert _said(drafts) == [("metformin", "decreases", "blood sugar", False, None)]
    (metformin,) = [e for e in drafts.entities if e.label == "metformin"]
    assert metformin.synonyms == ("Glucophage",)
    # with a modal, and a name the text repeats (a term of the second pass)
    drafts = _drafts("Allopurinol, or Zyloprim, can cause a rash. Allopurinol lowers uric acid.")
    assert [s for s, _, _, _, _ in _said(drafts, "Allopurinol, or")] == ["allopurinol"]
    assert [e.synonyms for e in drafts.entities if e.label == "allopurinol"] == [("Zyloprim",)]
    # a list of three is still three subjects
    assert {s for s, _, _, _, _ in _said(_drafts("Tea, coffee, or cola, can cause insomnia."))} \
        == {"tea", "coffee", "cola"}


def test_advice_to_people_with_a_condition_is_for_the_condition() -> None:
    assert _said(_drafts("Doctors advise people with gout to avoid alcohol.")) == [
        ("avoiding alcohol", "recommends", "gout", False, None)]
    assert _said(_drafts("Experts advise patients with kidney disease to limit salt.")) == [
        ("limiting salt", "recommends", "kidney disease", False, None)]
    # any verb the advice names is the act recommended, not the group's condition
    assert _said(_drafts("Nurses advise older adults with diabetes to check their feet.")) == [
        ("checking feet", "recommends", "diabetes", False, None)]
    # a group without a condition stays what the advice is for
    assert _said(_drafts("Dentists advise children to avoid sugary drinks.")) == [
        ("avoiding sugary drinks", "recommends", "children", False, None)]
    # "recommend that …" says the same
    assert _said(_drafts("Doctors recommend that people with gout avoid alcohol.")) == [
        ("avoiding alcohol", "recommends", "gout", False, None)]
    assert _said(_drafts("Experts recommend that children limit screen time.")) == [
        ("limiting screen time", "recommends", "children", False, None)]
    drafts = _drafts("Doctors recommend that patients with asthma should carry an inhaler.")
    assert _said(drafts) == [("carrying inhaler", "recommends", "asthma", False, None)]
    assert {e.label: e.type for e in drafts.entities}["carrying inhaler"] == "action"
    # what doctors recommend, for what, as before
    assert _said(_drafts("Doctors recommend exercise for back pain.")) == [
        ("exercise", "recommends", "back pain", False, None)]


def test_a_share_of_people_and_its_verb_is_no_term() -> None:
    said = _said(_drafts("Statins can cause muscle pain, and 5% stop taking them."))
    assert said == [("statins", "causes", "muscle pain", False, None)]
    said = _said(_drafts("Allopurinol can cause a rash, and 2 percent stop taking it."))
    assert said == [("allopurinol", "causes", "rash", False, None)]


def test_people_who_stop_a_drug_because_of_an_effect_stop_the_drug() -> None:
    # the rash makes people stop allopurinol; it is not allopurinol the rash causes
    said = _said(_drafts("Allopurinol lowers uric acid. About 2% of patients stop taking it "
                         "because of a rash."), "About")
    assert said == [("rash", "causes", "stopping allopurinol", False, None)]
    said = _said(_drafts("Statins lower cholesterol, but many people stop taking them due to "
                         "muscle pain."))
    assert ("muscle pain", "causes", "stopping statins", False, None) in said
    assert not any(o == "statins" for _, _, o, _, _ in said)
    # what causes a symptom is read as before
    assert _said(_drafts("The rash is caused by allopurinol.")) == [
        ("allopurinol", "causes", "rash", False, None)]


def test_a_belief_people_hold_is_reported_and_speculative() -> None:
    (claim,) = _drafts("Many people think cold weather causes arthritis.").claims
    assert (claim.attribution.mode, claim.attribution.cue) == ("reports", "Many people think")
    assert (claim.certainty.level, claim.certainty.cue) == ("speculative", "Many people think")
    (claim,) = _drafts("It is widely believed that vitamin C prevents colds.").claims
    assert claim.certainty.level == "speculative" and claim.attribution.mode == "reports"
    # "many people" as a hedge of the text's own claim stays probable and asserted
    (claim,) = _drafts("Many people with gout develop kidney stones.").claims
    assert claim.certainty.level == "probable" and claim.attribution.mode == "asserts"
    # a turn puts the text's own words in the second clause
    drafts = _drafts("Many people believe garlic cures colds, but garlic does not shorten colds.")
    modes = {(c.negated, c.attribution.mode) for c in drafts.claims}
    assert modes == {(False, "reports"), (True, "asserts")}


def test_a_group_that_takes_a_drug_names_the_drug_and_the_population() -> None:
    said = _said(_drafts("Children who take ACE inhibitors rarely develop a cough."))
    assert said == [("ACE inhibitors", "causes", "cough", False, "children")]
    said = _said(_drafts("In winter, older adults with gout rarely develop kidney stones."))
    assert said == [("gout", "causes", "kidney stones", False, "older adults")]
    # "people" is everyone: no population
    said = _said(_drafts("People taking statins often develop muscle pain."))
    assert said == [("statins", "causes", "muscle pain", False, None)]


def test_a_denial_does_not_reach_into_a_participle_after_its_object() -> None:
    drafts = _drafts("A 2019 trial found that honey did not reduce cough caused by ACE "
                     "inhibitors.")
    assert set(_said(drafts)) == {("honey", "reduces", "cough", True, None),
                                  ("ACE inhibitors", "causes", "cough", False, None)}
    assert {c.attribution.cue for c in drafts.claims} == {"A 2019 trial"}
    # a denied passive is still denied
    assert _said(_drafts("This rash is not caused by allopurinol.")) == [
        ("allopurinol", "causes", "rash", True, None)]


def test_a_colon_ends_a_negation_and_never_denies_the_advice() -> None:
    drafts = _drafts("Blood pressure pills work well. Never stop taking your medicine on your "
                     "own: untreated high blood pressure raises the risk of stroke.")
    said = _said(drafts, "Never")
    assert ("untreated high blood pressure", "causes", "stroke", False, None) in said
    advice = [s for s in said if s[1] == "recommends"]
    assert advice and all(negated for _, _, _, negated, _ in advice)
    assert all(s.startswith("stopping") for s, _, _, _, _ in advice)
    # before the colon the negation still holds
    assert ("zinc", "reduces", "colds", True, None) in _said(_drafts(
        "Zinc does not shorten colds: a 2014 review found no effect."))


def test_a_work_that_speaks_is_the_attribution() -> None:
    for text, cue, level in (
        ("The review suggests that turmeric reduces joint pain.", "The review", "probable"),
        ("The study found that zinc shortens colds.", "The study", "certain"),
        ("This trial showed that honey reduces cough.", "This trial", "certain"),
        ("A 2019 meta-analysis found that zinc shortens colds.", "A 2019 meta-analysis",
         "certain"),
    ):
        (claim,) = _drafts(text).claims
        assert (claim.attribution.kind, claim.attribution.cue, claim.attribution.mode) == (
            "unidentified-work", cue, "reports"), text
        assert claim.certainty.level == level, text
    # "the study of sleep" names no work that says anything
    (claim,) = _drafts("The study of sleep is old, and coffee causes insomnia.").claims
    assert claim.attribution.kind == "none"


def test_a_definite_description_is_the_drug_named_before() -> None:
    drafts = _drafts("Allopurinol is a medication used to prevent gout attacks. The drug lowers "
                     "uric acid in the blood. This medication can cause a skin rash.")
    assert _said(drafts) == [
        ("allopurinol", "reduces", "gout attacks", False, None),
        ("allopurinol", "decreases", "uric acid", False, None),
        ("allopurinol", "causes", "skin rash", False, None),
    ]
    # named once, by a sentence with no relation of its own
    assert _said(_drafts("Warfarin thins the blood. The drug can cause bleeding.")) == [
        ("warfarin", "causes", "bleeding", False, None)]
    # a supplement the text calls one, though its name says nothing of it
    drafts = _drafts("Turmeric is a popular supplement. The supplement may cause diarrhea.")
    assert _said(drafts) == [("turmeric", "causes", "diarrhea", False, None)]
    # "the medication dose" is a compound, not the drug
    drafts = _drafts("Colchicine is a drug used to treat gout. Too high a dose can cause "
                     "diarrhea, and the medication dose matters.")
    assert ("colchicine", "treats", "gout", False, None) in _said(drafts)
    assert not any(s == "colchicine" and o == "dose" for s, _, o, _, _ in _said(drafts))


def test_a_class_before_a_participle_is_said_of_the_thing_named() -> None:
    assert _said(_drafts("Colchicine is an old drug used to treat gout.")) == [
        ("colchicine", "treats", "gout", False, None)]
    assert _said(_drafts("Insomnia is a common problem linked to stress.")) == [
        ("insomnia", "associated_with", "stress", False, None)]
    # the class read as a definition first: the participle after it is still said of X
    assert _said(_drafts("Gout is a painful disease caused by uric acid crystals.")) == [
        ("uric acid crystals", "causes", "gout", False, None)]
    assert _said(_drafts("Shingles is an infection caused by the chickenpox virus.")) == [
        ("chickenpox virus", "causes", "shingles", False, None)]
    # a relative clause keeps its reading
    assert _said(_drafts("Statins are medicines that lower cholesterol.")) == [
        ("statins", "decreases", "cholesterol", False, None)]


def test_proposed_types_from_their_words_and_from_what_the_text_calls_them() -> None:
    from bluntgraph.extract.pipeline import guess_type

    expected = {
        "warfarin": "drug", "prednisone": "drug", "furosemide": "drug", "tamsulosin": "drug",
        "levothyroxine": "drug", "aspirin": "drug", "insulin": "drug", "colchicine": "drug",
        "gout": "condition", "asthma": "condition", "eczema": "condition",
        "hypothyroidism": "condition", "sleep apnoea": "condition", "hay fever": "condition",
        "gout attacks": "condition", "pneumonia": "condition",
        "dry cough": "symptom", "wheezing": "symptom", "high fever": "symptom",
        "sore throat": "symptom", "itchy skin": "symptom", "weight gain": "symptom",
        "bruising": "symptom", "uric acid": "substance", "blood sugar": "substance",
        "LDL cholesterol": "substance", "acupuncture": "therapy",
        # unchanged
        "high blood pressure": "condition", "low mood": "symptom", "dopamine": "substance",
    }
    assert {name: guess_type(name) for name in expected} == expected
    drafts = _drafts("Honey is a popular home remedy. Honey is a natural supplement that can "
                     "soothe coughs. Lupus is a chronic disease that can cause joint pain.")
    types = {e.label: e.type for e in drafts.entities}
    assert types["honey"] == "drug" and types["lupus"] == "condition"
    assert types["coughs"] == "symptom"
