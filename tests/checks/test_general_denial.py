"""A denial naming no population against assertions for one group (cranberry and UTIs)."""

from __future__ import annotations

from typing import Any

from bluntgraph import run_checks
from tests.checks.conftest import Builder, claim

ENTITIES: list[dict[str, Any]] = [
    {"id": "cranberry", "label": "cranberry", "type": "substance"},
    {"id": "uti", "label": "urinary tract infection", "type": "condition"},
    {"id": "men_enlarged_prostate", "label": "men with an enlarged prostate",
     "type": "population"},
    {"id": "young_women", "label": "younger women", "type": "population"},
]  # fmt: skip

_MAY = {"level": "possible", "cue": "may"}


def test_a_general_denial_against_a_group_is_a_warning_that_names_the_group(
    build: Builder,
) -> None:
    corpus = build(
        {
            "trial-news": [
                claim("news-no", "Cranberry does not reduce urinary tract infections.",
                      "cranberry", "reduces", "uti", negated=True),
            ],
            "faq": [
                claim("faq-men", "Cranberry may reduce urinary tract infections in men with "
                      "an enlarged prostate.", "cranberry", "reduces", "uti",
                      population="men_enlarged_prostate", certainty=_MAY),
            ],
        },
        entities=ENTITIES,
    )  # fmt: skip
    (finding,) = run_checks(corpus, ["asserted-and-negated"])
    assert finding.severity == "warning"
    assert "cannot both be true" not in finding.message
    assert "naming no population" in finding.message
    assert "covers men with an enlarged prostate too" in finding.message


def test_a_general_denial_against_a_general_assertion_is_still_an_error(
    build: Builder,
) -> None:
    corpus = build(
        {
            "trial-news": [
                claim("news-no", "Cranberry does not reduce urinary tract infections.",
                      "cranberry", "reduces", "uti", negated=True),
            ],
            "faq": [
                claim("faq-yes", "Cranberry reduces urinary tract infections.", "cranberry",
                      "reduces", "uti"),
                claim("faq-young", "Cranberry reduces urinary tract infections in younger "
                      "women.", "cranberry", "reduces", "uti", population="young_women"),
            ],
        },
        entities=ENTITIES,
    )  # fmt: skip
    (finding,) = run_checks(corpus, ["asserted-and-negated"])
    assert finding.severity == "error"
    assert finding.message.startswith("These cannot both be true")
