"""An eighth corpus nobody had tuned the rules to: omega-3 fish oil and heart disease.

Four short articles written for this test (tests/data/omega3-heart): a
consumer-health review citing four works (two real, the VITAL trial of
marine n-3 fatty acids and the REDUCE-IT trial of icosapent ethyl, their PMIDs
and DOIs checked; the others fictional), a supplement seller's page for a fish
oil brand (CardiOmega), a news story on one trial of a prescription EPA-only
drug, and a cardiologist's myth-busting blog. A class (omega-3 supplements)
and its kinds (fish oil, its brand, krill oil), prescription omega-3 medicines
kept apart from supplements (icosapent ethyl), blood thinners defined by a fact
(acting on platelets, as omega-3 does), eating fish against taking capsules,
heart attacks and strokes as kinds of cardiovascular disease, atrial
fibrillation as a harm, triglycerides and LDL cholesterol, populations (older
adults, people with and without heart disease, the trial's high-risk
patients). One problem of every kind the rules detect is planted, and every
finding was read against the texts; the set below is exactly the one a careful
reader accepts:

* figures: the seller's "In adults over 50, CardiOmega cuts the risk of a
  heart attack by 50%" against the blog's VITAL figure, 28% in older adults
  (the brand is its drug); the review's 25% more atrial fibrillation against
  the seller's FAQ "omega-3 lowers the risk of atrial fibrillation by 25%"; the
  news story's 25% fewer events in high-risk patients made the seller's 25%
  for people with heart disease and then for everyone (and hardened from
  "studies suggest" to "Research shows");
* relations: "CardiOmega does not cause heart rhythm problems" against the
  review's fish oil that raises (and "may trigger") atrial fibrillation, and
  against its "omega-3 supplements raise the risk" (a class claim); capsules
  that "do not prevent heart attacks in people without heart disease" (review
  and blog, one finding) against the seller's "protects healthy hearts";
  "Fish oil prevents strokes" against VITAL's no fewer cardiovascular events
  in older adults (a warning: the general claim covers them); fish oil that
  raises and lowers LDL cholesterol; fishy burps "commonly" and "rarely", gone
  "within two weeks" and lasting "for months"; heart disease with "one cause:
  omega-3 deficiency" against smoking, high blood pressure and high LDL
  cholesterol; blood thinners that commonly cause bleeding gums against
  omega-3 (a blood thinner by its facts) offered for them;
* definitions: omega-3 "simply another name for fish oil" and "not the same
  thing"; palpitations "another name for atrial fibrillation" and its
  symptom; icosapent ethyl "just an omega-3 supplement" against "a
  prescription omega-3 medicine" (and the vocabulary) and "not a dietary
  supplement"; omega-3 deficiency as "a complete lack" and as "less … than
  your heart needs" (within the blog, and across sources);
* evidence and citations: the review's summary "fish oil raises the risk of
  atrial fibrillation" above its body's "may trigger"; two bare figures; two
  uncited research appeals; "a major trial proves"; "A 2020 review found";
  the trial the news story describes without citing (REDUCE-IT is in
  references.bib, and the hint names it only); the promotion; a dry-eye trial
  cited for palpitations, a general heart page for LDL cholesterol; a stroke
  trial titled "did not reduce stroke" cited for "prevents strokes"; a
  misspelled organisation; a key whose year is not the entry's; an entry
  without author and journal; a listed work no claim cites; the fictional
  references without an identifier (the two real ones are quiet).

Near misses that must stay quiet (each was read; the ones marked * were
reported, or could not be compared, before this reading, see docs/checks.md):

* eating oily fish that is good for the heart, against capsules that do not
  prevent heart attacks: another exposure;
* * the review's VITAL "did not reduce major cardiovascular events [1]" and
  its "It did, however, cut heart attacks by 28% [1]" — the exception it
  states, which the blog's 28% and the seller's 50% are about too;
* * the review's "cut heart attacks by 28%" (relative_change, as older drafts
  gave it) and the blog's "lowered the risk of a heart attack by 28%"
  (risk_change): one figure, one measure;
* "If fish oil gives you fishy burps, switching to krill oil often helps"
  against "Omega-3 supplements commonly cause fishy burps": one supplement
  in place of another;
* the news story's prescription drug that "prevents heart attacks" in
  high-risk patients against capsules that do not in people without heart
  disease; its 3.1% with atrial fibrillation (a share of people) against the
  review's 25% more (a change in risk); fish oil that lowers triglycerides
  without a figure against one with;
* * REDUCE-IT ("Cardiovascular risk reduction with icosapent ethyl for
  hypertriglyceridemia") cited for omega-3 lowering triglycerides: the title
  names them by their high level.

Debatable, not reported: the seller's "Fish oil lowers triglycerides by 60%"
against the review's "Omega-3 lowers high triglycerides by 20% to 30%" — a
class's figure and one kind's may differ, so the statistic rules do not
compare them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import Corpus, load_corpus, run_checks
from bluntgraph.checks import RULES, explain_pair
from tests.checks.conftest import accepted_findings, assert_near_miss

CORPUS = Path(__file__).resolve().parents[1] / "data" / "omega3-heart"

ACCEPTED = {
    ("asserted-and-negated", ("cm-no-rhythm-problems", "rv-af-may", "rv-summary-af")),
    ("asserted-and-negated", ("cm-protects-healthy", "gp-capsules-no",
                              "rv-summary-capsules-no")),
    ("asserted-and-negated", ("cm-strokes", "rv-vital-no-events")),
    ("frequency-differs-across-sources", ("cm-burps-rarely", "gp-burps-commonly")),
    ("incompatible-values", ("cm-heart-attack-50", "gp-vital-28")),
    ("opposite-direction-same-relation", ("cm-ldl", "gp-ldl-raises")),
    ("opposite-direction-same-statistic", ("cm-af-25", "rv-af-25")),
    ("sole-cause-vs-other-cause", ("cm-one-cause", "rv-blood-pressure", "rv-high-ldl",
                                   "rv-smoking")),
    ("definition-facets-differ", ("cm-deficiency-too-little", "gp-deficiency-lack",
                                  "gp-deficiency-less")),
    ("disjoint-definitions", ("cm-icosapent-supplement", "rv-icosapent-medicine")),
    ("disjoint-definitions", ("cm-icosapent-supplement", "nw-not-supplement")),
    ("same-and-distinct", ("cm-omega3-is-fish-oil", "gp-not-fish-oil")),
    ("synonym-or-sign", ("cm-palpitations-name", "rv-palpitations-symptom")),
    ("same-figure-different-population", ("cm-research-25", "cm-studies-25", "nw-25")),
    ("certainty-varies-within-source", ("rv-af-may", "rv-summary-af")),
    ("safe-vs-harm", ("cm-safe-rhythm", "rv-af-25", "rv-af-class", "rv-af-may",
                      "rv-summary-af")),
    ("definition-varies-within-source", ("gp-deficiency-lack", "gp-deficiency-less")),
    ("same-figure-restated-differently", ("cm-research-25", "cm-studies-25")),
    ("figure-without-source", ("cm-heart-attack-50",)),
    ("figure-without-source", ("cm-triglycerides-60",)),
    ("proof-from-one-study", ("nw-headline", "nw-lead-heart-attacks", "nw-lead-strokes")),
    ("research-claim-without-reference", ("cm-research-25",)),
    ("research-claim-without-reference", ("cm-studies-25",)),
    ("described-study-not-cited", ("nw-25", "nw-af-3", "nw-headline", "nw-lead-heart-attacks",
                                   "nw-lead-strokes")),
    ("untraceable-work", ("cm-review-rhythm",)),
    ("promotes-own-interest", ("cm-af-25", "cm-gums", "cm-heart-attack-50", "cm-ldl",
                               "cm-palpitations-calms", "cm-protects-healthy", "cm-research-25",
                               "cm-review-rhythm", "cm-strokes", "cm-studies-25",
                               "cm-triglycerides-60")),
    ("cited-work-off-topic", ("cm-ldl",)),
    ("cited-work-off-topic", ("cm-palpitations-calms",)),
    ("cited-work-reports-no-effect", ("cm-strokes",)),
    ("inconsistent-year", ("gp-eat-fish",)),
    ("missing-identifier", ()),
    ("missing-identifier", ("cm-af-25",)),
    ("missing-identifier", ("cm-ldl",)),
    ("missing-identifier", ("cm-palpitations-calms",)),
    ("missing-identifier", ("cm-strokes",)),
    ("missing-identifier", ("gp-eat-fish",)),
    ("missing-identifier", ("rv-af-25", "rv-af-may")),
    ("missing-identifier", ("rv-fish-linked",)),
    ("misspelled-name", ("cm-ldl",)),
    ("reference-missing-fields", ("cm-af-25",)),
    ("uncited-reference", ()),
    ("class-claim-vs-member-denial", ("cm-no-rhythm-problems", "rv-af-class")),
    ("class-effect-vs-member-treatment", ("cm-gums", "rv-thinners-gums")),
    # the seller's 60% for fish oil, more than twice the review's 20–30% for omega-3
    ("class-figure-vs-member-figure", ("cm-triglycerides-60", "rv-triglycerides-20-30")),
    ("classification-against-vocabulary", ("cm-icosapent-supplement",)),
    ("time-course-conflict", ("cm-aftertaste-two-weeks", "gp-burps-months")),
}  # fmt: skip

#: pairs of claims a careful reader does not flag, with the verdict that says why
NEAR_MISSES = [
    ("rv-summary-fish", "rv-summary-capsules-no", "not-comparable"),  # eating fish, not capsules
    ("rv-vital-no-events", "rv-vital-heart-attacks-28", "compatible"),  # one work, in detail
    ("rv-vital-no-events", "gp-vital-28", "compatible"),  # the exception the review states
    ("rv-vital-no-events", "cm-heart-attack-50", "compatible"),  # … whoever repeats it
    ("rv-vital-heart-attacks-28", "gp-vital-28", "agree"),  # one figure, one measure
    ("gp-krill-switch", "rv-burps-commonly", "compatible"),  # one supplement for another
    ("nw-headline", "gp-capsules-no", "not-comparable"),  # a prescription drug, not capsules
    ("nw-af-3", "rv-af-25", "not-comparable"),  # a share of people and a change in risk
    ("gp-triglycerides", "cm-triglycerides-60", "not-comparable"),  # no figure and a figure
    ("gp-capsules-no", "gp-vital-28", "compatible"),  # other people
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS)


def test_the_findings_are_exactly_those_a_careful_reader_accepts(corpus: Corpus) -> None:
    findings = accepted_findings(corpus, ACCEPTED)
    by_rule = {f.rule: f for f in findings}
    # the review and the blog deny it in the same words: one finding, both listed
    (healthy,) = [f for f in findings if "cm-protects-healthy" in {c.id for c in f.claims}
                  and f.rule == "asserted-and-negated"]  # fmt: skip
    assert healthy.message.startswith(
        "These cannot both be true: fish-oil-and-your-heart-what-the-evidence-says (summary) "
        "and five-fish-oil-myths-a-cardiologist-explains (body) say fish oil does not reduce "
        "heart attack in people without heart disease, but"
    )
    # the trial the news story describes is REDUCE-IT, which is the only entry suggested
    described = by_rule["described-study-not-cited"].message
    assert "has an entry that fits: bhatt2019" in described and "manson2019" not in described
    # a plural effect is worded as one
    assert "fishy burps from fish oil are gone within weeks" in by_rule[
        "time-course-conflict"].message
    # the seller's "safe for my heart rhythm? Yes." against the review's heart rhythm harms
    # (not its fishy burps, which are no harm to the heart rhythm)
    assert by_rule["safe-vs-harm"].message.startswith(
        "cardiomega-triple-strength-fish-oil (FAQ) says CardiOmega is safe for heart rhythm, "
        "but fish-oil-and-your-heart-what-the-evidence-says (summary, body) says fish oil "
        "causes atrial fibrillation"
    )
    # the two real references, with their identifiers, are quiet
    assert not any({"manson2019", "bhatt2019"} & set(f.references) for f in findings)


@pytest.mark.parametrize(("first", "second", "verdict"), NEAR_MISSES)
def test_the_near_misses_stay_quiet(corpus: Corpus, first: str, second: str, verdict: str) -> None:
    assert_near_miss(corpus, first, second, verdict)


def test_the_review_s_exception_is_why_its_denial_is_not_contradicted(corpus: Corpus) -> None:
    lines = explain_pair(corpus, "rv-vital-no-events", "cm-heart-attack-50")
    assert lines[-1] == (
        "fish-oil-and-your-heart-what-the-evidence-says states omega-3 supplements and heart "
        "attack as an exception (rv-vital-heart-attacks-28), which cm-heart-attack-50 is about"
    )


def test_titles_on_the_claim_in_other_words_are_not_called_off_topic(corpus: Corpus) -> None:
    off_topic = run_checks(corpus, ["cited-work-off-topic"])
    assert sorted(f.references for f in off_topic) == [("aha2019",), ("kaur2019",)]


#: rules whose problem is planted in another test corpus only: red-meat, written for the
#: proof rules, holds pooled cohort studies called proof of a cause
PLANTED_ELSEWHERE = frozenset({"proof-from-observation"})


def test_a_problem_of_every_kind_the_rules_detect_is_planted() -> None:
    fired = {rule for rule, _ in ACCEPTED}
    assert fired | PLANTED_ELSEWHERE == {r.name for r in RULES}
    assert not fired & PLANTED_ELSEWHERE
