"""Make docs/screenshot.png: the bundled corpus's graph in the browser the tests use.

Run from the repository root::

    .venv/bin/python docs/make_screenshot.py

It writes the bundled graph's page, opens it in headless Debian Chromium
(``tests/html/_browser.py``), zooms to the claim with the most conflicts,
clicks it so its details show, and saves the picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bluntgraph  # noqa: E402
from bluntgraph.graph import FINDING_RELATIONS  # noqa: E402
from tests.html._browser import browser_problem, chromium, wait_until_drawn  # noqa: E402

_FOCUS = """
([id, scale]) => {
  const net = window.bluntgraph.network;
  net.focus(id, {scale: scale, animation: false, offset: {x: -230, y: 30}});
  net.redraw();
  const p = net.canvasToDOM(net.getPositions([id])[id]);
  const box = document.getElementById('bg-network').getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y};
}
"""


def main(target: Path = ROOT / "docs" / "screenshot.png") -> int:
    """Write the screenshot; returns the exit code."""
    problem = browser_problem()
    if problem:
        print(f"make_screenshot: {problem}", file=sys.stderr)
        return 2
    kg = bluntgraph.load()
    conflicts: dict[str, int] = {}
    for u, v, relation in kg.graph.edges(data="relation"):
        if relation in FINDING_RELATIONS.values():
            for end in (u, v):
                conflicts[end] = conflicts.get(end, 0) + 1
    claims = [n for n, kind in kg.graph.nodes(data="kind") if kind == "claim"]
    busiest = max(claims, key=lambda n: (conflicts.get(n, 0), kg.graph.degree(n), n))
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        page_file = Path(tmp) / "graph.html"
        kg.to_html(page_file)
        page = browser.new_page(viewport={"width": 1400, "height": 860}, device_scale_factor=1)
        page.goto(page_file.as_uri())
        wait_until_drawn(page)
        point = page.evaluate(_FOCUS, [busiest, 0.9])
        page.mouse.click(point["x"], point["y"])
        page.locator("#bg-details").wait_for(state="visible")
        page.mouse.move(5, 5)  # no hover tooltip over the picture
        page.screenshot(path=str(target))
    print(f"wrote {target.relative_to(ROOT)} (showing {busiest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
