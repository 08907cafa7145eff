"""The page in headless Chromium: drawn, complete, offline, and inert with hostile text.

These tests skip when Chromium or Playwright is missing, except under
``CI=true``, where they fail: the browser is part of the test environment.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import bluntgraph
from bluntgraph import KnowledgeGraph
from bluntgraph.export.html import view_nodes
from bluntgraph.graph import FINDING_RELATIONS
from tests.html._browser import browser_problem, chromium, wait_until_drawn
from tests.html.conftest import HREF, IMG, SCRIPT, SVG

# The page records every policy violation (an attempted request or inline handler).
_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""

# A node's position on the page, zoomed so that no other node is on top of it.
_NODE_ON_PAGE = """
(id) => {
  const net = window.bluntgraph.network;
  net.focus(id, {scale: 2.5, animation: false});
  net.redraw();
  const p = net.canvasToDOM(net.getPositions([id])[id]);
  const box = document.getElementById('bg-network').getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y};
}
"""

# The claim farthest from every other node, so hovering it cannot hit a neighbour.
_LONELY_CLAIM = """
() => {
  const pos = window.bluntgraph.network.getPositions();
  const ids = Object.keys(pos);
  let best = null, bestGap = -1;
  for (const id of ids) {
    if (!id.startsWith('claim:')) continue;
    let gap = Infinity;
    for (const other of ids) {
      if (other === id) continue;
      gap = Math.min(gap, Math.hypot(pos[id].x - pos[other].x, pos[id].y - pos[other].y));
    }
    if (gap > bestGap) { best = id; bestGap = gap; }
  }
  return best;
}
"""


@dataclass
class Visit:
    """What happened while a page was open: requests, errors, dialogs."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_quiet(self) -> None:
        """No request left the file, nothing logged an error, no dialog opened, nothing blocked."""
        assert self.requests == [self.url]
        assert self.errors == []
        assert self.dialogs == []
        assert self.page.evaluate("window.__violations") == []
        assert self.page.evaluate("typeof window.__pwned") == "undefined"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, or a failure under CI / a skip elsewhere when it cannot start."""
    problem = browser_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"browser tests must run under CI: {problem}")
        pytest.skip(problem)
    with chromium() as launched:
        yield launched


def visit(browser: Any, path: Path) -> Iterator[Visit]:
    """Open ``path`` in a fresh context that blocks and records every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    url = path.resolve().as_uri()
    seen = Visit(page, url)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("pageerror", lambda error: seen.errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            seen.errors.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url == url else route.abort(),
    )
    page.add_init_script(_WATCH)
    try:
        page.goto(url)
        wait_until_drawn(page)
        yield seen
    finally:
        context.close()


def hover_node(page: Any, node: str) -> str:
    """Hover a node as a user would and return its tooltip's text."""
    point = page.evaluate(_NODE_ON_PAGE, node)
    page.mouse.move(5, 5)
    page.mouse.move(point["x"], point["y"], steps=4)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text: str = tooltip.text_content() or ""
    return text


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the bundled corpus


@pytest.fixture(scope="module")
def bundled_kg() -> KnowledgeGraph:
    return bluntgraph.load()


@pytest.fixture(scope="module")
def bundled_page(bundled_kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bundled") / "graph.html"
    bundled_kg.to_html(target)
    return target


@pytest.fixture
def bundled_visit(browser: Any, bundled_page: Path) -> Iterator[Visit]:
    yield from visit(browser, bundled_page)


def test_bundled_graph_is_drawn_with_every_node(
    bundled_visit: Visit, bundled_kg: KnowledgeGraph
) -> None:
    page = bundled_visit.page
    counts = page.evaluate(
        "[window.bluntgraph.nodes, window.bluntgraph.edges,"
        " window.bluntgraph.nodeData.length, window.bluntgraph.edgeData.length]"
    )
    graph = bundled_kg.graph
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] * 2
    # the canvas has a size and something drawn on it
    painted = page.evaluate(
        """() => {
          const c = document.querySelector('#bg-network canvas');
          const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
          return [c.width, c.height, painted];
        }"""
    )
    assert painted[0] > 500 and painted[1] > 300 and painted[2] > 1000
    assert bundled_kg.corpus.name in page.title()
    legend = page.locator("#bg-legend")
    assert legend.is_visible()
    assert {"source", "claim", "reference"} <= set(legend.inner_text().splitlines())
    bundled_visit.assert_quiet()


def test_hovering_a_claim_shows_its_quote(bundled_visit: Visit, bundled_kg: KnowledgeGraph) -> None:
    page = bundled_visit.page
    claim = page.evaluate(_LONELY_CLAIM)
    quote = bundled_kg.graph.nodes[claim]["quote"]
    text = hover_node(page, claim)
    assert _flat(quote) in _flat(text)
    source = bundled_kg.corpus.source_by_id[bundled_kg.graph.nodes[claim]["source"]]
    assert _flat(source.title) in _flat(text)
    page.mouse.move(5, 5)  # off the canvas: the tooltip goes away
    page.locator("div.vis-tooltip").wait_for(state="hidden", timeout=5_000)
    bundled_visit.assert_quiet()


def _busiest_entity(kg: KnowledgeGraph) -> Any:
    """The entity most claims are about (whatever the curators named it)."""
    entities = [e for e in kg.corpus.entities if kg.graph.in_degree(f"entity:{e.id}")]
    return max(entities, key=lambda e: (kg.graph.in_degree(f"entity:{e.id}"), e.id))


def test_find_selects_and_goes_to_an_entity(
    bundled_visit: Visit, bundled_kg: KnowledgeGraph
) -> None:
    page = bundled_visit.page
    entity = _busiest_entity(bundled_kg)
    page.fill("#bg-find-input", entity.label.upper())
    assert "match" in page.inner_text("#bg-find-status")
    page.press("#bg-find-input", "Enter")
    page.locator("#bg-details").wait_for(state="visible")
    assert entity.label.lower() in page.inner_text("#bg-details").lower()
    assert page.evaluate("window.bluntgraph.network.getSelectedNodes().length") >= 1
    bundled_visit.assert_quiet()


def test_a_focused_view_shows_its_neighbourhood(
    browser: Any, bundled_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    entity = _busiest_entity(bundled_kg)
    target = tmp_path / "view.html"
    bundled_kg.to_html(target, focus=entity.label, depth=1)
    expected, _ = view_nodes(
        bundled_kg.graph, focus=entity.id, depth=1, vocabulary=bundled_kg.vocabulary
    )
    for seen in visit(browser, target):
        shown = seen.page.evaluate("[window.bluntgraph.nodes, window.bluntgraph.focus]")
        assert shown == [len(expected), f"entity:{entity.id}"]
        assert len(expected) < bundled_kg.graph.number_of_nodes()
        assert entity.label in seen.page.inner_text("#bg-details")  # the focus's details
        seen.assert_quiet()


# ---------------------------------------------------------------- hostile text


@pytest.fixture
def hostile_visit(browser: Any, hostile_kg: KnowledgeGraph, tmp_path: Path) -> Iterator[Visit]:
    target = tmp_path / "hostile.html"
    hostile_kg.to_html(target)
    yield from visit(browser, target)


def test_hostile_page_loads_inert(hostile_visit: Visit, hostile_kg: KnowledgeGraph) -> None:
    page = hostile_visit.page
    assert page.evaluate("window.bluntgraph.nodes") == hostile_kg.graph.number_of_nodes()
    # the corpus's markup is shown as text, never turned into elements
    injected = page.evaluate(
        "document.querySelectorAll('img, svg, iframe, object, embed, a, script[src]').length"
    )
    assert injected == 0
    assert page.title() == f"corpus {SCRIPT} — bluntgraph evidence graph"
    assert page.inner_text("#bg-title") == page.title()
    hostile_visit.assert_quiet()


def test_hostile_tooltips_show_text_and_run_nothing(
    hostile_visit: Visit, hostile_kg: KnowledgeGraph
) -> None:
    page = hostile_visit.page
    text = hover_node(page, "claim:evil-causes")
    assert SCRIPT in text and IMG in text and HREF in text  # shown literally
    for node in hostile_kg.graph:
        hover_node(page, node)
    assert (
        page.evaluate(
            "document.querySelectorAll('.vis-tooltip img, .vis-tooltip svg, .vis-tooltip a').length"
        )
        == 0
    )
    hostile_visit.assert_quiet()


def test_hostile_clicks_and_search_run_nothing(
    hostile_visit: Visit, hostile_kg: KnowledgeGraph
) -> None:
    page = hostile_visit.page
    for node in hostile_kg.graph:
        point = page.evaluate(_NODE_ON_PAGE, node)
        page.mouse.click(point["x"], point["y"])
        page.mouse.dblclick(point["x"], point["y"])
        assert page.locator("#bg-details").is_visible()
    details = page.inner_text("#bg-details")
    assert page.evaluate("document.querySelectorAll('#bg-details a').length") <= 1
    assert "javascript:" not in (
        page.evaluate("[...document.querySelectorAll('a')].map(a => a.href).join(' ')") or ""
    )
    assert details
    for typed in (SCRIPT, SVG, "href"):
        page.fill("#bg-find-input", typed)
        page.press("#bg-find-input", "Enter")
    hostile_visit.assert_quiet()


def test_conflicts_are_drawn_red_and_dashed_and_explained(
    hostile_visit: Visit, hostile_kg: KnowledgeGraph
) -> None:
    page = hostile_visit.page
    relations = set(FINDING_RELATIONS.values())
    expected = sorted(
        (u, v) for u, v, r in hostile_kg.graph.edges(data="relation") if r in relations
    )
    drawn = page.evaluate(
        """() => window.bluntgraph.edgeData.get({filter: (e) => !!e.dashes})
                 .map((e) => [e.from, e.to, e.color.color, e.id])"""
    )
    assert sorted((f, t) for f, t, _, _ in drawn) == expected
    assert {colour for _, _, colour, _ in drawn} == {"#d62728"}
    # hover the middle of the contradiction edge: its tooltip explains the finding
    edge = next(
        e for f, t, _, e in drawn if (f, t) == ("claim:evil-causes", "claim:plain-no-cause")
    )
    point = page.evaluate(
        """(id) => {
          const net = window.bluntgraph.network;
          const [a, b] = net.getConnectedNodes(id);
          net.fit({nodes: [a, b], animation: false});
          net.redraw();
          const pos = net.getPositions([a, b]);
          const mid = net.canvasToDOM({x: (pos[a].x + pos[b].x) / 2, y: (pos[a].y + pos[b].y) / 2});
          const box = document.getElementById('bg-network').getBoundingClientRect();
          return {x: box.left + mid.x, y: box.top + mid.y};
        }""",
        edge,
    )
    page.mouse.move(5, 5)
    page.mouse.move(point["x"], point["y"], steps=4)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text = tooltip.text_content() or ""
    assert "contradiction" in text and f"they disagree {SCRIPT} {HREF}" in text
    assert hostile_kg.corpus.claim_by_id["plain-no-cause"].quote in text
    hostile_visit.assert_quiet()
