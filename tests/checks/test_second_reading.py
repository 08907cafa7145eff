"""Findings a second reader rejected or missed, fixed by rule (statins, vitamin D)."""

from __future__ import annotations

from typing import Any

from tests.checks.conftest import Builder, claim, found, ids

#: statins, their aches and what else causes them — nothing from the bundled corpus
STATINS: list[dict[str, Any]] = [
    {"id": "lipid_drug", "label": "lipid-lowering drug", "type": "drug_class"},
    {"id": "statin", "label": "statin", "type": "drug_class", "broader": ["lipid_drug"]},
    {"id": "atorvastatin", "label": "atorvastatin", "type": "drug", "broader": ["statin"]},
    {"id": "muscle_ache", "label": "muscle ache", "type": "symptom"},
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
