"""Sections and sentences from a text's layout, and texts with nothing to draft."""

from __future__ import annotations

from bluntgraph import draft_claims
from bluntgraph.extract.segment import lines, sentences

PAGE = """Does caffeine cause insomnia?
Caffeine is a stimulant found in coffee and tea.
Caffeine and the brain
Caffeine blocks adenosine receptors.
A cup of coffee on a table.Share on Pinterest
What you can do
- Avoid caffeine late in the day
• Try herbal tea
Frequently asked questions
Is decaf caffeine-free?
No, decaf still contains some caffeine.
References
1. Smith J. Caffeine and sleep. 2019.
"""


def test_sections_follow_the_layout() -> None:
    found = {ln.text: (ln.kind, ln.section) for ln in lines(PAGE)}
    assert found["Does caffeine cause insomnia?"] == ("heading", "title")
    assert found["Caffeine is a stimulant found in coffee and tea."] == ("paragraph", "summary")
    assert found["Caffeine blocks adenosine receptors."] == ("paragraph", "body")
    assert found["A cup of coffee on a table.Share on Pinterest"][1] == "caption"
    assert found["- Avoid caffeine late in the day"] == ("item", "list")
    assert found["• Try herbal tea"] == ("item", "list")
    assert found["Is decaf caffeine-free?"] == ("question", "faq")
    assert found["No, decaf still contains some caffeine."] == ("paragraph", "faq")
    assert found["1. Smith J. Caffeine and sleep. 2019."][1] == "references"


def test_sentences_are_anchored_and_bullets_dropped() -> None:
    found = list(sentences(PAGE))
    for sentence in found:
        assert PAGE[sentence.start : sentence.end] == sentence.text
    texts = [s.text for s in found]
    assert "Avoid caffeine late in the day" in texts and "Try herbal tea" in texts
    assert "Is decaf caffeine-free?" not in texts  # a question is no claim
    blocks = next(s for s in found if s.text.startswith("Caffeine blocks"))
    assert blocks.heading == "Caffeine and the brain"


def test_texts_with_nothing_to_draft() -> None:
    for text in ("", "   \n\n  ", "Caffeine\nSleep\n", "Hello world.", "\x00\x01 caffeine"):
        drafts = draft_claims(text, source_id="nothing")
        assert drafts.claims == () and drafts.entities == ()


def test_control_characters_never_reach_a_claim() -> None:
    text = "Statins can cause muscle pain.\x07 Coffee can worsen insomnia."
    drafts = draft_claims(text, source_id="hostile")
    assert drafts.claims
    for claim in drafts.claims:
        assert "\x07" not in claim.quote
        assert text[claim.start : claim.end] == claim.quote


def test_a_quote_with_a_control_character_is_dropped_with_its_reason() -> None:
    drafts = draft_claims("Statins can\x07 cause muscle pain.", source_id="hostile")
    assert drafts.claims == ()
    assert drafts.dropped and "control character" in drafts.dropped[0]


def test_prose_after_the_references_is_body_again() -> None:
    text = (
        "Statins and muscle pain\nStatins can cause muscle pain.\nReferences\n"
        "1. Smith J. Statins and myalgia. Heart Journal, 2019.\n"
        "Muscle pain that starts after a new statin should be reported to the doctor who "
        "prescribed it, because the dose can often be changed.\n"
    )
    sections = {ln.text[:12]: ln.section for ln in lines(text)}
    assert sections["1. Smith J. "] == "references"
    assert sections["Muscle pain "] == "body"
