"""A sixth corpus nobody had tuned the rules to: proton pump inhibitors and reflux.

Four short articles written for this test (tests/data/ppi-reflux): a
consumer-health review citing four works (one real, Yang et al. 2006 on hip
fracture, its PMID checked on PubMed; the others fictional), a pharmacy's
page selling an omeprazole brand (RefluStop) and alginate rafts, a news story
on one cohort study of dementia, and a GP's myth-busting blog. A class (PPIs)
and its members (omeprazole, esomeprazole, lansoprazole, their brands), the
H2 blocker famotidine as the alternative, populations (people over 50,
long-term users, adults aged 75 and over), time courses and citations. One
problem of every kind the rules detect is planted among them, and every
finding was read against the texts; the set below is exactly the one a
careful reader accepts:

* figures: the pharmacy's low B12 in "fewer than 1 in 100 long-term users"
  against the review's "about 12%" and the GP's "between 10% and 15%" (two
  findings, one per other source); the review's 44% higher risk of hip
  fracture in people over 50 against the pharmacy's FAQ, for the same
  people, "lowered the risk … by 44%"; the GP's 44% for everyone, carried
  over from the study of people over 50; the pharmacy's "may bring relief …
  for about 7 in 10 people" that its FAQ makes "Clinical studies show … 70%";
* relations: "PPIs do not cause C. difficile infection" against "PPI use
  increases the risk of C. difficile infection"; "no link between PPIs and
  dementia" against a news story's "cause dementia" (a denied link against a
  cause: missed until this reading); milk that "soothes" and "makes worse"
  heartburn; heartburn "caused only by too much stomach acid" against being
  overweight; omeprazole that "commonly" and "rarely" causes headache; the
  review's "might slightly raise the risk of pneumonia" and its summary's
  "raise the risk of pneumonia";
* definitions: famotidine "an H2 blocker" and "a milder type of PPI" (also
  against the vocabulary); acid indigestion "another name for heartburn" and
  "not the same thing"; heartburn "another name for acid reflux" and its
  "main symptom";
* tensions: PPIs that "commonly cause rebound acid when they are stopped"
  against "RefluStop does not cause rebound acid" (class-claim-vs-member-
  denial); PPIs that "commonly cause bloating" against RefluStop that
  "relieves bloating"; rebound acid that "always settles within two weeks"
  against "can last for up to two months";
* evidence and citations: bare figures, "Clinical studies show", "earlier
  research has suggested", "Some researchers think", "One review found", the
  uncited cohort called proof (headline and lead), the promotion, a gastric
  pH paper cited for heartburn relief, a work titled "were not associated
  with" cited for an effect, a misspelled journal, two keys whose year is
  not the entry's, a reference without a journal, one no claim cites, and
  references without an identifier (the real one, with its PMID, is quiet).

Near misses that must stay quiet (each was read; the first two were reported
before this reading, see docs/checks.md):

* "Rebound acid after stopping a PPI always settles within two weeks"
  against "RefluStop does not cause rebound acid": sure of the two weeks, not
  that every PPI brings rebound acid;
* "Heartburn is caused only by too much stomach acid" against "Milk makes
  heartburn worse: its fat and protein prompt the stomach to make more acid"
  (milk acts on stomach acid: it works through the only cause named);
* "Taken for a few weeks, omeprazole does not cause low vitamin B12" (a
  conditional denial) against the class's 12% in long-term users;
* "Alginate rafts do not cause rebound acid either" (no PPI) against PPIs
  that cause it;
* "Many people believe that heartburn pills cause dementia", the myth the GP
  corrects, against its "no link" and the news story;
* the review's "about 12%" against the GP's "between 10% and 15%"
  (overlapping); 44% for hip fracture against 38% for dementia (other
  outcomes); the news story's hedged "PPIs may also raise the risk of
  fractures" against the review's figure; famotidine offered for heartburn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph import Corpus, load_corpus
from bluntgraph.checks import RULES, explain_pair
from tests.checks.conftest import accepted_findings, assert_near_miss

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ppi-reflux"

ACCEPTED = {
    ("asserted-and-negated", ("gp-dementia-no-link", "nw-38", "nw-headline", "nw-lead")),
    ("asserted-and-negated", ("rs-faq-cdiff", "rv-cdiff")),
    ("frequency-differs-across-sources", ("rs-headache-rare", "rv-omeprazole-headache")),
    ("incompatible-values", ("gp-b12-review", "rs-b12-1")),
    ("incompatible-values", ("rs-b12-1", "rv-b12-12")),
    ("opposite-direction-same-relation", ("gp-milk-worse", "rs-milk")),
    ("opposite-direction-same-statistic", ("rs-faq-bones", "rv-fracture-44")),
    # the GP's 44% higher risk, said of everyone, against the seller's 44% lower in people
    # over 50 (twelfth reading)
    ("opposite-direction-same-statistic", ("gp-fracture-44", "rs-faq-bones")),
    ("sole-cause-vs-other-cause", ("gp-overweight", "rs-acid-only")),
    ("disjoint-definitions", ("rs-famotidine-ppi", "rv-famotidine-h2")),
    ("same-and-distinct", ("gp-indigestion-distinct", "rs-indigestion-same")),
    ("synonym-or-sign", ("gp-heartburn-same-reflux", "rv-heartburn-symptom")),
    # long-term use "over eight weeks" (the GP) and "more than a year" (the review, and the
    # GP again): missed until the eleventh reading compared a definition's minimum duration
    ("definition-facets-differ", ("gp-long-term-8-weeks", "gp-long-term-year",
                                  "rv-long-term-def")),
    ("definition-varies-within-source", ("gp-long-term-8-weeks", "gp-long-term-year")),
    ("same-figure-different-population", ("gp-fracture-44", "rv-fracture-44")),
    ("certainty-varies-within-source", ("rv-pneumonia-might", "rv-summary-pneumonia")),
    ("same-figure-restated-differently", ("rs-7-in-10", "rs-faq-studies-70")),
    ("figure-without-source", ("gp-fracture-44",)),
    ("figure-without-source", ("rs-b12-1",)),
    ("figure-without-source", ("rs-faq-bones",)),
    ("proof-from-one-study", ("nw-headline", "nw-lead")),
    ("research-claim-without-reference", ("nw-fractures-may",)),
    ("research-claim-without-reference", ("rs-faq-studies-70",)),
    ("research-claim-without-reference", ("rv-pneumonia-might",)),
    ("described-study-not-cited", ("nw-38", "nw-headline", "nw-lead")),
    ("untraceable-work", ("gp-b12-review",)),
    ("promotes-own-interest", ("rs-7-in-10", "rs-bloating", "rs-faq-bones",
                               "rs-faq-studies-70", "rs-relieves-24h")),
    ("cited-work-off-topic", ("rs-relieves-24h",)),
    ("cited-work-reports-no-effect", ("rv-cdiff",)),
    ("inconsistent-year", ("gp-dementia-no-link",)),
    ("inconsistent-year", ("rv-b12-12",)),
    ("missing-identifier", ()),  # greene2022, which nothing cites
    ("missing-identifier", ("gp-dementia-no-link",)),
    ("missing-identifier", ("rs-relieves-24h",)),
    ("missing-identifier", ("rv-b12-12",)),
    ("missing-identifier", ("rv-cdiff",)),
    ("misspelled-name", ("rv-b12-12",)),
    ("reference-missing-fields", ("gp-dementia-no-link",)),
    ("uncited-reference", ()),
    ("class-claim-vs-member-denial", ("rs-no-rebound", "rv-rebound")),
    ("class-effect-vs-member-treatment", ("rs-bloating", "rv-bloating")),
    ("classification-against-vocabulary", ("rs-famotidine-ppi",)),
    ("time-course-conflict", ("gp-rebound-weeks", "rv-rebound-months")),
}  # fmt: skip

#: pairs of claims a careful reader does not flag, with the verdict that says why
NEAR_MISSES = [
    ("gp-rebound-weeks", "rs-no-rebound", "not-comparable"),  # a time course, not a rule
    ("rs-acid-only", "gp-milk-worse", "compatible"),  # milk works through the acid
    ("gp-omeprazole-b12-short", "rv-b12-12", "not-comparable"),  # a conditional denial
    ("rs-alginate-no-rebound", "rv-rebound", "not-comparable"),  # alginates are no PPI
    ("gp-dementia-belief", "gp-dementia-no-link", "not-comparable"),  # a belief corrected
    ("gp-dementia-belief", "nw-lead", "not-comparable"),
    ("rv-b12-12", "gp-b12-review", "agree"),  # ranges that overlap
    ("rv-fracture-44", "nw-38", "not-comparable"),  # other outcomes
    ("nw-fractures-may", "rv-fracture-44", "not-comparable"),  # a hedge, and a figure
    ("gp-famotidine-relieves", "rv-bloating", "compatible"),  # an H2 blocker, no PPI
]

@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS)


def test_the_findings_are_exactly_those_a_careful_reader_accepts(corpus: Corpus) -> None:
    findings = accepted_findings(corpus, ACCEPTED)
    by_rule = {f.rule: f for f in findings}
    opposite = {frozenset(c.id for c in f.claims): f.severity for f in findings
                if f.rule == "opposite-direction-same-statistic"}  # fmt: skip
    # a change in risk is no share of people: the opposite figures cannot both hold
    assert opposite[frozenset({"rs-faq-bones", "rv-fracture-44"})] == "error"
    # one of them said of everyone: both hold only if the effect differs by group
    assert opposite[frozenset({"gp-fracture-44", "rs-faq-bones"})] == "warning"
    assert "RefluStop is a kind of omeprazole, a kind of proton pump inhibitors" in (
        by_rule["class-claim-vs-member-denial"].message
    )
    # the gastric pH paper names omeprazole, the drug RefluStop is a kind of, not the brand
    assert "names omeprazole (RefluStop is a kind of it) but not heartburn" in (
        by_rule["cited-work-off-topic"].message
    )
    # explain reads the accepted sole-cause pair as the rule does
    assert explain_pair(corpus, "rs-acid-only", "gp-overweight")[0] == "verdict: other-cause"
    assert explain_pair(corpus, "rv-fracture-44", "gp-fracture-44")[-1] == (
        "the populations differ: one is not stated, which reads as everyone and contains "
        "people over 50 taking a PPI for more than a year"
    )
    # "Some researchers think" leans on unnamed people, not on research
    (think,) = [f for f in findings if {c.id for c in f.claims} == {"rv-pneumonia-might"}]
    assert "appeals to experts (“Some researchers think”)" in think.message
    # the real reference, with its PMID, has an identifier
    assert not any("yang2006" in f.references for f in findings)


@pytest.mark.parametrize(("first", "second", "verdict"), NEAR_MISSES)
def test_the_near_misses_stay_quiet(
    corpus: Corpus, first: str, second: str, verdict: str
) -> None:
    assert_near_miss(corpus, first, second, verdict)


def test_the_class_claim_about_a_time_course_is_left_out_and_explain_says_why(
    corpus: Corpus,
) -> None:
    reasons = explain_pair(corpus, "gp-rebound-weeks", "rs-no-rebound")
    assert reasons[-1].endswith("the class claim says how long the effect lasts, not that "
                                "every member brings it")  # fmt: skip
    reasons = explain_pair(corpus, "rv-rebound", "rs-no-rebound")
    assert reasons[-1].endswith("which class-claim-vs-member-denial reports")


def test_a_problem_of_nearly_every_kind_the_rules_detect_is_planted() -> None:
    # every rule but class-figure-vs-member-figure and safe-vs-harm, written after the
    # corpus (its figures for PPIs and their kinds are for other outcomes or people; no
    # article says a PPI is safe); the two facet rules fire since the eleventh reading,
    # which compares a definition's minimum duration; proof-from-observation came later
    # (no article calls observing studies proof)
    fired = {rule for rule, _ in ACCEPTED}
    assert fired <= {r.name for r in RULES}
    assert {r.name for r in RULES} - fired == {
        "class-figure-vs-member-figure",
        "safe-vs-harm",
        "proof-from-observation",
    }
