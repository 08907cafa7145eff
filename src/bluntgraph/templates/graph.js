/* bluntgraph's interactive graph. Every piece of corpus text reaches the page
   through textContent, never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("bluntgraph-data").textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

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

  var byId = {};
  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    byId[node.id] = node;
    var item = Object.assign({}, node.vis);
    item.id = node.id;
    item.title = tipElement(node.tip);
    return item;
  }));
  var edgeById = {};
  var edges = new vis.DataSet(data.edges.map(function (edge) {
    edgeById[edge.id] = edge;
    var item = Object.assign({}, edge.vis);
    item.id = edge.id;
    item.from = edge.from;
    item.to = edge.to;
    item.title = tipElement(edge.tip);
    return item;
  }));

  var large = data.nodes.length > 1000;
  var options = {
    autoResize: true,
    nodes: {
      font: { size: 13, color: "#1d1d1f", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 7 } }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      arrowStrikethrough: false,
      color: { color: "#b5b5b5", highlight: "#424242", hover: "#616161" },
      font: { size: 9, color: "#616161", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      scaling: { label: { drawThreshold: 10 } },
      selectionWidth: 1.5,
      smooth: data.physics ? { enabled: true, type: "continuous" } : { enabled: false }
    },
    interaction: {
      hover: true,
      tooltipDelay: 120,
      hideEdgesOnDrag: large,
      hideEdgesOnZoom: large,
      keyboard: { enabled: true, bindToWindow: false },
      multiselect: true
    },
    physics: data.physics ? {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, springLength: 110, avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: 600, fit: true }
    } : { enabled: false },
    layout: { randomSeed: 7, improvedLayout: data.nodes.length <= 150 }
  };

  var container = document.getElementById("bg-network");
  var network = new vis.Network(container, {}, options);
  var api = {
    nodes: nodes.length,
    edges: edges.length,
    focus: data.focus,
    ready: false,
    network: network,
    nodeData: nodes,
    edgeData: edges
  };
  window.bluntgraph = api;

  var settled = !data.physics;
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    settled = true;
    network.fit();
  });
  network.on("afterDrawing", function () {
    if (settled && !api.ready) {
      api.ready = true;
      document.body.setAttribute("data-ready", "true");
      if (data.focus && byId[data.focus]) {
        network.selectNodes([data.focus]);
        showNode(data.focus);
      }
    }
  });

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

  /* Details of a clicked node or edge, kept open so its text can be read and copied. */
  var details = document.getElementById("bg-details");
  var detailsBody = document.getElementById("bg-details-body");
  function showBox(tip, link) {
    detailsBody.textContent = "";
    detailsBody.appendChild(tipElement(tip));
    if (link && /^https?:\/\//i.test(link)) {
      var anchor = el("a", null, link);
      anchor.href = link;
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      var line = el("p", null, "Article: ");
      line.appendChild(anchor);
      detailsBody.appendChild(line);
    }
    details.hidden = false;
  }
  function showNode(id) {
    var node = byId[id];
    if (node) showBox(node.tip, node.link);
  }
  document.getElementById("bg-details-close").addEventListener("click", function () {
    details.hidden = true;
  });
  network.on("click", function (event) {
    if (event.nodes.length) showNode(event.nodes[0]);
    else if (event.edges.length && edgeById[event.edges[0]]) showBox(edgeById[event.edges[0]].tip);
    else details.hidden = true;
  });

  /* Find: select every node whose names or quote contain the text; Enter goes to the first. */
  var input = document.getElementById("bg-find-input");
  var status = document.getElementById("bg-find-status");
  var matches = [];
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    matches = !wanted ? [] : data.nodes.filter(function (node) {
      return node.find.indexOf(wanted) !== -1;
    }).map(function (node) { return node.id; });
    network.selectNodes(matches);
    status.textContent = wanted ? matches.length + (matches.length === 1 ? " match" : " matches") : "";
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && matches.length) {
      event.preventDefault();
      network.focus(matches[0], { scale: 1.3, animation: { duration: 400 } });
      showNode(matches[0]);
    }
  });

  /* The legend: what each colour, shape and line means. */
  var legend = document.getElementById("bg-legend");
  var shapes = { square: "square", dot: "dot", diamond: "diamond", triangle: "triangle" };
  function legendRow(swatch, label) {
    var row = el("div", "bg-legend-row");
    row.appendChild(swatch);
    row.appendChild(el("span", null, label));
    legend.appendChild(row);
  }
  legend.appendChild(el("h3", null, "Nodes"));
  data.legend.nodes.forEach(function (item) {
    var swatch = el("span", "bg-swatch " + (shapes[item.shape] || ""));
    if (item.shape === "triangle") {
      swatch.style.borderBottomColor = item.color;
    } else {
      swatch.style.backgroundColor = item.color;
      swatch.style.borderColor = item.border;
    }
    if (item.dashed) swatch.style.borderStyle = "dashed";
    legendRow(swatch, item.label);
  });
  legend.appendChild(el("h3", null, "Edges"));
  data.legend.edges.forEach(function (item) {
    legendRow(el("span", item.style === "dashed" ? "bg-line dashed" : "bg-line"), item.label);
  });

  network.setData({ nodes: nodes, edges: edges });
})();
