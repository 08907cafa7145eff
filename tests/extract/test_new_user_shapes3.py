"""Sentence shapes a new user's corpus drafted wrongly or lost (third round), on other topics."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")
pytest.importorskip("negspacy")
pytest.importorskip("pysbd")

from bluntgraph import draft_claims, load_corpus
from bluntgraph.cli import main
from bluntgraph.model import Entity


def _drafts(text: str) -> list[tuple[str, str, str, str | None, bool, str | None]]:
    """(subject, predicate, object, population, negated, condition) of each draft of ``text``."""
    return [(c.subject, c.predicate, c.object, c.population, c.negated, c.condition)
            for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Statins do not cause muscle pain in most people.",
         ("statins", "causes", "muscle_pain", None, True, "in most people")),
        ("Vaccines do not cause fever in most adults over 65.",
         ("vaccines", "causes", "fever", "adults_over_65", True, "in most adults over 65")),
        ("Ibuprofen does not cause stomach bleeding for most patients.",
         ("ibuprofen", "causes", "stomach_bleeding", None, True, "for most patients")),
        ("Mouthwash does not reduce plaque in many adults.",
         ("mouthwash", "reduces", "plaque", "adults", True, "in many adults")),
    ],
)
def test_a_denial_for_most_people_keeps_its_scope(
        text: str, expected: tuple[str, str, str, str | None, bool, str | None]) -> None:
    """"X does not cause Y in most people" leaves room for the few it does: the scope is
    the claim's condition, so the denial does not clash with "X can cause Y". Before, the
    quantifier was dropped and the draft denied the relation for everyone."""
    assert _drafts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial for a whole group is not limited
        ("Statins do not cause muscle pain in older adults.",
         ("statins", "causes", "muscle_pain", "older_adults", True, None)),
        # an assertion "in most people" still holds for them: no condition that softens it
        ("Antibiotics cause diarrhoea in many children.",
         ("antibiotics", "causes", "diarrhoea", "children", False, None)),
    ],
)
def test_an_unlimited_denial_and_an_assertion_for_most_take_no_condition(
        text: str, expected: tuple[str, str, str, str | None, bool, str | None]) -> None:
    """Controls: the condition is a denial's limited scope only."""
    assert _drafts(text) == [expected]


def _effects(text: str) -> list[tuple[str, str, str, str | None, bool, str]]:
    """(subject, predicate, object, population, negated, certainty) of each draft of ``text``."""
    return [(c.subject, c.predicate, c.object, c.population, c.negated, c.certainty.level)
            for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicotine patches help smokers quit.",
         ("nicotine_patches", "increases", "quitting", "smokers", False, "certain")),
        ("Physiotherapy helps older adults walk.",
         ("physiotherapy", "increases", "walking", "older_adults", False, "certain")),
        ("Caffeine does not help night workers stay awake during a shift.",
         ("caffeine", "increases", "staying_awake", "night_workers", True, "certain")),
        ("Nicotine gum may help smokers to quit during the first month.",
         ("nicotine_gum", "increases", "quitting", "smokers", False, "possible")),
    ],
)
def test_helping_a_group_do_something_increases_it_for_the_group(
        text: str, expected: tuple[str, str, str, str | None, bool, str]) -> None:
    """"X helps <people> <verb>": X increases what they do, the group is the population,
    "does not help" denies it and "may help" hedges it. Before, nothing was drafted (or,
    with the outcome in the vocabulary, a bare 'associated_with' without the group)."""
    assert _effects(text) == [expected]


def test_helping_a_group_do_a_named_outcome_uses_the_vocabulary_term() -> None:
    """An outcome the text names elsewhere is that term, not a gerund made up for it."""
    text = "Title\n\nExercise improves sleep in adults.\n\nExercise helps older adults sleep.\n"
    drafts = {(c.subject, c.predicate, c.object, c.population)
              for c in draft_claims(text, source_id="t").claims}
    assert ("exercise", "increases", "sleep", "older_adults") in drafts


def test_helping_a_group_with_a_cue_verb_is_read_by_the_cue() -> None:
    """Control: "helps people reduce stress" is the reduction it names."""
    assert [e[:3] for e in _effects("Yoga helps people reduce stress.")] == [
        ("yoga", "reduces", "stress")]


@pytest.mark.parametrize(
    "text",
    [
        "Antibiotic prescriptions among older adults increased threefold between 2000 and 2015.",
        "Vaping among teenagers rose 3-fold in five years.",
    ],
)
def test_a_trend_of_use_is_no_relation_and_a_multiplier_no_entity(text: str) -> None:
    """"<use> among <group> increased fivefold": how often something is done, not a
    relation between the group and a number. Before: older_adults increases threefold."""
    assert _drafts(text) == []


def test_a_multiplier_ends_no_term() -> None:
    """"… the risk of diabetes twofold": the outcome is diabetes, not diabetes_twofold."""
    assert [d[:3] for d in _drafts("Statins increase the risk of diabetes twofold.")] == [
        ("statins", "causes", "diabetes")]


def test_the_people_told_to_consult_someone_are_the_population() -> None:
    """"Parents should talk to a paediatrician before giving X": consulting is advised to
    the parents (population), about X, before giving it (condition); the paediatrician is
    whom to consult. Before: parents recommends paediatrician."""
    assert _drafts("Parents should talk to a paediatrician before giving ibuprofen to a child."
                   ) == [("consulting_a_paediatrician", "recommends", "ibuprofen", "parents",
                          False, "before giving ibuprofen to a child")]


def test_practical_tips_on_storing_and_timing_recommend_nothing() -> None:
    """A tips list's "Keep the tablets in a cool, dry place", "Take X with water", "Give
    the syrup 1 hour before bedtime" say how to store or take a thing, not what it is for:
    before, each drafted '<noun> recommends <the article's topic>'. A tip naming a
    treatment still recommends it."""
    text = ("# Antihistamines for hay fever\n\nCetirizine reduces sneezing in adults.\n\n"
            "## Tips\n\n- Take cetirizine with water.\n- Keep the tablets in a cool, dry place.\n"
            "- Give the syrup 1 hour before bedtime.\n- Try a saline nasal rinse.\n")
    tips = {c.subject for c in draft_claims(text, source_id="t").claims
            if c.predicate == "recommends"}
    assert tips == {"saline_nasal_rinse"}


def _attributed(text: str) -> list[tuple[str, str, str, str | None, str | None, str, str]]:
    """(subject, predicate, object, population, condition, certainty, attribution kind)."""
    return [(c.subject, c.predicate, c.object, c.population, c.condition, c.certainty.level,
             c.attribution.kind) for c in draft_claims(text, source_id="t").claims]


def test_an_appeal_opening_a_coordinated_clause_attributes_only_that_clause() -> None:
    """"X raises Y, and some studies suggest it causes Z": "studies suggest" is no term,
    "it" is X (the first clause's subject, not its object), and only the second clause
    appeals to research. Before: studies_suggest causes Z, X increases studies_suggest,
    and the first clause carried the appeal too."""
    text = ("Coffee raises the odds of insomnia, and some studies suggest it causes anxiety "
            "in teenagers.")
    assert _attributed(text) == [
        ("coffee", "causes", "insomnia", None, None, "certain", "none"),
        ("coffee", "causes", "anxiety", "teenagers", None, "probable", "research-appeal"),
    ]


def test_the_appeal_and_the_pronoun_with_the_terms_named_before() -> None:
    """The same with both outcomes named in an earlier sentence: "it" is still the subject."""
    text = ("Title\n\nSugar and tooth decay and obesity are common topics.\n\n"
            "Sugar raises the odds of tooth decay, and research shows that it causes obesity.\n")
    drafts = [d for d in _attributed(text) if d[2] in ("tooth_decay", "obesity")
              and d[1] != "associated_with"]
    assert drafts == [
        ("sugar", "causes", "tooth_decay", None, None, "certain", "none"),
        ("sugar", "causes", "obesity", None, None, "certain", "research-appeal"),
    ]


def test_a_pronoun_in_a_group_is_its_condition_not_its_name() -> None:
    """"in adults taking it daily": the adults, on a condition; no population id with
    "it" in it (before: adults_taking_it_daily). A named drug stays in the group's name."""
    assert _attributed("Aspirin causes stomach bleeding in adults taking it daily.") == [
        ("aspirin", "causes", "stomach_bleeding", "adults", "taking it daily", "certain",
         "none")]
    assert _attributed("Aspirin causes stomach bleeding in adults taking warfarin.")[0][3] == \
        "adults_taking_warfarin"


_ZINC = (Entity("zinc", "zinc", "substance"), Entity("common_cold", "common cold", "condition"))


def test_a_product_named_with_a_class_is_the_subject_and_a_kind_of_the_class() -> None:
    """"ColdAway Zinc Lozenges cure the common cold": the product, not zinc (the class its
    name contains), is what the sentence says cures; it is proposed as a brand, broader:
    zinc, so checks can still set it against what is said of zinc. Before: zinc treats
    common_cold, the product lost."""
    drafts = draft_claims("Title\n\nColdAway Zinc Lozenges cure the common cold in one day.\n",
                          _ZINC, source_id="t")
    assert [(c.subject, c.predicate, c.object) for c in drafts.claims] == [
        ("coldaway_zinc_lozenges", "treats", "common_cold")]
    made = {e.id: e for e in drafts.entities}["coldaway_zinc_lozenges"]
    assert (made.label, made.type, made.broader) == ("ColdAway Zinc Lozenges", "brand",
                                                     ("zinc",))


@pytest.mark.parametrize("text", ["Zinc Lozenges shorten the common cold.",
                                  "Zinc shortens the common cold."])
def test_a_form_of_the_class_alone_is_still_the_class(text: str) -> None:
    """Control: no brand word ("Zinc Lozenges" at a sentence's start) is no product."""
    assert [c.subject for c in draft_claims(text, _ZINC, source_id="t").claims] == ["zinc"]


def test_an_interest_named_with_a_class_is_a_product_of_it(tmp_path: Path) -> None:
    """`add --interest "zinc lozenges"`: the proposed interest is a kind of zinc (broader),
    a product (brand), not a concept linked to nothing."""
    root = tmp_path / "colds"
    assert main(["init", str(root), "--empty"]) == 0
    facts = tmp_path / "facts.txt"
    facts.write_text("Colds\n\nZinc does not cure the common cold.\n", encoding="utf-8")
    shop = tmp_path / "shop.txt"
    shop.write_text("Lozenges\n\nOur lozenges soothe a sore throat.\n", encoding="utf-8")
    assert main(["add", str(facts), "--corpus", str(root), "-q"]) == 0
    assert main(["add", str(shop), "--corpus", str(root), "-q", "--kind",
                 "provider-marketing", "--interest", "zinc lozenges"]) == 0
    made = load_corpus(root, include_drafts=True).entity_by_id["zinc_lozenges"]
    assert (made.type, made.broader) == ("brand", ("zinc",))


def _figures(text: str) -> list[tuple[str, str, str, float | None]]:
    """(subject, predicate, object, the figure's low value) of each draft of ``text``."""
    return [(c.subject, c.predicate, c.object, c.quantity.low if c.quantity else None)
            for c in draft_claims(text, source_id="t").claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Statins lowered LDL cholesterol by 30% and reduced heart attacks by 25%.",
         [("statins", "decreases", "ldl_cholesterol", 30), ("statins", "reduces",
                                                            "heart_attacks", 25)]),
        ("Exercise reduced back pain by 20% and improved mobility by about 15%.",
         [("exercise", "reduces", "back_pain", 20), ("exercise", "increases", "mobility", 15)]),
        ("Statins lowered LDL cholesterol and reduced heart attacks.",
         [("statins", "decreases", "ldl_cholesterol", None),
          ("statins", "reduces", "heart_attacks", None)]),
    ],
)
def test_a_second_coordinated_verb_of_change_drafts_with_its_own_figure(
        text: str, expected: list[tuple[str, str, str, float | None]]) -> None:
    """"X lowered A by 30% and reduced B by 25%": two effects, each with its figure.
    Before, "and reduced B" read as an adjective ("fatigue and reduced appetite") and B
    was lost (or, with figures, the second figure went to the first effect)."""
    assert _figures(text) == expected


def test_and_reduced_after_a_cause_is_still_a_noun_phrase() -> None:
    """Control: "caused fatigue and reduced appetite" lists two effects of one cause."""
    assert [f[:3] for f in _figures("Chemotherapy caused fatigue and reduced appetite.")] == [
        ("chemotherapy", "causes", "fatigue"), ("chemotherapy", "causes", "reduced_appetite")]


def test_help_inside_a_compound_or_with_a_condition_after_is_no_group_help() -> None:
    """Controls: in "self-help information to help individuals overcome back pain" the
    '-help' is part of a word (no group "information to help individuals"), and what is
    overcome is a condition, not something the people do more of."""
    vocabulary = (Entity("backcare_pages", "BackCare pages", "concept"),
                  Entity("back_pain", "back pain", "symptom"))
    drafts = draft_claims("BackCare pages hold self-help information to help individuals "
                          "overcome back pain.", vocabulary, source_id="t").claims
    assert not any(c.object.startswith("overcoming") or (c.population or "").startswith(
        "information") for c in drafts)


@pytest.mark.parametrize("appeal", ["experts say", "research shows", "some studies suggest"])
def test_it_after_an_appeal_without_that_is_the_first_clauses_subject(appeal: str) -> None:
    """"X lowers Y, and experts say it reduces Z" ("that" left out): "it" is X, not the
    object Y just before; only the second clause appeals to anyone. Before: Y reduces Z."""
    text = f"Green tea lowers cholesterol, and {appeal} it reduces blood pressure."
    drafts = _attributed(text)
    assert [d[:3] for d in drafts] == [("green_tea", "decreases", "cholesterol"),
                                       ("green_tea", "reduces", "blood_pressure")]
    assert [d[6] for d in drafts] == ["none", "research-appeal"]


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("In one trial, ginger cut the risk of nausea by 40% in travellers crossing rough "
         "seas.", "travellers_crossing_rough_seas"),
        ("Caffeine worsens sleep in adults working night shifts.", "adults_working_night_shifts"),
        ("Sunscreen cuts the risk of sunburn by 70% in children playing outdoors.",
         "children_playing_outdoors"),
    ],
)
def test_a_group_set_apart_by_what_it_is_doing_keeps_its_population(
    text: str, population: str
) -> None:
    """"in travellers crossing five time zones" was dropped (only "with", "taking", "over"…
    set a group apart), so the subgroup's figure clashed as an ERROR with the general one."""
    (draft,) = _drafts(text)
    assert draft[3] == population
