""""The supplement", "the herb", "the remedy" point back as "the drug" does, to a term whose
type is only guessed too.

A proposed term like "echinacea" or "fish oil" gets no type from its words (a concept), so
"the supplement" skipped it ("supplement causes rashes"), or took the substance it acts on
("Fish oil lowers triglycerides. The supplement may cause nausea." was "triglycerides
causes nausea"). Texts of our own on herbal remedies and supplements, empty vocabulary.
"""

from __future__ import annotations

from bluntgraph import draft_claims

#: (subject label, predicate, object label, negated)
Said = tuple[str, str, str, bool]


def _said(text: str, start: str) -> list[Said]:
    drafts = draft_claims(text, source_id="t")
    labels = {e.id: e.label for e in drafts.entities}
    return [(labels.get(c.subject, c.subject), c.predicate, labels.get(c.object, c.object),
             c.negated) for c in drafts.claims if c.quote.startswith(start)]


def test_the_supplement_is_a_guessed_term_said_to_act() -> None:
    assert _said("Echinacea is popular for colds. The supplement may cause rashes.",
                 "The supplement") == [("echinacea", "causes", "rashes", False)]
    # what acted, not what it acted on (a substance, which a supplement may also be)
    assert _said("Fish oil lowers triglycerides. The supplement may cause nausea.",
                 "The supplement") == [("fish oil", "causes", "nausea", False)]
    # a typed substance is still found as before
    assert _said("Magnesium relieves leg cramps. The supplement can cause diarrhoea.",
                 "The supplement") == [("magnesium", "causes", "diarrhoea", False)]


def test_the_herb_and_the_remedy() -> None:
    assert _said("Ginger is often used for nausea. The herb may ease morning sickness.",
                 "The herb") == [("ginger", "reduces", "morning sickness", False)]
    assert _said("Valerian is taken by many poor sleepers. Valerian is a root. The remedy does "
                 "not improve sleep quality.", "The remedy") == [
        ("valerian", "increases", "sleep quality", True)]


def test_a_repeated_phrase_a_sentence_opened_with() -> None:
    text = ("Cranberry juice is sold for urinary infections. Bone health matters too. "
            "The supplement does not prevent infections. Cranberry juice is sour.")
    assert _said(text, "The supplement") == [("cranberry juice", "reduces", "infections", True)]
    # a phrase named once that no draft said anything of is not what "the supplement" means
    assert _said("Poor sleep worries many adults. The supplement may cause headaches.",
                 "The supplement") == [("supplement", "causes", "headaches", False)]


def test_the_drug_still_means_a_drug() -> None:
    assert _said("Warfarin prevents clots. The drug can cause bleeding.", "The drug") == [
        ("warfarin", "causes", "bleeding", False)]
    # "the drug" never means a guessed concept: that stays for things people take as such
    assert _said("Echinacea is popular for colds. The drug may cause rashes.",
                 "The drug")[0][0] != "echinacea"
