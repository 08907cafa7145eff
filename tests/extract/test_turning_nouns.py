"""A vocabulary term followed by a noun that turns its meaning ("deficiency", "toxicity")
is not the term; a prevalence stated with a plural verb ("leg cramps affect …") is read."""

from __future__ import annotations

from bluntgraph import draft_claims
from bluntgraph.model import Entity

ENTITIES = [
    Entity("iron", "iron", "drug"),
    Entity("fatigue", "fatigue", "symptom"),
    Entity("restless_legs", "restless legs", "condition"),
]


def _relations(sentence: str) -> list[tuple[str, str, str]]:
    drafted = draft_claims("Notes\n\n" + sentence, vocabulary=ENTITIES)
    return [(c.subject, c.predicate, c.object) for c in drafted.claims]


def test_the_lack_of_a_term_is_not_the_term() -> None:
    assert _relations("Studies show that iron deficiency causes fatigue.") == [
        ("iron_deficiency", "causes", "fatigue")
    ]
    assert _relations("Iron overload worsens restless legs.") == [
        ("iron_overload", "worsens", "restless_legs")
    ]
    assert _relations("Iron reduces fatigue.") == [("iron", "reduces", "fatigue")]


def test_a_plural_subject_affects_a_share_of_people() -> None:
    assert ("restless_legs", "prevalence", "adults") in _relations(
        "Restless legs affect about 10% of adults."
    )
    assert ("night_sweats", "prevalence", "women") in _relations(
        "Night sweats affect one in three women."
    )
    # the noun "affect" is no prevalence cue
    assert _relations("A blunted affect is common.") == []
