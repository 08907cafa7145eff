"""Make the pictures of the interactive page in the docs, in the browser the tests use.

Run from the repository root::

    .venv/bin/python docs/make_screenshot.py

It writes the bundled corpus's pages and opens them in headless Debian
Chromium (``tests/html/_browser.py``):

* ``docs/screenshot.png`` — the default page, the map of the whole corpus,
  as ``bluntgraph build`` writes it (the filters folded, the legend open);
* ``docs/screenshot-focus.png`` — the view focused on SSRI (``--focus SSRI
  --depth 1``) with the relation "SSRI causes emotional blunting" clicked, so
  its claims and findings show in the panel.

Each picture carries the page's subtitle (its counts: sources, claims,
entities, conflicts…) as a PNG text chunk, ``bluntgraph:subtitle``, so the
docs test (``tests/html/test_screenshots.py``) fails when the corpus has
moved on from what the picture shows.
"""

from __future__ import annotations

import struct
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bluntgraph  # noqa: E402
from tests.html._browser import browser_problem, chromium, wait_until_drawn  # noqa: E402

# A point on an edge where a click hits that edge and nothing else.
_EDGE_POINT = """
(id) => {
  const net = window.bluntgraph.network;
  const edge = net.body.edges[id];
  const box = document.getElementById('bg-network').getBoundingClientRect();
  for (let i = 1; i < 40; i++) {
    const t = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) * 0.02;
    const dom = net.canvasToDOM(edge.edgeType.getPoint(t));
    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id) {
      return {x: box.left + dom.x, y: box.top + dom.y};
    }
  }
  return null;
}
"""


#: the PNG text chunk holding the page's subtitle, as the page showed it
SUBTITLE_KEY = "bluntgraph:subtitle"


def with_subtitle(png: bytes, subtitle: str) -> bytes:
    """The PNG with an international text chunk (iTXt, UTF-8) holding the page's subtitle."""
    body = SUBTITLE_KEY.encode("latin-1") + b"\0\0\0\0\0" + subtitle.encode("utf-8")
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
    end = png.rindex(b"IEND") - 4  # the IEND chunk's length field
    return png[:end] + chunk + png[end:]


def _save(page: Any, path: Path) -> None:
    """Take the page's picture and write it with the subtitle the page shows."""
    path.write_bytes(with_subtitle(page.screenshot(), page.inner_text("#bg-subtitle")))


def main(folder: Path = ROOT / "docs") -> int:
    """Write both pictures; returns the exit code."""
    problem = browser_problem()
    if problem:
        print(f"make_screenshot: {problem}", file=sys.stderr)
        return 2
    kg = bluntgraph.load()
    ssri = kg.vocabulary.resolve("SSRI")
    blunting = kg.vocabulary.resolve("emotional blunting")
    edge = f"rel:{ssri}|causes|{blunting}"
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        whole = Path(tmp) / "graph.html"
        kg.to_html(whole)
        page = browser.new_page(viewport={"width": 1800, "height": 1150}, device_scale_factor=1)
        page.goto(whole.as_uri())
        wait_until_drawn(page)
        page.click("#bg-filters summary")  # fold the filters: the legend gets the room
        page.mouse.move(2, 2)
        _save(page, folder / "screenshot.png")
        print(f"wrote {(folder / 'screenshot.png').relative_to(ROOT)}")

        focused = Path(tmp) / "ssri.html"
        kg.to_html(focused, focus="SSRI", depth=1)
        page = browser.new_page(viewport={"width": 1500, "height": 950}, device_scale_factor=1)
        page.goto(focused.as_uri())
        wait_until_drawn(page)
        page.click("#bg-filters summary")
        # (the page opens with SSRI's panel beside the graph, laid out for the room left)
        point = page.evaluate(_EDGE_POINT, edge)
        if point is None:
            print(f"make_screenshot: cannot click {edge}", file=sys.stderr)
            return 1
        page.mouse.click(point["x"], point["y"])
        page.locator("#bg-details").wait_for(state="visible")
        page.mouse.move(2, 2)
        _save(page, folder / "screenshot-focus.png")
        print(f"wrote {(folder / 'screenshot-focus.png').relative_to(ROOT)} (showing {edge})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
