"""A denial meets the assertion of the same effect in other words ("lowers" / "reduces")."""

from __future__ import annotations

from typing import Any

from tests.checks.conftest import Builder, claim, found, ids

ENTITIES: list[dict[str, Any]] = [
    {"id": "statin", "label": "statin", "type": "drug_class", "synonyms": ["statins"]},
    {"id": "stroke", "label": "stroke", "type": "condition"},
    {"id": "smoking", "label": "smoking", "type": "practice"},
    {"id": "gum_disease", "label": "gum disease", "type": "condition"},
    {"id": "ibuprofen", "label": "ibuprofen", "type": "drug"},
    {"id": "arthritis", "label": "arthritis", "type": "condition"},
]  # fmt: skip
RULE = "asserted-and-negated"


def test_lowers_against_does_not_reduce(build: Builder) -> None:
    lowers = claim("a-lowers", "Statins lower the risk of stroke.", "statin", "decreases",
                   "stroke")  # fmt: skip
    denies = claim("b-not", "Statins do not reduce the risk of stroke.", "statin", "reduces",
                   "stroke", negated=True)  # fmt: skip
    (finding,) = found(build({"a": [lowers], "b": [denies]}, entities=ENTITIES), RULE)
    assert ids(finding) == {"a-lowers", "b-not"}
    # and the other way round
    lowers_denied = dict(lowers, quote="Statins do not lower the risk of stroke.", negated=True)
    reduces = dict(denies, quote="Statins reduce the risk of stroke.", negated=False)
    corpus = build({"a": [lowers_denied], "b": [reduces]}, entities=ENTITIES)
    assert len(found(corpus, RULE)) == 1


def test_raises_the_risk_against_does_not_cause(build: Builder) -> None:
    raises = claim("a-raises", "Smoking raises the risk of gum disease.", "smoking", "increases",
                   "gum_disease")  # fmt: skip
    denies = claim("b-not", "Smoking does not cause gum disease.", "smoking", "causes",
                   "gum_disease", negated=True)  # fmt: skip
    (finding,) = found(build({"a": [raises], "b": [denies]}, entities=ENTITIES), RULE)
    assert "smoking does not cause gum disease" in finding.message


def test_not_a_treatment_is_no_denial_that_it_eases(build: Builder) -> None:
    eases = claim("a-eases", "Ibuprofen eases arthritis.", "ibuprofen", "reduces", "arthritis")
    denies = claim("b-not", "Ibuprofen does not treat arthritis.", "ibuprofen", "treats",
                   "arthritis", negated=True)  # fmt: skip
    assert found(build({"a": [eases], "b": [denies]}, entities=ENTITIES), RULE) == []

