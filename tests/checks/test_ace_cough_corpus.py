"""A user's own corpus on a new topic: ACE inhibitors and dry cough (tests/data/ace-cough).

Four short articles written for this test (a pharmacy's page selling
lozenges, a heart charity's guide, a news story on a cohort study, a GP's
blog), added with ``bluntgraph add``, accepted with ``review --accept-all``
and then curated by hand. Every finding was read against the texts; the
set below is exactly the one a careful reader accepts:

* the pharmacy's "about 10%" in its body against "roughly 1 in 5" in its
  FAQ, and the FAQ against the charity's "approximately 10 percent";
* the pharmacy's "ARBs such as losartan do not cause the cough" against a
  cardiologist's "losartan can occasionally cause a cough"; the charity's
  "cough medicines and lozenges do not help" against the pharmacy's own
  lozenges that "soothe" it — citing a trial whose title says honey did
  not reduce the cough;
* the pharmacy's promise that the cough "always goes away within four
  weeks" against "can last for up to three months" (charity, GP);
* bare figures, research appeals without a reference, the uncited cohort,
  the promotion, a citation whose title is about angioedema, and the
  references without an identifier;
* the news story's headline and lead, "study proves that lisinopril causes
  a chronic cough": one observational cohort called proof of a cause.

Near misses that must stay quiet: "about 10%" and "approximately 10
percent"; "1 in 7" in the headline and "about 15%" in the lead; 18% of
women and 11% of men against 15% of everyone taking lisinopril; "up to 40%"
of people of East Asian descent; "5–35%" from earlier studies against the
cohort's 15%; "blood pressure medicines generally do not cause a cough;
ACE inhibitors are the exception" against every claim that ACE inhibitors,
lisinopril or losartan cause it; children who "rarely" get it and a cough
that "usually settles within weeks".
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus
from tests.checks.conftest import accepted_findings

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ace-cough"

ACCEPTED = {
    ("incompatible-values", ("pb-body-10", "pb-faq-20")),
    ("incompatible-values", ("hc-10", "pb-faq-20")),
    ("asserted-and-negated", ("nw-losartan", "pb-faq-arbs-no")),
    ("asserted-and-negated", ("hc-lozenges-no", "pb-lozenges")),
    ("time-course-conflict", ("hc-lasts-months", "pb-always-weeks")),
    ("time-course-conflict", ("gp-lingers-months", "pb-always-weeks")),
    ("figure-without-source", ("hc-10",)),
    ("figure-without-source", ("hc-east-asian-40",)),
    ("figure-without-source", ("pb-body-10",)),
    ("figure-without-source", ("pb-faq-20",)),
    ("research-claim-without-reference", ("nw-previous",)),
    ("research-claim-without-reference", ("pb-switch-research",)),
    ("proof-from-one-study", ("nw-15", "nw-title")),
    ("described-study-not-cited", ("nw-15", "nw-men-11", "nw-most-weeks", "nw-title",
                                   "nw-women-18")),
    ("promotes-own-interest", ("pb-lozenges", "pb-lozenges-rec")),
    ("cited-work-off-topic", ("gp-may",)),
    ("cited-work-reports-no-effect", ("pb-lozenges",)),
    ("missing-identifier", ("gp-may",)),
    ("missing-identifier", ("gp-range",)),
    ("missing-identifier", ("pb-lozenges",)),
}  # fmt: skip


def test_the_findings_are_exactly_those_a_careful_reader_accepts() -> None:
    corpus = load_corpus(CORPUS)
    findings = accepted_findings(corpus, ACCEPTED)
    by_rule = {f.rule: f for f in findings}
    assert "is gone within weeks (after stopping)" in by_rule["time-course-conflict"].message
    assert "a 2024 cohort of 12,400 people" in by_rule["described-study-not-cited"].message
    proof = by_rule["proof-from-one-study"].message
    assert "one study: a 2024 cohort of 12,400 people" in proof
    assert "not that one causes the other" in proof
