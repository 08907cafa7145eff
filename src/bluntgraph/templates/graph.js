/* bluntgraph's interactive graph. Every piece of corpus text reaches the page
   through textContent, never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("bluntgraph-data").textContent);
  var claims = data.claims;
  var findings = data.findings;
  var RED = "#d62728";
  var EDGE_THRESHOLD = 7;  // a relation's name drawn smaller than this (px) is not drawn
  var conflictKind = {};
  data.conflictKinds.forEach(function (kind) { conflictKind[kind] = true; });
  var claimIds = Object.keys(claims);
  claimIds.forEach(function (id) {
    var claim = claims[id];
    claim.conflicts = claim.findings.filter(function (f) {
      return findings[f] && conflictKind[findings[f].kind];
    });
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* A tooltip or details box from {title, rows: [[name, value or [values], "quote"?]]}. */
  function tipElement(tip) {
    var box = el("div", tip.style === "conflict" ? "bg-tip conflict" : "bg-tip");
    box.appendChild(el("div", "bg-tip-title", tip.title));
    var list = el("dl");
    tip.rows.forEach(function (row) {
      list.appendChild(el("dt", null, row[0]));
      var value = el("dd", row[2] === "quote" ? "quote" : null);
      if (Array.isArray(row[1])) {
        var items = el("ul");
        row[1].forEach(function (text) { items.appendChild(el("li", null, text)); });
        value.appendChild(items);
      } else {
        value.textContent = String(row[1]);
      }
      list.appendChild(value);
    });
    box.appendChild(list);
    return box;
  }

  /* ------------------------------------------------------------ filters */

  var filters = {
    source: "", predicate: "", drafts: true, conflictsOnly: false,
    certainty: { certain: true, probable: true, possible: true, speculative: true }
  };
  var active = {};
  function passes(claim) {
    if (filters.source && claim.source !== filters.source) return false;
    if (filters.predicate && claim.predicate !== filters.predicate) return false;
    if (filters.certainty[claim.certainty] === false) return false;
    if (!filters.drafts && claim.draft) return false;
    if (filters.conflictsOnly && !claim.conflicts.length) return false;
    return true;
  }
  function recompute() {
    var n = 0;
    claimIds.forEach(function (id) {
      active[id] = passes(claims[id]);
      if (active[id]) n++;
    });
    return n;
  }
  recompute();

  /* ------------------------------------------------------------ the map level */

  var mapNodeById = {};
  var mapEdgeById = {};
  data.map.nodes.forEach(function (node) { mapNodeById[node.id] = node; });
  data.map.edges.forEach(function (edge) { mapEdgeById[edge.id] = edge; });

  /* What a relation looks like given the claims that pass the filters. */
  function relationState(edge) {
    var members = edge.claims.filter(function (id) { return active[id]; });
    var sources = {};
    var saying = {};  // the sources asserting it
    var denying = {};  // the sources denying it (a source may do both)
    var against = 0;
    var firmSaid = false;  // how firmly the side the arrow shows puts it: a firm
    var firmDenied = false;  // denial lends the hedged claims of it nothing
    var conflicts = {};
    members.forEach(function (id) {
      var claim = claims[id];
      sources[claim.source] = true;
      if (claim.negated) {
        against++;
        denying[claim.source] = true;
        if (claim.certainty === "certain") firmDenied = true;
      } else {
        saying[claim.source] = true;
        if (claim.certainty === "certain") firmSaid = true;
      }
      claim.conflicts.forEach(function (f) { conflicts[f] = true; });
    });
    var firm = against === members.length ? firmDenied : firmSaid;
    return {
      members: members, sources: Object.keys(sources).length, against: against,
      saying: Object.keys(saying).length, denying: Object.keys(denying).length,
      firm: firm, conflicts: Object.keys(conflicts).sort()
    };
  }

  function relationTip(edge, state) {
    var count = String(state.sources);
    if (state.denying) {
      count = state.saying + (state.saying === 1 ? " says" : " say") + " it, " +
        state.denying + (state.denying === 1 ? " denies" : " deny") + " it";
    }
    var rows = [
      ["sources", count],
      ["claims", String(state.members.length)]
    ];
    if (state.against) rows.push(["against", plural(state.against, "claim") + " deny it"]);
    rows.push(["certainty", state.firm ? "stated as certain by at least one claim of it" : "hedged only (may, might, suggests…)"]);
    if (state.conflicts.length) {
      rows.push(["conflicts", state.conflicts.map(function (f) {
        var finding = findings[f];
        return finding.kind + " (" + finding.severity + "): " + finding.message;
      })]);
    }
    rows.push(["", "click for the claims"]);
    return tipElement({ title: edge.says, rows: rows, style: state.conflicts.length ? "conflict" : "" });
  }

  var pairRank = {};
  var mapEdgeById = {};
  data.map.edges.forEach(function (edge) {
    mapEdgeById[edge.id] = edge;
    var pair = edge.from < edge.to ? edge.from + "\u0000" + edge.to : edge.to + "\u0000" + edge.from;
    edge.rank = pairRank[pair] || 0;
    pairRank[pair] = edge.rank + 1;
  });

  function mapEdgeItem(edge) {
    var item = { id: edge.id, from: edge.from, to: edge.to };
    if (edge.bend) item.smooth = edge.bend;
    else if (edge.rank) item.smooth = { enabled: true, type: edge.from < edge.to ? "curvedCW" : "curvedCCW", roundness: 0.18 * edge.rank };
    if (edge.predicate === "broader") {
      item.color = { color: "#c8c8c8", highlight: "#888888", hover: "#888888" };
      item.width = 1;
      item.arrows = { to: { enabled: true, scaleFactor: 0.35 } };
      item.title = tipElement({ title: edge.says, rows: [] });
      return item;
    }
    var state = relationState(edge);
    if (!state.members.length) {
      item.hidden = true;
      return item;
    }
    var colour = state.conflicts.length ? RED : edge.colour;
    var denied = state.against === state.members.length;
    var verb = denied ? edge.denied : edge.verb;
    // the number is the sources saying what the label says; denials beside it, never in it
    var count = denied ? state.denying : state.saying;
    item.hidden = false;
    item.label = verb + " (" + count + (!denied && state.denying ? ", " + state.denying + " against" : "") + ")";
    item.width = Math.min(1.5 + 2.2 * (count - 1), 14);
    item.dashes = state.firm ? false : [7, 5];
    var weak = count < 2 && !state.conflicts.length;
    item.color = { color: colour, highlight: colour, hover: colour, opacity: weak ? 0.45 : 0.9 };
    item.font = {
      size: weak ? 8 : Math.min(10 + 3 * count, 26),
      color: state.conflicts.length ? "#b71c1c" : "#333333",
      align: "horizontal",
      vadjust: edge.shift || 0
    };
    if (edge.threshold) item.scaling = { label: { drawThreshold: edge.threshold } };
    item.title = relationTip(edge, state);
    return item;
  }

  function mapNodeItem(node) {
    var item = Object.assign({}, node.vis);
    item.id = node.id;
    item.title = tipElement(node.tip);
    return item;
  }

  /* ------------------------------------------------------------ the claim level */

  var graphNodeById = {};
  var graphEdgeById = {};
  var claimNeighbours = {};
  data.graph.nodes.forEach(function (node) { graphNodeById[node.id] = node; });
  data.graph.edges.forEach(function (edge, index) {
    edge.id = edge.id || "e" + index;
    graphEdgeById[edge.id] = edge;
    [[edge.from, edge.to], [edge.to, edge.from]].forEach(function (ends) {
      var other = graphNodeById[ends[1]];
      if (other && other.kind === "claim" && graphNodeById[ends[0]] && graphNodeById[ends[0]].kind !== "claim") {
        (claimNeighbours[ends[0]] = claimNeighbours[ends[0]] || []).push(ends[1].slice(6));
      }
    });
  });
  function graphNodeHidden(node) {
    if (node.kind === "claim") return !active[node.id.slice(6)];
    var around = claimNeighbours[node.id];
    if (!around || node.id === data.focus) return false;
    return !around.some(function (id) { return active[id]; });
  }

  /* ------------------------------------------------------------ the network */

  var levels = {
    map: {
      physics: data.map.physics,
      build: function () {
        return {
          nodes: new vis.DataSet(data.map.nodes.map(mapNodeItem)),
          edges: new vis.DataSet(data.map.edges.map(mapEdgeItem))
        };
      },
      refresh: function (sets, fresh) {
        if (!fresh) sets.edges.update(data.map.edges.map(mapEdgeItem));
        var seen = {};
        sets.edges.get({ filter: function (e) { return !e.hidden && !/^isa:/.test(e.id); } })
          .forEach(function (e) { seen[e.from] = true; seen[e.to] = true; });
        sets.nodes.update(data.map.nodes.map(function (node) {
          return { id: node.id, hidden: !seen[node.id] && node.id !== data.focus };
        }));
        sets.edges.update(data.map.edges.filter(function (e) { return e.predicate === "broader"; })
          .map(function (e) { return { id: e.id, hidden: !seen[e.from] || !seen[e.to] }; }));
      }
    },
    claims: {
      physics: data.graph.physics,
      build: function () {
        return {
          nodes: new vis.DataSet(data.graph.nodes.map(function (node) {
            var item = Object.assign({}, node.vis);
            item.id = node.id;
            item.title = tipElement(node.tip);
            item.hidden = graphNodeHidden(node);
            return item;
          })),
          edges: new vis.DataSet(data.graph.edges.map(function (edge) {
            var item = Object.assign({}, edge.vis);
            item.id = edge.id;
            item.from = edge.from;
            item.to = edge.to;
            item.title = tipElement(edge.tip);
            return item;
          }))
        };
      },
      refresh: function (sets) {
        sets.nodes.update(data.graph.nodes.map(function (node) {
          return { id: node.id, hidden: graphNodeHidden(node) };
        }));
      }
    }
  };

  function options(physics, count) {
    var large = count > 1000;
    return {
      autoResize: true,
      nodes: {
        font: { size: 13, color: "#1d1d1f", strokeWidth: 4, strokeColor: "#ffffff" },
        scaling: { label: { drawThreshold: 6 } }
      },
      edges: {
        arrows: { to: { enabled: true, scaleFactor: 0.45 } },
        arrowStrikethrough: false,
        color: { color: "#b5b5b5", highlight: "#424242", hover: "#616161" },
        font: { size: 9, color: "#616161", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
        scaling: { label: { drawThreshold: EDGE_THRESHOLD } },
        selectionWidth: 2,
        smooth: physics ? { enabled: true, type: "continuous" } : { enabled: false }
      },
      interaction: {
        hover: true,
        tooltipDelay: 120,
        hideEdgesOnDrag: large,
        hideEdgesOnZoom: large,
        keyboard: { enabled: true, bindToWindow: false },
        multiselect: true
      },
      physics: physics ? {
        enabled: true,
        solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -120, springLength: 150, avoidOverlap: 0.8 },
        stabilization: { enabled: true, iterations: 600, fit: true }
      } : { enabled: false },
      layout: { randomSeed: 7, improvedLayout: count <= 150 }
    };
  }

  var container = document.getElementById("bg-network");
  var network = new vis.Network(container, {}, options(false, 0));
  var api = {
    level: null,
    ready: false,
    readyAt: null,
    network: network,
    nodeData: null,
    edgeData: null,
    nodes: 0,
    edges: 0,
    focus: data.focus,
    active: active,
    claims: claims,
    findings: findings
  };
  window.bluntgraph = api;
  var built = {};
  var settled = false;

  network.on("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    if (api.level === "map" && data.focus && mapNodeById[data.focus] && !/^#rel=/.test(window.location.hash || "")) {
      // the page opens with the focus's panel beside the graph: the graph fills what is left
      details.hidden = false;
      network.setSize("100%", "100%");
    }
    separateLabels();
    settled = true;
    openingView();
  });

  /* The physics keeps dots apart, not their names: two nodes side by side wrote
     their labels on top of each other. Once the layout has settled, every shown
     node's footprint (its dot and its label, as vis measures them, with a margin)
     is pushed apart from any footprint it overlaps, along the axis that needs the
     smaller move, until none overlap: the layout keeps its shape, and every name
     can be read. */
  var LABEL_MARGIN = 8;
  function separateLabels() {
    var started = performance.now();
    try {
      placeLabels();
    } finally {
      api.labelsMs = performance.now() - started;
    }
  }
  function placeLabels() {
    textSizes = {};
    network.redraw();  // vis measures each label as it draws it
    var positions = network.getPositions();
    var context = container.querySelector("canvas").getContext("2d");
    var boxes = [];
    api.nodeData.get({ filter: function (n) { return !n.hidden; } }).forEach(function (node) {
      var at = positions[node.id];
      if (!at) return;
      // the dot and the name as drawn (vis's own bounding box stops short of the name)
      var shape = network.body.nodes[node.id];
      var radius = (shape.shape && shape.shape.radius) || node.size || 10;
      var box = { left: at.x - radius, right: at.x + radius, top: at.y - radius, bottom: at.y + radius };
      // measured here, not as last drawn: a name too small to draw at the current zoom has
      // no size yet (vis draws it under the dot: its top half its font size and 4 below)
      var label = null;
      if (node.label && shape.labelModule) {
        var text = shape.labelModule.getTextSize(context, false, false);
        label = { left: at.x - text.width / 2, width: text.width, height: text.height,
                  top: at.y + radius + shape.labelModule.fontOptions.size / 2 + 4 };
      }
      if (label && label.width > 0) {
        box.left = Math.min(box.left, label.left);
        box.right = Math.max(box.right, label.left + label.width);
        box.top = Math.min(box.top, label.top);
        box.bottom = Math.max(box.bottom, label.top + label.height);
      }
      boxes.push({
        id: node.id,
        x: at.x,
        y: at.y,
        radius: radius,
        label: label && label.width > 0 ? { left: label.left - at.x, right: label.left + label.width - at.x,
                                                          top: label.top - at.y, bottom: label.top + label.height - at.y } : null,
        left: box.left - at.x - LABEL_MARGIN / 2,
        right: box.right - at.x + LABEL_MARGIN / 2,
        top: box.top - at.y - LABEL_MARGIN / 2,
        bottom: box.bottom - at.y + LABEL_MARGIN / 2
      });
    });
    if (!boxes.length) return;
    fillView(boxes);
    var cx = 0, cy = 0;
    boxes.forEach(function (box) { cx += box.x / boxes.length; cy += box.y / boxes.length; });
    var smallest = Infinity;
    api.nodeData.get({ filter: function (n) { return !n.hidden && n.label; } }).forEach(function (n) {
      smallest = Math.min(smallest, (n.font && n.font.size) || 13);
    });
    var bends = [], taken = [];
    // where relations' names that show at the opening zoom still fall on other names, the
    // layout is spread a little (names keep their size, so they get more room) and the
    // names placed again, as long as the smallest entity name stays readable (8 px)
    var nudged = false, fewest = Infinity;
    for (var attempt = 0; attempt < 8; attempt++) {
      if (attempt && !nudged) {
        var wider = boxes.map(function (box) { return { x: cx + 1.2 * (box.x - cx), y: cy + 1.2 * (box.y - cy) }; });
        if (smallest * fitScale(boxes, wider) < 8) break;
        boxes.forEach(function (box, i) { box.x = wider[i].x; box.y = wider[i].y; });
      }
      pushApart(boxes);
      // straight into vis's nodes: moveNode would queue a redraw per node, hundreds of
      // full redraws after the page is shown
      boxes.forEach(function (box) {
        var node = network.body.nodes[box.id];
        node.x = box.x;
        node.y = box.y;
      });
      var placed = separateEdgeLabels(boxes, openingScale(boxes), false);
      if (!placed.crowded.length) break;
      // an entity whose name a relation's name still falls on steps out of its way first
      // (on a big map only while that helps: each try places every name again)
      nudged = (boxes.length <= 60 || placed.crowded.length < fewest) && nudgeAway(boxes, placed.crowded);
      fewest = Math.min(fewest, placed.crowded.length);
    }
    // the names placed again where the layout is now, this time also out of other arrows'
    // way (a costly check, made last); a name that would still wait for the zoom has the
    // entities it touches step out of its way, and the names are placed again, while that
    // makes fewer (or less important) names wait
    var best = null;
    for (var last = 0; last < 3; last++) {
      pushApart(boxes);
      boxes.forEach(function (box) {
        var node = network.body.nodes[box.id];
        node.x = box.x;
        node.y = box.y;
      });
      placed = separateEdgeLabels(boxes, openingScale(boxes), true);
      if (best && placed.waiting >= best.placed.waiting) break;
      best = { placed: placed, at: boxes.map(function (box) { return { x: box.x, y: box.y }; }) };
      if (!placed.waiting || !nudgeAway(boxes, placed.waits)) break;
    }
    if (best.placed !== placed) {
      boxes.forEach(function (box, i) {
        box.x = best.at[i].x;
        box.y = best.at[i].y;
        var node = network.body.nodes[box.id];
        node.x = box.x;
        node.y = box.y;
      });
      placed = best.placed;
    }
    bends = placed.changes;
    taken = placed.taken;
    bends.forEach(function (change) {
      var mapEdge = mapEdgeById[change.id];
      if (mapEdge && api.level === "map") {  // kept when a filter redraws the map
        if (change.smooth) mapEdge.bend = change.smooth;
        mapEdge.shift = change.vadjust;
        mapEdge.threshold = change.threshold;
        mapEdge.later = change.later;
      }
      delete change.vadjust;
      delete change.threshold;
      delete change.later;
    });
    if (bends.length) api.edgeData.update(bends);
    liftCrossedNames(boxes, taken);
    laidOut = { boxes: boxes, names: taken };
  }

  /* An entity's name is drawn under its dot, so an arrow coming in from below (or
     passing by) went through it. Where an arrow crosses a name and the same place just
     above the dot is crossed by none and on no other name or dot, the name goes there. */
  function liftCrossedNames(boxes, taken) {
    var placedNames = taken.length > 0;
    // the named arrows where their names were placed (vis bends an arrow only as it next
    // draws it), the others as vis has them
    var arrows = taken.map(function (box) { return box.path; });
    api.edgeData.get({ filter: function (e) { return !e.hidden && (!e.label || !placedNames); } }).forEach(function (item) {
      var edge = network.body.edges[item.id];
      if (!edge || !edge.edgeType || !edge.from || !edge.to || edge.fromId === edge.toId) return;
      // from dot to dot: vis's ends (the arrowhead's base) are where it last drew them,
      // before the dots moved
      edge.edgeType.fromPoint = edge.edgeType.from;
      edge.edgeType.toPoint = edge.edgeType.to;
      var points = [];
      for (var i = 0; i <= 32; i++) points.push(edge.edgeType.getPoint(i / 32));
      arrows.push(points);
    });
    function crossed(box) {
      // (a little wider: an arrow just grazing a name counts, as its line has a width)
      var inner = { left: box.left - 2, right: box.right + 2, top: box.top - 2, bottom: box.bottom + 2 };
      return arrows.some(function (points) {
        for (var i = 1; i < points.length; i++) if (segmentCrosses(points[i - 1], points[i], inner)) return true;
        return false;
      });
    }
    var gap = LABEL_MARGIN / 4;
    function grown(b) { return { left: b.left - gap, right: b.right + gap, top: b.top - gap, bottom: b.bottom + gap }; }
    // what each entity takes: its dot, its name where it is drawn
    var footprints = boxes.map(function (box) {
      var dot = { left: box.x - box.radius, right: box.x + box.radius, top: box.y - box.radius, bottom: box.y + box.radius };
      var name = box.label && { left: box.x + box.label.left, right: box.x + box.label.right,
                                top: box.y + box.label.top, bottom: box.y + box.label.bottom };
      return { dot: dot, name: name };
    });
    // a name lifted makes room below its dot: a second round may lift one it stood in the way of
    var names = taken.map(function (b) {  // the relations' names without their margins
      var m = LABEL_MARGIN / 2;
      return { left: b.left + m, right: b.right - m, top: b.top + m, bottom: b.bottom - m };
    });
    var lift = boxes.map(function () { return 0; });
    for (var round = 0; round < 2; round++) {
      boxes.forEach(function (box, index) {
        var name = footprints[index].name;
        if (!name || lift[index] || !crossed(name)) return;
        var height = name.bottom - name.top;
        var bottom = box.y - box.radius - (name.top - (box.y + box.radius));
        var above = { left: name.left, right: name.right, top: bottom - height, bottom: bottom };
        var wide = grown(above);
        var free = !crossed(above) && !names.some(function (other) { return overlapArea(wide, other) > 0; }) &&
          !footprints.some(function (other, k) {
            return k !== index && (overlapArea(wide, other.dot) > 0 || (other.name && overlapArea(wide, other.name) > 0));
          });
        if (free) {
          lift[index] = above.top - name.top;
          footprints[index].name = above;
          box.top = Math.min(box.top, above.top - box.y - LABEL_MARGIN / 2);
        }
      });
    }
    var lifts = [];
    boxes.forEach(function (box, index) {
      var shape = network.body.nodes[box.id];
      var before = (shape && shape.options.font && shape.options.font.vadjust) || 0;
      if (lift[index] !== before) {
        lifts.push({ id: box.id, font: Object.assign({}, api.nodeData.get(box.id).font, { vadjust: lift[index] }) });
      }
    });
    api.lifted = lifts.filter(function (change) { return change.font.vadjust; }).length;
    if (lifts.length) api.nodeData.update(lifts);
  }

  /* Whether the segment p-q passes through the box (Liang-Barsky clipping). */
  function segmentCrosses(p, q, box) {
    if (Math.max(p.x, q.x) <= box.left || Math.min(p.x, q.x) >= box.right ||
        Math.max(p.y, q.y) <= box.top || Math.min(p.y, q.y) >= box.bottom) return false;
    var low = 0, high = 1, dx = q.x - p.x, dy = q.y - p.y, t;
    // (each edge of the box: a parallel segment outside it is ruled out by the test above)
    if (dx !== 0) {
      t = (box.left - p.x) / dx;
      if (dx > 0) low = Math.max(low, t); else high = Math.min(high, t);
      t = (box.right - p.x) / dx;
      if (dx > 0) high = Math.min(high, t); else low = Math.max(low, t);
    }
    if (dy !== 0) {
      t = (box.top - p.y) / dy;
      if (dy > 0) low = Math.max(low, t); else high = Math.min(high, t);
      t = (box.bottom - p.y) / dy;
      if (dy > 0) high = Math.min(high, t); else low = Math.max(low, t);
    }
    return low < high;
  }

  /* The box the footprints take (at ``at`` positions if given). */
  function extent(boxes, at) {
    var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    boxes.forEach(function (box, i) {
      var x = at ? at[i].x : box.x, y = at ? at[i].y : box.y;
      left = Math.min(left, x + box.left); right = Math.max(right, x + box.right);
      top = Math.min(top, y + box.top); bottom = Math.max(bottom, y + box.bottom);
    });
    return { left: left, right: right, top: top, bottom: bottom,
             width: Math.max(right - left, 1), height: Math.max(bottom - top, 1) };
  }

  /* The scale that fits these footprints (at ``at`` positions if given) into the view, with
     a small margin; ``uncapped``: also above 1. */
  var FIT = 0.95;
  function fitScale(boxes, at, uncapped) {
    var e = extent(boxes, at);
    var scale = FIT * Math.min(container.clientWidth / e.width, container.clientHeight / e.height);
    return uncapped ? scale : Math.min(1, scale);
  }

  /* The entities the opening view shows: all, or on a big map the ones most claims are about. */
  var MAIN_ENTITIES = 30;
  function openingSet(boxes) {
    if (api.level !== "map" || data.map.nodes.length <= 2 * MAIN_ENTITIES) return boxes;
    var size = {};
    api.nodeData.get({ filter: function (n) { return !n.hidden; } }).forEach(function (n) { size[n.id] = n.size || 0; });
    var main = boxes.slice().sort(function (a, b) { return size[b.id] - size[a.id] || (a.id < b.id ? -1 : 1); });
    return main.slice(0, MAIN_ENTITIES);
  }

  /* The scale of the opening view (see openingView). */
  function openingScale(boxes) {
    return fitScale(openingSet(boxes));
  }

  /* The layout physics leaves is about round, a window wider than tall (or, in a narrow
     frame, taller than wide): the positions are stretched along the window's longer side
     until what the opening view shows has the window's shape (at most twice as long), and
     a graph that would still show smaller than its natural size is spread until it fills
     the window (at most 1.5 times). Names keep their size: they get the room. */
  var MOST_STRETCH = 2, MOST_SPREAD = 1.5;
  function fillView(boxes) {
    var width = container.clientWidth, height = container.clientHeight;
    if (!width || !height) return;
    var shown = openingSet(boxes);
    var cx = 0, cy = 0;
    shown.forEach(function (box) { cx += box.x / shown.length; cy += box.y / shown.length; });
    function scaleBy(sx, sy) {
      boxes.forEach(function (box) { box.x = cx + sx * (box.x - cx); box.y = cy + sy * (box.y - cy); });
    }
    var sx = 1, sy = 1;
    for (var round = 0; round < 4; round++) {  // (names do not stretch: a few rounds to settle)
      var e = extent(shown), want = (width / height) / (e.width / e.height);
      var x = want > 1 ? Math.min(want, MOST_STRETCH / sx) : 1;
      var y = want < 1 ? Math.min(1 / want, MOST_STRETCH / sy) : 1;
      if (x < 1.01 && y < 1.01) break;
      scaleBy(x, y);
      sx *= x;
      sy *= y;
    }
    var grow = 1;
    for (round = 0; round < 4; round++) {
      var more = Math.min(fitScale(shown, null, true), MOST_SPREAD / grow);
      if (more < 1.01) break;
      scaleBy(more, more);
      grow *= more;
    }
  }

  function nudgeAway(boxes, crowded) {
    var moved = false;
    crowded.forEach(function (label) {
      boxes.forEach(function (box) {
        var left = box.x + box.left, right = box.x + box.right;
        var top = box.y + box.top, bottom = box.y + box.bottom;
        var dx = Math.min(label.right, right) - Math.max(label.left, left);
        var dy = Math.min(label.bottom, bottom) - Math.max(label.top, top);
        if (dx <= 0 || dy <= 0) return;
        moved = true;
        if (dy <= dx) box.y += (top + bottom <= label.top + label.bottom ? -1 : 1) * (dy + 2);
        else box.x += (left + right <= label.left + label.right ? -1 : 1) * (dx + 2);
      });
    });
    return moved;
  }

  function pushApart(boxes) {
    for (var round = 0; round < 400; round++) {
      boxes.sort(function (a, b) { return a.x + a.left - (b.x + b.left) || (a.id < b.id ? -1 : 1); });
      var overlapping = false;
      for (var i = 0; i < boxes.length; i++) {
        var a = boxes[i];
        for (var j = i + 1; j < boxes.length; j++) {
          var b = boxes[j];
          if (b.x + b.left >= a.x + a.right) break;  // sorted by left edge: no later box overlaps a
          var dx = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left);
          var dy = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top);
          if (dx <= 0 || dy <= 0) continue;
          overlapping = true;
          if (dx < dy) {
            var sx = (a.x + (a.left + a.right) / 2 <= b.x + (b.left + b.right) / 2) ? 1 : -1;
            a.x -= sx * (dx / 2 + 0.5);
            b.x += sx * (dx / 2 + 0.5);
          } else {
            var sy = (a.y + (a.top + a.bottom) / 2 <= b.y + (b.top + b.bottom) / 2) ? 1 : -1;
            a.y -= sy * (dy / 2 + 0.5);
            b.y += sy * (dy / 2 + 0.5);
          }
        }
      }
      if (!overlapping) return;
    }
  }

  /* A relation's name is drawn at the middle of its arrow, so two arrows leaving
     one node side by side wrote their names on top of each other (or on a node's
     name). Each arrow with a name, the most important first (conflicts, then the
     most sources), takes the first place that puts its name on no name or dot
     already placed (else the one on the fewest): on its arrow as it is, or just
     above or below that point (still touching the arrow: beside a flat arrow, along
     a steep one), then the same with the arrow's curve bent a little, then a little
     more, to either side. */
  var BENDS = [null, 0.15, -0.15, 0.3, -0.3, 0.45, -0.45, 0.6, -0.6, 0.75, -0.75, 0.9, -0.9];
  // in steps of half the name's height plus a little: on the point, then above and below it,
  // further only while the name still touches its arrow (along a steep one)
  var SHIFTS = [0, -1, 1, -2, 2, -3, 3];
  var PLACES = [];
  BENDS.forEach(function (bend) {
    SHIFTS.forEach(function (shift) { PLACES.push({ bend: bend, shift: shift }); });
  });
  var EDGE_LABEL_LIMIT = 600;
  function overlapArea(a, b) {
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0 && h > 0 ? w * h : 0;
  }
  /* Where vis draws the name of ``edge`` bent by ``bend`` (null: as it is; > 0 its
     curvedCW, < 0 its curvedCCW, with roundness |bend|): the middle of the curve from
     the start's centre to the base of the arrowhead before the end's dot. */
  function labelMiddle(edge, bend) {
    var a = edge.from, b = edge.to, smooth = edge.options.smooth;
    var via;
    if (bend !== null) {
      var f = Math.abs(bend), ox = b.x - a.x, oy = a.y - b.y;
      var length = Math.sqrt(ox * ox + oy * oy);
      var angle = (Math.atan2(oy, ox) + ((bend > 0 ? 0.5 : -0.5) * f + 0.5) * Math.PI) % (2 * Math.PI);
      via = { x: a.x + (0.5 * f + 0.5) * length * Math.sin(angle), y: a.y + (0.5 * f + 0.5) * length * Math.cos(angle) };
    } else if (smooth && smooth.enabled && edge.edgeType._getViaCoordinates) {
      via = edge.edgeType._getViaCoordinates();
    }
    var end = b;
    var arrow = edge.options.arrows && edge.options.arrows.to;
    if (arrow && arrow.enabled) {
      var from = via && via.x !== undefined ? via : a;
      var ux = b.x - from.x, uy = b.y - from.y, d = Math.sqrt(ux * ux + uy * uy) || 1;
      var back = ((b.shape && b.shape.radius) || 0) + (b.options.borderWidth || 1)
        + 0.9 * (arrow.scaleFactor || 1) * (10 + 5 * (edge.options.width || 1));
      end = { x: b.x - ux / d * back, y: b.y - uy / d * back };
    }
    // (dx, dy): the curve's direction there (a quadratic curve's at its middle is its chord's)
    var dx = end.x - a.x, dy = end.y - a.y;
    var path = [];  // the curve itself, on to the end's dot (the arrowhead)
    var bent = via && via.x !== undefined;
    for (var i = 0; i <= 10; i++) {
      var t = i / 10;
      path.push(bent ? { x: (1 - t) * (1 - t) * a.x + 2 * t * (1 - t) * via.x + t * t * end.x,
                         y: (1 - t) * (1 - t) * a.y + 2 * t * (1 - t) * via.y + t * t * end.y }
                     : { x: a.x + t * (end.x - a.x), y: a.y + t * (end.y - a.y) });
    }
    path.push({ x: b.x, y: b.y });
    if (!bent) return { x: (a.x + end.x) / 2, y: (a.y + end.y) / 2, dx: dx, dy: dy, path: path };
    return { x: 0.25 * a.x + 0.5 * via.x + 0.25 * end.x, y: 0.25 * a.y + 0.5 * via.y + 0.25 * end.y, dx: dx, dy: dy, path: path };
  }

  /* What lies near a box: entries kept in square cells of the canvas, each entry in
     every cell its box touches. */
  var CELL = 80, visits = 0;
  function Grid() { this.cells = {}; }
  Grid.prototype.add = function (entry, box) {
    for (var gx = Math.floor(box.left / CELL); gx <= Math.floor(box.right / CELL); gx++) {
      for (var gy = Math.floor(box.top / CELL); gy <= Math.floor(box.bottom / CELL); gy++) {
        var key = gx * 65536 + gy;
        (this.cells[key] || (this.cells[key] = [])).push(entry);
      }
    }
  };
  Grid.prototype.near = function (box, visit) {  // each entry in a cell ``box`` touches, once
    var stamp = ++visits;
    for (var gx = Math.floor(box.left / CELL); gx <= Math.floor(box.right / CELL); gx++) {
      for (var gy = Math.floor(box.top / CELL); gy <= Math.floor(box.bottom / CELL); gy++) {
        var list = this.cells[gx * 65536 + gy];
        if (!list) continue;
        for (var i = 0; i < list.length; i++) {
          if (list[i].stamp === stamp) continue;
          list[i].stamp = stamp;
          visit(list[i]);
        }
      }
    }
  };

  var textSizes = {};
  function shrunk(box) {  // a placed name's or dot's box, with 1 of its margin left
    var m = LABEL_MARGIN / 2 - 1;
    return { left: box.left + m, right: box.right - m, top: box.top + m, bottom: box.bottom - m };
  }
  function separateEdgeLabels(nodeBoxes, scale, crossed) {
    var fixed = nodeBoxes.map(function (b) {
      return { left: b.x + b.left, right: b.x + b.right, top: b.y + b.top, bottom: b.y + b.bottom };
    });
    var items = api.edgeData.get({ filter: function (e) { return !e.hidden && e.label; } });
    if (!items.length || items.length > EDGE_LABEL_LIMIT || !network.body) return { changes: [], crowded: [], taken: [], waiting: 0, waits: [] };
    var context = container.querySelector("canvas").getContext("2d");
    function weight(e) { return (e.color && e.color.color === RED ? 1000 : 0) + (e.width || 1); }
    items.sort(function (a, b) { return weight(b) - weight(a) || (a.id < b.id ? -1 : 1); });
    var labels = [];
    items.forEach(function (item) {
      var edge = network.body.edges[item.id];
      if (!edge || !edge.labelModule || !edge.edgeType || !edge.from || !edge.to || edge.fromId === edge.toId) return;
      var size = textSizes[item.id] || (textSizes[item.id] = edge.labelModule.getTextSize(context, false, false));
      var halfW = size.width / 2 + LABEL_MARGIN / 2;
      var halfH = size.height / 2 + LABEL_MARGIN / 2;
      // where its name goes in each place: vis draws it at the middle of the curve,
      // moved by its font's vadjust
      var middles = BENDS.map(function (bend) { return labelMiddle(edge, bend); });
      var step = size.height / 2 + 3;
      var boxes = PLACES.map(function (place, k) {
        var at = middles[Math.floor(k / SHIFTS.length)];
        var move = place.shift * step, y = at.y + move;
        // how far the name moved off its arrow's line, against how far its text reaches
        // across that line
        var length = Math.sqrt(at.dx * at.dx + at.dy * at.dy) || 1;
        var off = Math.abs(move * at.dx) / length;
        var reach = (size.width / 2 * Math.abs(at.dy) + size.height / 2 * Math.abs(at.dx)) / length;
        return { left: at.x - halfW, right: at.x + halfW, top: y - halfH, bottom: y + halfH,
                 vadjust: move, detached: off > reach + 3, path: at.path };
      });
      // (shown: drawn at the opening zoom, which ``scale`` only estimates)
      var font = (item.font && item.font.size) || 9;
      labels.push({ id: item.id, boxes: boxes, choice: -1, weight: weight(item), shown: 1.15 * font * scale >= EDGE_THRESHOLD, font: item.font || {},
                    threshold: item.scaling && item.scaling.label && item.scaling.label.drawThreshold });
    });
    // a name another arrow runs through reads as that arrow's: an arrow crossing a name (or
    // the name's own arrow, bent, crossing a name placed) costs as much as a small overlap.
    // Dots, names and arrows are kept in grids of cells, so that each place is checked
    // only against what is near it, on a big map too.
    var CROSSING = 150;
    var many = labels.length > 300;  // then only the places on the middle and just beside it
    // (on a big map only the names shown at the opening zoom avoid arrows: the others are
    // small, and seen only once one zooms in)
    var fewNames = labels.length <= 80;
    var fixedNear = new Grid(), namesNear = new Grid(), arrowsNear = new Grid();
    fixed.forEach(function (box) { fixedNear.add({ box: box }, box); });
    var arrowVersion = {};
    function setArrow(id, path) {  // where the arrow ``id`` now runs
      var version = (arrowVersion[id] || 0) + 1;
      arrowVersion[id] = version;
      for (var i = 1; i < path.length; i++) {
        var p = path[i - 1], q = path[i];
        arrowsNear.add({ id: id, version: version, p: p, q: q },
          { left: Math.min(p.x, q.x), right: Math.max(p.x, q.x), top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y) });
      }
    }
    api.edgeData.get({ filter: function (e) { return !e.hidden && !e.label; } }).forEach(function (item) {
      var edge = network.body.edges[item.id];
      if (!edge || !edge.edgeType || !edge.from || !edge.to || edge.fromId === edge.toId) return;
      edge.edgeType.fromPoint = edge.edgeType.from;
      edge.edgeType.toPoint = edge.edgeType.to;
      var path = [];
      for (var i = 0; i <= 10; i++) path.push(edge.edgeType.getPoint(i / 10));
      setArrow(item.id, path);
    });
    // the named arrows as they are, until their names are placed
    labels.forEach(function (label) { setArrow(label.id, label.boxes[0].path); });
    function place(label, choice) {
      var before = label.choice >= 0 ? label.boxes[label.choice] : label.boxes[0];
      label.choice = choice;
      var box = label.boxes[choice];
      label.version = (label.version || 0) + 1;
      namesNear.add({ label: label, version: label.version, box: box }, box);
      if (box.path !== before.path) setArrow(label.id, box.path);
    }
    function text(box) {
      var m = LABEL_MARGIN / 2 + 1;
      return { left: box.left + m, right: box.right - m, top: box.top + m, bottom: box.bottom - m };
    }
    // the arrows through the text of ``box`` (counted up to ``enough`` of them)
    var arrowSeen = {}, marks = 0;
    function arrowsThrough(label, box, enough) {
      var own = text(box), n = 0, mark = ++marks;
      var x1 = Math.floor(own.right / CELL), y0 = Math.floor(own.top / CELL), y1 = Math.floor(own.bottom / CELL);
      for (var gx = Math.floor(own.left / CELL); gx <= x1; gx++) {
        for (var gy = y0; gy <= y1; gy++) {
          var list = arrowsNear.cells[gx * 65536 + gy];
          if (!list) continue;
          for (var i = 0; i < list.length; i++) {
            var entry = list[i];
            if (entry.id === label.id || arrowSeen[entry.id] === mark || entry.version !== arrowVersion[entry.id]) continue;
            if (segmentCrosses(entry.p, entry.q, own)) {
              arrowSeen[entry.id] = mark;
              if (++n >= enough) return n;
            }
          }
        }
      }
      return n;
    }
    // the names placed that ``path`` runs through
    function namesOn(label, path) {
      var n = 0, seen = {};
      function check(p, q) {
        namesNear.near({ left: Math.min(p.x, q.x), right: Math.max(p.x, q.x), top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y) },
          function (entry) {
            var other = entry.label;
            if (other === label || seen[other.id] || entry.version !== other.version) return;
            if (segmentCrosses(p, q, text(entry.box))) { seen[other.id] = true; n++; }
          });
      }
      for (var i = 1; i < path.length; i++) check(path[i - 1], path[i]);
      return n;
    }
    // what the crossings of the name at place ``k`` cost (``paths``: the names each bend's
    // path runs through, counted once per bend; ``limit``: a cost past which the count may stop)
    function crossings(label, k, paths, limit) {
      if (!crossed || (!label.shown && !fewNames)) return 0;
      var box = label.boxes[k], bend = Math.floor(k / SHIFTS.length);
      if (paths[bend] === undefined) paths[bend] = namesOn(label, box.path);
      var enough = limit === undefined ? Infinity : Math.ceil(limit / CROSSING) - paths[bend];
      return (paths[bend] + (enough > 0 ? arrowsThrough(label, box, enough) : 0)) * CROSSING;
    }
    // the area ``box`` shares with the names and dots already placed; ``tight``: with half
    // the margins (a name close to another, but not touching it, costs nothing)
    function cost(label, box, tight) {
      var m = tight ? 2 * (LABEL_MARGIN / 4) : 0, total = 0;
      // (both boxes shrunk by m / 2: the shared area shrinks by m each way)
      function add(o) {
        var w = Math.min(box.right, o.right) - Math.max(box.left, o.left) - m;
        if (w <= 0) return;
        var h = Math.min(box.bottom, o.bottom) - Math.max(box.top, o.top) - m;
        if (h > 0) total += w * h;
      }
      fixedNear.near(box, function (entry) { add(entry.box); });
      namesNear.near(box, function (entry) {
        if (entry.label !== label && entry.version === entry.label.version) add(entry.box);
      });
      return total;
    }
    function choose(label) {
      var best = -1, bestCost = Infinity, k, c, paths = [];
      for (k = 0; k < PLACES.length && bestCost > 0; k++) {
        if (label.boxes[k].detached || (many && k % SHIFTS.length > 2)) continue;
        c = cost(label, label.boxes[k]);
        if (c < bestCost) c += crossings(label, k, paths, bestCost - c);
        if (c < bestCost) { best = k; bestCost = c; }
      }
      if (bestCost > 0 && label.shown) {  // no free place: one at least not on another name, if any
        var bestScore = Infinity;
        for (k = 0; k < PLACES.length; k++) {
          if (label.boxes[k].detached || (many && k % SHIFTS.length > 2)) continue;
          var score = 1e6 * cost(label, label.boxes[k], true);
          if (score >= bestScore) continue;
          score += cost(label, label.boxes[k]);
          if (score < bestScore) score += crossings(label, k, paths, bestScore - score);
          if (score < bestScore) { best = k; bestScore = score; }
        }
      }
      if (best !== label.choice) place(label, best);
      return bestCost;
    }
    function costHere(label) {
      return cost(label, label.boxes[label.choice]) + crossings(label, label.choice, []);
    }
    labels.forEach(choose);  // the most important first: they get the free places
    for (var round = 0; round < 6; round++) {  // then the ones still on another name (or, the
      var still = labels.filter(function (label) {  // first two rounds, crossed) look again
        if (many && !label.shown) return false;  // (on a big map only the names shown at once)
        return round < 2 ? costHere(label) > 0 : cost(label, label.boxes[label.choice]) > 0;
      });
      if (!still.length) break;
      still.forEach(choose);
    }
    var crowded = labels.filter(function (label) {  // a name too small to show yet is no crowd
      return label.shown && cost(label, label.boxes[label.choice]) > 0;
    }).map(function (label) { return label.boxes[label.choice]; });
    // a name shown at the opening zoom that still touches another name shown there (the
    // least important first) waits until one zooms in half as far again
    var drawn = labels.filter(function (label) { return label.shown; });
    for (var i = drawn.length - 1; i >= 0; i--) {
      var box = drawn[i].boxes[drawn[i].choice], touching = false;
      for (var k = 0; k < fixed.length && !touching; k++) touching = overlapArea(shrunk(box), shrunk(fixed[k])) > 0;
      for (k = 0; k < drawn.length && !touching; k++) {
        if (k !== i && !drawn[k].later) touching = overlapArea(shrunk(box), shrunk(drawn[k].boxes[drawn[k].choice])) > 0;
      }
      drawn[i].later = touching;
    }
    var changes = [];
    labels.forEach(function (label) {
      var place = PLACES[label.choice], box = label.boxes[label.choice];
      var change = { id: label.id, vadjust: box.vadjust, font: Object.assign({}, label.font, { vadjust: box.vadjust }) };
      if (place.bend !== null) {
        change.smooth = { enabled: true, type: place.bend > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(place.bend) };
      }
      change.later = label.later;
      change.threshold = label.later ? Math.ceil(1.5 * scale * ((label.font && label.font.size) || 9)) + 1 : 0;
      if (change.threshold || label.threshold) change.scaling = { label: { drawThreshold: change.threshold || EDGE_THRESHOLD } };
      if (place.bend !== null || box.vadjust || label.font.vadjust || change.scaling) changes.push(change);
    });
    var taken = labels.map(function (label) {
      return Object.assign({ id: label.id, shown: label.shown && !label.later }, label.boxes[label.choice]);
    });
    // how much waits: the names waiting, the most important counting most
    var waiting = 0, waits = [];
    drawn.forEach(function (label) {
      if (!label.later) return;
      waiting += label.weight;
      waits.push(label.boxes[label.choice]);
    });
    return { changes: changes, crowded: crowded, taken: taken, waiting: waiting, waits: waits };
  }

  /* The opening view: the whole graph, or on a big map the part around the
     entities most claims are about, so that their names can be read at once
     (the rest is a scroll of the wheel away). On the map, fitted to the dots and
     names as placed (and the names of arrows between them), not to vis's boxes. */
  var laidOut = null;  // the entities' footprints and the relations' names, as placed
  function openingView() {
    viewMoved = false;
    if (api.level === "map" && laidOut && container.clientWidth && container.clientHeight) {
      var shown = openingSet(laidOut.boxes), ids = {};
      shown.forEach(function (box) { ids[box.id] = true; });
      var footprints = shown.slice();
      laidOut.names.forEach(function (name) {
        var edge = network.body.edges[name.id];
        if (edge && ids[edge.fromId] && ids[edge.toId] && name.shown) {
          footprints.push({ x: 0, y: 0, left: name.left, right: name.right, top: name.top, bottom: name.bottom });
        }
      });
      var e = extent(footprints);
      var scale = fitScale(footprints);
      network.moveTo({ position: { x: (e.left + e.right) / 2, y: (e.top + e.bottom) / 2 }, scale: scale, animation: false });
      waitAt(scale);
      return;
    }
    if (api.level !== "map" || data.map.nodes.length <= 2 * MAIN_ENTITIES) {
      network.fit({ animation: false });
      return;
    }
    var nodes = api.nodeData.get({ filter: function (n) { return !n.hidden; } });
    nodes.sort(function (a, b) { return b.size - a.size || (a.id < b.id ? -1 : 1); });
    network.fit({ nodes: nodes.slice(0, MAIN_ENTITIES).map(function (n) { return n.id; }), animation: false });
  }
  /* The names that wait for the zoom show once one zooms in half as far again as ``scale``. */
  function waitAt(scale) {
    var changes = [];
    data.map.edges.forEach(function (edge) {
      if (!edge.later) return;
      var item = api.edgeData.get(edge.id);
      var font = (item && item.font && item.font.size) || 9;
      var threshold = Math.ceil(1.5 * scale * font) + 1;
      if (threshold === edge.threshold) return;
      edge.threshold = threshold;
      if (item && !item.hidden) changes.push({ id: edge.id, scaling: { label: { drawThreshold: threshold } } });
    });
    if (changes.length) api.edgeData.update(changes);
  }
  /* A window made bigger or smaller shows the opening view again, fitted to it, unless
     one has moved or zoomed the graph since. */
  var viewMoved = false, resizing = null;
  network.on("zoom", function () { viewMoved = true; });
  network.on("dragEnd", function (event) { if (!event.nodes.length) viewMoved = true; });
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      if (!viewMoved && settled && api.level === "map" && details.hidden) openingView();
    }, 150);
  });
  network.on("afterDrawing", function () {
    if (!settled || api.ready) return;
    api.ready = true;
    if (api.readyAt === null) api.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
    document.body.setAttribute("data-level", api.level);
    var wanted = /^#rel=(.+)$/.exec(window.location.hash || "");
    if (wanted && api.level === "map") {
      showTableRow(decodeURIComponent(wanted[1]));
    } else if (data.focus && api.nodeData.get(data.focus)) {
      network.selectNodes([data.focus]);
      showNode(data.focus);
    }
  });

  function setLevel(name) {
    if (api.level === name) return;
    var level = levels[name];
    if (!built[name]) {
      built[name] = level.build();
      if (name === "map") level.refresh(built[name], true);
    } else {
      level.refresh(built[name]);
    }
    api.level = name;
    api.ready = false;
    settled = !level.physics;
    api.nodeData = built[name].nodes;
    api.edgeData = built[name].edges;
    api.nodes = built[name].nodes.length;
    api.edges = built[name].edges.length;
    details.hidden = true;
    network.setOptions(options(level.physics, built[name].nodes.length));
    network.setData({ nodes: built[name].nodes, edges: built[name].edges });
    if (!level.physics) openingView();
    ["map", "claims"].forEach(function (other) {
      document.getElementById("bg-level-" + other).setAttribute("aria-pressed", String(other === name));
    });
    drawLegend();
    showCount();
    input.value = "";
    status.textContent = "";
  }

  /* vis keeps a tooltip up after the pointer leaves the canvas, and may show a
     delayed one just after; hide both. */
  var pointerInside = false;
  function hideTooltips() {
    var tips = container.querySelectorAll("div.vis-tooltip");
    for (var i = 0; i < tips.length; i++) tips[i].style.visibility = "hidden";
  }
  container.addEventListener("mouseenter", function () { pointerInside = true; });
  container.addEventListener("mouseleave", function () {
    pointerInside = false;
    hideTooltips();
  });
  network.on("showPopup", function () {
    if (!pointerInside) hideTooltips();
  });

  /* ------------------------------------------------------------ the details panel */

  var details = document.getElementById("bg-details");
  var detailsBody = document.getElementById("bg-details-body");

  /* Open the panel beside the graph, then make sure the selection is still in view. */
  function openPanel(fill, keep) {
    detailsBody.textContent = "";
    fill(detailsBody);
    setPanel(true);
    detailsBody.parentNode.scrollTop = 0;
    if (keep && keep.length) keepInView(keep);
  }
  /* Show or hide the panel; the graph keeps its place on screen while its box changes. */
  function setPanel(open) {
    var width = container.clientWidth;
    var view = network.getViewPosition();
    var scale = network.getScale();
    details.hidden = !open;
    network.setSize("100%", "100%");
    var change = container.clientWidth - width;
    if (change) {
      network.moveTo({ position: { x: view.x + change / (2 * scale), y: view.y }, scale: scale, animation: false });
    }
    network.redraw();
  }
  function keepInView(ids) {
    var positions = network.getPositions(ids);
    var box = container.getBoundingClientRect();
    var margin = 40;
    var outside = false;
    var xs = [];
    var ys = [];
    ids.forEach(function (id) {
      var p = positions[id];
      if (!p) return;
      xs.push(p.x);
      ys.push(p.y);
      var dom = network.canvasToDOM(p);
      if (dom.x < margin || dom.y < margin || dom.x > box.width - margin || dom.y > box.height - margin) outside = true;
    });
    if (!outside || !xs.length) return;
    var scale = network.getScale();
    var spanX = (Math.max.apply(null, xs) - Math.min.apply(null, xs)) * scale;
    var spanY = (Math.max.apply(null, ys) - Math.min.apply(null, ys)) * scale;
    if (spanX > box.width - 2 * margin || spanY > box.height - 2 * margin) {
      network.fit({ nodes: ids, animation: false });
      scale = network.getScale() * 0.85;
    }
    network.moveTo({
      position: { x: (Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2, y: (Math.max.apply(null, ys) + Math.min.apply(null, ys)) / 2 },
      scale: scale, animation: false
    });
  }
  document.getElementById("bg-details-close").addEventListener("click", function () {
    setPanel(false);
  });

  function addRows(list, rows) {
    rows.forEach(function (row) {
      if (row[1] === undefined || row[1] === null || row[1] === "" || (Array.isArray(row[1]) && !row[1].length)) return;
      list.appendChild(el("dt", null, row[0]));
      var value = el("dd");
      if (Array.isArray(row[1])) {
        var items = el("ul");
        row[1].forEach(function (text) { items.appendChild(el("li", null, text)); });
        value.appendChild(items);
      } else {
        value.textContent = String(row[1]);
      }
      list.appendChild(value);
    });
  }

  function claimBox(id) {
    var claim = claims[id];
    var box = el("article", "bg-claim" + (claim.conflicts.length ? " conflict" : claim.negated ? " against" : ""));
    box.setAttribute("data-claim", id);
    var context = el("p", "bg-context");
    context.appendChild(document.createTextNode(claim.before ? claim.before : ""));
    context.appendChild(el("mark", null, claim.quote));
    context.appendChild(document.createTextNode(claim.after ? claim.after : ""));
    box.appendChild(context);
    var list = el("dl");
    addRows(list, [
      ["says", claim.says],
      ["section", claim.section],
      ["population", claim.population],
      ["condition", claim.condition],
      ["time course", claim.time_course],
      ["figure", claim.figure],
      ["certainty", claim.certainty + (claim.cue ? " (“" + claim.cue + "”)" : "")],
      ["attribution", claim.evidence],
      ["cites", claim.cites],
      ["findings", claim.findings],
      ["status", claim.draft ? "draft (not yet reviewed)" : ""],
      ["confidence", claim.confidence],
      ["note", claim.note],
      ["id", claim.id]
    ]);
    box.appendChild(list);
    return box;
  }

  function sourceHeading(sourceId) {
    var source = data.sources[sourceId] || { title: sourceId };
    var heading = el("h4", null, source.title + (source.kind ? " (" + source.kind + ")" : ""));
    if (source.link && /^https?:\/\//i.test(source.link)) {
      heading.appendChild(document.createTextNode(" "));
      var anchor = el("a", null, "article");
      anchor.href = source.link;
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      heading.appendChild(anchor);
    }
    return heading;
  }

  /* Claims grouped by source, in the order first seen. */
  function claimList(ids, into) {
    var bySource = {};
    var order = [];
    ids.forEach(function (id) {
      var source = claims[id].source;
      if (!bySource[source]) { bySource[source] = []; order.push(source); }
      bySource[source].push(id);
    });
    order.forEach(function (source) {
      into.appendChild(sourceHeading(source));
      bySource[source].forEach(function (id) { into.appendChild(claimBox(id)); });
    });
  }

  /* Every finding involving any of the claims, each exactly once. */
  function findingList(ids, into) {
    var seen = {};
    var list = [];
    ids.forEach(function (id) {
      claims[id].findings.forEach(function (f) {
        if (!seen[f] && findings[f]) { seen[f] = true; list.push(findings[f]); }
      });
    });
    if (!list.length) return;
    list.sort(function (a, b) {
      return (conflictKind[b.kind] ? 1 : 0) - (conflictKind[a.kind] ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    into.appendChild(el("h3", null, "Findings of the checks (" + list.length + ")"));
    var others = list.filter(function (finding) { return !conflictKind[finding.kind]; });
    var fold = null;
    if (others.length) {
      fold = el("details", "bg-other-findings");
      var kinds = {};
      others.forEach(function (finding) { kinds[finding.kind] = true; });
      fold.appendChild(el("summary", null, plural(others.length, "finding") + " about single claims: " +
        Object.keys(kinds).sort().join(", ")));
    }
    list.forEach(function (finding) {
      var box = el("div", conflictKind[finding.kind] ? "bg-finding" : "bg-finding minor");
      box.setAttribute("data-finding", finding.id);
      box.appendChild(el("div", "bg-finding-head", finding.kind + " (" + finding.severity + ") · " + finding.id));
      box.appendChild(el("div", null, finding.message));
      box.appendChild(el("div", "bg-summary", "rule " + finding.rule + " · claims: " + finding.claims.join(", ")));
      (conflictKind[finding.kind] || !fold ? into : fold).appendChild(box);
    });
    if (fold) into.appendChild(fold);
  }

  function relationSummary(state) {
    var parts = [plural(state.sources, "source"), plural(state.members.length, "claim")];
    if (state.against) parts.push(state.against + " against");
    if (!state.firm) parts.push("hedged only");
    if (state.conflicts.length) parts.push(plural(state.conflicts.length, "conflict"));
    return parts.join(" · ");
  }

  function showRelation(edge) {
    var state = relationState(edge);
    openPanel(function (body) {
      body.appendChild(el("h2", null, edge.says));
      body.appendChild(el("p", "bg-summary", relationSummary(state)));
      var hidden = edge.claims.length - state.members.length;
      if (hidden) body.appendChild(el("p", "bg-summary", plural(hidden, "more claim") + " hidden by the filters"));
      findingList(state.members, body);
      body.appendChild(el("h3", null, "Claims"));
      claimList(state.members, body);
    }, [edge.from, edge.to]);
  }

  function showEntity(node) {
    var relations = data.map.edges.filter(function (edge) {
      return edge.claims.length && (edge.from === node.id || edge.to === node.id) && relationState(edge).members.length;
    });
    var ids = [];
    relations.forEach(function (edge) { ids = ids.concat(relationState(edge).members); });
    openPanel(function (body) {
      body.appendChild(tipElement(node.tip));
      body.appendChild(el("h3", null, "Relations (" + relations.length + ")"));
      relations.forEach(function (edge) {
        var state = relationState(edge);
        var link = el("button", "bg-relation-link" + (state.conflicts.length ? " conflict" : ""),
          edge.says + " — " + relationSummary(state));
        link.type = "button";
        link.addEventListener("click", function () {
          network.selectEdges([edge.id]);
          showRelation(edge);
        });
        body.appendChild(link);
      });
      findingList(ids, body);
      relations.forEach(function (edge) {
        body.appendChild(el("h3", null, edge.says));
        claimList(relationState(edge).members, body);
      });
    }, [node.id]);
  }

  function showBox(tip, link, keep) {
    openPanel(function (body) {
      body.appendChild(tipElement(tip));
      if (link && /^https?:\/\//i.test(link)) {
        var anchor = el("a", null, link);
        anchor.href = link;
        anchor.target = "_blank";
        anchor.rel = "noopener noreferrer";
        var line = el("p", null, "Article: ");
        line.appendChild(anchor);
        body.appendChild(line);
      }
    }, keep);
  }

  function showNode(id) {
    if (api.level === "map") {
      if (mapNodeById[id]) showEntity(mapNodeById[id]);
      return;
    }
    var node = graphNodeById[id];
    if (!node) return;
    if (node.kind === "claim" && claims[id.slice(6)]) {
      openPanel(function (body) {
        var claimId = id.slice(6);
        body.appendChild(el("h2", null, claims[claimId].says));
        findingList([claimId], body);
        body.appendChild(el("h3", null, "Claim"));
        claimList([claimId], body);
      }, [id]);
    } else {
      showBox(node.tip, node.link, [id]);
    }
  }
  function showEdge(id) {
    if (api.level === "map") {
      if (mapEdgeById[id] && mapEdgeById[id].claims.length) showRelation(mapEdgeById[id]);
      else if (mapEdgeById[id]) showBox({ title: mapEdgeById[id].says, rows: [] }, null, [mapEdgeById[id].from, mapEdgeById[id].to]);
      return;
    }
    var edge = graphEdgeById[id];
    if (edge) showBox(edge.tip, null, [edge.from, edge.to]);
  }

  function showTableRow(key) {
    var matching = data.map.edges.filter(function (edge) { return edge.table === key && !api.edgeData.get(edge.id).hidden; });
    if (!matching.length) return;
    network.selectEdges(matching.map(function (edge) { return edge.id; }));
    network.fit({ nodes: [matching[0].from, matching[0].to], animation: false });
    network.moveTo({ scale: Math.min(network.getScale(), 1.2), animation: false });
    showRelation(matching[0]);
  }

  network.on("click", function (event) {
    if (event.nodes.length) showNode(event.nodes[0]);
    else if (event.edges.length) showEdge(event.edges[0]);
    else setPanel(false);
  });

  /* ------------------------------------------------------------ find */

  var input = document.getElementById("bg-find-input");
  var status = document.getElementById("bg-find-status");
  var matches = { nodes: [], edges: [] };
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    matches = { nodes: [], edges: [] };
    if (wanted) {
      var list = api.level === "map" ? data.map.nodes : data.graph.nodes;
      matches.nodes = list.filter(function (node) {
        var shown = api.nodeData.get(node.id);
        return shown && !shown.hidden && node.find.indexOf(wanted) !== -1;
      }).map(function (node) { return node.id; });
      if (api.level === "map") {
        matches.edges = data.map.edges.filter(function (edge) {
          var shown = api.edgeData.get(edge.id);
          return shown && !shown.hidden && edge.claims.some(function (id) {
            return active[id] && (claims[id].quote.toLowerCase().indexOf(wanted) !== -1 ||
              (data.sources[claims[id].source] || { title: "" }).title.toLowerCase().indexOf(wanted) !== -1);
          });
        }).map(function (edge) { return edge.id; });
      }
    }
    network.setSelection({ nodes: matches.nodes, edges: matches.edges }, { unselectAll: true, highlightEdges: false });
    var n = matches.nodes.length + matches.edges.length;
    status.textContent = wanted ? n + (n === 1 ? " match" : " matches") : "";
  });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (matches.nodes.length) {
      network.focus(matches.nodes[0], { scale: 1.3, animation: false });
      showNode(matches.nodes[0]);
    } else if (matches.edges.length) {
      var edge = mapEdgeById[matches.edges[0]];
      network.fit({ nodes: [edge.from, edge.to], animation: false });
      showEdge(edge.id);
    }
  });

  /* ------------------------------------------------------------ filter controls */

  var filterBody = document.getElementById("bg-filter-body");
  var shownLine = document.getElementById("bg-shown");
  function showCount() {
    var n = claimIds.filter(function (id) { return active[id]; }).length;
    if (api.level === "map") {
      var relations = api.edgeData.get({ filter: function (e) { return !e.hidden && !/^isa:/.test(e.id); } }).length;
      var entities = api.nodeData.get({ filter: function (e) { return !e.hidden; } }).length;
      shownLine.textContent = "showing " + plural(relations, "relation") + " between " +
        plural(entities, "entity").replace("entitys", "entities") + ", from " + plural(n, "claim") + " of " + claimIds.length;
    } else {
      shownLine.textContent = "showing " + plural(n, "claim") + " of " + claimIds.length;
    }
  }
  function applyFilters() {
    recompute();
    levels[api.level].refresh(built[api.level]);
    setPanel(false);
    showCount();
  }
  function selectControl(label, name, choices) {
    var wrap = el("label", null, label);
    var select = el("select");
    select.id = "bg-filter-" + name;
    var any = el("option", null, "any");
    any.value = "";
    select.appendChild(any);
    choices.forEach(function (choice) {
      var option = el("option", null, choice[1]);
      option.value = choice[0];
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      filters[name] = select.value;
      applyFilters();
    });
    wrap.appendChild(select);
    filterBody.appendChild(wrap);
  }
  function checkbox(label, id, checked, onChange) {
    var wrap = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.id = id;
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" " + label));
    filterBody.appendChild(wrap);
  }
  var counts = { predicate: {}, certainty: {}, drafts: 0 };
  claimIds.forEach(function (id) {
    var claim = claims[id];
    counts.predicate[claim.predicate] = (counts.predicate[claim.predicate] || 0) + 1;
    counts.certainty[claim.certainty] = (counts.certainty[claim.certainty] || 0) + 1;
    if (claim.draft) counts.drafts++;
  });
  selectControl("Source", "source", Object.keys(data.sources).map(function (id) {
    return [id, data.sources[id].title];
  }).sort(function (a, b) { return a[1].localeCompare(b[1]); }));
  selectControl("Relation", "predicate", Object.keys(counts.predicate).sort().map(function (p) {
    return [p, p.replace(/_/g, " ") + " (" + counts.predicate[p] + ")"];
  }));
  filterBody.appendChild(el("h3", null, "Certainty"));
  ["certain", "probable", "possible", "speculative"].forEach(function (level) {
    checkbox(level + " (" + (counts.certainty[level] || 0) + ")", "bg-filter-certainty-" + level, true,
      function (on) { filters.certainty[level] = on; });
  });
  filterBody.appendChild(el("h3", null, "Claims"));
  checkbox("include drafts (" + counts.drafts + ")", "bg-filter-drafts", true, function (on) { filters.drafts = on; });
  checkbox("only claims in a conflict", "bg-filter-conflicts", false, function (on) { filters.conflictsOnly = on; });

  /* ------------------------------------------------------------ legend */

  var legendBody = document.getElementById("bg-legend-body");
  var shapes = { square: "square", dot: "dot", diamond: "diamond", triangle: "triangle" };
  function legendRow(swatch, label) {
    var row = el("div", "bg-legend-row");
    row.appendChild(swatch);
    row.appendChild(el("span", null, label));
    legendBody.appendChild(row);
  }
  function nodeSwatch(item) {
    var swatch = el("span", "bg-swatch " + (shapes[item.shape] || ""));
    if (item.shape === "triangle") {
      swatch.style.borderBottomColor = item.color;
    } else {
      swatch.style.backgroundColor = item.color;
      swatch.style.borderColor = item.border;
    }
    if (item.dashed) swatch.style.borderStyle = "dashed";
    return swatch;
  }
  function line(className, colour) {
    var swatch = el("span", "bg-line " + className);
    if (colour) swatch.style.borderTopColor = colour;
    return swatch;
  }
  function drawLegend() {
    legendBody.textContent = "";
    if (api.level === "map") {
      legendBody.appendChild(el("h3", null, "Entities (size: claims about them)"));
      data.map.legend.nodes.forEach(function (item) { legendRow(nodeSwatch(item), item.label); });
      legendBody.appendChild(el("h3", null, "Relations (arrow: subject → object)"));
      data.map.legend.edges.forEach(function (item) { legendRow(line("", item.color), item.label); });
      legendRow(line("thick", "#9e9e9e"), "width, (n): number of sources");
      legendRow(line("dashed", "#9e9e9e"), "dashed: hedged claims only");
      legendRow(line("", RED), "red: the checks found a conflict");
      legendRow(line("thin", "#c8c8c8"), "thin grey: is a kind of");
    } else {
      legendBody.appendChild(el("h3", null, "Nodes"));
      data.graph.legend.nodes.forEach(function (item) { legendRow(nodeSwatch(item), item.label); });
      legendBody.appendChild(el("h3", null, "Edges"));
      data.graph.legend.edges.forEach(function (item) {
        legendRow(line(item.style === "dashed" ? "dashed" : "thin", item.style === "dashed" ? RED : null), item.label);
      });
    }
  }

  ["map", "claims"].forEach(function (name) {
    document.getElementById("bg-level-" + name).addEventListener("click", function () { setLevel(name); });
  });
  api.setLevel = setLevel;
  api.showTableRow = showTableRow;
  setLevel(data.level);
})();
