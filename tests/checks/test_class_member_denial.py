"""class-claim-vs-member-denial: a class said to do what another source denies of a member."""

from __future__ import annotations

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from tests.checks.conftest import ENTITIES, Builder, claim, found, ids

RULE = "class-claim-vs-member-denial"

ALPHA_CAUSES = claim("a-alpha", "Alpha calmers cause dullness.", "alpha_calmer", "causes",
                     "dullness")  # fmt: skip
CALMOL_DENIED = claim("b-calmol", "Calmol does not cause dullness.", "calmol", "causes",
                      "dullness", negated=True)  # fmt: skip


def test_member_by_is_a_denied(build: Builder) -> None:
    corpus = build({"a": [ALPHA_CAUSES], "b": [CALMOL_DENIED]})
    (finding,) = found(corpus, RULE)
    assert finding.kind == "tension" and finding.severity == "warning"
    assert ids(finding) == {"a-alpha", "b-calmol"}
    assert "a (body) says alpha calmer causes dullness" in finding.message
    assert "b (body) says calmol does not cause dullness" in finding.message
    assert "calmol is a kind of alpha calmer" in finding.message
    # the pair is the one the finding is about
    assert [tuple(pair) for pair in finding.pairs] == [("a-alpha", "b-calmol")]


def test_member_by_facts_denied(build: Builder) -> None:
    causes = claim("a-x", "Chemical-X drugs cause dullness.", "chem_x_class", "causes",
                   "dullness")  # fmt: skip
    denied = claim("b-gamma", "Gamma drug does not cause dullness.", "gamma_drug", "causes",
                   "dullness", negated=True)  # fmt: skip
    corpus = build({"a": [causes], "b": [denied]})
    (finding,) = found(corpus, RULE)
    assert "gamma drug acts on chemical X" in finding.message


def test_the_denial_of_a_wider_outcome_covers_the_class_claims_narrower_one(
    build: Builder,
) -> None:
    entities = [*ENTITIES, {"id": "numbness", "label": "numbness", "type": "symptom",
                            "broader": ["dullness"]}]  # fmt: skip
    causes = claim("a-alpha", "Alpha calmers cause numbness.", "alpha_calmer", "causes",
                   "numbness")  # fmt: skip
    corpus = build({"a": [causes], "b": [CALMOL_DENIED]}, entities=entities)
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"a-alpha", "b-calmol"}
    # the other way round: a member denied a narrower outcome says nothing of the wider one
    causes_wide = claim("a-alpha", "Alpha calmers cause dullness.", "alpha_calmer", "causes",
                        "dullness")  # fmt: skip
    denied_narrow = claim("b-calmol", "Calmol does not cause numbness.", "calmol", "causes",
                          "numbness", negated=True)  # fmt: skip
    corpus = build({"a": [causes_wide], "b": [denied_narrow]}, entities=entities)
    assert found(corpus, RULE) == []


def test_near_misses(build: Builder) -> None:
    hedged_class = dict(ALPHA_CAUSES, quote="Alpha calmers can cause dullness.",
                        certainty={"level": "possible", "cue": "can"})  # fmt: skip
    hedged_denial = dict(CALMOL_DENIED, quote="Calmol may not cause dullness.",
                         certainty={"level": "possible", "cue": "may not"})  # fmt: skip
    scoped_denial = dict(CALMOL_DENIED, quote="Calmol does not cause dullness at low doses.",
                         condition="at low doses")  # fmt: skip
    course_only = dict(CALMOL_DENIED, quote="Dullness from calmol is not permanent.",
                       time_course="permanent")  # fmt: skip
    figure = dict(ALPHA_CAUSES, quote="Alpha calmers cause dullness in 30% of users.",
                  quantity={"measure": "proportion_affected", "low": 30, "unit": "percent",
                            "bound": "exact"})  # fmt: skip
    for general, denial in [
        (hedged_class, CALMOL_DENIED),
        (ALPHA_CAUSES, hedged_denial),
        (ALPHA_CAUSES, scoped_denial),
        (ALPHA_CAUSES, course_only),
        (figure, CALMOL_DENIED),
    ]:
        corpus = build({"a": [general], "b": [denial]})
        assert found(corpus, RULE) == [], (general["quote"], denial["quote"])


def test_one_source_stating_its_own_exception_is_not_a_tension(build: Builder) -> None:
    # within one source, the denial is the exception the source states
    corpus = build({"a": [ALPHA_CAUSES, dict(CALMOL_DENIED, id="a-calmol")]})
    assert found(corpus, RULE) == []
    # nor when the class claim's source also denies it for that member: it knows the
    # exception, which another source repeating does not change
    corpus = build({"a": [ALPHA_CAUSES, dict(CALMOL_DENIED, id="a-calmol")],
                    "b": [CALMOL_DENIED]})  # fmt: skip
    assert found(corpus, RULE) == []


def test_populations_that_share_nobody_are_not_compared(build: Builder) -> None:
    general = dict(ALPHA_CAUSES, quote="In people with gloom, alpha calmers cause dullness.",
                   population="gloomy_people")  # fmt: skip
    denial = dict(CALMOL_DENIED, quote="In long-term calmer users, calmol does not cause "
                  "dullness.", population="long_term_calmer_users")  # fmt: skip
    corpus = build({"a": [general], "b": [denial]})
    assert found(corpus, RULE) == []
    # an unstated population covers everyone
    corpus = build({"a": [ALPHA_CAUSES], "b": [denial]})
    assert len(found(corpus, RULE)) == 1


def test_a_class_denied_and_a_member_asserted_stays_a_contradiction(build: Builder) -> None:
    denial = claim("a-alpha", "Alpha calmers do not cause dullness.", "alpha_calmer", "causes",
                   "dullness", negated=True)  # fmt: skip
    member = claim("b-calmol", "Calmol causes dullness.", "calmol", "causes", "dullness")
    corpus = build({"a": [denial], "b": [member]})
    rules = {f.rule for f in run_checks(corpus)}
    assert "asserted-and-negated" in rules and RULE not in rules


def test_a_brand_is_its_drug_not_a_member(build: Builder) -> None:
    general = claim("a-calmol", "Calmol causes dullness.", "calmol", "causes", "dullness")
    brand = claim("b-brand", "Calmolex does not cause dullness.", "calmolex", "causes",
                  "dullness", negated=True)  # fmt: skip
    corpus = build({"a": [general], "b": [brand]})
    assert found(corpus, RULE) == []


def test_the_classes_one_source_names_are_one_finding(build: Builder) -> None:
    calmers = claim("a-calmer", "Calmers cause dullness.", "calmer", "causes", "dullness")
    corpus = build({"a": [calmers, ALPHA_CAUSES], "b": [CALMOL_DENIED]})
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"a-calmer", "a-alpha", "b-calmol"}
    assert "in the classes “calmer” and “alpha calmer”" in finding.message
    # one reason, the is-a chain through both classes
    assert ": calmol is a kind of alpha calmer, a kind of calmer. Either" in finding.message


def test_explain_names_the_tension_rule(build: Builder) -> None:
    corpus = build({"a": [ALPHA_CAUSES], "b": [CALMOL_DENIED]})
    lines = explain_pair(corpus, "a-alpha", "b-calmol")
    assert lines[0] == "verdict: not-comparable"
    assert any("class-claim-vs-member-denial" in line for line in lines)


STATINS = [
    {"id": "lipid_drug", "label": "lipid-lowering drug", "type": "drug_class"},
    {"id": "statin", "label": "statin", "type": "drug_class", "broader": ["lipid_drug"],
     "synonyms": ["statins"]},
    {"id": "pravastatin", "label": "pravastatin", "type": "drug", "broader": ["statin"]},
    {"id": "ezetimibe", "label": "ezetimibe", "type": "drug", "broader": ["lipid_drug"]},
    {"id": "muscle_pain", "label": "muscle pain", "type": "symptom"},
    {"id": "older_adults", "label": "older adults", "type": "population"},
]  # fmt: skip


def test_another_topic_statins(build: Builder) -> None:
    clinic = [claim("clinic-statins", "Statins commonly cause muscle pain.", "statin", "causes",
                    "muscle_pain", certainty={"level": "probable", "cue": "commonly"})]
    blog = [
        claim("blog-prava", "In older adults, pravastatin does not cause muscle pain.",
              "pravastatin", "causes", "muscle_pain", negated=True,
              population="older_adults"),
        # not a statin: another lipid-lowering drug denied the effect is no exception
        claim("blog-eze", "Ezetimibe does not cause muscle pain.", "ezetimibe", "causes",
              "muscle_pain", negated=True),
    ]  # fmt: skip
    corpus = build({"clinic": clinic, "blog": blog}, entities=STATINS)
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"clinic-statins", "blog-prava"}
    assert finding.message.startswith(
        "clinic (body) says statin causes muscle pain, but blog (body) says pravastatin "
        "does not cause muscle pain in older adults."
    )


def test_one_statement_against_one_denial_is_one_finding_whoever_makes_them(
    build: Builder,
) -> None:
    # two pages say it of the class (one of them twice, in other words), two deny it of
    # the member: one problem, every source listed
    corpus = build({
        "a": [ALPHA_CAUSES],
        "c": [claim("c-alpha", "Alpha calmers usually bring on dullness.", "alpha_calmer",
                    "causes", "dullness", certainty={"level": "probable", "cue": "usually"}),
              claim("c-calmer", "Calmers cause flatness.", "calmer", "causes", "dullness")],
        "b": [CALMOL_DENIED],
        "d": [claim("d-calmol", "In a trial, calmol caused no more dullness than placebo.",
                    "calmol", "causes", "dullness", negated=True)],
    })  # fmt: skip
    (finding,) = found(corpus, RULE)
    assert ids(finding) == {"a-alpha", "c-alpha", "c-calmer", "b-calmol", "d-calmol"}
    assert finding.message.startswith("a (body) and c (body) say ")
    assert ", but b (body) and d (body) say calmol does not cause dullness." in finding.message
    assert len(finding.pairs) == 6


def test_another_denial_or_another_class_statement_is_another_finding(build: Builder) -> None:
    in_users = claim("d-users", "In calmer users, calmol does not cause dullness.", "calmol",
                     "causes", "dullness", negated=True, population="calmer_users")
    gloomy = claim("c-gloomy", "In people with gloom, alpha calmers cause dullness.",
                   "alpha_calmer", "causes", "dullness", population="gloomy_people")
    corpus = build({"a": [ALPHA_CAUSES], "c": [gloomy], "b": [CALMOL_DENIED],
                    "d": [in_users]})  # fmt: skip
    groups = sorted(sorted(ids(f)) for f in found(corpus, RULE))
    # each denial (its own population) against each thing said of the class (its own
    # population), where the people meet (people with gloom and calmer users do not)
    assert groups == [["a-alpha", "b-calmol"], ["a-alpha", "d-users"], ["b-calmol", "c-gloomy"]]
