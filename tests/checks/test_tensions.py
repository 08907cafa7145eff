"""Tensions: claims that clash only once the vocabulary's facts are used."""

from __future__ import annotations

from bluntgraph import Vocabulary
from bluntgraph.checks.tensions import membership_reason
from tests.checks.conftest import ENTITIES, Builder, claim, found, ids

CLASS_CAUSES = claim("a-class", "Chemical-X drugs cause dullness.", "chem_x_class", "causes",
                     "dullness")  # fmt: skip


def test_member_by_facts_offered_as_treatment(build: Builder) -> None:
    offer = claim("b-gamma", "Try gamma drug for dullness.", "gamma_drug", "treats", "dullness",
                  condition="when switching")  # fmt: skip
    corpus = build({"a": [CLASS_CAUSES], "b": [offer]})
    (finding,) = found(corpus, "class-effect-vs-member-treatment")
    assert finding.kind == "tension" and finding.severity == "warning"
    assert ids(finding) == {"a-class", "b-gamma"}
    assert "gamma drug acts on chemical X" in finding.message
    assert "chemical-X drug" in finding.message


def test_membership_reason_names_the_fact_holder() -> None:
    from bluntgraph import Corpus, Entity

    entities = tuple(
        Entity(
            id=e["id"], label=e["label"], type=e["type"], broader=tuple(e.get("broader", ())),
            acts_on=tuple(e.get("acts_on", ())),
            member_if=tuple(e.get("member_if", {}).items()),
        )
        for e in ENTITIES
    )  # fmt: skip
    vocab = Vocabulary(Corpus(sources=(), claims=(), entities=entities, references=()))
    assert membership_reason(vocab, "calmol", "chem_x_class") == (
        "calmol acts on chemical X (as alpha calmer)"
    )
    assert membership_reason(vocab, "calmol", "calmer") == (
        "calmol is a kind of alpha calmer, a kind of calmer"
    )


def test_declared_member_of_an_unsplit_class_is_info(build: Builder) -> None:
    causes = claim("a-alpha", "Alpha calmers cause dullness.", "alpha_calmer", "causes",
                   "dullness")  # fmt: skip
    offer = claim("b-calmol", "Calmol relieves dullness.", "calmol", "reduces", "dullness")
    corpus = build({"a": [causes], "b": [offer]})
    (finding,) = found(corpus, "class-effect-vs-member-treatment")
    assert finding.severity == "info"
    assert "calmol is a kind of alpha calmer" in finding.message


def test_tension_near_misses(build: Builder) -> None:
    scoped = claim("a-scoped", "Some calmers cause dullness in gloom.", "calmer", "causes",
                   "dullness", condition="some calmers")  # fmt: skip
    hedged = claim(
        "b-hedged",
        "Alpha calmers can cause listlessness.",
        "alpha_calmer",
        "causes",
        "listlessness",
        certainty={"level": "possible", "cue": "can"},
    )
    calmol_l = claim("c-calmol", "Calmol relieves listlessness.", "calmol", "reduces",
                     "listlessness")  # fmt: skip
    calmol_d = claim("c-calmol-d", "Calmol relieves dullness.", "calmol", "reduces", "dullness")
    other_outcome = claim("d-walk", "Walking relieves dullness.", "walking", "reduces",
                          "dullness")  # fmt: skip
    corpus = build({"a": [scoped], "b": [hedged], "c": [calmol_l, calmol_d], "d": [other_outcome]})
    # a scoped class claim; a hedged class claim with a declared member; a non-member
    assert found(corpus, "class-effect-vs-member-treatment") == []


def test_class_effect_in_one_group_and_a_member_offered_to_another(build: Builder) -> None:
    in_gloom = dict(CLASS_CAUSES, quote="In people with gloom, chemical-X drugs cause dullness.",
                    population="gloomy_people")  # fmt: skip
    for_users = claim("b-gamma", "Gamma drug relieves dullness in long-term calmer users.",
                      "gamma_drug", "reduces", "dullness",
                      population="long_term_calmer_users")  # fmt: skip
    # people with gloom and long-term calmer users are not one group: no tension
    assert found(build({"a": [in_gloom], "b": [for_users]}),
                 "class-effect-vs-member-treatment") == []  # fmt: skip
    # an offer that names no population reaches people with gloom too
    anyone = dict(for_users, quote="Gamma drug relieves dullness.", population=None)
    (finding,) = found(build({"a": [in_gloom], "b": [anyone]}), "class-effect-vs-member-treatment")
    assert ids(finding) == {"a-class", "b-gamma"}


def test_a_class_raising_a_level_and_a_member_lowering_it_is_worded_as_levels(
    build: Builder,
) -> None:
    raises = claim("a-raises", "Chemical-X drugs raise sadness.", "chem_x_class", "increases",
                   "sadness")  # fmt: skip
    lowers = claim("b-lowers", "Gamma drug lowers sadness.", "gamma_drug", "decreases", "sadness")
    (finding,) = found(build({"a": [raises], "b": [lowers]}), "class-effect-vs-member-treatment")
    expected = "chemical-X drug raises sadness, yet b (body) offers gamma drug to lower sadness"
    assert expected in finding.message
    assert "If the class raises it" in finding.message


def test_split_class_is_not_assumed_to_act_alike(build: Builder) -> None:
    entities = [dict(e) for e in ENTITIES]
    for e in entities:
        if e["id"] == "alpha_calmer":
            e["disjoint_with"] = ["beta_calmer"]
    causes = claim("a-calmers", "Calmers cause dullness.", "calmer", "causes", "dullness")
    offer = claim("b-calmol", "Calmol relieves dullness.", "calmol", "reduces", "dullness")
    corpus = build({"a": [causes], "b": [offer]}, entities=entities)
    assert found(corpus, "class-effect-vs-member-treatment") == []


def test_not_permanent_is_broken_only_by_permanent(build: Builder) -> None:
    promise = claim("a-passes", "It is not permanent.", "calmer", "causes", "dullness",
                    negated=True, time_course="permanent", section="summary")  # fmt: skip
    lasts = claim("a-lasts", "For others the dullness may persist.", "calmer", "causes",
                  "dullness", time_course="persistent", condition="if tied to the dose",
                  certainty={"level": "possible", "cue": "may"})  # fmt: skip
    # persisting for a while is not lasting for ever
    assert found(build({"a": [promise, lasts]}), "time-course-conflict") == []
    forever = claim("a-forever", "For a few the dullness is permanent.", "calmer", "causes",
                    "dullness", time_course="permanent", condition="for a few")  # fmt: skip
    (finding,) = found(build({"a": [promise, lasts, forever]}), "time-course-conflict")
    assert finding.kind == "tension"
    assert ids(finding) == {"a-passes", "a-forever"}
    assert "not permanent" in finding.message and "can be permanent" in finding.message
    assert "“for a few”" in finding.message


def test_hedged_or_scoped_promises_leave_room(build: Builder) -> None:
    often = claim(
        "a-often",
        "It is often reversible.",
        "calmer",
        "causes",
        "dullness",
        time_course="reversible",
        certainty={"level": "probable", "cue": "often"},
    )
    scoped = claim("b-scoped", "Early on it is temporary.", "calmer", "causes", "dullness",
                   time_course="transient", condition="early on")  # fmt: skip
    lasts = claim("c-lasts", "It may persist.", "calmer", "causes", "dullness",
                  time_course="persistent")  # fmt: skip
    relief = claim("d-relief", "Walking gives lasting relief.", "walking", "reduces", "dullness",
                   time_course="persistent")  # fmt: skip
    corpus = build({"a": [often], "b": [scoped], "c": [lasts], "d": [relief]})
    assert found(corpus, "time-course-conflict") == []


def test_classification_against_the_vocabulary(build: Builder) -> None:
    entities = [*ENTITIES, {"id": "non_x_drug", "label": "non-chemical-X drug",
                            "type": "drug_class", "disjoint_with": ["chem_x_class"]}]  # fmt: skip
    wrong = claim("a-wrong", "Gamma drug is a non-chemical-X drug.", "gamma_drug", "defined_as",
                  "non_x_drug")  # fmt: skip
    fine = claim("a-fine", "Calmol is a calmer.", "calmol", "defined_as", "calmer")
    corpus = build({"a": [wrong, fine]}, entities=entities)
    (finding,) = found(corpus, "classification-against-vocabulary")
    assert ids(finding) == {"a-wrong"}
    assert "acts on chemical X" in finding.message
