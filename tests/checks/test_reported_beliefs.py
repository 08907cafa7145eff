"""A belief a source reports without endorsing it is not the source's own assertion."""

from __future__ import annotations

from typing import Any

from tests.checks.conftest import Builder, claim, found, ids

ENTITIES: list[dict[str, Any]] = [
    {"id": "garlic", "label": "garlic", "type": "drug"},
    {"id": "colds", "label": "colds", "type": "condition"},
]


def _belief(claim_id: str, cue: str, quote: str, **more: Any) -> dict[str, Any]:
    return claim(claim_id, quote, "garlic", "treats", "colds",
                 attribution={"kind": "none", "cue": cue, "mode": "reports", **more})  # fmt: skip


DENIAL = claim("denied", "Garlic does not treat colds.", "garlic", "treats", "colds",
               negated=True)  # fmt: skip


def test_a_myth_and_its_correction_are_no_contradiction(build: Builder) -> None:
    corpus = build(
        {"blog": [_belief("myth", "Many people believe", "Many people believe garlic treats "
                          "colds."), DENIAL]},
        entities=ENTITIES,
    )  # fmt: skip
    assert found(corpus, "asserted-and-negated") == []


def test_a_report_that_is_no_belief_still_clashes(build: Builder) -> None:
    # what patients report is an observation, and a named expert speaks for herself
    corpus = build(
        {
            "blog": [
                _belief("patients", "Many patients report", "Many patients report that garlic "
                        "treats colds."),
                DENIAL,
            ],
            "news": [
                claim("expert", "Dr Lee believes garlic treats colds.", "garlic", "treats",
                      "colds", attribution={"kind": "expert", "cue": "Dr Lee believes",
                                            "expert": "Dr Lee", "mode": "reports"}),
            ],
        },
        entities=ENTITIES,
    )  # fmt: skip
    (finding,) = found(corpus, "asserted-and-negated")
    assert ids(finding) == {"denied", "patients", "expert"}
