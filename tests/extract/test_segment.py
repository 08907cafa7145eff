"""Sections and sentences from a text's layout, and texts with nothing to draft."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bluntgraph import draft_claims
from bluntgraph.extract import segment
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


def _prose_line() -> str:
    """The prose paragraphs of the test texts (several topics) as one line, as if pasted."""
    folder = Path(__file__).parents[1] / "data" / "ingest"
    paragraphs = []
    for path in sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the deliberately mis-encoded texts
        for raw in text.split("\n"):
            paragraph = " ".join(raw.split())
            if len(paragraph.split()) >= 8 and re.search(r"[.!?][\"”’)]?$", paragraph) \
                    and not re.match(r"[\d#*\-•\[]", paragraph):  # fmt: skip
                paragraphs.append(paragraph)
    return " ".join(paragraphs)


@pytest.mark.parametrize("chunk", [300, 800, 1500])
def test_a_long_line_in_pieces_gives_the_sentences_of_the_whole_line(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    line = _prose_line()
    assert len(line) > 6 * chunk  # long enough to be cut several times
    whole = segment._segment_whole(line)
    monkeypatch.setattr(segment, "_CHUNK_CHARS", chunk)
    assert len(segment._cuts(line)) >= 4
    assert segment._segment(line) == whole  # the same offsets, sentence for sentence
    found = list(sentences(line))
    assert len(found) >= len(whole) - 1  # the first line is the title
    for sentence in found:
        assert line[sentence.start : sentence.end] == sentence.text


def test_abbreviations_and_quotations_are_never_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [
        'Mrs. Okafor said the trial of Dr. Lindqvist was small. "It had forty people. '
        'That is few." The authors, e.g. Prof. Hale, agree. Results (see Fig. 2. Top row. '
        "Left.) were mixed. The council approved a new cycle path. ",
        "Rainfall in the valley fell by a third. Farmers, i.e. most residents, noticed. "
        "St. Anne's school closed for a week. Mr. Dube reopened it. ",
    ]
    line = "".join(parts * 6).strip()
    whole = segment._segment_whole(line)
    starts = {start for start, _ in whole}
    for chunk in range(60, 300, 4):  # cuts tried at every place a sentence could end
        monkeypatch.setattr(segment, "_CHUNK_CHARS", chunk)
        cuts = segment._cuts(line)
        assert cuts and set(cuts) <= starts, chunk
        for at in cuts:
            before = line[:at].rstrip()
            assert not before.endswith(("Mrs.", "Dr.", "e.g.", "Prof.", "Fig. 2.", "i.e.", "St."))
        assert segment._segment(line) == whole, chunk


def test_a_quotation_longer_than_the_context_is_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    said = " ".join(
        f"The river rose by {n} metres in the spring floods that year."
        for n in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
    )
    line = ("Farmers moved their herds to higher ground. " * 12 + f'The report said: "{said}" '
            + "Schools reopened in the autumn. " * 30)  # fmt: skip
    whole = segment._segment_whole(line)  # pysbd keeps the quotation in one sentence
    assert any(line[a:b].startswith('The report said: "') and '" ' in line[a:b] for a, b in whole)
    monkeypatch.setattr(segment, "_CHUNK_CHARS", 700)
    assert segment._cuts(line)
    assert segment._segment(line) == whole


def test_a_stray_quote_does_not_stop_the_cutting(monkeypatch: pytest.MonkeyPatch) -> None:
    line = 'He called it "the best bread in town. ' + "The bakery opens at six. " * 400
    monkeypatch.setattr(segment, "_CHUNK_CHARS", 500)
    assert len(segment._cuts(line)) >= 5
    for sentence in sentences(line):
        assert line[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("chunk", [200, 500, 900])
def test_a_long_stretch_with_nothing_to_cut_at_is_read_in_windows(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # sentences ending after a figure (no cut there) and one endless sentence: pysbd's
    # time grows with the square of what it reads, so it never reads more than a window
    line = ("The ferry left at 9. " * 60 + "Then " + "the tide rose and fell and rose " * 80
            + "again. The harbour was quiet.")  # fmt: skip
    whole = segment._segment_whole(line)
    monkeypatch.setattr(segment, "_CHUNK_CHARS", chunk)
    read: list[int] = []

    def counted(text: str) -> list[tuple[int, int]]:
        read.append(len(text))
        return whole_of(text)

    whole_of = segment._segment_whole
    monkeypatch.setattr(segment, "_segment_whole", counted)
    assert segment._segment(line) == whole  # the same sentences, the long one whole
    assert max(read) < 3 * chunk and sum(read) < 2 * len(line), (chunk, read)


def test_one_endless_token_is_one_sentence() -> None:
    line = "Salt raises blood pressure " + "z" * 20_000 + ". Rain falls."
    found = list(sentences(line))
    assert [s.text for s in found] == [line[: -len(" Rain falls.")], "Rain falls."]


def test_a_text_with_no_heading_under_its_title_is_body_not_summary() -> None:
    """A news story or shop page: every finding read "news (summary) says" about its body."""
    story = (
        "Garlic pills fail blood pressure test\nBy Ana Ruiz — 4 May 2024\n\n"
        "Garlic pills do not lower blood pressure, a trial of 300 adults found.\n\n"
        "The team gave half of them garlic and half a dummy pill for a year.\n\n"
        "- Garlic can cause heartburn.\n"
    )
    assert [(ln.kind, ln.section) for ln in lines(story)] == [
        ("heading", "title"), ("paragraph", "byline"), ("paragraph", "body"),
        ("paragraph", "body"), ("item", "list"),
    ]  # fmt: skip
    with_headings = story.replace("The team", "## Method\n\nThe team")
    assert [ln.section for ln in lines(with_headings)][2:4] == ["summary", "body"]
