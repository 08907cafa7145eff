"""The map keeps every name readable on small and mid-size graphs (5 to 40 entities).

Before, vis-network's physics kept the dots apart but not their names: on a
new user's map of three articles, entities side by side had their labels
drawn on top of each other. These tests open the page in headless Chromium
and measure, on the canvas as drawn, the box of every shown entity's name
and every relation's name: no two overlap, no name covers another entity's
dot, and every name is inside the view at a readable size.

They fail under ``CI=true`` when Chromium or Playwright is missing, and skip
elsewhere.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import bluntgraph
from tests.conftest import CorpusMaker
from tests.html._browser import wait_until_drawn

#: the terms of a corpus on sleep, light and supplements (labels of the lengths users write)
_TERMS = [
    ("melatonin", "substance"), ("jet lag", "condition"), ("shift workers", "population"),
    ("seasonal affective disorder", "condition"), ("light therapy", "therapy"),
    ("vitamin D", "substance"), ("low mood", "symptom"), ("older adults", "population"),
    ("daytime sleepiness", "symptom"), ("caffeine", "substance"), ("insomnia", "condition"),
    ("cognitive behavioural therapy for insomnia", "therapy"), ("magnesium", "substance"),
    ("restless legs", "condition"), ("iron deficiency", "condition"), ("blue light", "concept"),
    ("screen time", "practice"), ("teenagers", "population"), ("sleep apnoea", "condition"),
    ("weight loss", "practice"), ("snoring", "symptom"), ("alcohol", "substance"),
    ("night sweats", "symptom"), ("menopause", "condition"), ("hot flushes", "symptom"),
    ("valerian", "substance"), ("anxiety", "condition"), ("exercise", "practice"),
    ("sleep quality", "concept"), ("naps", "practice"), ("shift work disorder", "condition"),
    ("bright light exposure", "practice"), ("circadian rhythm", "concept"),
    ("antihistamines", "substance"), ("next-day drowsiness", "symptom"),
    ("chamomile tea", "substance"),
    ("pregnant women", "population"), ("leg cramps", "symptom"), ("tart cherry juice", "substance"),
    ("glycine", "substance"),
]  # fmt: skip
_PREDICATES = ("causes", "reduces", "treats", "associated_with", "worsens")


def _map_corpus(make_corpus: CorpusMaker, entities: int, seed: int) -> Path:
    """Three articles whose claims link ``entities`` terms, a few of them hubs (as a new
    user's drafts do: most claims are about the article's main subject)."""
    rng = random.Random(seed)
    terms = [
        {"id": label.lower().replace(" ", "_").replace("-", "_"), "label": label, "type": kind}
        for label, kind in _TERMS[:entities]
    ]
    ids = [t["id"] for t in terms]
    hubs = ids[: max(2, entities // 8)]
    texts, claims = {}, {}
    for number in range(3):
        source = f"article-{number + 1}"
        sentences, listed = [], []
        # every term in some claim, then more claims about the hubs
        pairs = [(ids[i], rng.choice([x for x in hubs if x != ids[i]]))
                 for i in range(number, entities, 3)]  # fmt: skip
        pairs += [(rng.choice(hubs), rng.choice(ids)) for _ in range(entities // 3 + 2)]
        for index, (subject, obj) in enumerate(pairs):
            if subject == obj:
                continue
            if rng.random() < 0.5:
                subject, obj = obj, subject
            predicate = rng.choice(_PREDICATES)
            quote = f"Claim {index} of {source}: {subject} {predicate} {obj}."
            sentences.append(quote)
            listed.append({"id": f"{source}-{index}", "quote": quote, "section": "body",
                           "subject": subject, "predicate": predicate, "object": obj})
        texts[source] = " ".join(sentences) + "\n"
        claims[source] = listed
    return make_corpus(texts=texts, claims=claims, entities=terms)


#: every shown label's box on the page (CSS pixels), the dots, and the drawn font sizes
_LABELS = """
() => {
  const net = window.bluntgraph.network;
  const scale = net.getScale();
  const view = document.getElementById('bg-network').getBoundingClientRect();
  const box = (s) => {
    const a = net.canvasToDOM({x: s.left, y: s.top});
    const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    return {left: a.x, top: a.y, right: b.x, bottom: b.y};
  };
  const nodes = [], edges = [];
  for (const id of window.bluntgraph.nodeData.getIds()) {
    const node = net.body.nodes[id];
    if (node.options.hidden) continue;
    const centre = net.canvasToDOM({x: node.x, y: node.y});
    nodes.push({id, label: node.options.label, box: box(node.labelModule.size),
                x: centre.x, y: centre.y, radius: node.shape.radius * scale,
                px: node.options.font.size * scale});
  }
  for (const id of window.bluntgraph.edgeData.getIds()) {
    const edge = net.body.edges[id];
    if (edge.options.hidden || !edge.options.label) continue;
    // a name drawn smaller than the threshold is not drawn at all (it shows when zoomed in)
    if (edge.options.font.size * scale < edge.options.scaling.label.drawThreshold) continue;
    edges.push({id, label: edge.options.label, box: box(edge.labelModule.size)});
  }
  return {nodes, edges, width: view.width, height: view.height};
}
"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """The area two boxes share (0 when they only touch)."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0.0) * max(height, 0.0)


def _covers_dot(label: dict[str, float], node: dict[str, Any]) -> bool:
    """Whether a label's box covers the middle of ``node``'s dot."""
    x = min(max(node["x"], label["left"]), label["right"])
    y = min(max(node["y"], label["top"]), label["bottom"])
    return bool((x - node["x"]) ** 2 + (y - node["y"]) ** 2 < (0.6 * node["radius"]) ** 2)


def _drawn_labels(browser: Any, page_path: Path) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    try:
        page = context.new_page()
        page.goto(page_path.resolve().as_uri())
        wait_until_drawn(page)
        drawn: dict[str, Any] = page.evaluate(_LABELS)
        return drawn
    finally:
        context.close()


@pytest.mark.parametrize(("entities", "seed"), [(6, 1), (12, 2), (20, 3), (30, 4), (40, 5)])
def test_the_maps_names_do_not_overlap(
    browser: Any, make_corpus: CorpusMaker, tmp_path: Path, entities: int, seed: int
) -> None:
    kg = bluntgraph.load(_map_corpus(make_corpus, entities, seed))
    page = tmp_path / "graph.html"
    kg.to_html(page)
    drawn = _drawn_labels(browser, page)
    nodes, edges = drawn["nodes"], drawn["edges"]
    assert len(nodes) == entities
    names = [(n["label"], n["box"]) for n in nodes]
    overlapping = [(a, b) for i, (a, box) in enumerate(names) for b, other in names[i + 1 :]
                   if _overlap(box, other) > 0]  # fmt: skip
    assert overlapping == []
    covering = [(label, node["label"]) for label, box in names for node in nodes
                if node["label"] != label and _covers_dot(box, node)]  # fmt: skip
    assert covering == []
    # the relations' names that are drawn: none on another name (a corner's pixel or two of
    # slack, as the text's white outline is part of the box)
    shown = [(e["label"], e["box"]) for e in edges] + names
    crossing = [(a, b) for i, (a, box) in enumerate(shown[: len(edges)])
                for b, other in shown[i + 1 :] if _overlap(box, other) > 12]  # fmt: skip
    assert crossing == []
    # every entity's name drawn inside the view, at a size one can read
    assert min(n["px"] for n in nodes) >= 8
    outside = [n["label"] for n in nodes if n["box"]["left"] < 0 or n["box"]["top"] < 0
               or n["box"]["right"] > drawn["width"] or n["box"]["bottom"] > drawn["height"]]
    assert outside == []
