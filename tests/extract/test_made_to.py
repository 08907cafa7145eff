""""X can cause people to Y": what X causes is what the people are made to do or undergo.

"Emotional blunting can cause the individual to be misunderstood" drafted nothing (the
individual is not what is caused, and nothing else was read); the same shape on other
topics: sleep apnoea, statins, stress. Empty vocabulary.
"""

from __future__ import annotations

from bluntgraph import draft_claims

#: (subject label, predicate, object label)
Said = tuple[str, str, str]


def _said(text: str) -> list[Said]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return [(labels.get(c.subject, c.subject), c.predicate, labels.get(c.object, c.object))
            for c in drafts.claims]


def test_what_people_are_made_to_do_or_undergo() -> None:
    # "to develop (get, experience, have) X": X itself
    assert _said("Statins can cause some people to develop muscle pain.") == [
        ("statins", "causes", "muscle pain")]
    # another verb: the act, as a gerund, without what follows it in the clause
    assert _said("Sleep apnoea can cause people to feel drowsy during the day.") == [
        ("sleep apnoea", "causes", "feeling drowsy")]
    assert _said("Stress can cause you to lose weight.") == [("stress", "causes", "losing weight")]
    # a passive: "to be misunderstood"
    assert ("chronic pain", "causes", "being misunderstood") in _said(
        "Chronic pain can cause the individual to be misunderstood, and conflict can arise.")


def test_things_made_to_do_something_are_no_outcome() -> None:
    # not a person: as before, nothing is drafted from it (not "blood vessels")
    assert _said("Nicotine causes blood vessels to narrow.") == []
    # a plain object is unchanged
    assert _said("Caffeine causes insomnia.") == [("caffeine", "causes", "insomnia")]
