"""Rules fixed by the eighth reading (omega-3 and heart disease), tested in other words."""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from bluntgraph.checks.partitioning import run_partitioned
from tests.checks.conftest import ENTITIES, Builder, bib_article, claim, found, ids


def change(measure: str, value: float) -> dict[str, Any]:
    return {"measure": measure, "low": value, "high": value, "unit": "percent", "bound": "exact"}


def test_a_relative_change_of_a_condition_is_a_change_in_its_risk(build: Builder) -> None:
    # "cuts gloom by 30%" (a condition: 30% fewer cases) and "cuts the risk of gloom by
    # 51%" say how much of the same thing, as the curators' risk_change does
    fewer = claim("a-fewer", "Calmol cuts gloom by 30%.", "calmol", "reduces", "gloom",
                  quantity=change("relative_change", 30))  # fmt: skip
    risk = claim("b-risk", "Calmol reduces the risk of gloom by 51%.", "calmol", "reduces",
                 "gloom", quantity=change("risk_reduction", 51))  # fmt: skip
    corpus = build({"a": [fewer], "b": [risk]})
    (finding,) = found(corpus, "incompatible-values")
    assert ids(finding) == {"a-fewer", "b-risk"}
    lines = explain_pair(corpus, "a-fewer", "b-risk")
    assert lines[0] == "verdict: incompatible-values"
    assert any("relative_change and risk_reduction" in line for line in lines)
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]


def test_risk_measures_are_one_whichever_way_they_are_named(build: Builder) -> None:
    # a curator's risk_change and a draft's risk_increase: the predicate gives the way
    curated = claim("a-curated", "Calmers raise the risk of gloom by 20%.", "calmer", "causes",
                    "gloom", quantity=change("risk_change", 20))  # fmt: skip
    drafted = claim("b-drafted", "Calmers carry a 60% higher risk of gloom.", "calmer",
                    "causes", "gloom", quantity=change("risk_increase", 60))  # fmt: skip
    corpus = build({"a": [curated], "b": [drafted]})
    assert len(found(corpus, "incompatible-values")) == 1


def test_a_change_in_a_symptom_or_in_how_bad_a_condition_gets_is_not_a_risk(
    build: Builder,
) -> None:
    risk = claim("b-risk", "Calmol reduces the risk of dullness by 51%.", "calmol", "reduces",
                 "dullness", quantity=change("risk_reduction", 51))  # fmt: skip
    # a symptom's change may be how bad it is ("lowers dullness scores by 30%")
    scores = claim("a-scores", "Calmol lowers dullness scores by 30%.", "calmol", "reduces",
                   "dullness", quantity=change("relative_change", 30))  # fmt: skip
    corpus = build({"a": [scores], "b": [risk]})
    assert found(corpus, "incompatible-values") == []
    assert explain_pair(corpus, "a-scores", "b-risk")[0] == "verdict: not-comparable"
    # making a condition 30% worse is how bad it gets, not how often it comes
    worse = claim("a-worse", "Walking makes gloom 30% worse.", "walking", "worsens", "gloom",
                  quantity=change("relative_change", 30))  # fmt: skip
    more = claim("b-more", "Walking raises the risk of gloom by 60%.", "walking", "worsens",
                 "gloom", quantity=change("risk_increase", 60))  # fmt: skip
    corpus = build({"a": [worse], "b": [more]})
    assert found(corpus, "incompatible-values") == []


ref = bib_article  # Kay, Journal of Calm Research, 2019


def cites(key: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "cited", "references": [key], **fields}


NUMBNESS = [*ENTITIES, {"id": "numbness", "label": "numbness", "type": "symptom",
                        "broader": ["dullness"]}]  # fmt: skip


def test_a_narrower_outcome_a_source_reports_of_its_work_is_the_exception_it_states(
    build: Builder,
) -> None:
    # "did not reduce dullness [1]. It did, however, cut numbness by 30% [1]": the denial
    # is of dullness taken together; numbness, from anyone, does not contradict it
    denial = claim("a-none", "Calmol did not reduce dullness overall [1].", "calmol",
                   "reduces", "dullness", negated=True, attribution=cites("kay2019"))
    however = claim("a-however", "It did, however, cut numbness by 30% [1].", "calmol",
                    "reduces", "numbness", quantity=change("risk_change", 30),
                    attribution=cites("kay2019"))  # fmt: skip
    other = claim("b-numb", "Calmol relieves numbness.", "calmol", "reduces", "numbness")
    bib = ref("kay2019", "Calmol and dullness: a randomised trial")
    corpus = build({"a": [denial, however], "b": [other]}, entities=NUMBNESS, bib=bib)
    assert found(corpus, "asserted-and-negated") == []
    # without the source's own account of numbness, the denial covers it
    corpus = build({"a": [denial], "b": [other]}, entities=NUMBNESS, bib=bib)
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"a-none", "b-numb"}


def test_a_denied_brand_is_its_drug(build: Builder) -> None:
    brand = claim("a-brand", "Calmolex does not cause dullness.", "calmolex", "causes",
                  "dullness", negated=True)  # fmt: skip
    drug = claim("b-drug", "Calmol causes dullness.", "calmol", "causes", "dullness")
    corpus = build({"a": [brand], "b": [drug]})
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"a-brand", "b-drug"}
    assert explain_pair(corpus, "a-brand", "b-drug")[0] == "verdict: asserted-and-negated"
    # a class the drug belongs to is still the tension rule's, not a contradiction
    general = claim("b-class", "Alpha calmers cause dullness.", "alpha_calmer", "causes",
                    "dullness")  # fmt: skip
    corpus = build({"a": [brand], "b": [general]})
    assert found(corpus, "asserted-and-negated") == []


def test_one_denial_said_as_firmly_by_two_sources_is_one_finding(build: Builder) -> None:
    one = claim("a-no", "Calmol does not cause dullness.", "calmol", "causes", "dullness",
                negated=True)  # fmt: skip
    again = claim("c-no", "Calmol never causes dullness, whatever you read.", "calmol",
                  "causes", "dullness", negated=True)  # fmt: skip
    rule_of_thumb = claim("d-no", "For most people, calmol does not cause dullness.",
                          "calmol", "causes", "dullness", negated=True,
                          certainty={"level": "probable", "cue": "For most people"})
    said = claim("b-yes", "Calmol causes dullness.", "calmol", "causes", "dullness")
    corpus = build({"a": [one], "c": [again], "d": [rule_of_thumb], "b": [said]})
    groups = sorted(sorted(ids(f)) for f in found(corpus, "asserted-and-negated"))
    # the two flat denials are one statement; the rule with room for exceptions another
    assert groups == [["a-no", "b-yes", "c-no"], ["b-yes", "d-no"]]
    (both,) = [f for f in found(corpus, "asserted-and-negated") if "c-no" in ids(f)]
    assert both.message.startswith(
        "These cannot both be true: a (body) and c (body) say calmol does not cause dullness, "
        "but b (body) says calmol causes dullness.")


def test_a_brand_s_figure_and_its_drug_s_are_one_exposure(build: Builder) -> None:
    brand = claim("a-brand", "In calmer users, Calmolex cuts dullness by 50%.", "calmolex",
                  "reduces", "dullness", population="calmer_users",
                  quantity=change("risk_change", 50))  # fmt: skip
    drug = claim("b-drug", "In calmer users, calmol cuts dullness by 20%.", "calmol",
                 "reduces", "dullness", population="calmer_users",
                 quantity=change("risk_change", 20))  # fmt: skip
    corpus = build({"a": [brand], "b": [drug]})
    (finding,) = found(corpus, "incompatible-values")
    assert ids(finding) == {"a-brand", "b-drug"}
    # a class and one of its kinds may still differ
    general = dict(drug, subject="alpha_calmer", quote="In calmer users, alpha calmers cut "
                   "dullness by 20%.")  # fmt: skip
    assert found(build({"a": [brand], "b": [general]}), "incompatible-values") == []


CHOLESTEROL = [
    {"id": "statin", "label": "statins", "type": "drug_class", "synonyms": ["statin"]},
    {"id": "pravastatin", "label": "pravastatin", "type": "drug", "broader": ["statin"]},
    {"id": "cholesterol", "label": "cholesterol", "type": "substance"},
    {"id": "gout", "label": "gout", "type": "condition"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        # a high level in the blood names the substance; "risk reduction" names no topic
        ("Risk reduction with pravastatin in hypercholesterolaemia", False),
        ("Cardiovascular risk reduction with pravastatin for hypercholesterolemia", False),
        ("Risk reduction with pravastatin in gout", True),
    ],
)
def test_a_title_naming_a_high_level_names_the_substance(
    build: Builder, title: str, reported: bool
) -> None:
    lowers = claim("a-lowers", "Statins lower cholesterol [1].", "statin", "decreases",
                   "cholesterol", attribution=cites("kay2019"))  # fmt: skip
    corpus = build({"a": [lowers]}, entities=CHOLESTEROL, bib=ref("kay2019", title))
    findings = found(corpus, "cited-work-off-topic")
    assert bool(findings) == reported
    for finding in findings:
        assert "“Reduction”" not in finding.message and "“reduction”" not in finding.message


def test_a_year_and_the_outcome_do_not_identify_a_study(build: Builder) -> None:
    trial = claim("news", "A 2019 trial of 500 people found calmol relieves dullness.",
                  "calmol", "reduces", "dullness",
                  attribution={"kind": "described-study", "cue": "A 2019 trial of 500 people",
                               "study": {"year": 2019, "size": 500, "design": "trial"}})
    outcome_only = ref("lee2019", "Dullness in older adults: a randomised trial of walking")
    tested = ref("kay2019", "Calmol for flat mood: a randomised trial")
    corpus = build({"news": [trial]}, bib=outcome_only + tested)
    (finding,) = found(corpus, "described-study-not-cited")
    assert "has an entry that fits: kay2019" in finding.message
    assert "lee2019" not in finding.message
    # the outcome and the size do
    sized = ref("lee2019", "Dullness in 500 older adults: a randomised trial")
    (finding,) = found(build({"news": [trial]}, bib=sized), "described-study-not-cited")
    assert "lee2019" in finding.message


def test_a_plural_effect_is_worded_as_one(build: Builder) -> None:
    entities = [*ENTITIES, {"id": "cramps", "label": "leg cramps", "type": "symptom"}]
    gone = claim("a-gone", "Leg cramps from calmol are gone within two weeks.", "calmol",
                 "causes", "cramps", time_course="weeks")  # fmt: skip
    months = claim("b-months", "Leg cramps from calmol can last for months.", "calmol",
                   "causes", "cramps", time_course="months",
                   certainty={"level": "possible", "cue": "can"})  # fmt: skip
    (finding,) = found(build({"a": [gone], "b": [months]}, entities=entities),
                       "time-course-conflict")  # fmt: skip
    assert "that leg cramps from calmol are gone within weeks; but b (body) says they can be " \
        "months long" in finding.message


def test_one_thing_defined_as_a_class_named_in_the_plural(build: Builder) -> None:
    asserted = claim("a-is", "Calmol is one of the calmers.", "calmol", "defined_as",
                     "calmer")  # fmt: skip
    denied = claim("b-not", "Calmol is not a calmer.", "calmol", "defined_as", "calmer",
                   negated=True)  # fmt: skip
    (finding,) = found(build({"a": [asserted], "b": [denied]},
                             entities=[*ENTITIES[:1], dict(ENTITIES[1], label="calmers"),
                                       *ENTITIES[2:]]), "disjoint-definitions")  # fmt: skip
    assert finding.message == (
        "b (body) says calmol is not one of the calmers, but a (body) says calmol is one of "
        "the calmers."
    )


def test_a_claim_without_a_hedge_is_not_quoted_as_saying_certain(build: Builder) -> None:
    summary = claim("summary", "Calmers cause dullness.", "calmer", "causes", "dullness",
                    section="summary")  # fmt: skip
    body = claim("body", "Calmers may cause dullness.", "calmer", "causes", "dullness",
                 certainty={"level": "possible", "cue": "may"})  # fmt: skip
    (finding,) = found(build({"guide": [summary, body]}), "certainty-varies-within-source")
    assert "without a hedge (certain, summary): calmer causes dullness; “may” (possible, " \
        "body)" in finding.message
    assert "“certain”" not in finding.message
