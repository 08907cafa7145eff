"""Fixes from a new user's own corpus (probiotics and antibiotic-associated diarrhoea).

Each case is written on the made-up calmer vocabulary of ``conftest.py``, in
words other than the user's, so that the fixes are general: one study said
to prove a denial.
"""

from __future__ import annotations

from typing import Any

from tests.checks.conftest import Builder, claim, found, ids

_PROVES = {"level": "certain", "cue": "proves"}


def _dullness(claim_id: str, quote: str, **fields: Any) -> dict[str, Any]:
    return claim(claim_id, quote, "calmer", "causes", "dullness", **fields)


def test_one_study_said_to_prove_a_denial_is_the_same_overclaim(build: Builder) -> None:
    cohort = {"kind": "described-study", "cue": "A cohort of 900 calmer users",
              "study": {"size": 900, "design": "cohort"}}  # fmt: skip
    denial = _dullness("denial", "A cohort of 900 calmer users proves that calmers do not "
                       "make people dull.", negated=True, certainty=_PROVES,
                       attribution=cohort)  # fmt: skip
    corpus = build({"news": [denial]})
    (finding,) = found(corpus, "proof-from-one-study")
    assert ids(finding) == {"denial"}
    assert "calls “calmer does not cause dullness” proven (“proves”)" in finding.message
    # of a denial the reason is one study's sample, not "a link, not a cause"
    assert "One study shows what happened in its own sample" in finding.message
    assert "link" not in finding.message


def test_a_denied_proof_stays_quiet_even_when_the_claim_was_curated_denied(
    build: Builder,
) -> None:
    trial = {"kind": "unidentified-work", "cue": "one small trial"}
    corpus = build(
        {"careful": [
            _dullness("no-single", "No single trial proves that calmers make people dull.",
                      negated=True, certainty=_PROVES, attribution=trial),
            _dullness("not-prove", "This one small trial does not prove that calmers dull "
                      "anyone.", negated=True, certainty=_PROVES, attribution=trial),
            _dullness("fails", "One small trial failed to prove that calmers cause "
                      "flatness.", negated=True, certainty=_PROVES, attribution=trial),
        ]},
    )  # fmt: skip
    assert found(corpus, "proof-from-one-study") == []
