"""A byline under the title is the byline, not a heading: the intro after it stays the summary.

The same article as Markdown (front matter, "# Title") and as plain text
("Title", "By Sam Lee — 2 May 2023") got different sections: in the text the
byline counted as a heading, so its intro paragraphs were `body` while the
Markdown's were `summary`.
"""

from __future__ import annotations

import pytest

from bluntgraph.extract.segment import lines

_BODY = "Oat bran lowers cholesterol.\n\nBarley lowers it too.\n\nMore\n\nRye helps digestion.\n"


def _sections(text: str) -> list[tuple[str, str]]:
    return [(line.section, line.text) for line in lines(text)]


@pytest.mark.parametrize(
    "byline",
    ["By Sam Lee — 2 May 2023", "*Written by the nutrition team*", "Updated 3 June 2024",
     "Published: March 3, 2024", "Medically reviewed by Dr Ann Park, MD"],
)
def test_a_text_s_byline_is_no_heading(byline: str) -> None:
    found = _sections(f"Grains and the heart\n{byline}\n\n{_BODY}")
    assert found[:2] == [("title", "Grains and the heart"), ("byline", byline)]
    assert [s for s, _ in found[2:]] == ["summary", "summary", "body", "body"]
    markdown = _sections(f"# Grains and the heart\n\n{_BODY}")
    assert [s for s, _ in markdown[1:]] == [s for s, _ in found[2:]]  # as in Markdown


@pytest.mark.parametrize(
    "line",
    ["By the way, oats are cheap.", "By 2030, most bread will be wholegrain.",
     "Updated guidance for parents"],
)
def test_a_sentence_that_starts_like_a_byline_is_not_one(line: str) -> None:
    found = _sections(f"Grains and the heart\n{line}\n\n{_BODY}")
    assert found[1][0] != "byline"


def test_a_byline_only_under_the_title() -> None:
    found = _sections(f"Grains and the heart\n\nOats are cheap.\n\nBy Sam Lee\n\n{_BODY}")
    assert "byline" not in [s for s, _ in found]
