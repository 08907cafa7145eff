"""Drafting shapes of new topics: prevalence, lists, coordination, attribution, advice.

Topics of our own (vitamin D and falls, iron, zinc and colds, caffeine in pregnancy,
magnesium); the vocabulary is empty unless a test says otherwise.
"""

from __future__ import annotations

import re

import pytest

from bluntgraph import Entity, Reference, draft_claims

pytest.importorskip("negspacy")


def _claims(text: str, vocabulary: list[Entity] | None = None
            ) -> list[tuple[str, str, str, str | None, bool]]:
    drafts = draft_claims(f"Notes\n\n{text}\n", vocabulary=vocabulary)
    return [(c.subject, c.predicate, c.object, c.population, c.negated) for c in drafts.claims]


def test_a_long_population_id_is_cut_where_a_word_ends() -> None:
    drafts = draft_claims(
        "Notes\n\nVitamin D supplements reduce falls in older adults living in residential "
        "care facilities in northern regions. Vitamin D supplements reduce falls in older "
        "adults living in residential care facilities in southern regions.\n")
    populations = [c.population for c in drafts.claims]
    assert populations[0] == "older_adults_living_in_residential_care"
    assert populations[1] == "older_adults_living_in_residential_care_2"  # still unique
    assert all(len(p or "") <= 48 for p in populations)


@pytest.mark.parametrize("sentence", [
    "Jane Smith, a dietitian at the University of Leeds, argues that zinc lozenges shorten "
    "colds.",
    "Zinc lozenges shorten colds, argues Jane Smith, a dietitian at the University of Leeds.",
])
def test_a_named_expert_with_a_role_is_the_attribution(sentence: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n")
    [claim] = drafts.claims
    assert (claim.subject, claim.predicate, claim.object) == ("zinc_lozenges", "reduces", "colds")
    assert claim.attribution.kind == "expert"
    assert claim.attribution.mode == "reports"
    assert claim.attribution.expert == "Jane Smith"  # the name, as for "says" (its role aside)
    assert "argues" in (claim.attribution.cue or "")


VITAMIN_D = [Entity(id="vitamin_d", label="vitamin D", type="drug"),
             Entity(id="calcium", label="calcium", type="substance")]


@pytest.mark.parametrize("vocabulary", [None, VITAMIN_D], ids=["empty", "known"])
@pytest.mark.parametrize(("sentence", "condition"), [
    ("Up to 80% of care home residents have low vitamin D levels.", "low_vitamin_d_levels"),
    ("Up to 80% of care home residents have low vitamin D.", "low_vitamin_d"),
    ("About a third of older adults have poor calcium status.", "poor_calcium_status"),
])
def test_the_level_people_have_is_what_the_share_counts(
        sentence: str, condition: str, vocabulary: list[Entity] | None) -> None:
    drafts = _claims(sentence, vocabulary)
    assert [d[:2] for d in drafts] == [(condition, "prevalence")], drafts
    assert drafts[0][2] == drafts[0][3]  # the counted people, also the population


def test_a_nutrient_levels_are_still_the_nutrient_without_a_level_word() -> None:  # control
    assert _claims("Sunlight raises vitamin D levels.", VITAMIN_D) == [
        ("sunlight", "increases", "vitamin_d", None, False)]


@pytest.mark.parametrize("sentence", [
    "Up to 80% of care home residents are deficient.",
    "Being deficient can cause fatigue.",
])
def test_deficient_alone_is_no_term(sentence: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n")
    assert not any("deficient" in e.id for e in drafts.entities)
    assert not any("deficient" in (c.subject, c.object) for c in drafts.claims)


@pytest.mark.parametrize("vocabulary", [None, VITAMIN_D], ids=["empty", "known"])
def test_deficient_after_a_nutrient_names_its_deficiency(
        vocabulary: list[Entity] | None) -> None:
    drafts = _claims("Being vitamin D deficient can cause bone pain.", vocabulary)
    assert [d[:3] for d in drafts] == [("vitamin_d_deficiency", "causes", "bone_pain")]


@pytest.mark.parametrize("known", [("nausea", "diarrhoea"), ("diarrhoea",), ("bloating",), ()],
                         ids=["first-and-last", "last", "middle", "none"])
def test_every_coordinated_outcome_is_drafted_with_the_cue(known: tuple[str, ...]) -> None:
    vocabulary = [Entity(id=name, label=name, type="symptom") for name in known]
    drafts = _claims("Iron tablets cause nausea, bloating and diarrhoea.", vocabulary)
    assert [d[:3] for d in drafts] == [("iron_tablets", "causes", outcome)
                                       for outcome in ("nausea", "bloating", "diarrhoea")]


def _polar(text: str, vocabulary: list[Entity] | None = None
           ) -> list[tuple[str, str, str, bool, str]]:
    drafts = draft_claims(f"Notes\n\n{text}\n", vocabulary=vocabulary)
    return [(c.subject, c.predicate, c.object, c.negated, c.certainty.level)
            for c in drafts.claims]


@pytest.mark.parametrize("vocabulary", [None, [Entity(id="zinc", label="zinc", type="substance")]],
                         ids=["empty", "known"])
def test_an_elided_verb_phrase_is_copied_with_its_own_subject_and_polarity(
        vocabulary: list[Entity] | None) -> None:
    assert _polar("Zinc does not shorten colds, but zinc lozenges may.", vocabulary) == [
        ("zinc", "reduces", "colds", True, "certain"),
        ("zinc_lozenges", "reduces", "colds", False, "possible"),
    ]


def test_an_elided_denial_denies_the_copied_relation() -> None:
    assert _polar("Echinacea may reduce coughs and sore throats, but garlic does not.") == [
        ("echinacea", "reduces", "coughs", False, "possible"),
        ("echinacea", "reduces", "sore_throats", False, "possible"),
        ("garlic", "reduces", "coughs", True, "certain"),
        ("garlic", "reduces", "sore_throats", True, "certain"),
    ]


def test_a_pronoun_in_the_elided_clause_adds_no_subject() -> None:  # a control
    assert _polar("Garlic does not lower blood pressure, but it may.") == [
        ("garlic", "decreases", "blood_pressure", True, "certain")]


def _scoped(text: str) -> list[tuple[str, bool, str | None]]:
    drafts = draft_claims(f"Notes\n\n{text}\n")
    return [(c.subject, c.negated, c.condition) for c in drafts.claims
            if (c.predicate, c.object) == ("reduces", "fractures")]


@pytest.mark.parametrize("order", ["pair first", "alone first"])
def test_split_members_are_scoped_to_the_combination_an_alone_denial_names(order: str) -> None:
    pair = "Calcium and vitamin D reduce fractures in older women."
    alone = "Calcium alone does not reduce fractures in older women."
    drafts = _scoped(f"{pair} {alone}" if order == "pair first" else f"{alone} {pair}")
    assert sorted(drafts, key=str) == sorted([
        ("calcium", False, "combined with vitamin D"),
        ("vitamin_d", False, "combined with calcium"),
        ("calcium", True, "alone"),
    ], key=str)


def test_split_members_stay_bare_without_an_alone_denial() -> None:  # a control
    drafts = _scoped("Calcium and vitamin D reduce fractures in older women. Calcium does "
                     "not reduce fractures in older women.")
    assert ("calcium", False, None) in drafts and ("vitamin_d", False, None) in drafts


@pytest.mark.parametrize(("text", "expected"), [
    ("Doctors advise pregnant women to limit caffeine to reduce the risk of miscarriage.",
     ("limiting_caffeine", "recommends", "miscarriage", "pregnant_women", False)),
    ("Midwives advise pregnant women to cut down on coffee for heartburn.",
     ("cutting_down_on_coffee", "recommends", "heartburn", "pregnant_women", False)),
    ("Heartburn in pregnancy\n\nHeartburn is common in pregnancy. Midwives advise pregnant "
     "women to avoid spicy food.",
     ("avoiding_spicy_food", "recommends", "heartburn", "pregnant_women", False)),
])
def test_the_people_advised_are_the_population_not_the_object(
        text: str, expected: tuple[str, str, str, str, bool]) -> None:
    drafts = [d for d in _claims(text) if d[1] == "recommends"]
    assert drafts == [expected]


@pytest.mark.parametrize(("sentence", "subject", "obj"), [
    ("Beetroot juice lowers blood pressure ([study](https://example.org/papers/ajh_hpx102)).",
     "beetroot_juice", "blood_pressure"),
    ("[Beetroot juice](https://example.org/beet_juice_x1) lowers blood pressure.",
     "beetroot_juice", "blood_pressure"),
])
def test_a_markdown_link_address_is_no_word_of_the_text(
        sentence: str, subject: str, obj: str) -> None:
    drafts = draft_claims(f"Notes\n\n{sentence}\n")
    [claim] = drafts.claims
    assert (claim.subject, claim.predicate, claim.object) == (subject, "decreases", obj)
    assert claim.quote == sentence  # the words as written, link and all
    assert not any(re.search(r"ajh|https|org|x1|study", e.id) for e in drafts.entities)


def test_a_markdown_link_to_a_known_work_still_cites_it() -> None:
    reference = Reference(key="beet2017", entry_type="article", fields=(
        ("title", "Beetroot juice and blood pressure"),
        ("url", "https://example.org/papers/ajh_hpx102")))
    drafts = draft_claims(
        "Notes\n\nBeetroot juice lowers blood pressure, a "
        "[trial](https://example.org/papers/ajh_hpx102) found.\n", references=[reference])
    assert [c.attribution.references for c in drafts.claims] == [("beet2017",)]


MAGNESIUM = """# Magnesium

Magnesium is a mineral that helps muscles work.

## Who should take magnesium?

- People with migraines
- Those who have type 2 diabetes

## Who should not take magnesium supplements?

- People with kidney disease

## What are the side effects of magnesium?

- Diarrhoea
- Nausea
"""


def test_fragments_under_a_question_heading_take_its_subject_and_relation() -> None:
    drafts = draft_claims(MAGNESIUM)
    got = [(c.subject, c.predicate, c.object, c.population, c.negated, c.quote)
           for c in drafts.claims if c.section == "list"]
    assert got == [
        ("magnesium", "recommends", "migraines", "people_with_migraines", False,
         "People with migraines"),
        ("magnesium", "recommends", "type_2_diabetes", "those_who_have_type_2_diabetes", False,
         "Those who have type 2 diabetes"),
        ("magnesium_supplements", "recommends", "kidney_disease", "people_with_kidney_disease",
         True, "People with kidney disease"),
        ("magnesium", "causes", "diarrhoea", None, False, "Diarrhoea"),
        ("magnesium", "causes", "nausea", None, False, "Nausea"),
    ]


def test_a_full_sentence_under_a_question_heading_is_read_as_itself() -> None:  # a control
    drafts = draft_claims("# Magnesium\n\n## What are the side effects of magnesium?\n\n"
                          "- Iron tablets can cause constipation.\n")
    assert [(c.subject, c.predicate, c.object) for c in drafts.claims] == [
        ("iron_tablets", "causes", "constipation")]


def test_a_change_named_in_a_list_of_outcomes_keeps_the_list_subject_and_predicate() -> None:
    drafts = _claims("Statins can cause muscle aches, a rise in blood sugar and memory problems.")
    assert [d[:3] for d in drafts] == [
        ("statins", "causes", "muscle_aches"),
        ("statins", "increases", "blood_sugar"),  # the change the list names, of statins
        ("statins", "causes", "memory_problems"),  # the cause of the list, not "a rise in"
    ]


def test_verb_phrases_listed_after_commas_share_the_first_subject() -> None:
    drafts = _claims("Iron tablets can cause nausea, worsen reflux and lead to constipation.")
    assert [d[:3] for d in drafts] == [
        ("iron_tablets", "causes", "nausea"),
        ("iron_tablets", "worsens", "reflux"),
        ("iron_tablets", "causes", "constipation"),
    ]


def test_a_participle_after_a_comma_still_describes_the_noun_before_it() -> None:  # control
    drafts = _claims("Caffeine causes jitters, linked to anxiety.")
    assert ("jitters", "associated_with", "anxiety", None, False) in drafts
