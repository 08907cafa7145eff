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
        ("*By Dr. Jane Smith, Ph.D.*", ("Jane Smith",)),
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


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ('author: "McKay, Ann"', ("Ann McKay",)),
        ("author: \"O'Brien, Kate\"", ("Kate O'Brien",)),
        ('author: "DeSilva, R."', ("R. DeSilva",)),
        ('author: "MacDonald, Ian MD"', ("Ian MacDonald",)),
        ('author: "LeBlanc, Marie, PhD"', ("Marie LeBlanc",)),
        ("author: Tariq McNeil, MPH", ("Tariq McNeil",)),
        ("authors: [Ruth DiSanto, RN, Owen MacKay]", ("Ruth DiSanto", "Owen MacKay")),
    ],
)
def test_a_surname_with_two_capitals_is_no_degree(
    tmp_path: Path, line: str, authors: tuple[str, ...]
) -> None:
    """McKay, DeSilva, MacDonald: a capital inside a surname does not make it a credential."""
    path = tmp_path / "sleep.md"
    path.write_text(f"---\ntitle: Sleep\n{line}\n---\n\nCaffeine may worsen sleep.\n",
                    encoding="utf-8")  # fmt: skip
    assert read_article(path).authors == authors


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        ("By Ian MacDonald MD — 4 May 2025", ("Ian MacDonald",)),
        ("By Ruth DiSanto, DNP, and Owen McKay, MSc", ("Ruth DiSanto", "Owen McKay")),
        ("Written by Lena DuBois, PsyD, MBChB", ("Lena DuBois",)),
    ],
)
def test_a_bylines_surname_with_two_capitals_stays(
    tmp_path: Path, head: str, authors: tuple[str, ...]
) -> None:
    path = tmp_path / "sleep.txt"
    path.write_text(f"Sleep and caffeine\n\n{head}\n\nCaffeine may worsen sleep.\n",
                    encoding="utf-8")  # fmt: skip
    assert read_article(path).authors == authors
