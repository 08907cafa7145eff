"""Authors from a byline or front matter: people, not their degrees, every one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluntgraph.ingest import read_article


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        ("By Sam Ortiz, MD, and Ana Ruiz, RN — updated 3 March 2025", ("Sam Ortiz", "Ana Ruiz")),
        ("By Laura Chen, PharmD — 12 January 2025", ("Laura Chen",)),
        ("Written by Jo Park, MPH, FRCP & Al Diaz, PA-C", ("Jo Park", "Al Diaz")),
        ("By Tom Reilly, 2 June 2024", ("Tom Reilly",)),
        ("*By Dr. Jane Smith, Ph.D.*", ("Dr. Jane Smith",)),
    ],
)
def test_a_bylines_people_without_their_degrees(
    tmp_path: Path, head: str, authors: tuple[str, ...]
) -> None:
    path = tmp_path / "zinc.txt"
    path.write_text(f"Zinc and colds\n\n{head}\n\nZinc may shorten a cold.\n", encoding="utf-8")
    assert read_article(path).authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("author: Hannah Brooks, PharmD", ("Hannah Brooks",)),
        ('author: "Lee, Ann"', ("Ann Lee",)),
        ("authors: [Jo Park, Al Diaz]", ("Jo Park", "Al Diaz")),
        ("author: NHS", ("NHS",)),
    ],
)
def test_front_matter_authors_are_people(
    tmp_path: Path, line: str, authors: tuple[str, ...]
) -> None:
    path = tmp_path / "iron.md"
    path.write_text(f"---\ntitle: Iron\n{line}\n---\n\nIron may cause constipation.\n",
                    encoding="utf-8")  # fmt: skip
    assert read_article(path).authors == authors
