"""The pictures in the docs show the bundled corpus as it is now (their counts are the page's)."""

from __future__ import annotations

import html
import re
import struct
import zlib
from pathlib import Path

import pytest

import bluntgraph

DOCS = Path(__file__).resolve().parents[2] / "docs"
KEY = b"bluntgraph:subtitle"
REMAKE = "remake the pictures: .venv/bin/python docs/make_screenshot.py"


def png_text(png: bytes) -> dict[str, str]:
    """The iTXt chunks of a PNG (uncompressed ones), keyword -> text."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    found, at = {}, 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in a {kind!r} chunk"
        if kind == b"iTXt":
            keyword, _, rest = body.partition(b"\0")
            if rest[:2] == b"\0\0":  # not compressed
                _language, _, rest = rest[2:].partition(b"\0")
                _translated, _, text = rest.partition(b"\0")
                found[keyword.decode("latin-1")] = text.decode("utf-8")
        at += 12 + length
    return found


def subtitle(page: str) -> str:
    match = re.search(r'<p id="bg-subtitle">(.*?)</p>', page, re.S)
    assert match, "the page has no subtitle"
    return html.unescape(match.group(1))


def test_the_reader_finds_the_text_make_screenshot_writes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_screenshot", DOCS / "make_screenshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    blank = (DOCS / "screenshot.png").read_bytes()
    marked = module.with_subtitle(blank, "5 sources · 3 conflicts")
    assert png_text(marked)[KEY.decode()] == "5 sources · 3 conflicts"


@pytest.mark.parametrize(
    ("picture", "view"),
    [("screenshot.png", {}), ("screenshot-focus.png", {"focus": "SSRI", "depth": 1})],
)
def test_each_picture_shows_the_counts_of_the_current_build(
    picture: str, view: dict[str, object]
) -> None:
    shown = png_text((DOCS / picture).read_bytes()).get(KEY.decode())
    assert shown is not None, f"docs/{picture} does not say what it shows; {REMAKE}"
    now = subtitle(bluntgraph.load().to_html(**view))  # type: ignore[arg-type]
    assert shown == now, f"docs/{picture} shows {shown!r}, the page now says {now!r}; {REMAKE}"
