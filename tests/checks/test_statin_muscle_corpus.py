"""A seventh corpus nobody had tuned the rules to: statins and muscle pain.

Four short articles written for this test (tests/data/statin-muscle): a
consumer-health review citing four works (one real, the Cholesterol Treatment
Trialists' 2022 meta-analysis of muscle symptoms, its PMID and DOI checked;
the others fictional), a supplement seller's page for a coenzyme Q10 brand
(MyoQ10), a news story on one nocebo trial, and a GP's myth-busting blog
citing a real n-of-1 trial series (Herrett et al. 2021, its DOI as the blog
prints it). A class (statins) and its members (atorvastatin, simvastatin,
rosuvastatin, their brands), ezetimibe as another kind of cholesterol-lowering
drug, rhabdomyolysis as a kind of myopathy, type 2 diabetes, the nocebo effect,
populations (statin users, adults over 75, people who stopped statins because
of aches) and stopping statins. One problem of every kind the rules detect is
planted but one, and every finding was read against the texts; the set below
is exactly the one a careful reader accepts:

* figures: the seller's "About 30% of people taking statins suffer from
  muscle pain" against the review's "Between 5% and 10% of statin users"; the
  review's 9% higher risk of type 2 diabetes against the news story's "cut the
  risk of diabetes by 9%"; rhabdomyolysis in "1 in 10,000 statin users" made
  "1 in 10,000 people" by the seller; the seller's "may ease muscle pain for
  about 4 in 10 statin users" that its FAQ makes "Clinical studies prove …
  40%";
* relations: "Statins don't cause muscle pain, a new trial proves" against
  every source that says they do; "Coenzyme Q10 does not relieve statin muscle
  pain" against the seller's MyoQ10 and the review's "may ease"; exercise
  that makes the pain worse and eases it; muscle pain "caused entirely by the
  nocebo effect" (and the headline's "all in the mind", one finding) against
  statins, low vitamin D and an underactive thyroid; statins that "commonly"
  and "rarely" cause muscle pain;
* definitions: ezetimibe "a cholesterol absorption inhibitor" and "just a
  milder statin" (also against the vocabulary); myopathy "another name for
  statin muscle pain" against "not the same thing" and "the commonest symptom
  of myopathy"; statin intolerance as being unable to take any statin and as
  a reduced ability (within the review, and across sources);
* tensions: statins that "commonly cause" muscle aches against atorvastatin
  that did not cause more than placebo (a trial in the news, a cited trial
  series in the GP's blog: one finding, four sources); muscle pain that "always
  goes away within two weeks" against "can last for several months";
* evidence and citations: the review's summary "Statins raise the risk of
  type 2 diabetes" above its body's "may slightly raise"; three bare
  figures; "Clinical studies prove"; "One large study found"; the trial the
  news story describes without citing, and calls proof; the promotion; a
  blood-pressure paper cited for muscle pain; a trial titled "did not reduce
  muscle pain" cited for "may ease"; a misspelled journal; a key whose year is
  not the entry's; a reference without a journal that no claim cites; the
  fictional references without an identifier (the two real ones are quiet).

Not planted: class-effect-vs-member-treatment (the only candidate is a near
miss below). Near misses that must stay quiet (each was read; the first
three were reported before this reading, see docs/checks.md):

* "Exercise makes statin muscle pain worse" against "caused entirely by the
  nocebo effect": what makes the pain worse is no other cause of it;
* "If one statin gives you aches, switching to rosuvastatin often relieves
  them" against "Statins commonly cause mild muscle aches": a member offered
  in place of another, for the reason the source gives;
* the review's "Adverse muscle events of statins in clinical practice"
  cited for rhabdomyolysis (a breakdown of muscle), and the GP's "Stopping
  statins and cardiovascular events in older adults" cited for a heart
  attack: titles on a family the claim's outcome belongs to;
* the trial's "aches were almost as bad on the dummy pills" (the nocebo
  effect as a cause, not the only one); statins that prevent heart attacks in
  adults over 75 and in everyone; "Rarely, statins cause rhabdomyolysis"
  against a figure for it; the cited 9% and the summary's flat "raise"; the
  two denials of the two trials, which agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import Corpus, load_corpus, run_checks
from bluntgraph.checks import RULES
from tests.checks.conftest import accepted_findings, assert_near_miss

CORPUS = Path(__file__).resolve().parents[1] / "data" / "statin-muscle"

ACCEPTED = {
    ("asserted-and-negated", ("gp-coq10-no", "mq-4-in-10", "mq-faq-40", "mq-relieves",
                              "rv-coq10-may-ease")),
    ("asserted-and-negated", ("gp-rarely", "gp-two-weeks", "mq-30", "mq-commonly", "nw-lead",
                              "rv-aches-5-10", "rv-commonly-aches", "rv-symptoms-months",
                              "rv-trials-small-excess")),
    # with the seller's "About 30% of people taking statins" since the eleventh reading: no
    # rare effect either
    ("frequency-differs-across-sources", ("gp-rarely", "mq-30", "mq-commonly",
                                          "rv-commonly-aches")),
    ("incompatible-values", ("mq-30", "rv-aches-5-10")),
    ("opposite-direction-same-relation", ("gp-exercise-eases", "mq-exercise-worse")),
    ("opposite-direction-same-statistic", ("nw-diabetes-cut-9", "rv-diabetes-9")),
    ("sole-cause-vs-other-cause", ("gp-rarely", "gp-thyroid", "gp-two-weeks", "gp-vitamin-d",
                                   "mq-30", "mq-commonly", "nw-entirely-nocebo", "nw-headline",
                                   "rv-aches-5-10", "rv-commonly-aches", "rv-symptoms-months",
                                   "rv-trials-small-excess")),
    ("definition-facets-differ", ("gp-intolerance-reduction", "rv-intolerance-absence",
                                  "rv-intolerance-reduction")),
    ("definition-varies-within-source", ("rv-intolerance-absence", "rv-intolerance-reduction")),
    ("disjoint-definitions", ("mq-ezetimibe-statin", "rv-ezetimibe-kind")),
    ("same-and-distinct", ("mq-myopathy-same", "rv-pain-not-myopathy")),
    ("synonym-or-sign", ("mq-myopathy-same", "rv-pain-symptom-myopathy")),
    ("same-figure-different-population", ("mq-rhabdo-1-in-10000", "rv-rhabdo-1-in-10000")),
    ("certainty-varies-within-source", ("rv-diabetes-may", "rv-summary-diabetes")),
    ("same-figure-restated-differently", ("mq-4-in-10", "mq-faq-40")),
    ("figure-without-source", ("mq-30",)),
    ("figure-without-source", ("mq-rhabdo-1-in-10000",)),
    ("figure-without-source", ("rv-aches-5-10",)),
    ("proof-from-one-study", ("nw-headline", "nw-lead")),
    ("research-claim-without-reference", ("mq-faq-40",)),
    ("described-study-not-cited", ("nw-atorvastatin-no-more", "nw-diabetes-cut-9",
                                   "nw-headline", "nw-lead", "nw-placebo-as-bad")),
    ("untraceable-work", ("gp-stopping-25",)),
    ("promotes-own-interest", ("mq-4-in-10", "mq-faq-40", "mq-relieves")),
    ("cited-work-off-topic", ("mq-relieves",)),
    ("cited-work-reports-no-effect", ("rv-coq10-may-ease",)),
    ("inconsistent-year", ("gp-stopping-heart-attack",)),
    ("missing-identifier", ()),  # walker2017, which nothing cites
    ("missing-identifier", ("gp-stopping-heart-attack",)),
    ("missing-identifier", ("mq-relieves",)),
    ("missing-identifier", ("rv-coq10-may-ease",)),
    ("missing-identifier", ("rv-diabetes-9",)),
    ("missing-identifier", ("rv-rhabdo-1-in-10000",)),
    ("misspelled-name", ("gp-stopping-heart-attack",)),
    ("reference-missing-fields", ()),
    ("uncited-reference", ()),
    # one statement of the class against one denial of the member, by two sources each
    ("class-claim-vs-member-denial", ("gp-blinded-trials", "mq-commonly",
                                      "nw-atorvastatin-no-more", "rv-commonly-aches",
                                      "rv-trials-small-excess")),
    ("classification-against-vocabulary", ("mq-ezetimibe-statin",)),
    ("time-course-conflict", ("gp-two-weeks", "rv-symptoms-months")),
}  # fmt: skip

#: pairs of claims a careful reader does not flag, with the verdict that says why
NEAR_MISSES = [
    ("mq-exercise-worse", "nw-entirely-nocebo", "not-comparable"),  # worse, not a cause
    ("gp-switch-rosuvastatin", "rv-commonly-aches", "compatible"),  # one statin for another
    ("nw-placebo-as-bad", "rv-commonly-aches", "not-comparable"),  # a cause, not the only one
    ("rv-over-75", "rv-summary-prevent", "not-comparable"),  # a group and everyone agree
    ("rv-rhabdo-rarely", "mq-rhabdo-1-in-10000", "not-comparable"),  # "rarely" and a figure
    ("rv-diabetes-9", "rv-summary-diabetes", "not-comparable"),  # a cited figure, firm too
    ("gp-blinded-trials", "nw-atorvastatin-no-more", "not-comparable"),  # two denials agree
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS)


def test_the_findings_are_exactly_those_a_careful_reader_accepts(corpus: Corpus) -> None:
    findings = accepted_findings(corpus, ACCEPTED)
    by_rule = {f.rule: f for f in findings}
    assert by_rule["opposite-direction-same-statistic"].severity == "error"
    # the seller's citation names coenzyme Q10, the substance MyoQ10 is a kind of, and what
    # the title is on
    assert (
        "names coenzyme Q10 (MyoQ10 is a kind of it) but not muscle pain; it is on “blood "
        "pressure”" in by_rule["cited-work-off-topic"].message
    )
    # the headline and the story name the only cause once, exercise is no other cause
    sole = by_rule["sole-cause-vs-other-cause"].message
    assert sole.startswith("These cannot both be true: statin-side-effects-all-in-the-mind-"
                           "trial-proves (title, body) says")  # fmt: skip
    assert "exercise" not in sole
    # the denial called proven is the news story's too
    assert "statins do not cause muscle pain" in by_rule["proof-from-one-study"].message
    # a review does not fit the trial the news story describes
    assert "No entry of references.bib fits" in by_rule["described-study-not-cited"].message
    # the two real references, with their identifiers, are quiet
    assert not any({"ctt2022", "herrett2021"} & set(f.references) for f in findings)


@pytest.mark.parametrize(("first", "second", "verdict"), NEAR_MISSES)
def test_the_near_misses_stay_quiet(corpus: Corpus, first: str, second: str, verdict: str) -> None:
    assert_near_miss(corpus, first, second, verdict)


def test_titles_on_a_family_of_the_outcome_are_not_called_off_topic(corpus: Corpus) -> None:
    off_topic = run_checks(corpus, ["cited-work-off-topic"])
    assert [f.references for f in off_topic] == [("berg2016",)]


def test_a_problem_of_nearly_every_kind_the_rules_detect_is_planted() -> None:
    # 30 of the 31 rules of the registry when the corpus was written fire;
    # class-effect-vs-member-treatment has only a near miss here, and no figure for a kind
    # of statin is far from the class's (class-figure-vs-member-figure, written later);
    # safe-vs-harm came with the safety claims, which the corpus was curated without;
    # proof-from-observation later still (no article calls observing studies proof)
    fired = {rule for rule, _ in ACCEPTED}
    assert fired <= {r.name for r in RULES}
    assert {r.name for r in RULES} - fired == {
        "class-effect-vs-member-treatment",
        "class-figure-vs-member-figure",
        "safe-vs-harm",
        "proof-from-observation",
    }
