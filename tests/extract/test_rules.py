"""Relation rules on texts of other topics: passives, relative clauses, lists, FAQ answers."""

from __future__ import annotations

from bluntgraph import draft_claims


def _triples(text: str) -> set[tuple[str, str, str]]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return {(labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}


def test_passive_voice_swaps_subject_and_object() -> None:
    assert ("cognitive behavioural therapy", "treats", "insomnia") in _triples(
        "Insomnia is often treated with cognitive behavioural therapy.")
    assert ("rest", "reduces", "migraine pain") in _triples(
        "Migraine pain can be relieved by rest in a dark room.")
    assert ("coffee", "worsens", "heartburn") in _triples("Heartburn is made worse by coffee.")


def test_a_relative_clause_between_subject_and_verb_is_stepped_over() -> None:
    triples = _triples(
        "Osteomalacia, which softens the bones, is treated with vitamin D and calcium.")
    assert {("vitamin D", "treats", "osteomalacia"), ("calcium", "treats", "osteomalacia")} \
        <= triples
    assert not any(o == "bones" for _, _, o in triples)
    triples = _triples("Statins, which lower cholesterol, can cause muscle aches.")
    assert ("statins", "causes", "muscle aches") in triples
    assert ("statins", "decreases", "cholesterol") in triples


def test_coordinated_objects_each_get_a_draft() -> None:
    # "bone pain" is named twice (a term of the second pass), "muscle weakness" once
    triples = _triples("Vitamin D deficiency can cause bone pain and muscle weakness. "
                       "Bone pain is common in winter.")
    assert {("vitamin D deficiency", "causes", "bone pain"),
            ("vitamin D deficiency", "causes", "muscle weakness")} <= triples
    triples = _triples("Caffeine can cause jitters, headaches and a racing heart in some "
                       "people. Headaches are common.")
    assert {("caffeine", "causes", "jitters"), ("caffeine", "causes", "headaches"),
            ("caffeine", "causes", "racing heart")} <= triples


def test_coordinated_subjects_each_get_a_draft() -> None:
    assert {("coffee", "worsens", "insomnia"), ("tea", "worsens", "insomnia")} <= _triples(
        "Coffee and tea can worsen insomnia.")
    assert {("stress", "worsens", "migraine"), ("poor sleep", "worsens", "migraine")} <= \
        _triples("Stress and poor sleep both worsen migraine.")


def test_a_short_faq_answer_carries_the_question_relation() -> None:
    text = ("Statins and muscles\nStatins lower cholesterol.\nFAQ\n"
            "Can statins cause memory loss?\nNo, large trials found no link.\n"
            "Does exercise relieve muscle pain?\nIn many cases, yes.\n")
    drafts = draft_claims(text, source_id="statins")
    labels = {e.id: e.label for e in drafts.entities}
    by_triple = {(labels[c.subject], c.predicate, labels[c.object]): c for c in drafts.claims}
    denial = by_triple[("statins", "causes", "memory loss")]
    assert denial.negated and denial.quote == "No, large trials found no link."
    assert denial.section == "faq" and text[denial.start : denial.end] == denial.quote
    relief = by_triple[("exercise", "reduces", "muscle pain")]
    assert not relief.negated and relief.quote == "In many cases, yes."
    assert relief.certainty.level == "probable"


def test_a_full_answer_is_read_on_its_own() -> None:
    text = ("Sleep questions\nDoes alcohol worsen sleep apnea?\n"
            "Alcohol relaxes the throat muscles and can worsen sleep apnea.\n")
    drafts = draft_claims(text, source_id="sleep")
    labels = {e.id: e.label for e in drafts.entities}
    worsens = [c for c in drafts.claims if c.predicate == "worsens"]
    assert [(labels[c.subject], labels[c.object]) for c in worsens] == [
        ("alcohol", "sleep apnea")]


def test_cause_nouns_and_improving_what_is_not_a_symptom() -> None:
    assert ("antidepressant medication", "causes", "emotional blunting") not in _triples(
        "Sunlight exposure is one of the main triggers of migraine.")
    assert ("sunlight exposure", "causes", "migraine") in _triples(
        "Sunlight exposure is one of the main triggers of migraine.")
    assert ("coffee", "increases", "alertness") in _triples(
        "A strong coffee at the start of a shift can improve alertness for several hours.")
    assert ("exercise", "reduces", "insomnia") in _triples("Exercise improves insomnia.")
    assert ("caffeine", "causes", "poor daytime sleep") in _triples(  # not "afterwards"
        "Caffeine taken in the last hours of a shift may cause poor daytime sleep afterwards.")
    assert _triples("It is important to seek integrated treatment for mental health issues.") \
        == set()


def test_what_people_with_a_condition_or_taking_a_drug_experience() -> None:
    assert ("nausea", "symptom_of", "migraine") in _triples(
        "People with migraine often feel nausea.")
    assert ("statins", "causes", "muscle aches") in _triples(
        "People taking statins may experience muscle aches.")
    assert ("diabetes", "causes", "nerve damage") in _triples(
        "People with diabetes can develop nerve damage.")


def test_it_after_a_first_clause_is_that_clause_subject() -> None:
    triples = _triples("Sleep and mood\nPoor sleep is common. Although depression is often "
                       "linked to sadness, it can also cause insomnia.")
    assert ("depression", "causes", "insomnia") in triples
    assert ("poor sleep", "causes", "insomnia") not in triples
