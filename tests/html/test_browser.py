"""The page in headless Chromium: drawn, complete, offline, and inert with hostile text.

These tests skip when Chromium or Playwright is missing, except under
``CI=true``, where they fail: the browser is part of the test environment.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import bluntgraph
from bluntgraph import KnowledgeGraph
from bluntgraph.export.html import view_nodes
from bluntgraph.graph import FINDING_RELATIONS
from tests.html._browser import wait_until_drawn
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


def set_level(page: Any, level: str) -> None:
    """Switch the page to ``level`` with its toggle button and wait until it is drawn."""
    page.click(f"#bg-level-{level}")
    page.wait_for_function(
        "(level) => window.bluntgraph.level === level && window.bluntgraph.ready", arg=level
    )


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


def _relations(kg: KnowledgeGraph, claims: Any = None) -> set[str]:
    """The map's relation edge ids for ``claims`` (all the corpus's by default)."""
    return {
        f"rel:{c.subject}|{c.predicate}|{c.object}"
        for c in (kg.corpus.claims if claims is None else claims)
    }


def _shown(page: Any, prefix: str = "rel:") -> set[str]:
    ids: list[str] = page.evaluate(
        "(prefix) => window.bluntgraph.edgeData.get({filter: (e) => !e.hidden"
        " && e.id.startsWith(prefix)}).map((e) => e.id)",
        prefix,
    )
    return set(ids)


def test_default_page_is_a_map_of_labelled_entities(
    bundled_visit: Visit, bundled_kg: KnowledgeGraph
) -> None:
    page = bundled_visit.page
    assert page.evaluate("window.bluntgraph.level") == "map"
    # one edge per (subject, predicate, object), entities as the only nodes
    assert _shown(page) == _relations(bundled_kg)
    ends = {e for c in bundled_kg.corpus.claims for e in (c.subject, c.object)}
    nodes = page.evaluate("window.bluntgraph.nodeData.get().map((n) => [n.id, n.label])")
    assert {n for n, _ in nodes} == {f"entity:{e}" for e in ends}
    labels = {n: label for n, label in nodes}
    for entity in bundled_kg.corpus.entities:
        if f"entity:{entity.id}" in labels:
            assert labels[f"entity:{entity.id}"].rstrip("…") in entity.label
    # the busiest entities' labels are big enough to be drawn at the opening zoom
    busiest = sorted(ends, key=lambda e: -len(list(bundled_kg.graph.predecessors(f"entity:{e}"))))
    sizes = page.evaluate(
        """(ids) => ids.map((id) => window.bluntgraph.nodeData.get(id).font.size
                                  * window.bluntgraph.network.getScale())""",
        [f"entity:{e}" for e in busiest[:10]],
    )
    assert min(sizes) >= 6  # vis draws a label from 6 screen pixels on (drawThreshold)
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
    assert "red: the checks found a conflict" in legend.inner_text()
    page.click("#bg-legend summary")  # the legend folds away
    assert not page.locator("#bg-legend-body").is_visible()
    bundled_visit.assert_quiet()


def test_an_arrow_counts_the_sources_saying_it_and_those_denying_it_apart(
    bundled_visit: Visit, bundled_kg: KnowledgeGraph
) -> None:
    saying: dict[str, set[str]] = {}
    denying: dict[str, set[str]] = {}
    for claim in bundled_kg.corpus.claims:
        edge = f"rel:{claim.subject}|{claim.predicate}|{claim.object}"
        saying.setdefault(edge, set())
        denying.setdefault(edge, set())
        (denying if claim.negated else saying)[edge].add(claim.source)
    labels = dict(
        bundled_visit.page.evaluate(
            "window.bluntgraph.edgeData.get({filter: (e) => e.id.startsWith('rel:')})"
            ".map((e) => [e.id, e.label])"
        )
    )
    assert set(labels) == set(saying)
    mixed = 0
    for edge, label in labels.items():
        said, denied = len(saying[edge]), len(denying[edge])
        if not said:  # every claim denies it: the denied verb and its sources
            assert label.endswith(f" ({denied})"), (edge, label)
        elif denied:  # both: the denials beside the count, never in it
            mixed += 1
            assert label.endswith(f" ({said}, {denied} against)"), (edge, label)
        else:
            assert label.endswith(f" ({said})"), (edge, label)
    assert mixed, "the bundled corpus has a relation asserted by one source and denied by another"
    bundled_visit.assert_quiet()


def test_an_arrow_is_solid_only_when_a_claim_of_what_it_shows_is_firm(
    browser: Any, make_corpus: Any, tmp_path: Path
) -> None:
    """A firm denial does not make the hedged claims it denies look firm."""
    claims = {
        "a": [{"id": "a-can", "quote": "Ginger can cause heartburn.", "section": "body",
               "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
               "certainty": {"level": "possible", "cue": "can"}}],
        "b": [{"id": "b-not", "quote": "Ginger does not cause heartburn.", "section": "body",
               "subject": "drug_a1", "predicate": "causes", "object": "symptom_s",
               "negated": True},
              {"id": "b-no-sleep", "quote": "Ginger does not worsen sleep.", "section": "body",
               "subject": "drug_a1", "predicate": "worsens", "object": "condition_c",
               "negated": True}],
    }  # fmt: skip
    root = make_corpus(texts={"a": "Ginger can cause heartburn.",
                              "b": "Ginger does not cause heartburn. Ginger does not worsen "
                                   "sleep."}, claims=claims)  # fmt: skip
    page_path = tmp_path / "graph.html"
    KnowledgeGraph(bluntgraph.load_corpus(root)).to_html(page_path)
    for seen in visit(browser, page_path):
        dashed = dict(
            seen.page.evaluate(
                "window.bluntgraph.edgeData.get({filter: (e) => e.id.startsWith('rel:')})"
                ".map((e) => [e.id, !!e.dashes])"
            )
        )
        assert dashed == {
            "rel:drug_a1|causes|symptom_s": True,  # asserted only as "can", denied firmly
            "rel:drug_a1|worsens|condition_c": False,  # only denied, firmly
        }
        seen.assert_quiet()


# A point on an edge where a click hits that edge and nothing else.
_EDGE_ON_PAGE = """
(id) => {
  const net = window.bluntgraph.network;
  const [a, b] = net.getConnectedNodes(id);
  net.fit({nodes: [a, b], animation: false});
  net.redraw();
  const edge = net.body.edges[id];
  const box = document.getElementById('bg-network').getBoundingClientRect();
  for (let i = 1; i < 40; i++) {
    const t = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) * 0.02;
    const dom = net.canvasToDOM(edge.edgeType.getPoint(t));
    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id) {
      return {x: box.left + dom.x, y: box.top + dom.y, dx: dom.x, dy: dom.y};
    }
  }
  return null;
}
"""


def _click_edge(page: Any, edge: str) -> dict[str, float]:
    point: dict[str, float] | None = page.evaluate(_EDGE_ON_PAGE, edge)
    assert point is not None, f"no clear point on {edge}"
    page.mouse.click(point["x"], point["y"])
    page.locator("#bg-details").wait_for(state="visible")
    return point


def test_clicking_a_relation_lists_its_claims_and_findings_once(
    bundled_visit: Visit, bundled_kg: KnowledgeGraph
) -> None:
    page = bundled_visit.page
    vocab = bundled_kg.vocabulary
    subject, obj = vocab.resolve("SSRI"), vocab.resolve("emotional blunting")
    assert subject and obj
    edge = f"rel:{subject}|causes|{obj}"
    behind = [
        c for c in bundled_kg.corpus.claims
        if (c.subject, c.predicate, c.object) == (subject, "causes", obj)
    ]  # fmt: skip
    point = _click_edge(page, edge)
    panel = page.locator("#bg-details")
    listed = page.evaluate(
        "[...document.querySelectorAll('#bg-details [data-claim]')].map((e) => e.dataset.claim)"
    )
    assert sorted(listed) == sorted(c.id for c in behind)  # each claim exactly once
    ids = {c.id for c in behind}
    expected = {f.id for f in bundled_kg.findings if ids & {r.id for r in f.claims}}
    shown = page.evaluate(
        "[...document.querySelectorAll('#bg-details [data-finding]')]"
        ".map((e) => e.dataset.finding)"
    )
    assert sorted(shown) == sorted(expected) and expected  # each finding exactly once
    text = _flat(panel.inner_text())
    for claim in behind:
        assert _flat(claim.quote) in text
        assert _flat(bundled_kg.corpus.source_by_id[claim.source].title) in text
    conflicts = [f for f in bundled_kg.findings if f.id in expected and f.kind in FINDING_RELATIONS]
    assert conflicts and all(_flat(f.message) in text for f in conflicts)
    # the edge is red, and the panel sits beside the graph, not over the edge
    colour = page.evaluate("(id) => window.bluntgraph.edgeData.get(id).color.color", edge)
    assert colour == "#d62728"
    where = page.evaluate(
        """(id) => {
          const net = window.bluntgraph.network;
          const [a, b] = net.getConnectedNodes(id);
          const box = document.getElementById('bg-network').getBoundingClientRect();
          const pos = net.getPositions([a, b]);
          return [a, b].map((n) => {
            const p = net.canvasToDOM(pos[n]);
            return {x: box.left + p.x, y: box.top + p.y};
          }).concat([box.toJSON(), document.getElementById('bg-details')
                     .getBoundingClientRect().toJSON()]);
        }""",
        edge,
    )
    *ends, canvas, details = where
    for end in ends:
        assert canvas["left"] <= end["x"] <= canvas["right"]
        assert canvas["top"] <= end["y"] <= canvas["bottom"]
        assert not details["left"] <= end["x"] <= details["right"]
    assert canvas["right"] <= details["left"]
    assert point
    bundled_visit.assert_quiet()


def test_filters_change_what_is_shown(bundled_visit: Visit, bundled_kg: KnowledgeGraph) -> None:
    page = bundled_visit.page
    corpus = bundled_kg.corpus
    source = corpus.sources[0]
    page.select_option("#bg-filter-source", source.id)
    assert _shown(page) == _relations(bundled_kg, corpus.claims_of(source.id))
    page.select_option("#bg-filter-source", "")
    page.select_option("#bg-filter-predicate", "treats")
    assert _shown(page) == _relations(
        bundled_kg, [c for c in corpus.claims if c.predicate == "treats"]
    )
    page.select_option("#bg-filter-predicate", "")
    for level in ("probable", "possible", "speculative"):
        page.uncheck(f"#bg-filter-certainty-{level}")
    assert _shown(page) == _relations(
        bundled_kg, [c for c in corpus.claims if c.certainty.level == "certain"]
    )
    for level in ("probable", "possible", "speculative"):
        page.check(f"#bg-filter-certainty-{level}")
    page.check("#bg-filter-conflicts")
    in_conflict = {
        r.id for f in bundled_kg.findings if f.kind in FINDING_RELATIONS for r in f.claims
    }
    expected = _relations(bundled_kg, [c for c in corpus.claims if c.id in in_conflict])
    assert _shown(page) == expected and len(expected) < len(_relations(bundled_kg))
    colours = page.evaluate(
        "window.bluntgraph.edgeData.get({filter: (e) => !e.hidden && e.id.startsWith('rel:')})"
        ".map((e) => e.color.color)"
    )
    assert set(colours) == {"#d62728"}  # only conflicts left, all red
    assert "showing" in page.inner_text("#bg-shown")
    page.uncheck("#bg-filter-conflicts")
    page.uncheck("#bg-filter-drafts")  # no drafts in the bundled corpus: nothing changes
    assert _shown(page) == _relations(bundled_kg)
    bundled_visit.assert_quiet()


def test_the_claim_level_toggle(bundled_visit: Visit, bundled_kg: KnowledgeGraph) -> None:
    page = bundled_visit.page
    set_level(page, "claims")
    graph = bundled_kg.graph
    counts = page.evaluate("[window.bluntgraph.nodeData.length, window.bluntgraph.edgeData.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()]
    assert "claim" in page.inner_text("#bg-legend")
    # filters work here too: one source's claims only
    source = bundled_kg.corpus.sources[1]
    page.select_option("#bg-filter-source", source.id)
    claims = page.evaluate(
        "window.bluntgraph.nodeData.get({filter: (n) => !n.hidden && n.id.startsWith('claim:')})"
        ".map((n) => n.id)"
    )
    assert sorted(claims) == sorted(f"claim:{c.id}" for c in bundled_kg.corpus.claims_of(source.id))
    page.select_option("#bg-filter-source", "")
    # a claim's panel lists its findings once each
    claim = page.evaluate(_LONELY_CLAIM)
    point = page.evaluate(_NODE_ON_PAGE, claim)
    page.mouse.click(point["x"], point["y"])
    page.locator("#bg-details").wait_for(state="visible")
    listed = page.evaluate(
        "[...document.querySelectorAll('#bg-details [data-claim]')].map((e) => e.dataset.claim)"
    )
    assert listed == [claim.removeprefix("claim:")]
    set_level(page, "map")
    assert page.evaluate("window.bluntgraph.nodeData.length") < graph.number_of_nodes()
    bundled_visit.assert_quiet()


def test_hovering_a_claim_shows_its_quote(bundled_visit: Visit, bundled_kg: KnowledgeGraph) -> None:
    page = bundled_visit.page
    set_level(page, "claims")
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
    # a quote finds the relations it supports
    claim = bundled_kg.corpus.claims[0]
    page.fill("#bg-find-input", claim.quote[:40])
    selected = page.evaluate("window.bluntgraph.network.getSelectedEdges()")
    assert f"rel:{claim.subject}|{claim.predicate}|{claim.object}" in selected
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
    claims = [
        bundled_kg.corpus.claim_by_id[n.removeprefix("claim:")]
        for n in expected
        if n.startswith("claim:")
    ]
    for seen in visit(browser, target):
        assert seen.page.evaluate("window.bluntgraph.focus") == f"entity:{entity.id}"
        assert _shown(seen.page) == _relations(bundled_kg, claims)
        assert entity.label in seen.page.inner_text("#bg-details")  # the focus's details
        set_level(seen.page, "claims")
        assert seen.page.evaluate("window.bluntgraph.nodes") == len(expected)
        assert len(expected) < bundled_kg.graph.number_of_nodes()
        seen.assert_quiet()


# ---------------------------------------------------------------- hostile text


@pytest.fixture
def hostile_visit(browser: Any, hostile_kg: KnowledgeGraph, tmp_path: Path) -> Iterator[Visit]:
    target = tmp_path / "hostile.html"
    hostile_kg.to_html(target)
    yield from visit(browser, target)


def _no_markup(page: Any) -> None:
    injected = page.evaluate(
        "document.querySelectorAll('img, svg, iframe, object, embed, script[src]').length"
    )
    assert injected == 0
    hrefs = page.evaluate("[...document.querySelectorAll('a')].map((a) => a.href)")
    assert all(h.startswith("https://") for h in hrefs)


def test_hostile_page_loads_inert(hostile_visit: Visit, hostile_kg: KnowledgeGraph) -> None:
    page = hostile_visit.page
    assert _shown(page) == _relations(hostile_kg)
    # the corpus's markup is shown as text, never turned into elements
    _no_markup(page)
    assert page.evaluate("document.querySelectorAll('a').length") == 0
    assert page.title() == f"corpus {SCRIPT} — bluntgraph evidence graph"
    assert page.inner_text("#bg-title") == page.title()
    options = page.inner_text("#bg-filter-source")
    assert f"{SCRIPT} {HREF}" in options  # a hostile title is an option's text
    set_level(page, "claims")
    assert page.evaluate("window.bluntgraph.nodes") == hostile_kg.graph.number_of_nodes()
    _no_markup(page)
    hostile_visit.assert_quiet()


def test_hostile_tooltips_show_text_and_run_nothing(
    hostile_visit: Visit, hostile_kg: KnowledgeGraph
) -> None:
    page = hostile_visit.page
    for node in page.evaluate("window.bluntgraph.nodeData.getIds()"):
        hover_node(page, node)
    text = hover_node(page, "entity:symptom_s")
    assert IMG in text and SCRIPT in text  # shown literally
    set_level(page, "claims")
    text = hover_node(page, "claim:evil-causes")
    assert SCRIPT in text and IMG in text and HREF in text
    for node in hostile_kg.graph:
        hover_node(page, node)
    assert (
        page.evaluate(
            "document.querySelectorAll('.vis-tooltip img, .vis-tooltip svg, .vis-tooltip a').length"
        )
        == 0
    )
    hostile_visit.assert_quiet()


def test_hostile_panels_filters_and_search_run_nothing(
    hostile_visit: Visit, hostile_kg: KnowledgeGraph
) -> None:
    page = hostile_visit.page
    for node in page.evaluate("window.bluntgraph.nodeData.getIds()"):
        point = page.evaluate(_NODE_ON_PAGE, node)
        page.mouse.click(point["x"], point["y"])
        point = page.evaluate(_NODE_ON_PAGE, node)  # the panel opened beside it
        page.mouse.dblclick(point["x"], point["y"])
        assert page.locator("#bg-details").is_visible()
        _no_markup(page)
    for edge in _shown(page):
        _click_edge(page, edge)
        _no_markup(page)
    text = page.inner_text("#bg-details")
    assert text
    # a relation's panel shows the hostile quote, its context and the finding as text
    _click_edge(page, "rel:drug_a1|causes|symptom_s")
    text = page.inner_text("#bg-details")
    assert SCRIPT in text and f"they disagree {SCRIPT} {HREF}" in text and SVG in text
    for control in ("#bg-filter-conflicts", "#bg-filter-drafts", "#bg-filter-certainty-certain"):
        page.click(control)
        page.click(control)
    page.select_option("#bg-filter-source", "evil")
    page.select_option("#bg-filter-predicate", "causes")
    for typed in (SCRIPT, SVG, "href", "onerror"):
        page.fill("#bg-find-input", typed)
        page.press("#bg-find-input", "Enter")
    set_level(page, "claims")
    page.select_option("#bg-filter-source", "")
    page.select_option("#bg-filter-predicate", "")
    for node in hostile_kg.graph:
        point = page.evaluate(_NODE_ON_PAGE, node)
        page.mouse.click(point["x"], point["y"])
        assert page.locator("#bg-details").is_visible()
        _no_markup(page)
    hostile_visit.assert_quiet()


def test_conflicts_are_drawn_red_and_explained(
    hostile_visit: Visit, hostile_kg: KnowledgeGraph
) -> None:
    page = hostile_visit.page
    # on the map: the relation whose claims conflict is red, its tooltip gives the reason
    colour = page.evaluate(
        "window.bluntgraph.edgeData.get('rel:drug_a1|causes|symptom_s').color.color"
    )
    assert colour == "#d62728"
    set_level(page, "claims")
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
    point = page.evaluate(_EDGE_ON_PAGE, edge)
    page.mouse.move(5, 5)
    page.mouse.move(point["x"], point["y"], steps=4)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text = tooltip.text_content() or ""
    assert "contradiction" in text and f"they disagree {SCRIPT} {HREF}" in text
    assert hostile_kg.corpus.claim_by_id["plain-no-cause"].quote in text
    hostile_visit.assert_quiet()


def test_a_table_row_link_opens_its_relation_on_the_map(
    browser: Any, bundled_kg: KnowledgeGraph, bundled_page: Path, tmp_path: Path
) -> None:
    from bluntgraph.export.evidence import format_evidence

    table = bundled_kg.evidence_table(outcome="emotional blunting")
    row = table.iloc[1]
    target = tmp_path / "table.html"
    target.write_text(
        format_evidence(table, "html", map_href=bundled_page.as_uri()), encoding="utf-8"
    )
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    url = target.as_uri()
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url == url else route.abort()
    )
    try:
        page = context.new_page()
        page.goto(url)
        injected = "document.querySelectorAll('img, svg, iframe, object, embed, script').length"
        assert page.evaluate(injected) == 0
        hrefs = page.evaluate("[...document.querySelectorAll('a')].map((a) => a.href)")
        assert len(hrefs) == len(table)
        assert all(h.startswith(bundled_page.as_uri() + "#rel=") for h in hrefs)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert requests == [url]
    finally:
        context.close()
    page = browser.new_page()
    try:
        page.goto(f"{bundled_page.as_uri()}#rel={row.key.replace('|', '%7C')}")
        wait_until_drawn(page)
        page.locator("#bg-details").wait_for(state="visible")
        assert page.inner_text("#bg-details h2") == row.relation
        listed = page.evaluate(
            "[...document.querySelectorAll('#bg-details [data-claim]')].map((e) => e.dataset.claim)"
        )
        assert sorted(listed) == sorted(row.claim_ids.split(";"))
    finally:
        page.close()
