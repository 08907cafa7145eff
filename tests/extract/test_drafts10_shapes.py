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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sea air is too weak to relieve asthma.", ("sea_air", "reduces", "asthma", None, True)),
        ("Zinc lozenges are too small to treat colds.",
         ("zinc_lozenges", "treats", "colds", None, True)),
        ("Most yogurts contain too few live bacteria to prevent traveller's diarrhoea.",
         ("yogurts", "reduces", "traveller_s_diarrhoea", None, True)),
    ],
)
def test_too_something_to_do_denies_it(
        text: str, expected: tuple[str, str, str, str | None, bool]) -> None:
    """"X is too weak to relieve Y" says X does not relieve Y, and what is "too few" or
    "too weak" is no term. Before, these were drafted as positive claims ("few live
    bacteria reduces …", "'low' reduces migraine")."""
    assert _drafts(text) == [expected]


def test_a_fronted_unlike_says_nothing_of_how_two_things_differ() -> None:
    """"Unlike statins, garlic does not cause muscle pain": a claim about garlic set
    against statins, not "garlic (or the sentence before's term) is distinct from
    statins". Before, distinct_from drafts were made with the term of the sentence before
    ("Unlike cheaper brands, every batch is tested" gave vitamins distinct_from brands)."""
    drafts = _drafts("Many people take vitamins every day. Unlike statins, garlic does not "
                     "cause muscle pain. Unlike cheaper brands, every batch is tested.")
    assert [d for d in drafts if d[1] == "distinct_from"] == []
    assert ("garlic", "causes", "muscle_pain", None, True) in drafts


def test_is_unlike_is_still_a_difference() -> None:
    """Control: "X is unlike Y" says how X and Y stand."""
    assert _drafts("A cold is unlike flu.") == [("cold", "distinct_from", "flu", None, False)]


def test_accented_letters_stay_in_entity_ids_and_both_spellings_are_one_entity() -> None:
    """"Müdigkeit" is the entity mudigkeit (was m_digkeit); "Koffein" typed with a
    composed "é" and with "e" and a combining accent (as text copied on macOS is) is one
    entity, not two (caff_ine and caffe_ine)."""
    text = ("Kaffee causes Müdigkeit in adults. Caff\u00e9ine causes insomnia. "
            "Caffe\u0301ine can cause palpitations.")
    drafts = draft_claims(text, source_id="t")
    ids = {e.id for e in drafts.entities}
    assert "mudigkeit" in ids
    assert [c.subject for c in drafts.claims if c.object in ("insomnia", "palpitations")] == [
        "caffeine", "caffeine"]
    assert not ids & {"m_digkeit", "caff_ine", "caffe_ine", "caffeine_2"}


def test_a_name_with_a_capital_inside_keeps_its_capitals() -> None:
    """"NightEase" at a sentence's start is labelled as printed, not "nightEase"; an
    ordinary capitalised first word is still lower-cased."""
    drafts = draft_claims("NightEase treats insomnia. Chamomile reduces anxiety.",
                          source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    assert labels["nightease"] == "NightEase"
    assert labels["chamomile"] == "chamomile"


def test_markdown_emphasis_is_no_part_of_a_term() -> None:
    """"*Helicobacter pylori* infection" (a Markdown article's italics) names the
    vocabulary's "Helicobacter pylori infection", and a proposed name has no stray '*'.
    Before, the emphasis made a second entity ("helicobacter pylori* infection"), so a
    plain-text article's denial about the same infection was never compared with it."""
    vocabulary = [Entity("helicobacter_pylori_infection", "Helicobacter pylori infection",
                         "condition")]
    drafts = draft_claims("Bismuth treats *Helicobacter pylori* infection.", vocabulary,
                          source_id="t")
    assert [(c.subject, c.object) for c in drafts.claims] == [
        ("bismuth", "helicobacter_pylori_infection")]
    drafts = draft_claims("*Lactobacillus reuteri* drops reduce colic.", source_id="t")
    assert [e.label for e in drafts.entities] == ["lactobacillus reuteri drops", "colic"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Routine iron supplements are not recommended for people taking levothyroxine "
         "unless a blood test shows low levels.",
         ("routine_iron_supplements", "levothyroxine_users", True)),
        ("We recommend a kidney function test every year for everyone taking lithium.",
         ("kidney_function_test", "lithium_users", False)),
        ("Everyone taking warfarin should take a daily vitamin K supplement.",
         ("daily_vitamin_k_supplement", "warfarin_users", False)),
        ("Ibuprofen should not be given to children with asthma.",
         ("ibuprofen", "children_with_asthma", True)),
        ("Iron tablets should not be given to people who are severely anaemic.",
         ("iron_tablets", "severely_anaemic_people", True)),
        # avoiding it is advised, as an imperative "Avoid liquorice" is drafted
        ("Pregnant women should avoid liquorice.",
         ("avoiding_liquorice", "pregnant_women", False)),
    ],
)
def test_advice_for_a_group_recommends_the_thing_for_that_population(
        text: str, expected: tuple[str, str, bool]) -> None:
    """The thing advised (or advised against) is the subject of recommends and the group
    is the claim's population ("people taking X" are X's users), never a term "taking"
    or the group as the thing recommended. Before, these drafted nothing, or the group
    ("everyone taking warfarin") as the object of the supplement. The object is the
    condition the group has, or the article's condition, else the group itself."""
    drafts = draft_claims(text, source_id="t")
    assert [(c.subject, c.population, c.negated) for c in drafts.claims
            if c.predicate == "recommends"] == [expected]
    assert not {"taking", "everyone_taking_warfarin"} & {e.id for e in drafts.entities}
    assert [e.type for e in drafts.entities if e.id == expected[1]] == ["population"]


def test_advice_for_everyone_names_no_group() -> None:
    """Control: "for people" alone is no group of its own."""
    drafts = draft_claims("Aspirin is not recommended for people.", source_id="t")
    assert [c.population for c in drafts.claims] in ([], [None])


def test_advice_about_a_thing_is_for_what_it_was_said_to_relieve() -> None:
    """"NasoMist relieves a blocked nose. We do not recommend NasoMist for children under
    six": advice against it for the children, about the blocked nose."""
    drafts = draft_claims("NasoMist relieves a blocked nose. We do not recommend NasoMist "
                          "for children under six.", source_id="t")
    assert [(c.subject, c.object, c.population, c.negated) for c in drafts.claims
            if c.predicate == "recommends"] == [
        ("nasomist", "blocked_nose", "children_under_six", True)]
