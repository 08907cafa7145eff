"""Checks a reviewer can trust: stable ids, unscoped assertions, no repeats (caffeine & sleep)."""

from __future__ import annotations

from typing import Any

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
]  # fmt: skip


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
