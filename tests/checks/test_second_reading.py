"""Findings a second reader rejected or missed, fixed by rule (statins, vitamin D)."""

from __future__ import annotations

from typing import Any

from tests.checks.conftest import Builder, claim, found, ids, pct

#: statins, their aches and what else causes them — nothing from the bundled corpus
STATINS: list[dict[str, Any]] = [
    {"id": "lipid_drug", "label": "lipid-lowering drug", "type": "drug_class"},
    {"id": "statin", "label": "statin", "type": "drug_class", "broader": ["lipid_drug"],
     "acts_on": ["coq10"]},
    {"id": "coq10", "label": "coenzyme Q10", "type": "substance"},
    {"id": "hard_exercise", "label": "hard exercise", "type": "practice"},
    {"id": "low_vitamin_d", "label": "low vitamin D", "type": "condition"},
    {"id": "atorvastatin", "label": "atorvastatin", "type": "drug", "broader": ["statin"]},
    {"id": "muscle_ache", "label": "muscle ache", "type": "symptom"},
    {"id": "fatigue", "label": "fatigue", "type": "symptom"},
    {"id": "dose_reduction", "label": "dose reduction", "type": "action"},
    {"id": "people", "label": "people", "type": "population"},
]  # fmt: skip


# ---------------------------------------------------------------- time course
def test_not_permanent_is_not_broken_by_may_persist(build: Builder) -> None:
    promise = claim("a-not-permanent", "Statin muscle aches are not permanent.", "statin",
                    "causes", "muscle_ache", negated=True, time_course="permanent",
                    section="summary")  # fmt: skip
    persist = claim("b-persist", "In some people the aches may persist for months.", "statin",
                    "causes", "muscle_ache", time_course="persistent",
                    certainty={"level": "possible", "cue": "may"})  # fmt: skip
    firm = claim("c-persist", "Atorvastatin aches persist.", "atorvastatin", "causes",
                 "muscle_ache", time_course="persistent")  # fmt: skip
    corpus = build({"a": [promise], "b": [persist], "c": [firm]}, entities=STATINS)
    assert found(corpus, "time-course-conflict") == []


def test_not_permanent_is_broken_by_permanent(build: Builder) -> None:
    promise = claim("a-not-permanent", "Statin muscle aches are not permanent.", "statin",
                    "causes", "muscle_ache", negated=True, time_course="permanent")  # fmt: skip
    forever = claim("b-forever", "For a few, atorvastatin aches never go away.", "atorvastatin",
                    "causes", "muscle_ache", time_course="permanent",
                    certainty={"level": "possible", "cue": "For a few"})  # fmt: skip
    irreversible = claim("c-irreversible", "The aches are not reversible.", "statin", "causes",
                         "muscle_ache", negated=True, time_course="reversible")  # fmt: skip
    corpus = build({"a": [promise], "b": [forever], "c": [irreversible]}, entities=STATINS)
    findings = found(corpus, "time-course-conflict")
    assert sorted(sorted(ids(f)) for f in findings) == [
        ["a-not-permanent", "b-forever"],
        ["a-not-permanent", "c-irreversible"],
    ]
    assert all("never lasts for ever" in f.message for f in findings)


def test_reversible_is_broken_by_lasting_once_the_drug_is_stopped(build: Builder) -> None:
    promise = claim("a-reversible", "Statin muscle aches are reversible.", "statin", "causes",
                    "muscle_ache", time_course="reversible")  # fmt: skip
    persist = claim("b-persist", "The aches can persist.", "statin", "causes", "muscle_ache",
                    time_course="persistent")  # fmt: skip
    # lasting with no reference point says nothing of whether stopping ends it
    assert found(build({"a": [promise], "b": [persist]}, entities=STATINS),
                 "time-course-conflict") == []  # fmt: skip
    after = claim("c-after", "The aches can persist for years after stopping the statin.",
                  "statin", "causes", "muscle_ache", time_course="persistent",
                  time_reference="after-stopping")  # fmt: skip
    corpus = build({"a": [promise], "b": [persist], "c": [after]}, entities=STATINS)
    (finding,) = found(corpus, "time-course-conflict")
    assert ids(finding) == {"a-reversible", "c-after"}
    assert "persistent (after stopping)" in finding.message


def test_temporary_is_broken_by_any_lasting_course(build: Builder) -> None:
    promise = claim("a-temporary", "Statin muscle aches are temporary.", "statin", "causes",
                    "muscle_ache", time_course="transient")  # fmt: skip
    persist = claim("b-persist", "In some people the aches may persist for months.", "statin",
                    "causes", "muscle_ache", time_course="persistent",
                    certainty={"level": "possible", "cue": "may"})  # fmt: skip
    corpus = build({"a": [promise], "b": [persist]}, entities=STATINS)
    (finding,) = found(corpus, "time-course-conflict")
    assert ids(finding) == {"a-temporary", "b-persist"}
    assert "passes in every case" in finding.message


# ---------------------------------------------------------------- research appeals
STATIN_BIB = """
@article{smith2020,
  author = {Smith, A.},
  title = {Atorvastatin and muscle aches},
  journal = {Journal of Lipid Studies},
  year = {2020},
  doi = {10.0000/example.2020},
}
"""

RESEARCH = {"kind": "research-appeal", "cue": "Research shows"}
CITED = {"kind": "cited", "references": ["smith2020"], "mode": "reports"}


def test_an_appeal_backed_by_the_sources_reference_list_is_not_unsupported(
    build: Builder,
) -> None:
    cited = claim("a-ref", "Smith 2020: atorvastatin causes muscle aches.", "atorvastatin",
                  "causes", "muscle_ache", section="references", attribution=CITED)  # fmt: skip
    appeal = claim("a-appeal", "Research shows statins cause muscle aches.", "statin", "causes",
                   "muscle_ache", attribution=RESEARCH)  # fmt: skip
    # a work on one statin is research on the class it belongs to
    wider = claim("a-wider", "Research shows lipid-lowering drugs cause muscle aches.",
                  "lipid_drug", "causes", "muscle_ache", attribution=RESEARCH)  # fmt: skip
    linked = claim("a-linked", "Researchers link muscle aches to statins.", "muscle_ache",
                   "associated_with", "statin",
                   attribution={"kind": "research-appeal", "cue": "Researchers link"})  # fmt: skip
    corpus = build({"a": [cited, appeal, wider, linked]}, entities=STATINS, bib=STATIN_BIB)
    assert found(corpus, "research-claim-without-reference") == []


def test_an_appeal_the_reference_list_does_not_cover_is_unsupported(build: Builder) -> None:
    cited = claim("a-ref", "Smith 2020: atorvastatin causes muscle aches.", "atorvastatin",
                  "causes", "muscle_ache", section="references", attribution=CITED)  # fmt: skip
    # the cited work is about muscle aches, not fatigue
    fatigue = claim("a-fatigue", "Research shows atorvastatin causes fatigue.", "atorvastatin",
                    "causes", "fatigue", attribution=RESEARCH)  # fmt: skip
    # the cited claim has no figure, the appeal gives one
    figure = claim("a-figure", "Studies show 10–15% of people on statins get muscle aches.",
                   "statin", "causes", "muscle_ache", population="people",
                   quantity=pct(10, 15), attribution={"kind": "research-appeal",
                   "cue": "Studies show"})  # fmt: skip
    # another source's reference list does not back this one
    other = claim("b-appeal", "Research shows atorvastatin causes muscle aches.",
                  "atorvastatin", "causes", "muscle_ache", attribution=RESEARCH)  # fmt: skip
    corpus = build({"a": [cited, fatigue, figure], "b": [other]}, entities=STATINS,
                   bib=STATIN_BIB)  # fmt: skip
    flagged = sorted(sorted(ids(f)) for f in found(corpus, "research-claim-without-reference"))
    assert flagged == [["a-fatigue"], ["a-figure"], ["b-appeal"]]


# ---------------------------------------------------------------- a closed list of causes
def _two_causes() -> list[dict[str, Any]]:
    quote = "Only two things cause muscle aches: statins or hard exercise."
    return [
        claim("a-only-statin", quote, "statin", "causes", "muscle_ache", sole_cause=True),
        claim("a-only-exercise", quote, "hard_exercise", "causes", "muscle_ache",
              sole_cause=True),
    ]  # fmt: skip


def test_a_closed_list_of_causes_is_one_claim(build: Builder) -> None:
    member = claim("b-atorva", "Atorvastatin causes muscle aches.", "atorvastatin", "causes",
                   "muscle_ache")  # fmt: skip
    mechanism = claim("c-coq10", "Lower coenzyme Q10 may cause the aches.", "coq10", "causes",
                      "muscle_ache", certainty={"level": "possible", "cue": "may"})  # fmt: skip
    corpus = build({"a": _two_causes(), "b": [member], "c": [mechanism]}, entities=STATINS)
    # the listed causes do not contradict each other; a kind of one of them, or what
    # one of them acts on (its mechanism), is not another cause
    assert found(corpus, "sole-cause-vs-other-cause") == []


def test_a_closed_list_of_causes_against_another_cause(build: Builder) -> None:
    vitamin = claim("b-vitamin", "Low vitamin D can cause muscle aches.", "low_vitamin_d",
                    "causes", "muscle_ache",
                    certainty={"level": "possible", "cue": "can"})  # fmt: skip
    also = claim("c-vitamin", "Muscle aches also come from low vitamin D.", "low_vitamin_d",
                 "causes", "muscle_ache")  # fmt: skip
    corpus = build({"a": _two_causes(), "b": [vitamin], "c": [also]}, entities=STATINS)
    (finding,) = found(corpus, "sole-cause-vs-other-cause")
    assert ids(finding) == {"a-only-statin", "a-only-exercise", "b-vitamin", "c-vitamin"}
    assert "caused only by statin or hard exercise" in finding.message
    assert "another cause is named: low vitamin D by b (body) and c (body)" in finding.message
    assert "were the only causes" in finding.message
    assert set(finding.pairs) == {
        (a, b) for a in ("a-only-statin", "a-only-exercise") for b in ("b-vitamin", "c-vitamin")
    }
