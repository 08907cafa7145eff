"""An article's text as sections and sentences, each with its character offsets.

Texts captured from web pages keep headings, list items and FAQ questions as
lines of their own (that is how ``bluntgraph add`` writes them). The layout
of those lines tells the sections apart: the first short line is the title,
a byline under it is the byline, paragraphs before the first heading are the
summary (in a text with no heading under its title, the body: nothing sets a
summary apart), bullet lines are a
list, questions under an "FAQ" heading and their answers are the FAQ, lines
under "References" are the references, photo credits are captions.
Sentences within a line come from pysbd, a maintained rule-based segmenter.
A long line (an article pasted without line breaks) is segmented in pieces,
cut where pysbd itself starts a sentence: pysbd's time grows with the square
of a line's length. Its rules are local, so the pieces give the whole line's
sentences, with one exception: a numbered list run into the line ("1. … 2.
…") is recognised within a piece, not across the whole line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["Line", "Sentence", "lines", "sentences"]

_BULLET = re.compile(r"^\s*(?:(?:[-*•·▪◦‣–]\s*)*[•·▪◦‣]\s*|[-*–]\s+|\(?\d{1,3}[.)]\s+)")
_REFERENCES = re.compile(
    r"^(?:references?|sources?|bibliography|citations?|works cited|notes and references|"
    r"literature|further reading)\s*:?$",
    re.IGNORECASE,
)
_FAQ = re.compile(
    r"^(?:faqs?|frequently asked(?: questions)?|common questions|questions and answers|q\s*&\s*a|"
    r"people also ask)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"share on pinterest|getty images|shutterstock|istock|adobe stock|^(?:photo|image|"
    r"illustration|credit|figure|fig\.)\s*(?:\d+\s*)?[:.]",
    re.IGNORECASE,
)
_REFERENCE_LIKE = re.compile(
    r"\b(?:19|20)\d\d\b|\bdoi\b|https?://|\bet al\b|\bvol\.|\bpp\.|journal|\bpress\b",
    re.IGNORECASE,
)
#: a byline under the title: "By Sam Lee — 2 May 2023", "*Written by the pharmacy team*",
#: "Medically reviewed by Dr Ann Park", "Updated 3 June 2024"
_BYLINE = re.compile(
    r"^[\W_]*(?:(?i:by|written by|author:|(?:medically\s+)?reviewed by)\s+"
    r"(?:(?i:the|our|an?)\s+\w|[A-Z])"
    r"|(?i:published|updated|posted|last (?:updated|reviewed))\b:?\s*(?:on\s+)?"
    r"(?:\d|[A-Z][a-z]+\.?\s+\d))"
)
_MARKS = re.compile(r"^#{1,6}\s+|[*_]{1,3}")
_TERMINAL = re.compile(r"[.!;:…\"”’)]$")
#: a footnote's marker as a text prints it: "[3]", "[3–5]", "[2, 4]", "¹²", a Markdown
#: footnote's "[^2]"
_CITATION_MARKER = (
    r"(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*"
    r"|\[\^[^\]\s]{1,40}\])"
)
#: the markers a line ends with: "… in adults.[1]" ends a sentence, not a heading
_CLOSING_MARKERS = re.compile(rf"(?:\s*{_CITATION_MARKER})+$")


@dataclass(frozen=True)
class Line:
    """One non-empty line of the text: its offsets, its kind and its section."""

    start: int
    end: int
    text: str
    kind: str  # heading, question, item, paragraph
    section: str


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into the text, its section and the heading above it."""

    start: int
    end: int
    text: str
    section: str
    kind: str
    heading: str | None = None
    paragraph: int = 0


def _unemphasised(text: str) -> str:
    """The line without the emphasis marks closing it: "*Ask first.*" ends with its period."""
    return text.rstrip("*_").rstrip()


def _is_heading(text: str) -> bool:
    text = _unemphasised(text)
    text = _unemphasised(_CLOSING_MARKERS.sub("", text)) or text
    words = text.split()
    if not words or len(words) > 14 or len(text) > 110:
        return False
    if text.endswith("?"):
        return True
    return _TERMINAL.search(text) is None


def lines(text: str) -> list[Line]:
    """Every non-empty line of ``text`` with the kind and section its layout gives.

    Examples
    --------
    >>> [(ln.kind, ln.section) for ln in lines("Title\\nIntro text here.\\nFAQs\\nWhy?\\nBecause.")]
    [('heading', 'title'), ('paragraph', 'summary'), ('heading', 'faq'), ('question', 'faq'), \
('paragraph', 'faq')]
    """
    found: list[Line] = []
    mode = "summary"
    seen_heading = False
    offset = 0
    for raw in text.split("\n"):
        line_start = offset
        offset += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        bullet = _BULLET.match(stripped)
        if bullet:
            kind = "item"
        elif _is_heading(stripped):
            kind = "question" if _unemphasised(stripped).endswith("?") else "heading"
        else:
            kind = "paragraph"
        if not found and kind in ("heading", "question"):
            found.append(Line(start, end, stripped, "heading", "title"))
            continue
        if all(f.section in ("title", "byline") for f in found) and kind != "item" \
                and len(stripped.split()) <= 20 and _BYLINE.match(stripped) \
                and not _unemphasised(stripped).endswith(("!", "?", ",")) \
                and not re.search(r"\b[a-z]{3,}\.$", _unemphasised(stripped)):
            # the article's author and date, not a heading: the paragraphs after it are
            # still the summary, as they are under a page's title
            found.append(Line(start, end, stripped, "paragraph", "byline"))
            continue
        if mode == "references" and kind == "paragraph" and len(stripped.split()) >= 12 \
                and not _REFERENCE_LIKE.search(stripped):
            mode, seen_heading = "body", True  # prose again: the references have ended
        # "## References", "**FAQ**": a Markdown heading's marks are not its words
        plain = _MARKS.sub("", stripped).strip()
        if kind == "heading" and _REFERENCES.match(plain):
            mode = "references"
        elif kind == "heading" and _FAQ.match(plain):
            mode = "faq"
        elif kind in ("heading", "question") and mode not in ("references",):
            seen_heading = True
            if mode != "faq" or kind == "heading":
                mode = "body"
        if _CAPTION.search(stripped):
            section = "caption"
        elif mode in ("references", "faq"):
            section = mode
        elif kind == "item":
            section = "list"
        elif not seen_heading:
            section = "summary"
        else:
            section = "body"
        found.append(Line(start, end, stripped, kind, section))
    if not any(f.kind in ("heading", "question") and f.section != "title" for f in found):
        # no heading under the title (a news story, a shop page): nothing sets a summary
        # apart, its paragraphs are its body (as curators file a news story's lead too)
        found = [replace(f, section="body") if f.section == "summary" else f for f in found]
    return found


_SEGMENTER: Any = None
#: a line longer than this is segmented in pieces of about this many characters: pysbd's
#: time grows with the square of a line's length (each abbreviation it finds is replaced
#: by a substitution over the whole line), so an article pasted as one line of 2,000
#: sentences took a minute; pieces keep it linear
_CHUNK_CHARS = 3000
#: a cut is checked on this many characters either side of it
_CUT_CONTEXT = 300
#: where a sentence may end: a word's . ! or ? (and closing quotes or brackets), a space,
#: and what may start the next one (a capital, or an opening quote or bracket before one);
#: never after a digit: "1. Smith J…" is a list pysbd reads across the whole line
_CUT = re.compile(r"(?<=[a-z]{2})[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z])")
_OPENS_CLOSES = (("(", ")"), ("[", "]"), ("“", "”"))


def _segment_whole(text: str) -> list[tuple[int, int]]:
    global _SEGMENTER
    if _SEGMENTER is None:
        import pysbd

        _SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [(span.start, span.end) for span in _SEGMENTER.segment(text)]


def _balanced(text: str) -> bool:
    """No quotation or bracket left open in ``text`` (pysbd never splits inside one)."""
    if text.count('"') % 2:
        return False
    return all(text.count(o) == text.count(c) for o, c in _OPENS_CLOSES)


def _is_sentence_start(text: str, at: int) -> bool:
    """Whether pysbd, reading the text around ``at``, starts a sentence there."""
    begin = max(0, at - _CUT_CONTEXT)
    window = text[begin : at + _CUT_CONTEXT]
    return any(start == at - begin for start, _ in _segment_whole(window))


def _cuts(text: str) -> list[int]:
    """Where to cut a long line so that each piece segments as the whole line would."""
    cuts: list[int] = []
    at = _next_cut(text, 0)
    while at is not None:
        cuts.append(at)
        at = _next_cut(text, at)
    return cuts


def _next_cut(text: str, previous: int) -> int | None:
    """The first place, :data:`_CHUNK_CHARS` or more after ``previous``, to cut the line.

    A cut is where a sentence ends and the next starts with a capital, outside
    any quotation or bracket opened since ``previous``, and where pysbd itself,
    given the text around it, starts a sentence (so "Dr. Smith" or "e.g. The"
    is never cut). None when the rest is short enough to be one piece. A quote
    that never closes (a stray ") would forbid every cut: then the first place
    pysbd starts a sentence is taken.
    """
    fallback = None
    for match in _CUT.finditer(text, previous + _CHUNK_CHARS):
        at = match.end()
        if len(text) - at < _CHUNK_CHARS // 2:
            break  # the rest is one piece
        if fallback is not None and at - fallback > 3 * _CHUNK_CHARS:
            break
        balanced = _balanced(text[previous:at])
        if (balanced or fallback is None) and _is_sentence_start(text, at):
            if balanced:
                return at
            fallback = at
    return fallback


#: a space that no sentence end comes before: where a window may end mid-sentence
_MID_SENTENCE_SPACE = re.compile(r"(?<![.!?\"”’)\]\s])\s+")


def _window_end(text: str, start: int) -> int:
    """Where a window of a long piece, from ``start``, ends: at a space after no . ! or ?.

    About :data:`_CHUNK_CHARS` on from ``start``, the end of the text when the rest
    is short (or holds no such space).
    """
    match = _MID_SENTENCE_SPACE.search(text, start + _CHUNK_CHARS)
    if match is None or len(text) - match.end() < _CHUNK_CHARS // 2:
        return len(text)
    return match.end()


def _segment_piece(text: str) -> list[tuple[int, int]]:
    """pysbd's sentence spans of one piece, in windows when it is still long.

    A piece longer than :data:`_CHUNK_CHARS` twice over has no sentence end that
    can be cut at (one sentence of thousands of words, one endless token,
    sentences that end after a figure): pysbd on it takes time that grows with
    the square of its length, so it is read in windows. A window ends
    mid-sentence, so its last span is read again at the start of the next
    window; a window that is one span (no sentence ends in it) is joined with
    what the next window starts with.
    """
    if len(text) <= 2 * _CHUNK_CHARS:
        return _segment_whole(text)
    spans: list[tuple[int, int]] = []
    start = 0
    open_from: int | None = None  # where a sentence that runs on past a window starts
    while True:
        end = _window_end(text, start)
        found = [(start + a, start + b) for a, b in _segment_whole(text[start:end])]
        if open_from is not None and found:
            found[0] = (open_from, found[0][1])
            open_from = None
        if end == len(text):
            spans.extend(found)
            return spans
        if not found:
            start = end  # nothing but spaces: a sentence still open stays open
            continue
        spans.extend(found[:-1])
        if len(found) > 1 and found[-1][0] > start:
            start = found[-1][0]  # the last span, cut by the window's end, is read again
        else:
            open_from, start = found[-1][0], end


def _segment(text: str) -> list[tuple[int, int]]:
    """pysbd's sentence spans of one line, found in pieces when the line is long."""
    if len(text) <= 2 * _CHUNK_CHARS:
        return _segment_whole(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*_cuts(text), len(text)]:
        spans.extend((start + a, start + b) for a, b in _segment_piece(text[start:end]))
        start = end
    return spans


#: emphasis marks at a sentence's edge: "**Does it help?** It does." is split
#: into "**Does it help?" and "** It does."; neither keeps its marks
_MARKS_START = re.compile(r"([*_]{1,3})\s*")
_MARKS_END = re.compile(r"\s*([*_]{1,3})$")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces, and the unpaired emphasis marks, at its edges.

    Marks that open and close inside the span ("*Ask first.*") are its own.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    marks = _MARKS_START.match(text, start, end)
    if marks and marks.group(1) not in text[marks.end() : end]:
        start = marks.end()
    marks = _MARKS_END.search(text, start, end)
    if marks and marks.group(1) not in text[start : marks.start()]:
        end = marks.start()
    return start, end


#: a citation marker that opens a span pysbd cut after a sentence's end, where it belongs to
#: the sentence before: "helped.[3–5] Cold…" (an en dash in the brackets), "helped.¹² Cold…",
#: or that ends the paragraph: "helped.[3]"
_LEADING_MARKER = re.compile(rf"{_CITATION_MARKER}(?=\s|$)")


def _markers_back(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a citation marker that opens one given to the sentence it ends.

    pysbd cuts "Heat helped.[3–5] Cold works." before the marker (but not
    "helped.[3, 5] Cold"), and "Heat helped.[3]" at a paragraph's end: the marker
    would cite nothing in the sentence it ends and start the next one with a
    number, or be a sentence of its own.
    """
    fixed: list[tuple[int, int]] = []
    for start, end in spans:
        at = start
        while at < end and body[at].isspace():
            at += 1
        marker = _LEADING_MARKER.match(body, at, end)
        if fixed and marker is not None and not body[fixed[-1][1] : at].strip() \
                and body[fixed[-1][0] : fixed[-1][1]].rstrip()[-1:] in (".", "!", "?"):
            fixed[-1] = (fixed[-1][0], marker.end())
            start = marker.end()
        fixed.append((start, end))
    return fixed


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of every line of ``text`` that can carry a claim, in text order.

    Headings and questions are not claims (they set the ``heading`` of what
    follows); list items are one sentence each after their bullet.
    """
    heading: str | None = None
    paragraph = 0
    for line in lines(text):
        if line.kind in ("heading", "question"):
            heading = line.text
            paragraph += 1
            if line.section != "title" or line.kind == "question":
                continue
            continue
        paragraph += 1
        body_start = line.start
        if line.kind == "item":
            match = _BULLET.match(line.text)
            body_start += match.end() if match else 0
        body = text[body_start : line.end]
        spans = _markers_back(body, _segment(body)) if line.kind != "item" else [(0, len(body))]
        cursor = 0
        for rel_start, rel_end in spans:
            # pysbd's spans are relative to the line; keep them monotonic and in range
            rel_start = max(rel_start, cursor)
            rel_end = min(max(rel_end, rel_start), len(body))
            cursor = rel_end
            start, end = _trimmed(text, body_start + rel_start, body_start + rel_end)
            if end - start < 3:
                continue
            yield Sentence(
                start, end, text[start:end], line.section, line.kind, heading, paragraph
            )
