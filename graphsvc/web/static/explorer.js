/* graphsvc explorer: draws a page's graph with Cytoscape.js from the /v1 API.
 *
 * The element #graph names its data with data-src: a researcher's graph slice
 * (/v1/researchers/{id}/graph, already in Cytoscape's shape) or, with data-kind="topic", a
 * topic neighborhood (/v1/topics/{id}/neighborhood, drawn as a star). Tests read the drawing
 * from window.graphsvcCy; #graph gets data-state="ready" once laid out.
 */
(function () {
  "use strict";

  var KINDS = {
    Researcher: { color: "#1f5fae", shape: "ellipse", page: "/researchers/" },
    Work: { color: "#b35400", shape: "round-rectangle", page: "/works/" },
    Topic: { color: "#18794e", shape: "diamond", page: "/topics/" },
    Institution: { color: "#7a3fa0", shape: "hexagon", page: null },
    Team: { color: "#a3195b", shape: "star", page: "/teams/" },
  };

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  /* "researcher:abc" -> "abc" (node ids are "<type>:<id>"). */
  function plainId(nodeId) {
    var i = nodeId.indexOf(":");
    return i < 0 ? nodeId : nodeId.slice(i + 1);
  }

  function pageOf(data) {
    var kind = KINDS[data.type];
    if (!kind || !kind.page) return null;
    var id = plainId(data.id);
    return kind.page + (data.type === "Work" ? encodeURI(id) : encodeURIComponent(id));
  }

  function styles() {
    var s = [
      {
        selector: "node",
        style: {
          "background-color": "#888",
          label: "data(short)",
          "font-size": 9,
          color: "#1a1a1a",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 110,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.7,
          "text-background-padding": 1,
          width: 16,
          height: 16,
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "line-color": "#b9c0c8",
          "curve-style": "haystack",
          opacity: 0.8,
        },
      },
      { selector: 'node[type = "Topic"]', style: { "text-max-width": 170 } },
      { selector: "node.center", style: { width: 30, height: 30, "font-size": 12, "font-weight": "bold", "border-width": 3, "border-color": "#111", "text-max-width": 240 } },
      { selector: "node.hover, node:selected", style: { "border-width": 3, "border-color": "#ffbf47" } },
      { selector: "edge.hover", style: { "line-color": "#555", opacity: 1 } },
    ];
    Object.keys(KINDS).forEach(function (type) {
      s.splice(1, 0, {
        selector: 'node[type = "' + type + '"]',
        style: { "background-color": KINDS[type].color, shape: KINDS[type].shape },
      });
    });
    return s;
  }

  /* Short labels: names and topic names are kept, work titles are left to the tooltip. */
  function decorate(elements) {
    elements.nodes.forEach(function (n) {
      var d = n.data;
      // topic names repeat across archives ("Machine Learning" is cs.LG and stat.ML)
      d.short = d.type === "Work" ? "" : d.type === "Topic" ? d.label + " (" + plainId(d.id) + ")" : d.label;
    });
    elements.edges.forEach(function (e) {
      if (e.data.width === undefined) e.data.width = 1;
    });
    return elements;
  }

  function describe(data) {
    var p = data.properties || {};
    var parts = [data.type];
    if (data.type === "Researcher" && p.depth !== undefined && p.depth !== null) {
      parts.push(p.depth === 0 ? "this researcher" : p.depth === 1 ? "co-author" : "co-author of a co-author");
    }
    if (p.year) parts.push(String(p.year));
    if (p.works !== undefined && p.works !== null) parts.push(p.works + " work" + (p.works === 1 ? "" : "s"));
    if (p.works_together !== undefined) parts.push(p.works_together + " works together");
    if (p.lift !== undefined) parts.push("lift " + Number(p.lift).toFixed(2));
    return { title: data.label, detail: parts.join(" · "), link: pageOf(data) };
  }

  function layoutOptions(count) {
    var fcose = typeof window.cytoscapeFcose === "function";
    return {
      name: fcose ? "fcose" : "cose",
      animate: false,
      randomize: true,
      fit: true,
      padding: 24,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: count > 150 ? 45 : 70,
      nodeRepulsion: 6000,
    };
  }

  function Explorer(container) {
    this.container = container;
    this.status = document.getElementById("graph-status");
    this.tip = document.getElementById("graph-tip");
    this.cy = null;
  }

  Explorer.prototype.setStatus = function (text) {
    if (this.status) this.status.textContent = text;
  };

  Explorer.prototype.showTip = function (node) {
    if (!this.tip) return;
    var info = describe(node.data());
    this.tip.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = info.title;
    var detail = document.createElement("span");
    detail.textContent = info.detail + (info.link ? " · click to open" : "");
    this.tip.appendChild(strong);
    this.tip.appendChild(detail);
    var pos = node.renderedPosition();
    var box = this.container.getBoundingClientRect();
    this.tip.style.left = Math.max(4, Math.min(pos.x + 12, box.width - 220)) + "px";
    this.tip.style.top = Math.max(4, pos.y + 12) + "px";
    this.tip.hidden = false;
  };

  Explorer.prototype.hideTip = function () {
    if (this.tip) this.tip.hidden = true;
  };

  Explorer.prototype.draw = function (elements, center, note) {
    var self = this;
    if (this.cy) this.cy.destroy();
    this.container.dataset.state = "layout";
    var cy = cytoscape({
      container: this.container,
      elements: decorate(elements),
      style: styles(),
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
    });
    this.cy = cy;
    window.graphsvcCy = cy;
    if (center) cy.getElementById(center).addClass("center");
    cy.on("mouseover", "node", function (evt) {
      evt.target.addClass("hover");
      evt.target.connectedEdges().addClass("hover");
      self.container.style.cursor = pageOf(evt.target.data()) ? "pointer" : "default";
      self.showTip(evt.target);
    });
    cy.on("mouseout", "node", function (evt) {
      evt.target.removeClass("hover");
      evt.target.connectedEdges().removeClass("hover");
      self.container.style.cursor = "default";
      self.hideTip();
    });
    cy.on("pan zoom", function () { self.hideTip(); });
    cy.on("tap", "node", function (evt) {
      var url = pageOf(evt.target.data());
      if (url && evt.target.id() !== center) window.location.assign(url);
    });
    var layout = cy.layout(layoutOptions(elements.nodes.length));
    layout.one("layoutstop", function () {
      cy.fit(undefined, 24);
      self.container.dataset.nodes = String(cy.nodes().length);
      self.container.dataset.edges = String(cy.edges().length);
      self.container.dataset.state = "ready";
    });
    layout.run();
    this.setStatus(
      cy.nodes().length + " nodes and " + cy.edges().length + " edges drawn" + (note || "") + "."
    );
  };

  Explorer.prototype.load = function (url, shape) {
    var self = this;
    this.container.dataset.state = "loading";
    this.setStatus("Loading the graph…");
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (body) {
        var drawn = shape(body);
        self.draw(drawn.elements, drawn.center, drawn.note);
      })
      .catch(function (err) {
        self.container.dataset.state = "error";
        self.setStatus("Could not load the graph (" + err.message + "). The lists on this page carry the same information.");
      });
  };

  Explorer.prototype.keys = function () {
    var self = this;
    this.container.addEventListener("keydown", function (evt) {
      var cy = self.cy;
      if (!cy) return;
      var step = 40;
      var handled = true;
      switch (evt.key) {
        case "ArrowLeft": cy.panBy({ x: step, y: 0 }); break;
        case "ArrowRight": cy.panBy({ x: -step, y: 0 }); break;
        case "ArrowUp": cy.panBy({ x: 0, y: step }); break;
        case "ArrowDown": cy.panBy({ x: 0, y: -step }); break;
        case "+": case "=": self.zoom(1.25); break;
        case "-": case "_": self.zoom(0.8); break;
        case "0": cy.fit(undefined, 24); break;
        default: handled = false;
      }
      if (handled) evt.preventDefault();
    });
  };

  Explorer.prototype.zoom = function (factor) {
    var cy = this.cy;
    if (!cy) return;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 },
    });
  };

  /* A researcher's graph slice is already Cytoscape JSON. */
  function researcherShape(depth, limit) {
    return function (body) {
      var note = " (depth " + depth + ", cap " + limit + ")";
      if (body.truncated) note += "; the node cap left some nodes out";
      return { elements: body.elements, center: body.center, note: note };
    };
  }

  /* A topic neighborhood as a star: the topic and the topics sharing works with it. */
  function topicShape(body) {
    var t = body.topic;
    var center = "topic:" + t.id;
    var nodes = [{ data: { id: center, type: "Topic", label: t.name, properties: { works: t.works } } }];
    var edges = [];
    var most = 1;
    body.cooccurring.forEach(function (u) { most = Math.max(most, u.works_together); });
    body.cooccurring.forEach(function (u) {
      var id = "topic:" + u.id;
      nodes.push({ data: { id: id, type: "Topic", label: u.name, properties: { works_together: u.works_together, lift: u.lift } } });
      edges.push({ data: { id: "cooccurs:" + t.id + "->" + u.id, source: center, target: id, width: 1 + 5 * u.works_together / most } });
    });
    return { elements: { nodes: nodes, edges: edges }, center: center, note: "" };
  }

  function clampLimit(value) {
    var n = parseInt(value, 10);
    if (!isFinite(n)) return 200;
    return Math.max(1, Math.min(500, n));
  }

  ready(function () {
    var container = document.getElementById("graph");
    if (!container || typeof window.cytoscape !== "function") {
      var status = document.getElementById("graph-status");
      if (status && container) status.textContent = "The drawing library did not load. The lists on this page carry the same information.";
      return;
    }
    if (typeof window.cytoscapeFcose === "function") window.cytoscape.use(window.cytoscapeFcose);
    var explorer = new Explorer(container);
    explorer.keys();
    var src = container.dataset.src;
    if (container.dataset.kind === "topic") {
      explorer.load(src, topicShape);
      return;
    }
    var form = document.getElementById("graph-controls");
    var depthInput = document.getElementById("graph-depth");
    var limitInput = document.getElementById("graph-limit");
    var params = new URLSearchParams(window.location.search);
    if (params.get("depth") === "2") depthInput.value = "2";
    if (params.get("limit")) limitInput.value = String(clampLimit(params.get("limit")));
    function redraw() {
      var depth = depthInput.value === "2" ? 2 : 1;
      var limit = clampLimit(limitInput.value);
      limitInput.value = String(limit);
      var q = new URLSearchParams({ depth: String(depth), limit: String(limit) });
      return explorer.load(src + "?" + q.toString(), researcherShape(depth, limit));
    }
    form.addEventListener("submit", function (evt) {
      evt.preventDefault();
      var depth = depthInput.value === "2" ? "2" : "1";
      var url = new URL(window.location.href);
      url.searchParams.set("depth", depth);
      url.searchParams.set("limit", String(clampLimit(limitInput.value)));
      window.history.replaceState(null, "", url.toString());
      redraw();
    });
    depthInput.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : redraw(); });
    form.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "in") explorer.zoom(1.25);
        else if (how === "out") explorer.zoom(0.8);
        else if (explorer.cy) explorer.cy.fit(undefined, 24);
      });
    });
    redraw();
  });
})();
