"""Finding messages say a relation with the verb agreeing with its subject."""

from __future__ import annotations

import pytest

from bluntgraph.checks.wording import relation


@pytest.mark.parametrize(
    ("subject", "predicate", "negated", "said"),
    [
        ("lozenges", "reduces", True, "lozenges do not reduce dry cough"),
        ("statins", "causes", False, "statins cause dry cough"),
        ("ARBs", "causes", True, "ARBs do not cause dry cough"),
        ("honey lozenges", "associated_with", False,
         "honey lozenges are associated with dry cough"),
        ("beta blockers", "increases", False, "beta blockers raise dry cough"),
        ("lisinopril", "causes", False, "lisinopril causes dry cough"),
        ("diabetes", "worsens", False, "diabetes worsens dry cough"),
        ("loss of appetite in older adults", "symptom_of", False,
         "loss of appetite in older adults is a symptom of dry cough"),
        ("ACE inhibitors", "symptom_of", True, "ACE inhibitors are not a symptom of dry cough"),
        ("drinking fluids", "reduces", False, "drinking fluids reduces dry cough"),
    ],
)  # fmt: skip
def test_the_verb_agrees_with_the_subject(
    subject: str, predicate: str, negated: bool, said: str
) -> None:
    assert relation(subject, predicate, "dry cough", negated) == said
