"""Rules fixed by the eighth reading (omega-3 and heart disease), tested in other words."""

from __future__ import annotations

from typing import Any

from bluntgraph import run_checks
from bluntgraph.checks import explain_pair
from bluntgraph.checks.partitioning import run_partitioned
from tests.checks.conftest import Builder, claim, found, ids


def change(measure: str, value: float) -> dict[str, Any]:
    return {"measure": measure, "low": value, "high": value, "unit": "percent", "bound": "exact"}


def test_a_relative_change_of_a_condition_is_a_change_in_its_risk(build: Builder) -> None:
    # "cuts gloom by 30%" (a condition: 30% fewer cases) and "cuts the risk of gloom by
    # 51%" say how much of the same thing, as the curators' risk_change does
    fewer = claim("a-fewer", "Calmol cuts gloom by 30%.", "calmol", "reduces", "gloom",
                  quantity=change("relative_change", 30))  # fmt: skip
    risk = claim("b-risk", "Calmol reduces the risk of gloom by 51%.", "calmol", "reduces",
                 "gloom", quantity=change("risk_reduction", 51))  # fmt: skip
    corpus = build({"a": [fewer], "b": [risk]})
    (finding,) = found(corpus, "incompatible-values")
    assert ids(finding) == {"a-fewer", "b-risk"}
    lines = explain_pair(corpus, "a-fewer", "b-risk")
    assert lines[0] == "verdict: incompatible-values"
    assert any("relative_change and risk_reduction" in line for line in lines)
    assert [f.id for f in run_partitioned(corpus)] == [f.id for f in run_checks(corpus)]


def test_risk_measures_are_one_whichever_way_they_are_named(build: Builder) -> None:
    # a curator's risk_change and a draft's risk_increase: the predicate gives the way
    curated = claim("a-curated", "Calmers raise the risk of gloom by 20%.", "calmer", "causes",
                    "gloom", quantity=change("risk_change", 20))  # fmt: skip
    drafted = claim("b-drafted", "Calmers carry a 60% higher risk of gloom.", "calmer",
                    "causes", "gloom", quantity=change("risk_increase", 60))  # fmt: skip
    corpus = build({"a": [curated], "b": [drafted]})
    assert len(found(corpus, "incompatible-values")) == 1


def test_a_change_in_a_symptom_or_in_how_bad_a_condition_gets_is_not_a_risk(
    build: Builder,
) -> None:
    risk = claim("b-risk", "Calmol reduces the risk of dullness by 51%.", "calmol", "reduces",
                 "dullness", quantity=change("risk_reduction", 51))  # fmt: skip
    # a symptom's change may be how bad it is ("lowers dullness scores by 30%")
    scores = claim("a-scores", "Calmol lowers dullness scores by 30%.", "calmol", "reduces",
                   "dullness", quantity=change("relative_change", 30))  # fmt: skip
    corpus = build({"a": [scores], "b": [risk]})
    assert found(corpus, "incompatible-values") == []
    assert explain_pair(corpus, "a-scores", "b-risk")[0] == "verdict: not-comparable"
    # making a condition 30% worse is how bad it gets, not how often it comes
    worse = claim("a-worse", "Walking makes gloom 30% worse.", "walking", "worsens", "gloom",
                  quantity=change("relative_change", 30))  # fmt: skip
    more = claim("b-more", "Walking raises the risk of gloom by 60%.", "walking", "worsens",
                 "gloom", quantity=change("risk_increase", 60))  # fmt: skip
    corpus = build({"a": [worse], "b": [more]})
    assert found(corpus, "incompatible-values") == []
