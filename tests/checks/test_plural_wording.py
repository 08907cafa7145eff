"""Finding messages say a relation with the verb agreeing with its subject."""

from __future__ import annotations

import pytest

from bluntgraph.checks.wording import relation
from tests.checks.conftest import Builder, claim, found, pct


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


def test_a_share_of_a_population_named_as_the_object_is_that_population(build: Builder) -> None:
    habit = claim("a-walk", "About 1 in 4 calmer users walk daily.", "walking", "prevalence",
                  "calmer_users", quantity=pct(25, 25, "approximately"))  # fmt: skip
    illness = claim("a-gloom", "Gloom affects about 10% of people.", "gloom", "prevalence",
                    "people", quantity=pct(10, 10, "approximately"))  # fmt: skip
    corpus = build({"a": [habit, illness]})
    messages = " ".join(f.message for f in found(corpus, "figure-without-source"))
    # what people do is found in them; what they have, they have; who, is the object
    assert "walking in approximately 25% of calmer users" in messages
    assert "approximately 10% of people have gloom" in messages
    assert "no population stated" not in messages
