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

import itertools
import math
import random
import re
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


#: every shown label's box on the page (CSS pixels, where vis draws it: its box moved by the
#: font's ``vadjust``), the dots, the drawn font sizes and every shown arrow as a polyline
_LABELS = """
() => {
  const net = window.bluntgraph.network;
  const scale = net.getScale();
  const view = document.getElementById('bg-network').getBoundingClientRect();
  const box = (s, vadjust) => {
    const a = net.canvasToDOM({x: s.left, y: s.top + (vadjust || 0)});
    const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height + (vadjust || 0)});
    return {left: a.x, top: a.y, right: b.x, bottom: b.y};
  };
  const nodes = [], edges = [], arrows = [];
  for (const id of window.bluntgraph.nodeData.getIds()) {
    const node = net.body.nodes[id];
    if (node.options.hidden) continue;
    const centre = net.canvasToDOM({x: node.x, y: node.y});
    const vadjust = node.labelModule.fontOptions.vadjust;
    nodes.push({id, label: node.options.label, box: box(node.labelModule.size, vadjust),
                below: box(node.labelModule.size, 0),
                x: centre.x, y: centre.y, radius: node.shape.radius * scale,
                px: node.options.font.size * scale});
  }
  for (const id of window.bluntgraph.edgeData.getIds()) {
    const edge = net.body.edges[id];
    if (edge.options.hidden || edge.fromId === edge.toId) continue;
    // the line as drawn, then its arrowhead: on to the middle of the dot it points at
    const points = [];
    for (let i = 0; i <= 48; i++) {
      const p = net.canvasToDOM(edge.edgeType.getPoint(i / 48));
      points.push([p.x, p.y]);
    }
    const end = net.canvasToDOM({x: edge.to.x, y: edge.to.y});
    points.push([end.x, end.y]);
    const width = edge.options.width * scale;
    if (!edge.options.label) {
      arrows.push({id, from: edge.fromId, to: edge.toId, points, width});
      continue;
    }
    const vadjust = edge.labelModule.fontOptions.vadjust || 0;
    const name = box(edge.labelModule.size, vadjust);
    // a name drawn smaller than the threshold is not drawn at all (it shows when zoomed in);
    // one big enough to read that the page holds back until one zooms in waits
    const px = edge.options.font.size * scale;
    const waits = px >= 7 && px < edge.options.scaling.label.drawThreshold;
    const conflict = edge.options.color.color === '#d62728';
    arrows.push({id, from: edge.fromId, to: edge.toId, points, width, name, shift: vadjust * scale,
                 label: edge.options.label, waits, conflict});
    if (px < edge.options.scaling.label.drawThreshold) continue;
    edges.push({id, label: edge.options.label, box: name});
  }
  return {nodes, edges, arrows, scale, width: view.width, height: view.height};
}
"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """The area two boxes share (0 when they only touch)."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0.0) * max(height, 0.0)


def _covers_dot(label: dict[str, float], node: dict[str, Any], part: float = 0.6) -> bool:
    """Whether a label's box covers the middle of ``node``'s dot (``part=1``: any of it)."""
    x = min(max(node["x"], label["left"]), label["right"])
    y = min(max(node["y"], label["top"]), label["bottom"])
    return bool((x - node["x"]) ** 2 + (y - node["y"]) ** 2 < (part * node["radius"]) ** 2)


def _crosses(points: list[list[float]], box: dict[str, float]) -> bool:
    """Whether the polyline ``points`` passes through ``box`` (1 px in from its edges)."""
    left, right = box["left"] + 1, box["right"] - 1
    top, bottom = box["top"] + 1, box["bottom"] - 1
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        # clip the segment to the box (Liang-Barsky): it crosses if some part is left
        low, high = 0.0, 1.0
        for p, q in ((x0 - x1, x0 - left), (x1 - x0, right - x0),
                     (y0 - y1, y0 - top), (y1 - y0, bottom - y0)):  # fmt: skip
            if p == 0:
                if q < 0:
                    break
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
        else:
            if low < high:
                return True
    return False


def _grown(box: dict[str, float], by: float) -> dict[str, float]:
    """``box`` grown by ``by`` on every side."""
    return {"left": box["left"] - by, "right": box["right"] + by,
            "top": box["top"] - by, "bottom": box["bottom"] + by}  # fmt: skip


def _touching_names(drawn: dict[str, Any]) -> list[tuple[str, str]]:
    """Each pair of an arrow's name and another name (arrow's or entity's) that overlap."""
    names = [(e["label"], e["box"]) for e in drawn["edges"]]
    names += [(n["label"], n["box"]) for n in drawn["nodes"]]
    return [(a, b) for i, (a, box) in enumerate(names[: len(drawn["edges"])])
            for b, other in names[i + 1 :] if _overlap(box, other) > 0]  # fmt: skip


def _names_on_other_arrows(drawn: dict[str, Any]) -> list[tuple[str, str]]:
    """Each pair of a drawn relation's name and another arrow running through it."""
    found = []
    for edge in drawn["edges"]:
        text = _grown(edge["box"], -2)  # the text, not its white outline
        found += [(edge["label"], arrow["id"]) for arrow in drawn["arrows"]
                  if arrow["id"] != edge["id"] and _crosses(arrow["points"], text)]  # fmt: skip
    return found


def _shown_names_crossed(drawn: dict[str, Any]) -> list[str]:
    """The names drawn at the opening zoom (relations' and entities') that an arrow other
    than their own runs through."""
    found = []
    for edge in drawn["edges"]:
        text = _grown(edge["box"], -2)  # the text, not its white outline
        if any(a["id"] != edge["id"] and _crosses(a["points"], text) for a in drawn["arrows"]):
            found.append(edge["label"])
    for node in drawn["nodes"]:
        if any(_crosses(a["points"], _grown(node["box"], -2)) for a in drawn["arrows"]):
            found.append(node["label"])
    return found


#: the bends the page tries for an arrow whose name finds no free place (vis's curvedCW
#: with that roundness; negative: curvedCCW)
_BENDS = (0.15, -0.15, 0.3, -0.3, 0.45, -0.45, 0.6, -0.6, 0.75, -0.75, 0.9, -0.9)


def _bent(arrow: dict[str, Any], start: dict[str, Any], end: dict[str, Any], bend: float,
          scale: float) -> tuple[tuple[float, float], list[list[float]]]:  # fmt: skip
    """Where vis draws the middle of ``arrow`` bent by ``bend``, and the bent line (on to
    the end's dot): vis's curvedCW/CCW, whose name sits halfway along the curve to the
    base of the arrowhead."""
    ax, ay, bx, by = start["x"], start["y"], end["x"], end["y"]
    f, ox, oy = abs(bend), bx - ax, ay - by
    length = math.hypot(ox, oy)
    angle = (math.atan2(oy, ox) + ((0.5 if bend > 0 else -0.5) * f + 0.5) * math.pi) % math.tau
    vx = ax + (0.5 * f + 0.5) * length * math.sin(angle)
    vy = ay + (0.5 * f + 0.5) * length * math.cos(angle)
    # the arrowhead's base: back from the end's middle by its radius and the head's length
    back = end["radius"] + scale + 0.9 * 0.45 * (10 * scale + 5 * arrow["width"])
    ux, uy = bx - vx, by - vy
    d = math.hypot(ux, uy) or 1.0
    ex, ey = bx - ux / d * back, by - uy / d * back
    points = [[(1 - t) ** 2 * ax + 2 * t * (1 - t) * vx + t * t * ex,
               (1 - t) ** 2 * ay + 2 * t * (1 - t) * vy + t * t * ey]
              for t in (i / 24 for i in range(25))]  # fmt: skip
    points.append([bx, by])
    return (0.25 * ax + 0.5 * vx + 0.25 * ex, 0.25 * ay + 0.5 * vy + 0.25 * ey), points


def _arrow_names_crossed_needlessly(drawn: dict[str, Any]) -> list[tuple[str, str]]:
    """Relations' names drawn with another arrow through them, where the same name on its
    arrow (as drawn or bent as the page may bend it: at the middle, or steps of half its
    height and a little above or below while it still touches the arrow) would be clear of
    every other arrow, name (also those shown once zoomed in) and entity (its dot and
    name) by a margin, its arrow running through no other name: (the name, the arrow
    crossing it)."""
    scale = drawn["scale"]
    clearance = 8 * scale + 2  # the page keeps names 8 units apart
    nodes, arrows = drawn["nodes"], drawn["arrows"]
    entities, at = [], {}
    for node in nodes:
        at[node["id"]] = node
        dot = {"left": node["x"] - node["radius"], "right": node["x"] + node["radius"],
               "top": node["y"] - node["radius"], "bottom": node["y"] + node["radius"]}  # fmt: skip
        parts = (dot, node["below"], node["box"])
        entities.append({"left": min(b["left"] for b in parts),
                         "right": max(b["right"] for b in parts),
                         "top": min(b["top"] for b in parts),
                         "bottom": max(b["bottom"] for b in parts)})  # fmt: skip
    by_id = {a["id"]: a for a in arrows}
    found = []
    for edge in drawn["edges"]:
        own = by_id[edge["id"]]
        text = _grown(edge["box"], -2)
        crossing = [a["id"] for a in arrows
                    if a["id"] != edge["id"] and _crosses(a["points"], text)]  # fmt: skip
        if not crossing:
            continue
        box = edge["box"]
        width, height = box["right"] - box["left"], box["bottom"] - box["top"]
        names = [a["name"] for a in arrows if "name" in a and a["id"] != edge["id"]]
        others = names + entities
        # the arrow as drawn (its name back on its middle), then bent each way
        middle = ((box["left"] + box["right"]) / 2, (box["top"] + box["bottom"]) / 2 - own["shift"])
        lines = [(middle, own["points"])]
        lines += [_bent(own, at[own["from"]], at[own["to"]], bend, scale) for bend in _BENDS]
        for (mx, my), points in lines:
            (x0, y0), (x1, y1) = points[0], points[-2]
            dx, dy = x1 - x0, y1 - y0
            length = max(math.hypot(dx, dy), 1.0)
            reach = (width / 2 * abs(dy) + height / 2 * abs(dx)) / length
            if points is not own["points"] and any(_crosses(points, _grown(n, 2)) for n in names):
                continue
            for step in (0, -1, 1, -2, 2, -3, 3):
                move = step * (height / 2 + 3 * scale)
                top = my + move - height / 2
                spot = {"left": mx - width / 2, "right": mx + width / 2,
                        "top": top, "bottom": top + height}  # fmt: skip
                if abs(spot["top"] - box["top"]) + abs(spot["left"] - box["left"]) < 1:
                    continue  # where it is
                if abs(move * dx) / length > reach:
                    continue
                near = _grown(spot, clearance)
                free = (spot["top"] >= 0 and spot["bottom"] <= drawn["height"]
                        and spot["left"] >= 0 and spot["right"] <= drawn["width"]
                        and not any(_crosses(a["points"], _grown(spot, max(a["width"] / 2, 2)))
                                    for a in arrows if a["id"] != edge["id"])
                        and not any(_overlap(near, taken) > 0 for taken in others))  # fmt: skip
                if free:
                    found.append((edge["label"], crossing[0]))
                    break
            else:
                continue
            break
    return found


def _crossed_needlessly(drawn: dict[str, Any]) -> list[tuple[str, str]]:
    """Entity names an arrow crosses where the same name just above its dot would be
    2 px or more away from any arrow (or half its width), any other name (also of an
    arrow, shown once zoomed in) and any dot, with the arrow crossing it."""
    nodes, arrows = drawn["nodes"], drawn["arrows"]
    taken = [n["box"] for n in nodes] + [a["name"] for a in arrows if "name" in a]
    found = []
    for node in nodes:
        crossing = [a for a in arrows if _crosses(a["points"], node["box"])]
        if not crossing:
            continue
        below = node["below"]
        height = below["bottom"] - below["top"]
        gap = below["top"] - (node["y"] + node["radius"])
        above = dict(below, bottom=node["y"] - node["radius"] - gap)
        above["top"] = above["bottom"] - height
        others = [box for box in taken if box is not node["box"]]
        clear = _grown(above, 2)
        free = (not any(_crosses(a["points"], _grown(above, max(a["width"] / 2, 2)))
                        for a in arrows)
                and above["top"] >= 0
                and not any(_overlap(clear, box) > 0 for box in others)
                and not any(_covers_dot(clear, n, 1) for n in nodes if n is not node))  # fmt: skip
        if free:
            found.append((node["label"], crossing[0]["id"]))
    return found


def _outside(drawn: dict[str, Any]) -> list[str]:
    """The entities whose names are drawn (partly) outside the view."""
    width, height = drawn["width"], drawn["height"]
    return [n["label"] for n in drawn["nodes"] if n["box"]["left"] < 0 or n["box"]["top"] < 0
            or n["box"]["right"] > width or n["box"]["bottom"] > height]  # fmt: skip


def _drawn_labels(browser: Any, page_path: Path, width: int = 1280, height: int = 860
                  ) -> dict[str, Any]:  # fmt: skip
    context = browser.new_context(viewport={"width": width, "height": height})
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
    nodes = drawn["nodes"]
    assert len(nodes) == entities
    names = [(n["label"], n["box"]) for n in nodes]
    overlapping = [(a, b) for i, (a, box) in enumerate(names) for b, other in names[i + 1 :]
                   if _overlap(box, other) > 0]  # fmt: skip
    assert overlapping == []
    covering = [(label, node["label"]) for label, box in names for node in nodes
                if node["label"] != label and _covers_dot(box, node)]  # fmt: skip
    assert covering == []
    # the relations' names that are drawn: none on another name
    assert _touching_names(drawn) == []
    assert _crossed_needlessly(drawn) == []
    assert _arrow_names_crossed_needlessly(drawn) == []
    # every entity's name drawn inside the view, at a size one can read
    assert min(n["px"] for n in nodes) >= 8
    assert _outside(drawn) == []


#: a corpus on salt and blood pressure: a few hubs, and relations that some articles
#: assert and others deny, so that arrows carry long names ("reduces (3, 2 against)")
_BLOOD_PRESSURE = [
    ("salt", "substance"), ("high blood pressure", "condition"), ("salt substitutes", "substance"),
    ("potassium", "substance"), ("stroke", "condition"), ("heart attacks", "condition"),
    ("DASH diet", "practice"), ("older adults", "population"), ("processed food", "substance"),
    ("people with kidney disease", "population"), ("regular exercise", "practice"),
    ("weight loss", "practice"), ("alcohol", "substance"), ("headaches", "symptom"),
    ("blood pressure medication", "drug"), ("dizziness", "symptom"), ("kidney damage", "condition"),
    ("low-sodium diet", "practice"),
]  # fmt: skip


def _contested_corpus(make_corpus: CorpusMaker, seed: int) -> Path:
    """Four articles on salt and blood pressure whose claims about the hubs often
    disagree: each relation asserted by one to four of them and denied by up to two."""
    rng = random.Random(seed)
    ids = [label.lower().replace(" ", "_").replace("-", "_") for label, _ in _BLOOD_PRESSURE]
    terms = [{"id": ident, "label": label, "type": kind}
             for ident, (label, kind) in zip(ids, _BLOOD_PRESSURE, strict=True)]  # fmt: skip
    hubs = ids[:3]
    pairs = {(hub, other) for hub in hubs for other in rng.sample(ids, 5) if other != hub}
    pairs |= {(other, rng.choice(hubs)) for other in ids[3:]}
    pairs = {(a, b) for a, b in pairs if a != b}
    sentences: dict[str, list[str]] = {f"article-{n}": [] for n in range(1, 5)}
    claims: dict[str, list[dict[str, Any]]] = {source: [] for source in sentences}
    for subject, obj in sorted(pairs):
        predicate = rng.choice(("reduces", "causes", "treats", "associated_with"))
        saying = rng.randint(1, 4)
        denying = min(rng.choice((0, 0, 1, 2)), 4 - saying)
        for n, source in enumerate(rng.sample(sorted(sentences), saying + denying)):
            negated = n >= saying
            quote = (f"Claim {len(sentences[source])} of {source}: {subject} "
                     f"{'does not ' if negated else ''}{predicate} {obj}.")  # fmt: skip
            claims[source].append({"id": f"{source}-{len(sentences[source])}", "quote": quote,
                                   "section": "body", "subject": subject,
                                   "predicate": predicate, "object": obj,
                                   "negated": negated})  # fmt: skip
            sentences[source].append(quote)
    texts = {source: " ".join(lines) + "\n" for source, lines in sentences.items()}
    return make_corpus(texts=texts, claims=claims, entities=terms)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("view", [(1280, 860), (1400, 900)])
def test_names_of_contested_relations_do_not_touch(
    browser: Any, make_corpus: CorpusMaker, tmp_path: Path, seed: int, view: tuple[int, int]
) -> None:
    kg = bluntgraph.load(_contested_corpus(make_corpus, seed))
    page = tmp_path / "graph.html"
    kg.to_html(page)
    drawn = _drawn_labels(browser, page, *view)
    assert any("against" in e["label"] for e in drawn["edges"])
    assert _touching_names(drawn) == []
    assert _crossed_needlessly(drawn) == []
    assert _arrow_names_crossed_needlessly(drawn) == []
    assert _outside(drawn) == []


@pytest.mark.parametrize("view", [(1280, 860), (1400, 900), (1800, 1150)])
def test_the_bundled_maps_names_do_not_touch(
    browser: Any, tmp_path: Path, view: tuple[int, int]
) -> None:
    # 60 arrows meet at emotional blunting: a name with no free place there waits until
    # one zooms in
    page = tmp_path / "graph.html"
    bluntgraph.load().to_html(page)
    drawn = _drawn_labels(browser, page, *view)
    assert len(drawn["edges"]) >= 10
    assert _touching_names(drawn) == []
    assert _crossed_needlessly(drawn) == []
    assert _arrow_names_crossed_needlessly(drawn) == []


def _sources(label: str) -> int:
    """The sources a relation's name counts: 5 in 'causes (5)' and 'raises (5, 1 against)'."""
    match = re.search(r"\((\d+)", label)
    assert match, label
    return int(match.group(1))


def test_a_big_screen_shows_the_bundled_maps_main_names_at_once(
    browser: Any, tmp_path: Path
) -> None:
    # the opening view is fitted to the window (the layout stretched to its shape), so on a
    # big screen few names wait for the zoom, and none of a relation most sources state or
    # of a conflict; before, 28 waited at 1800x1150, among them the conflict 'causes (5)'
    page = tmp_path / "graph.html"
    bluntgraph.load().to_html(page)
    drawn = _drawn_labels(browser, page, 1800, 1150)
    waiting = [(a["label"], a["conflict"]) for a in drawn["arrows"] if a.get("waits")]
    main = [label for label, conflict in waiting
            if _sources(label) >= 4 or (conflict and _sources(label) >= 3)]  # fmt: skip
    assert main == []
    assert len(waiting) <= 6, waiting
    assert _touching_names(drawn) == []


#: a corpus on knee osteoarthritis: one condition most claims are about (like the bundled
#: map's emotional blunting), with treatments, risks and symptoms around it
_KNEE = [
    ("knee osteoarthritis", "condition"), ("knee pain", "symptom"), ("joint stiffness", "symptom"),
    ("exercise therapy", "therapy"), ("weight loss", "practice"), ("obesity", "condition"),
    ("paracetamol", "drug"), ("topical NSAIDs", "drug"), ("oral NSAIDs", "drug"),
    ("glucosamine", "substance"), ("chondroitin", "substance"), ("steroid injections", "drug"),
    ("hyaluronic acid injections", "drug"), ("knee replacement", "therapy"),
    ("arthroscopic surgery", "therapy"), ("physiotherapy", "therapy"), ("knee braces", "therapy"),
    ("previous knee injury", "condition"), ("older adults", "population"),
    ("women over 50", "population"), ("stomach bleeding", "symptom"), ("tai chi", "practice"),
    ("swelling", "symptom"), ("poor sleep", "symptom"), ("low mood", "symptom"),
    ("walking aids", "therapy"), ("acupuncture", "therapy"), ("turmeric", "substance"),
]  # fmt: skip


def _hub_corpus(make_corpus: CorpusMaker, seed: int) -> Path:
    """Five articles on knee osteoarthritis: most claims link the condition to one other
    term, each relation said by one to five of them and sometimes denied."""
    rng = random.Random(seed)
    ids = [label.lower().replace(" ", "_").replace("-", "_") for label, _ in _KNEE]
    terms = [{"id": ident, "label": label, "type": kind}
             for ident, (label, kind) in zip(ids, _KNEE, strict=True)]  # fmt: skip
    hub, others = ids[0], ids[1:]
    pairs = [(other, hub) if rng.random() < 0.7 else (hub, other) for other in others]
    pairs += [(rng.choice(others), rng.choice(others)) for _ in range(8)]
    sentences: dict[str, list[str]] = {f"article-{n}": [] for n in range(1, 6)}
    claims: dict[str, list[dict[str, Any]]] = {source: [] for source in sentences}
    for subject, obj in dict.fromkeys(p for p in pairs if p[0] != p[1]):
        predicate = rng.choice(("treats", "reduces", "causes", "associated_with", "symptom_of"))
        saying = rng.choice((1, 1, 1, 2, 2, 3, 4, 5))
        denying = min(rng.choice((0, 0, 0, 1)), 5 - saying)
        for n, source in enumerate(rng.sample(sorted(sentences), saying + denying)):
            negated = n >= saying
            number = len(sentences[source])
            quote = (f"Claim {number} of {source}: {subject} "
                     f"{'does not ' if negated else ''}{predicate} {obj}.")  # fmt: skip
            claims[source].append({"id": f"{source}-{number}", "quote": quote, "section": "body",
                                   "subject": subject, "predicate": predicate, "object": obj,
                                   "negated": negated})  # fmt: skip
            sentences[source].append(quote)
    texts = {source: " ".join(lines) + "\n" for source, lines in sentences.items()}
    return make_corpus(texts=texts, claims=claims, entities=terms)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("view", [(1280, 860), (1800, 1150)])
def test_a_map_around_one_condition_keeps_its_main_names_readable(
    browser: Any, make_corpus: CorpusMaker, tmp_path: Path, seed: int, view: tuple[int, int]
) -> None:
    # some thirty arrows meet at knee osteoarthritis: no name touches another or is
    # crossed where a free place was left, and the names of relations three or more
    # sources state show at once
    kg = bluntgraph.load(_hub_corpus(make_corpus, seed))
    page = tmp_path / "graph.html"
    kg.to_html(page)
    drawn = _drawn_labels(browser, page, *view)
    assert _touching_names(drawn) == []
    assert _crossed_needlessly(drawn) == []
    assert _arrow_names_crossed_needlessly(drawn) == []
    assert _outside(drawn) == []
    waiting = [a["label"] for a in drawn["arrows"] if a.get("waits")]
    assert [label for label in waiting if _sources(label) >= 3] == []


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_few_names_of_contested_relations_are_crossed_on_a_big_screen(
    browser: Any, make_corpus: CorpusMaker, tmp_path: Path, seed: int
) -> None:
    # the graph stretched to a wide window, and every shown name kept out of other arrows'
    # way where it can be: at most one in five relations' names has another arrow through
    # it (before: 7, 9, 4 and 19 of about 30)
    kg = bluntgraph.load(_contested_corpus(make_corpus, seed))
    page = tmp_path / "graph.html"
    kg.to_html(page)
    drawn = _drawn_labels(browser, page, 1800, 1150)
    relations = {e["label"] for e in drawn["edges"]}
    crossed = [name for name in _shown_names_crossed(drawn) if name in relations]
    assert len(crossed) <= len(drawn["edges"]) // 5, crossed


def test_the_opening_view_follows_the_window(
    browser: Any, make_corpus: CorpusMaker, tmp_path: Path
) -> None:
    # a window made bigger shows the graph bigger, its names still apart and in view
    kg = bluntgraph.load(_contested_corpus(make_corpus, 2))
    path = tmp_path / "graph.html"
    kg.to_html(path)
    context = browser.new_context(viewport={"width": 900, "height": 620})
    try:
        page = context.new_page()
        page.goto(path.resolve().as_uri())
        wait_until_drawn(page)
        small = page.evaluate("window.bluntgraph.network.getScale()")
        page.set_viewport_size({"width": 1800, "height": 1150})
        page.wait_for_function(f"() => window.bluntgraph.network.getScale() > {small} * 1.2")
        page.wait_for_timeout(300)  # (and drawn)
        drawn = page.evaluate(_LABELS)
        assert _outside(drawn) == []
        assert _touching_names(drawn) == []
    finally:
        context.close()
