"""Safety and interaction claims (``safe_for``, ``interacts_with``) meet in the checks.

"Up to 200 mg of caffeine a day is safe in pregnancy" against "there is no
safe level of caffeine in pregnancy" is a contradiction; doses that do not
meet are not; "safe" against a harm to the same people is a tension; "X
interacts with Y" against "Y does not interact with X" is a contradiction.
"""

from __future__ import annotations

from typing import Any

from bluntgraph import Corpus
from bluntgraph.checks import explain_pair

from .conftest import Builder, accepted_findings, assert_near_miss, claim, found, ids

ENTITIES: list[dict[str, Any]] = [
    {"id": "caffeine", "label": "caffeine", "type": "substance"},
    {"id": "coffee", "label": "coffee", "type": "substance", "broader": ["caffeine"]},
    {"id": "alcohol", "label": "alcohol", "type": "substance"},
    {"id": "wine", "label": "wine", "type": "substance", "broader": ["alcohol"]},
    {"id": "melatonin", "label": "melatonin", "type": "drug"},
    {"id": "st_johns_wort", "label": "St John's wort", "type": "drug"},
    {"id": "contraceptive_pill", "label": "contraceptive pill", "type": "drug"},
    {"id": "combined_pill", "label": "combined pill", "type": "drug",
     "broader": ["contraceptive_pill"]},
    {"id": "pregnancy", "label": "pregnancy", "type": "condition"},
    {"id": "pregnant_women", "label": "pregnant women", "type": "population",
     "has_condition": "pregnancy"},
    {"id": "adults", "label": "adults", "type": "population"},
    {"id": "children", "label": "children", "type": "population"},
    {"id": "short_term_use", "label": "short-term use", "type": "practice"},
    {"id": "miscarriage", "label": "miscarriage", "type": "condition"},
    {"id": "headache", "label": "headache", "type": "symptom"},
    {"id": "alertness", "label": "alertness", "type": "concept"},
]  # fmt: skip


def _dose(low: float | None, high: float | None, unit: str, bound: str) -> dict[str, Any]:
    quantity: dict[str, Any] = {"measure": "dose", "unit": unit, "bound": bound}
    if low is not None:
        quantity["low"] = low
    if high is not None:
        quantity["high"] = high
    return quantity


def _corpus(build: Builder, claims: dict[str, list[dict[str, Any]]]) -> Corpus:
    return build(claims, entities=ENTITIES)


def test_a_safe_dose_and_no_safe_level_for_the_same_people_contradict(build: Builder) -> None:
    corpus = _corpus(build, {
        "midwife": [claim("mw-safe", "Up to 200 mg of caffeine a day is safe in pregnancy",
                          "caffeine", "safe_for", "pregnancy",
                          quantity=_dose(None, 200, "mg/day", "up_to"))],
        "blog": [claim("bl-none", "There is no safe level of caffeine in pregnancy",
                       "caffeine", "safe_for", "pregnancy", negated=True)],
    })  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"mw-safe", "bl-none"}
    assert finding.kind == "contradiction" and finding.severity == "error"
    assert "caffeine is not safe for pregnancy" in finding.message
    assert "caffeine is safe for pregnancy" in finding.message
    assert "no amount is safe" in " ".join(explain_pair(corpus, "bl-none", "mw-safe"))
    accepted_findings(corpus, {("asserted-and-negated", ("bl-none", "mw-safe")),
                               ("figure-without-source", ("mw-safe",))})  # fmt: skip


def test_no_safe_level_in_a_condition_covers_the_people_who_have_it(build: Builder) -> None:
    # "pregnant women" have the condition the denial names, and wine is a kind of alcohol
    corpus = _corpus(build, {
        "leaflet": [claim("lf-none", "No amount of alcohol is safe during pregnancy",
                          "alcohol", "safe_for", "pregnancy", negated=True)],
        "forum": [claim("fo-wine", "A small glass of wine is fine for pregnant women",
                        "wine", "safe_for", "pregnant_women")],
    })  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"lf-none", "fo-wine"}


def test_doses_that_do_not_meet_are_no_contradiction(build: Builder) -> None:
    corpus = _corpus(build, {
        "guide": [claim("gd-safe", "Up to 2 drinks of wine a week is safe for adults",
                        "wine", "safe_for", "adults",
                        quantity=_dose(None, 2, "drinks/week", "up_to"))],
        "paper": [claim("pp-unsafe", "More than 3 drinks of alcohol a week is not safe for adults",
                        "alcohol", "safe_for", "adults", negated=True,
                        quantity=_dose(3, None, "drinks/week", "at_least"))],
    })  # fmt: skip
    assert_near_miss(corpus, "pp-unsafe", "gd-safe", "compatible")
    assert "do not meet" in " ".join(explain_pair(corpus, "pp-unsafe", "gd-safe"))


def test_doses_that_overlap_contradict(build: Builder) -> None:
    corpus = _corpus(build, {
        "guide": [claim("gd-safe", "Up to 7 drinks of wine a week is safe for adults",
                        "wine", "safe_for", "adults",
                        quantity=_dose(None, 7, "drinks/week", "up_to"))],
        "paper": [claim("pp-unsafe", "More than 3 drinks of alcohol a week is not safe for adults",
                        "alcohol", "safe_for", "adults", negated=True,
                        quantity=_dose(3, None, "drinks/week", "at_least"))],
    })  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"gd-safe", "pp-unsafe"}
    # two safe doses are no statistic pair: "up to 7" does not deny "up to 2"
    assert not found(corpus, "incompatible-values")


def test_a_dose_limited_denial_leaves_plain_safety_alone(build: Builder) -> None:
    corpus = _corpus(build, {
        "pharmacy": [claim("ph-safe", "Melatonin is safe for short-term use",
                           "melatonin", "safe_for", "short_term_use")],
        "doctor": [claim("dr-unsafe", "Melatonin above 10 mg is not safe for short-term use",
                         "melatonin", "safe_for", "short_term_use", negated=True,
                         quantity=_dose(10, None, "mg", "at_least"))],
    })  # fmt: skip
    assert_near_miss(corpus, "dr-unsafe", "ph-safe", "compatible")


def test_safety_for_other_people_is_no_contradiction(build: Builder) -> None:
    corpus = _corpus(build, {
        "a": [claim("a-safe", "Melatonin is safe for adults", "melatonin", "safe_for", "adults")],
        "b": [claim("b-unsafe", "Melatonin is not safe for children", "melatonin", "safe_for",
                    "children", negated=True)],
    })  # fmt: skip
    assert not found(corpus, "asserted-and-negated")


def test_safe_against_a_harm_to_the_same_people_is_a_tension(build: Builder) -> None:
    corpus = _corpus(build, {
        "midwife": [claim("mw-safe", "Coffee is safe in pregnancy", "coffee", "safe_for",
                          "pregnancy")],
        "study": [claim("st-harm", "Caffeine causes miscarriage in pregnant women", "caffeine",
                        "causes", "miscarriage", population="pregnant_women")],
        "shop": [claim("sh-hedged", "Caffeine can cause headache", "caffeine", "causes",
                       "headache", certainty={"level": "possible", "cue": "can"})],
        # what is no harm (a concept) and a harm to other people are left alone
        "ad": [claim("ad-alert", "Caffeine causes alertness", "caffeine", "causes", "alertness"),
               claim("ad-kids", "Caffeine causes headache in children", "caffeine", "causes",
                     "headache", population="children")],
    })  # fmt: skip
    findings = found(corpus, "safe-vs-harm")
    (finding,) = findings
    assert finding.kind == "tension" and finding.severity == "warning"
    assert ids(finding) == {"mw-safe", "st-harm", "sh-hedged"}
    assert "coffee is safe for pregnancy" in finding.message
    assert "caffeine causes headache (“can”)" in finding.message
    assert {tuple(sorted(p)) for p in finding.pairs} == {
        ("mw-safe", "st-harm"), ("mw-safe", "sh-hedged")
    }


def test_a_hedged_harm_alone_is_information(build: Builder) -> None:
    corpus = _corpus(build, {
        "a": [claim("a-safe", "Melatonin is safe for short-term use", "melatonin", "safe_for",
                    "short_term_use")],
        "b": [claim("b-harm", "Melatonin may cause headache", "melatonin", "causes", "headache",
                    certainty={"level": "possible", "cue": "may"})],
    })  # fmt: skip
    (finding,) = found(corpus, "safe-vs-harm")
    assert finding.severity == "info"
    accepted_findings(corpus, {("safe-vs-harm", ("a-safe", "b-harm"))})


def test_an_interaction_denied_the_other_way_round_contradicts(build: Builder) -> None:
    corpus = _corpus(build, {
        "nhs": [claim("nhs-int", "St John's wort interacts with the combined pill",
                      "st_johns_wort", "interacts_with", "combined_pill")],
        "seller": [claim("sl-no", "The contraceptive pill does not interact with St John's wort",
                         "contraceptive_pill", "interacts_with", "st_johns_wort",
                         negated=True)],
    })  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"nhs-int", "sl-no"}
    reasons = explain_pair(corpus, "nhs-int", "sl-no")
    assert reasons[0] == "verdict: asserted-and-negated"
    assert "X interacts with Y says the same as Y interacts with X" in reasons
    accepted_findings(corpus, {("asserted-and-negated", ("nhs-int", "sl-no"))})


def test_an_interaction_is_not_denied_by_an_unrelated_pair(build: Builder) -> None:
    corpus = _corpus(build, {
        "nhs": [claim("nhs-int", "St John's wort interacts with the contraceptive pill",
                      "st_johns_wort", "interacts_with", "contraceptive_pill")],
        "other": [claim("ot-no", "Melatonin does not interact with St John's wort",
                        "melatonin", "interacts_with", "st_johns_wort", negated=True)],
    })  # fmt: skip
    assert not found(corpus, "asserted-and-negated")


def test_a_harm_meets_only_the_safety_claims_of_its_subject(build: Builder) -> None:
    # one sentence curated as two safety claims: the harm of caffeine is not melatonin's
    quote = "Melatonin and caffeine are safe for adults"
    corpus = _corpus(build, {
        "a": [claim("a-melatonin", quote, "melatonin", "safe_for", "adults"),
              claim("a-caffeine", quote, "caffeine", "safe_for", "adults")],
        "b": [claim("b-harm", "Caffeine causes headache", "caffeine", "causes", "headache")],
    })  # fmt: skip
    (finding,) = found(corpus, "safe-vs-harm")
    assert ids(finding) == {"a-caffeine", "b-harm"}
    assert [tuple(sorted(p)) for p in finding.pairs] == [("a-caffeine", "b-harm")]
    accepted_findings(corpus, {("safe-vs-harm", ("a-caffeine", "b-harm"))})
