"""Rules added to raise relation recall, each on sentences of other topics.

The causes were found with ``benchmarks/extraction_misses.py`` (why a curated
relation is missed); every rule here is structural, and tested on texts about
statins, caffeine, migraine, sleep and smoking.
"""

from __future__ import annotations

from bluntgraph import draft_claims


def _triples(text: str) -> set[tuple[str, str, str]]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return {(labels[c.subject], c.predicate, labels[c.object]) for c in drafts.claims}


MIGRAINE = """Living with migraine

Migraine is a common headache disorder. Stress and poor sleep can trigger migraine.

A person should contact a doctor if:

  • Migraine causes vomiting that does not stop.
  • The headaches wake them at night.

Regular sleep can reduce migraine.
"""


def test_items_under_a_lead_in_to_consult_someone_are_reasons_to_consult() -> None:
    drafts = draft_claims(MIGRAINE, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    items = [c for c in drafts.claims if c.section == "list"]
    consulting = [c for c in items if labels.get(c.subject) == "consulting a doctor"]
    # both items, also the one that states a relation of its own
    assert {c.quote.split()[0] for c in consulting} == {"Migraine", "The"}
    assert all(c.predicate == "recommends" and labels[c.object] == "migraine" for c in consulting)
    assert ("migraine", "causes", "vomiting") in {
        (labels[c.subject], c.predicate, labels[c.object]) for c in items
    }
    # a lead-in that does not send the reader to anyone is not one
    plain = MIGRAINE.replace("A person should contact a doctor if:", "Other facts:")
    assert not any("consulting" in e.label for e in draft_claims(plain, source_id="t").entities)


def test_a_pronoun_after_a_conjunction_is_the_first_clauses_subject() -> None:
    # "it" is what the first clause is about (muscle pain), not the cause it names
    triples = _triples(
        "Muscle pain may be a side effect of statins, but it is sometimes a "
        "symptom of a thyroid disorder."
    )
    assert ("statins", "causes", "muscle pain") in triples
    assert ("muscle pain", "symptom_of", "thyroid disorder") in triples
    assert ("statins", "symptom_of", "thyroid disorder") not in triples
    # a forward verb: the subject stays the subject
    triples = _triples("Smoking raises blood pressure, and it can also cause heart disease.")
    assert ("smoking", "causes", "heart disease") in triples
