"""Rules fixed by the sixth reading (tests/data/ppi-reflux), each tested in other words.

The corpus is about proton pump inhibitors and reflux; these tests use the
made-up calmer family of tests/checks/conftest.py, so that a fix holds for
claim structure and vocabulary, not for one quote.
"""

from __future__ import annotations

from bluntgraph.checks import explain_pair
from tests.checks.conftest import ENTITIES, Builder, claim, found, ids, pct

DENIED = claim("b-calmol", "Calmol does not bring on dullness at all.", "calmol", "causes",
               "dullness", negated=True)  # fmt: skip


def test_a_class_claim_about_how_long_an_effect_lasts_is_no_rule_its_members_share(
    build: Builder,
) -> None:
    # "dullness after stopping an alpha calmer always lifts within weeks" is sure of the
    # weeks, not that every alpha calmer brings dullness: no tension with a member denied
    course = claim("a-weeks", "Dullness after stopping an alpha calmer always lifts within weeks.",
                   "alpha_calmer", "causes", "dullness", time_course="weeks",
                   time_reference="after-stopping")  # fmt: skip
    corpus = build({"a": [course], "b": [DENIED]})
    assert found(corpus, "class-claim-vs-member-denial") == []
    # the same source's plain class claim is still set against the denial, alone
    plain = claim("a-often", "Alpha calmers often cause dullness.", "alpha_calmer", "causes",
                  "dullness", certainty={"level": "probable", "cue": "often"})  # fmt: skip
    corpus = build({"a": [course, plain], "b": [DENIED]})
    (finding,) = found(corpus, "class-claim-vs-member-denial")
    assert ids(finding) == {"a-often", "b-calmol"}
    # and the course is still compared with other courses by time-course-conflict
    months = claim("c-months", "Dullness can last for months after stopping alpha calmers.",
                   "alpha_calmer", "causes", "dullness", time_course="months",
                   time_reference="after-stopping",
                   certainty={"level": "possible", "cue": "can"})  # fmt: skip
    corpus = build({"a": [course], "c": [months]})
    (finding,) = found(corpus, "time-course-conflict")
    assert ids(finding) == {"a-weeks", "c-months"}
    assert explain_pair(corpus, "a-weeks", "c-months")[0].startswith("verdict:")


def test_what_acts_on_the_only_cause_named_is_no_other_cause(build: Builder) -> None:
    # "sadness comes only from chemical X"; "the talking cure deepens sadness" by way of
    # chemical X (the vocabulary says it acts on it) names no cause besides chemical X
    entities = [*ENTITIES, {"id": "stirring", "label": "stirring up", "type": "practice",
                            "acts_on": ["chemical_x"]}]  # fmt: skip
    only = claim("a-only", "Sadness comes only from chemical X.", "chemical_x", "causes",
                 "sadness", sole_cause=True)  # fmt: skip
    through = claim("b-stir", "Stirring up old memories deepens sadness.", "stirring",
                    "worsens", "sadness")  # fmt: skip
    other = claim("b-walk", "Walking alone brings on sadness.", "walking", "causes",
                  "sadness")  # fmt: skip
    corpus = build({"a": [only], "b": [through]}, entities=entities)
    assert found(corpus, "sole-cause-vs-other-cause") == []
    # a cause that does not act on chemical X still contradicts the closed list
    corpus = build({"a": [only], "b": [through, other]}, entities=entities)
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert ids(finding) == {"a-only", "b-walk"}


def test_explain_says_why_a_class_claim_and_a_members_denial_are_left_alone(
    build: Builder,
) -> None:
    often = claim("a-often", "Alpha calmers often cause dullness.", "alpha_calmer", "causes",
                  "dullness", certainty={"level": "probable", "cue": "often"})  # fmt: skip
    short = claim("b-short", "Taken for a day or two, calmol does not bring on dullness.",
                  "calmol", "causes", "dullness", negated=True,
                  condition="taken for a day or two")  # fmt: skip
    corpus = build({"a": [often], "b": [DENIED, short]})
    (finding,) = found(corpus, "class-claim-vs-member-denial")
    assert ids(finding) == {"a-often", "b-calmol"}
    reported = explain_pair(corpus, "a-often", "b-calmol")
    assert reported[-1].endswith("which class-claim-vs-member-denial reports")
    # the rule leaves a conditional denial alone, and explain no longer says it reports it
    left = explain_pair(corpus, "a-often", "b-short")
    assert left[-1].endswith(
        "which class-claim-vs-member-denial compares, but not these: the denial is limited "
        "by a condition (“taken for a day or two”)"
    )


def test_a_denied_link_is_contradicted_by_a_cause_or_an_effect(build: Builder) -> None:
    no_link = claim("a-no-link", "Larger studies found no link between calmol and gloom.",
                    "calmol", "associated_with", "gloom", negated=True)  # fmt: skip
    causes = claim("b-causes", "Calmol brings on gloom, a new survey proves.", "calmol",
                   "causes", "gloom")  # fmt: skip
    lifts = claim("c-lifts", "Calmolex lifts gloom.", "calmolex", "reduces", "gloom")
    corpus = build({"a": [no_link], "b": [causes], "c": [lifts]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"a-no-link", "b-causes", "c-lifts"}
    assert "a (body) says calmol is not associated with gloom" in finding.message
    assert explain_pair(corpus, "a-no-link", "b-causes")[0] == "verdict: asserted-and-negated"
    # not the other way round: "does not cause" leaves room for a link
    no_cause = claim("a-no-cause", "Calmol does not bring on gloom.", "calmol", "causes",
                     "gloom", negated=True)  # fmt: skip
    linked = claim("b-linked", "Calmol is linked to gloom.", "calmol", "associated_with",
                   "gloom")  # fmt: skip
    corpus = build({"a": [no_cause], "b": [linked]})
    assert found(corpus, "asserted-and-negated") == []
    assert explain_pair(corpus, "a-no-cause", "b-linked")[-1] == "they use different relations"


_CALMOL_BIB = ("@article{ng2019,\n  author = {Ng, P},\n"
               "  title = {Calmol and chemical X levels in volunteers},\n"
               "  journal = {Journal of Calm Research},\n  year = {2019},\n}\n")  # fmt: skip


def test_an_off_topic_title_is_said_to_name_the_term_it_uses(build: Builder) -> None:
    cited = {"kind": "cited", "references": ["ng2019"]}
    corpus = build(
        {"shop": [
            claim("brand", "Calmolex lifts sadness [1].", "calmolex", "reduces", "sadness",
                  attribution=cited),
            claim("class", "Alpha calmers lift sadness [1].", "alpha_calmer", "reduces",
                  "sadness", attribution=cited),
        ]},
        bib=_CALMOL_BIB,
    )  # fmt: skip
    messages = {next(iter(ids(f))): f.message for f in found(corpus, "cited-work-off-topic")}
    # the title names calmol, the drug of the brand, and a kind of the class: it says so
    # (it said "names Calmolex" and "names alpha calmer")
    assert "names calmol (Calmolex is a kind of it) but not sadness" in messages["brand"]
    assert "names calmol (a kind of alpha calmer) but not sadness" in messages["class"]


def test_explain_reads_an_unstated_population_as_everyone_as_scope_drift_does(
    build: Builder,
) -> None:
    measured = claim("a-long", "In long-term calmer users, 30% feel dull.", "calmer", "causes",
                     "dullness", population="long_term_calmer_users",
                     quantity=pct(30, 30, "exact"))  # fmt: skip
    carried = claim("b-all", "Calmers make 30% of people dull.", "calmer", "causes",
                    "dullness", quantity=pct(30, 30, "exact"))  # fmt: skip
    corpus = build({"a": [measured], "b": [carried]})
    (finding,) = found(corpus, "same-figure-different-population")
    assert "People (no population stated) contains long-term calmer users" in finding.message
    reasons = explain_pair(corpus, "a-long", "b-all")
    assert reasons[0] == "verdict: scope-drift"
    # it said "the populations differ and neither contains the other"
    assert (
        "the populations differ: one is not stated, which reads as everyone and contains "
        "long-term calmer users"
    ) in reasons


def test_explain_reads_a_sole_cause_and_another_cause_as_the_rule_does(
    build: Builder,
) -> None:
    entities = [*ENTITIES, {"id": "stirring", "label": "stirring up", "type": "practice",
                            "acts_on": ["chemical_x"]}]  # fmt: skip
    only = claim("a-only", "Sadness comes only from chemical X.", "chemical_x", "causes",
                 "sadness", sole_cause=True)  # fmt: skip
    other = claim("b-walk", "Walking alone brings on sadness.", "walking", "causes", "sadness")
    through = claim("b-stir", "Stirring up old memories deepens sadness.", "stirring",
                    "worsens", "sadness")  # fmt: skip
    belief = claim("b-belief", "Many people believe that walking alone brings on gloom.",
                   "walking", "causes", "gloom",
                   attribution={"kind": "none", "cue": "Many people believe",
                                "mode": "reports"})  # fmt: skip
    corpus = build({"a": [only], "b": [other, through, belief]}, entities=entities)
    # it said "nothing in their structure makes them clash" for each
    assert explain_pair(corpus, "a-only", "b-walk")[0] == "verdict: other-cause"
    assert explain_pair(corpus, "b-stir", "a-only")[0] == "verdict: compatible"
    assert explain_pair(corpus, "a-only", "b-belief")[0] == "verdict: not-comparable"
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert ids(finding) == {"a-only", "b-walk"}


def test_some_researchers_think_is_an_appeal_to_unnamed_people(build: Builder) -> None:
    appeal = {"kind": "research-appeal", "cue": "Some researchers think"}
    corpus = build({"blog": [
        claim("think", "Some researchers think calmol might ease sadness.", "calmol", "reduces",
              "sadness", certainty={"level": "speculative", "cue": "Some researchers think"},
              attribution=appeal),
    ]})  # fmt: skip
    (finding,) = found(corpus, "research-claim-without-reference")
    # it said "appeals to research" and "what that research found"
    assert "appeals to experts (“Some researchers think”)" in finding.message
    assert "what those experts hold" in finding.message
