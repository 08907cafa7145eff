"""Checks a reviewer can trust: stable ids, unscoped assertions, no repeats (caffeine & sleep)."""

from __future__ import annotations

from typing import Any

import pytest

from bluntgraph import run_checks
from tests.checks.conftest import Builder, claim, found, ids, pct

#: a vocabulary about caffeine and sleep, unrelated to the bundled corpus
SLEEP: list[dict[str, Any]] = [
    {"id": "stimulant", "label": "stimulant", "type": "drug_class"},
    {"id": "caffeine", "label": "caffeine", "type": "drug", "broader": ["stimulant"]},
    {"id": "energy_drink", "label": "energy drink", "type": "drug", "broader": ["stimulant"]},
    {"id": "high_caffeine_dose", "label": "a higher caffeine dose", "type": "action"},
    {"id": "insomnia", "label": "insomnia", "type": "symptom"},
    {"id": "jitters", "label": "jitters", "type": "symptom"},
    {"id": "people", "label": "people", "type": "population"},
    {"id": "coffee_drinkers", "label": "coffee drinkers", "type": "population",
     "takes": "caffeine", "broader": ["people"]},
    {"id": "students", "label": "students", "type": "population", "broader": ["people"]},
    {"id": "stress", "label": "stress", "type": "condition"},
    {"id": "statin", "label": "statin", "type": "drug_class"},
    {"id": "muscle_pain", "label": "muscle pain", "type": "symptom"},
    {"id": "coffee_drinking", "label": "coffee drinking", "type": "practice"},
    {"id": "habit", "label": "habit", "type": "concept", "disjoint_with": ["disease"]},
    {"id": "disease", "label": "disease", "type": "concept"},
]  # fmt: skip

RESEARCH = {"kind": "research-appeal", "cue": "Studies show"}


def test_an_unscoped_assertion_is_contradicted_by_a_scoped_denial(build: Builder) -> None:
    dose = claim("a-dose", "Higher caffeine doses cause more insomnia.", "high_caffeine_dose",
                 "causes", "insomnia")  # fmt: skip
    denial = claim("b-no-dose", "For coffee drinkers, insomnia has nothing to do with the dose.",
                   "high_caffeine_dose", "causes", "insomnia", population="coffee_drinkers",
                   negated=True)  # fmt: skip
    corpus = build({"a": [dose], "b": [denial]}, entities=SLEEP)
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"a-dose", "b-no-dose"}
    assert finding.pairs == (("b-no-dose", "a-dose"),)
    # a general statement against an exception for one group: the general one may only
    # overreach, so a warning that says so, not "cannot both be true"
    assert finding.severity == "warning"
    assert not finding.message.startswith("These cannot both be true")
    assert "naming no population" in finding.message
    assert "covers coffee drinkers too" in finding.message


def test_a_scoped_denial_near_misses(build: Builder) -> None:
    # the assertion names another population: students are not coffee drinkers
    students = claim("a-students", "In students, higher doses cause insomnia.",
                     "high_caffeine_dose", "causes", "insomnia", population="students")  # fmt: skip
    denial = claim("b-no-dose", "For coffee drinkers, insomnia has nothing to do with the dose.",
                   "high_caffeine_dose", "causes", "insomnia", population="coffee_drinkers",
                   negated=True)  # fmt: skip
    # another outcome
    jitters = claim("c-jitters", "Higher doses cause jitters.", "high_caffeine_dose", "causes",
                    "jitters")  # fmt: skip
    corpus = build({"a": [students], "b": [denial], "c": [jitters]}, entities=SLEEP)
    assert found(corpus, "asserted-and-negated") == []


def _stable_corpus() -> dict[str, list[dict[str, Any]]]:
    return {
        "a": [
            claim("a-caffeine", "Caffeine does not cause insomnia.", "caffeine", "causes",
                  "insomnia", negated=True),
            claim("a-studies", "Studies show 30% of coffee drinkers sleep badly.", "caffeine",
                  "causes", "insomnia", population="coffee_drinkers", quantity=pct(30, 30),
                  attribution={"kind": "research-appeal", "cue": "Studies show"}),
        ],
        "b": [claim("b-caffeine", "Caffeine causes insomnia.", "caffeine", "causes", "insomnia")],
    }  # fmt: skip


def test_finding_ids_survive_adding_a_source(build: Builder) -> None:
    before = run_checks(build(_stable_corpus(), entities=SLEEP))
    grown = _stable_corpus()
    grown["c"] = [
        # a new finding involving an old claim, and an unrelated new one
        claim("c-energy", "Energy drinks cause insomnia.", "energy_drink", "causes", "insomnia"),
        claim("c-jitters", "Research shows 10% of students get jitters.", "energy_drink", "causes",
              "jitters", population="students", quantity=pct(10, 10),
              attribution={"kind": "research-appeal", "cue": "Research shows"}),
    ]  # fmt: skip
    grown["a"].insert(0, claim("a-first", "Caffeine causes jitters.", "caffeine", "causes",
                               "jitters"))  # fmt: skip
    corpus = build(grown, entities=SLEEP)
    after = run_checks(corpus)
    assert len(after) > len(before)
    old = {(f.rule, frozenset(ids(f))): f.id for f in before}
    new = {(f.rule, frozenset(ids(f))): f.id for f in after}
    unchanged = set(old) & set(new)
    assert len(unchanged) >= 2  # the research claim and one of the denial findings
    for key in unchanged:
        assert old[key] == new[key], key
    # and each rule run alone gives the same ids
    for f in after:
        assert f.id in {g.id for g in run_checks(corpus, [f.rule])}


# ---------------------------------------------------------------- time reference points
def test_a_time_course_needs_its_reference_point(build: Builder) -> None:
    resolves = claim("a-resolves", "Muscle pain resolves completely once the statin is stopped.",
                     "statin", "causes", "muscle_pain", time_course="reversible",
                     time_reference="after-stopping")  # fmt: skip
    while_taking = claim("b-while", "Muscle pain persists while taking the statin.", "statin",
                         "causes", "muscle_pain", time_course="persistent",
                         time_reference="while-taking")  # fmt: skip
    corpus = build({"a": [resolves], "b": [while_taking]}, entities=SLEEP)
    assert found(corpus, "time-course-conflict") == []
    after = claim(
        "c-years",
        "Muscle pain persists for years after stopping.",
        "statin",
        "causes",
        "muscle_pain",
        time_course="persistent",
        time_reference="after-stopping",
    )
    corpus = build({"a": [resolves], "b": [while_taking], "c": [after]}, entities=SLEEP)
    (finding,) = found(corpus, "time-course-conflict")
    assert ids(finding) == {"a-resolves", "c-years"}
    assert "persistent (after stopping)" in finding.message


def test_an_unplaced_promise_is_not_broken_while_taking(build: Builder) -> None:
    promise = claim("a-temporary", "The muscle pain is always temporary.", "statin", "causes",
                    "muscle_pain", time_course="transient")  # fmt: skip
    while_taking = claim("b-while", "Muscle pain persists while taking the statin.", "statin",
                         "causes", "muscle_pain", time_course="persistent",
                         time_reference="while-taking")  # fmt: skip
    unplaced = claim(
        "c-lasts",
        "Muscle pain can persist.",
        "statin",
        "causes",
        "muscle_pain",
        time_course="persistent",
        certainty={"level": "possible", "cue": "can"},
    )
    corpus = build({"a": [promise], "b": [while_taking]}, entities=SLEEP)
    assert found(corpus, "time-course-conflict") == []
    corpus = build({"a": [promise], "b": [while_taking], "c": [unplaced]}, entities=SLEEP)
    (finding,) = found(corpus, "time-course-conflict")
    assert ids(finding) == {"a-temporary", "c-lasts"}


# ---------------------------------------------------------------- studies told apart
def _surveys(study_a: dict[str, Any] | None, study_b: dict[str, Any] | None) -> Any:
    def attribution(study: dict[str, Any] | None) -> dict[str, Any]:
        if study is None:
            return {"kind": "unidentified-work", "cue": "a survey"}
        return {"kind": "described-study", "cue": "a survey", "study": study}

    return {
        "a": [claim("a-669", "46% of 669 coffee drinkers in a 2017 survey slept badly.",
                    "caffeine", "causes", "insomnia", population="coffee_drinkers",
                    quantity=pct(46, 46), attribution=attribution(study_a))],
        "b": [claim("b-161", "46% of 161 students in an earlier survey slept badly.",
                    "caffeine", "causes", "insomnia", population="students",
                    quantity=pct(46, 46), attribution=attribution(study_b))],
    }  # fmt: skip


def test_two_studies_with_the_same_figure_are_two_results(build: Builder) -> None:
    two = _surveys({"year": 2017, "size": 669, "design": "survey"}, {"size": 161})
    assert found(build(two, entities=SLEEP), "same-figure-different-population") == []
    # near miss: undescribed, the same figure for two populations is scope drift
    vague = build(_surveys(None, None), entities=SLEEP)
    (finding,) = found(vague, "same-figure-different-population")
    assert ids(finding) == {"a-669", "b-161"}
    # and one study described the same way twice is one study
    same = _surveys({"year": 2017, "size": 669}, {"size": 669})
    assert len(found(build(same, entities=SLEEP), "same-figure-different-population")) == 1


def test_a_study_needs_a_description(build: Builder, tmp_path: Any) -> None:
    from bluntgraph import CorpusError

    bad = claim("a-bad", "A survey found insomnia.", "caffeine", "causes", "insomnia",
                attribution={"kind": "described-study", "cue": "A survey"})  # fmt: skip
    with pytest.raises(CorpusError, match=r"needs 'study: \{year, size, design\}'"):
        build({"a": [bad]}, entities=SLEEP)
    worse = claim("a-bad", "A survey found insomnia.", "caffeine", "causes", "insomnia",
                  attribution={"kind": "described-study", "study": {"size": -3}})  # fmt: skip
    with pytest.raises(CorpusError, match="'size' must be a whole number"):
        build({"a": [worse]}, entities=SLEEP)


def test_a_described_study_suggests_a_matching_reference(build: Builder) -> None:
    bib = (
        "@article{kim2017, author={Kim, A.}, title={Caffeine and insomnia: a survey of 669 "
        "coffee drinkers}, journal={J Sleep}, year={2017}}\n"
        "@article{lee2019, author={Lee, B.}, title={Caffeine and insomnia}, journal={J Sleep}, "
        "year={2019}}\n"
        "@article{cited2020, author={C}, title={Jitters}, journal={J}, year={2020}}\n"
    )
    described = claim(
        "a-2017",
        "A 2017 survey of 669 coffee drinkers found that caffeine causes insomnia.",
        "caffeine",
        "causes",
        "insomnia",
        attribution={
            "kind": "described-study",
            "cue": "A 2017 survey",
            "study": {"year": 2017, "size": 669, "design": "survey"},
        },
    )
    cites = claim(
        "b-cites",
        "Caffeine causes jitters (C 2020).",
        "caffeine",
        "causes",
        "jitters",
        attribution={"kind": "cited", "references": ["cited2020"]},
    )
    corpus = build({"a": [described], "b": [cites]}, entities=SLEEP, bib=bib)  # fmt: skip
    (finding,) = found(corpus, "described-study-not-cited")
    assert finding.kind == "vague-attribution" and ids(finding) == {"a-2017"}
    assert "2017 survey of 669 people" in finding.message
    assert "kim2017" in finding.message and "lee2019" not in finding.message
    assert "sample size 669" in finding.message
    # it is not an untraceable work
    assert found(corpus, "untraceable-work") == []


# ---------------------------------------------------------------- sole cause
def test_a_sole_cause_is_contradicted_by_any_other_cause(build: Builder) -> None:
    sole = claim("a-only-stress", "Insomnia is caused entirely by stress and never by caffeine.",
                 "stress", "causes", "insomnia", sole_cause=True)  # fmt: skip
    other = claim("a-students", "Caffeine keeps students awake.", "caffeine", "causes",
                  "insomnia", population="students")  # fmt: skip
    corpus = build({"a": [sole, other]}, entities=SLEEP)
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert finding.kind == "contradiction" and ids(finding) == {"a-only-stress", "a-students"}
    assert "within one source" in finding.message


def test_sole_cause_near_misses(build: Builder) -> None:
    plain = claim("a-stress", "Stress causes insomnia.", "stress", "causes", "insomnia")
    other = claim("b-caffeine", "Caffeine causes insomnia.", "caffeine", "causes", "insomnia")
    corpus = build({"a": [plain], "b": [other]}, entities=SLEEP)
    assert found(corpus, "sole-cause-vs-other-cause") == []
    # the sole cause is for students; the other cause is about coffee drinkers, a
    # population that does not overlap; and another outcome
    sole = claim("a-only", "In students, insomnia comes only from stress.", "stress", "causes",
                 "insomnia", population="students", sole_cause=True)  # fmt: skip
    drinkers = claim("b-drinkers", "Caffeine keeps coffee drinkers awake.", "caffeine", "causes",
                     "insomnia", population="coffee_drinkers")  # fmt: skip
    jitters = claim("c-jitters", "Caffeine causes jitters.", "caffeine", "causes", "jitters")
    corpus = build({"a": [sole], "b": [drinkers], "c": [jitters]}, entities=SLEEP)
    assert found(corpus, "sole-cause-vs-other-cause") == []


# ---------------------------------------------------------------- bare figures
def test_a_figure_with_no_cue_is_unsupported(build: Builder) -> None:
    bare = claim(
        "a-bare",
        "Caffeine gives 30% of coffee drinkers insomnia.",
        "caffeine",
        "causes",
        "insomnia",
        population="coffee_drinkers",
        quantity=pct(30, 30),
    )
    corpus = build({"a": [bare]}, entities=SLEEP)  # fmt: skip
    (finding,) = found(corpus, "figure-without-source")
    assert finding.kind == "unsupported" and "no source at all" in finding.message


def test_figure_without_source_near_misses(build: Builder) -> None:
    appeal = claim("a-studies", "Studies show 30% of coffee drinkers sleep badly.", "caffeine",
                   "causes", "insomnia", population="coffee_drinkers", quantity=pct(30, 30),
                   attribution=RESEARCH)  # fmt: skip
    restated = claim("a-faq", "About 30% of coffee drinkers get insomnia.", "caffeine",
                     "causes", "insomnia", population="coffee_drinkers",
                     quantity=pct(30, 30, "approximately"), section="faq")  # fmt: skip
    plain = claim("b-plain", "Caffeine causes insomnia.", "caffeine", "causes", "insomnia")
    corpus = build({"a": [appeal, restated], "b": [plain]}, entities=SLEEP)
    # the appeal is another rule's; the FAQ restates a figure the body attributes
    assert found(corpus, "figure-without-source") == []


# ---------------------------------------------------------------- certainty within a source
def test_certainty_that_hardens_within_a_source(build: Builder) -> None:
    tentative = claim(
        "a-emerging",
        "Emerging evidence suggests caffeine worsens jitters.",
        "caffeine",
        "worsens",
        "jitters",
        certainty={"level": "speculative", "cue": "Emerging evidence suggests"},
    )
    firm = claim(
        "a-often",
        "Coffee drinkers often find caffeine worsens their jitters.",
        "caffeine",
        "worsens",
        "jitters",
        section="faq",
        certainty={"level": "probable", "cue": "often"},
    )
    elsewhere = claim(
        "b-often",
        "Caffeine often worsens jitters.",
        "caffeine",
        "worsens",
        "jitters",
        certainty={"level": "probable", "cue": "often"},
    )
    corpus = build({"a": [tentative, firm], "b": [elsewhere]}, entities=SLEEP)  # fmt: skip
    (finding,) = found(corpus, "certainty-varies-within-source")
    assert (finding.kind, finding.severity) == ("internal-inconsistency", "info")
    assert ids(finding) == {"a-emerging", "a-often"}


def test_common_against_occasionally(build: Builder) -> None:
    common = claim(
        "a-common",
        "Jitters are a common effect of caffeine.",
        "caffeine",
        "causes",
        "jitters",
        certainty={"level": "probable", "cue": "common"},
    )
    rare = claim(
        "a-occasionally",
        "Caffeine occasionally causes jitters.",
        "caffeine",
        "causes",
        "jitters",
        certainty={"level": "possible", "cue": "occasionally"},
    )
    other = claim(
        "a-insomnia",
        "Caffeine occasionally causes insomnia.",
        "caffeine",
        "causes",
        "insomnia",
        certainty={"level": "possible", "cue": "occasionally"},
    )
    corpus = build({"a": [common, rare, other]}, entities=SLEEP)  # fmt: skip
    (finding,) = found(corpus, "certainty-varies-within-source")
    assert ids(finding) == {"a-common", "a-occasionally"}
    assert "both frequent and rare" in finding.message


# ---------------------------------------------------------------- one passage, one finding
def test_claims_sharing_a_passage_give_one_finding(build: Builder) -> None:
    long = "Studies show caffeine causes insomnia and jitters in students."
    part = "Studies show caffeine causes insomnia"
    corpus = build({"a": [
        claim("a-insomnia", part, "caffeine", "causes", "insomnia", attribution=RESEARCH,
              start=len(part) + 1),  # inside the longer quote
        claim("a-jitters", long, "caffeine", "causes", "jitters", attribution=RESEARCH),
        claim("a-review-1", "A 2021 review says caffeine causes jitters.", "caffeine", "causes",
              "jitters", attribution={"kind": "unidentified-work", "cue": "A 2021 review"}),
        claim("a-review-2", "It adds that energy drinks do too.", "energy_drink", "causes",
              "jitters", attribution={"kind": "unidentified-work", "cue": "a 2021 review"}),
        claim("a-other", "Research shows students sleep less.", "caffeine", "causes",
              "insomnia", population="students", attribution=RESEARCH),
    ]}, entities=SLEEP)  # fmt: skip
    appeals = found(corpus, "research-claim-without-reference")
    assert sorted(sorted(ids(f)) for f in appeals) == [["a-insomnia", "a-jitters"], ["a-other"]]
    (work,) = found(corpus, "untraceable-work")
    assert ids(work) == {"a-review-1", "a-review-2"}


# ---------------------------------------------------------------- similes are not definitions
def test_a_simile_is_not_a_definition(build: Builder) -> None:
    simile = claim("a-like", "Like other habits, coffee drinking lies on a continuum.",
                   "coffee_drinking", "defined_as", "habit")  # fmt: skip
    disease = claim("b-disease", "Coffee drinking is a disease.", "coffee_drinking",
                    "defined_as", "disease")  # fmt: skip
    corpus = build({"a": [simile], "b": [disease]}, entities=SLEEP)
    assert found(corpus, "disjoint-definitions") == []
    # near miss: said with a defining cue, it is a definition and the clash is reported
    habit = claim("a-habit", "Coffee drinking is a habit.", "coffee_drinking", "defined_as",
                  "habit")  # fmt: skip
    corpus = build({"a": [habit], "b": [disease]}, entities=SLEEP)
    (finding,) = found(corpus, "disjoint-definitions")
    assert ids(finding) == {"a-habit", "b-disease"}


def test_consecutive_sentences_on_one_appeal_give_one_finding(build: Builder) -> None:
    some = {"kind": "research-appeal", "cue": "some studies suggest"}
    corpus = build({"a": [
        claim("a-first", "Some studies suggest caffeine blocks adenosine.", "caffeine", "causes",
              "insomnia", attribution=some),
        claim("a-second", "This would account for lost sleep.", "caffeine", "causes", "jitters",
              attribution=some),
        claim("a-gap", "Coffee is popular.", "caffeine", "causes", "jitters"),
        claim("a-later", "Some studies suggest energy drinks do too.", "energy_drink", "causes",
              "insomnia", attribution=some),
    ]}, entities=SLEEP)  # fmt: skip
    appeals = found(corpus, "research-claim-without-reference")
    # a sentence in between (another claim's) separates the later appeal
    assert sorted(sorted(ids(f)) for f in appeals) == [["a-first", "a-second"], ["a-later"]]
