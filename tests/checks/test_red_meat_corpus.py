"""A corpus on another topic for proof-from-one-study: red meat and bowel cancer.

Three short articles written for this test (tests/data/red-meat), in the
layout of a user's corpus: a news story on one cohort study ("Study proves
bacon causes bowel cancer"), a charity's page on the evidence, and a blog
that warns against trusting one study and then trusts one. Every finding was
read against the texts; the set below is exactly the one a careful reader
accepts:

* the news story's headline and lead, "proves that bacon causes bowel
  cancer", resting on one cohort (one finding), and the same cohort not
  cited;
* the blog's "A 2019 case-control study [1] conclusively shows that grilled
  meat causes bowel cancer" (the design read from the cited title), and its
  "One small trial proves that psyllium husk prevents bowel polyps", a trial
  it does not identify;
* the blog's "A 2022 meta-analysis of 40 cohort studies [2] shows beyond
  doubt that processed meat raises the risk of bowel cancer": pooled cohorts
  called proof of a cause (``proof-from-observation``, info);
* the three references, printed without an identifier.

Near misses that must stay quiet: the expert quoted in the news story,
"This study alone cannot prove …"; the charity's "No single study proves
…", citing a review; its "2020 randomised trial … showed"; its "Proven ways
to lower your risk"; the blog's readers' "science has proven red meat
causes cancer" (a belief it reports, in quotation marks), its "Does one
study prove …?"; and ``proof-from-one-study`` leaves the meta-analysis
alone (it is more than one study).
"""

from __future__ import annotations

from pathlib import Path

from bluntgraph import load_corpus, run_checks
from tests.checks.conftest import accepted_findings

CORPUS = Path(__file__).resolve().parents[1] / "data" / "red-meat"

ACCEPTED = {
    ("proof-from-one-study", ("nw-lead", "nw-title")),
    ("proof-from-one-study", ("bl-grilled",)),
    ("proof-from-one-study", ("bl-psyllium",)),
    ("proof-from-observation", ("bl-meta",)),
    ("described-study-not-cited", ("nw-lead", "nw-more-likely", "nw-title")),
    ("untraceable-work", ("bl-psyllium",)),
    ("missing-identifier", ("bl-grilled",)),
    ("missing-identifier", ("bl-meta", "ev-no-single", "ev-processed")),
    ("missing-identifier", ("ev-trial",)),
}


def test_the_findings_are_exactly_those_a_careful_reader_accepts() -> None:
    corpus = load_corpus(CORPUS)
    accepted_findings(corpus, ACCEPTED)


def test_the_messages_name_the_study_and_what_its_design_can_show() -> None:
    findings = run_checks(load_corpus(CORPUS), ["proof-from-one-study"])
    by_claim = {tuple(sorted(c.id for c in f.claims)): f.message for f in findings}
    news = by_claim[("nw-lead", "nw-title")]
    assert news.startswith(
        "study-proves-bacon-causes-bowel-cancer (title, body) calls “bacon causes bowel "
        "cancer” proven (“proves”), but the evidence it gives is one study: a cohort of 45,000 "
        "people. A cohort study observes who was exposed"
    )
    grilled = by_claim[("bl-grilled",)]
    assert "(“conclusively”)" in grilled
    assert "haddad2019 (“Grilled meat and colorectal cancer: a case-control study”)" in grilled
    assert "A case-control study observes" in grilled
    trial = by_claim[("bl-psyllium",)]
    assert "one study: “One small trial”" in trial and "link" not in trial


def test_pooled_cohorts_called_proof_of_a_cause_are_reported() -> None:
    (finding,) = run_checks(load_corpus(CORPUS), ["proof-from-observation"])
    assert finding.message.startswith(
        "the-truth-about-meat (body) calls “processed meat causes bowel cancer” proven (“beyond "
        "doubt”), but the evidence it gives, berg2022 (“Processed meat and colorectal cancer: a "
        "systematic review and meta-analysis of cohort studies”), rests on cohort studies"
    )
