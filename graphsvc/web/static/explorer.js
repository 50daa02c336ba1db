/* graphsvc explorer: draws a page's graph with Cytoscape.js from the /v1 API.
 *
 * The element #graph names its data with data-src: a researcher's graph slice
 * (/v1/researchers/{id}/graph, already in Cytoscape's shape) or, with data-kind="topic", a
 * topic neighborhood (/v1/topics/{id}/neighborhood, drawn as a star). Tests read the drawing
 * from window.graphsvcCy; #graph gets data-state="ready" once laid out.
 *
 * The drawing is deterministic: fcose runs with a seeded Math.random (and layout-base's own
 * counter reset), so the same graph lands on the same positions on every load, in every window.
 * Afterwards overlapping node-and-label boxes are pushed apart (no label covers another), and
 * the view fits the researcher and their first ring, never below READABLE_ZOOM: on a narrow
 * screen the rest of the graph is a pan (drag, arrow keys) or a zoom-out away.
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

  var NODE_SIZE = 18; // model units; on screen at least NODE_SIZE * READABLE_ZOOM px
  var FONT_SIZE = 11;
  var READABLE_ZOOM = 1; // the default view never shows nodes or labels smaller than this
  var MAX_DEFAULT_ZOOM = 1.5; // nor blows a small graph up
  var PADDING = 24; // px around the drawing when it is fitted
  var LABEL_GAP = 4; // model units kept between two node-and-label boxes
  var LAYOUT_SEED = 0x5eed;

  /* Links the drawing adds (dashed) where the slice holds none: the slice keeps only edges whose
   * two ends are kept, so the works linking the researcher to a co-author or a topic may be left
   * out by the node cap (or be team works, never drawn one by one). */
  var DERIVED = {
    CO_AUTHOR: "co-author; their shared works are not drawn",
    TOPIC_OF: "topic of their works; those works are not drawn",
    IN_NETWORK: "in their network; the linking nodes are not drawn",
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
          "font-size": FONT_SIZE,
          color: "#1a1a1a",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 150,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": 1,
          // zoomed out to an overview, lesser labels give way to the shapes
          "min-zoomed-font-size": 7,
          width: NODE_SIZE,
          height: NODE_SIZE,
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
      {
        selector: "edge[?derived]",
        style: {
          "curve-style": "straight",
          "line-style": "dashed",
          "line-dash-pattern": [6, 4],
          "line-color": "#7b8794",
          opacity: 1,
        },
      },
      { selector: 'node[type = "Topic"]', style: { "text-wrap": "wrap", "text-max-width": 140 } },
      {
        selector: "node.center",
        style: {
          width: 32,
          height: 32,
          "font-size": 14,
          "font-weight": "bold",
          "border-width": 3,
          "border-color": "#111",
          "text-max-width": 220,
          "min-zoomed-font-size": 0,
          "z-index": 10,
        },
      },
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

  /* Short labels: names and topic names are kept, work titles are left to the tooltip. Every
   * node starts at the origin (the seeded layout spreads them), whatever the window's size. */
  function decorate(elements) {
    elements.nodes.forEach(function (n) {
      var d = n.data;
      // topic names repeat across archives ("Machine Learning" is cs.LG and stat.ML): the
      // archive goes on a line of its own, never cut off
      d.short = d.type === "Work" ? "" : d.type === "Topic" ? d.label + "\n(" + plainId(d.id) + ")" : d.label;
      n.position = { x: 0, y: 0 };
    });
    elements.edges.forEach(function (e) {
      if (e.data.width === undefined) e.data.width = 1;
    });
    return elements;
  }

  /* Dashed links from the centre (see DERIVED), added to `elements`; returns how many. A co-author
   * (depth 1) with no drawn work shared with the centre gets a CO_AUTHOR link; a topic with no
   * drawn work of the centre gets a TOPIC_OF link; any node still cut off from the centre gets
   * an IN_NETWORK link. So every node is connected to the centre. */
  function deriveLinks(elements, center) {
    var types = {};
    var adjacent = {};
    elements.nodes.forEach(function (n) {
      types[n.data.id] = n.data;
      adjacent[n.data.id] = [];
    });
    if (!center || !types[center]) return 0;
    elements.edges.forEach(function (e) {
      var d = e.data;
      if (adjacent[d.source] && adjacent[d.target]) {
        adjacent[d.source].push(d.target);
        adjacent[d.target].push(d.source);
      }
    });
    var own = {}; // the centre's works that are drawn
    adjacent[center].forEach(function (id) {
      if (types[id].type === "Work") own[id] = true;
    });
    var added = 0;
    function link(type, target) {
      elements.edges.push({
        data: { id: "derived:" + type + ":" + target, source: center, target: target, type: type, derived: true, width: 1.5 },
      });
      adjacent[center].push(target);
      adjacent[target].push(center);
      added += 1;
    }
    function viaOwnWork(id) {
      return adjacent[id].some(function (other) { return own[other]; });
    }
    elements.nodes.forEach(function (n) {
      var d = n.data;
      if (d.id === center || types[center].type !== "Researcher") return;
      var depth = (d.properties || {}).depth;
      if (d.type === "Researcher" && depth === 1 && !viaOwnWork(d.id)) link("CO_AUTHOR", d.id);
      else if (d.type === "Topic" && !viaOwnWork(d.id)) link("TOPIC_OF", d.id);
    });
    var reached = {};
    function reach(start) {
      var stack = [start];
      reached[start] = true;
      while (stack.length) {
        adjacent[stack.pop()].forEach(function (next) {
          if (!reached[next]) {
            reached[next] = true;
            stack.push(next);
          }
        });
      }
    }
    reach(center);
    elements.nodes.forEach(function (n) {
      if (reached[n.data.id]) return;
      link("IN_NETWORK", n.data.id);
      reach(n.data.id);
    });
    return added;
  }

  function describe(data) {
    var p = data.properties || {};
    var parts = [data.type];
    if (data.type === "Researcher" && p.depth !== undefined && p.depth !== null) {
      parts.push(p.depth === 0 ? "this researcher" : p.depth === 1 ? "co-author" : "co-author of a co-author");
    }
    if (p.year) parts.push(String(p.year));
    if (p.works !== undefined && p.works !== null) parts.push(p.works + " work" + (p.works === 1 ? "" : "s"));
    if (data.type === "Team" && p.size) parts.push(p.size + " member" + (p.size === 1 ? "" : "s"));
    if (p.works_together !== undefined) parts.push(p.works_together + " works together");
    if (p.lift !== undefined) parts.push("lift " + Number(p.lift).toFixed(2));
    return { title: data.label, detail: parts.join(" · "), link: pageOf(data) };
  }

  function layoutOptions(count) {
    var fcose = typeof window.cytoscapeFcose === "function";
    return {
      name: fcose ? "fcose" : "cose",
      quality: count > 150 ? "default" : "proof",
      animate: false,
      randomize: true, // from the seeded Math.random: the same start on every load
      fit: false, // the view is set afterwards (Explorer.home)
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: count > 150 ? 50 : 70,
      nodeRepulsion: 9000,
      nodeSeparation: 90,
      gravity: 0.3,
    };
  }

  /* A small seeded PRNG (mulberry32). */
  function prng(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* Runs fn with Math.random seeded, and layout-base's own sequence (RandomSeed, a counter that
   * otherwise runs on from one layout to the next) restarted. fcose without animation runs
   * synchronously, so nothing else draws from the seeded Math.random. */
  function seeded(fn) {
    var saved = Math.random;
    var layoutBase = window.layoutBase;
    if (layoutBase && layoutBase.RandomSeed) layoutBase.RandomSeed.seed = 1;
    Math.random = prng(LAYOUT_SEED);
    try {
      return fn();
    } finally {
      Math.random = saved;
    }
  }

  /* The last resort of separate(), where pushing pairs apart did not settle (dense stars):
   * nodes are placed one by one, nearest the centre first; one that overlaps a node placed
   * before it moves the shortest way that clears them all, outwards from the centre or along an
   * axis. Ends with no overlap, deterministically. */
  function place(items) {
    var EPS = 0.01;
    var centre = items.filter(function (it) { return it.fixed; })[0] || { x: 0, y: 0 };
    function away(it) { return it.fixed ? -1 : Math.hypot(it.x - centre.x, it.y - centre.y); }
    var order = items.slice().sort(function (p, q) { return away(p) - away(q) || p.index - q.index; });
    var placed = [];
    function hit(it, x, y) {
      for (var k = 0; k < placed.length; k++) {
        var p = placed[k];
        if (x + it.x1 < p.x + p.x2 && p.x + p.x1 < x + it.x2 && y + it.y1 < p.y + p.y2 && p.y + p.y1 < y + it.y2) return p;
      }
      return null;
    }
    // how far along (dx, dy) (a unit vector) `it` must move to overlap nothing placed
    function clearance(it, dx, dy) {
      var t = 0;
      for (var guard = 0; guard < 10000; guard++) {
        var p = hit(it, it.x + t * dx, it.y + t * dy);
        if (!p) return t;
        var tx = dx > 0 ? (p.x + p.x2 - it.x - it.x1) / dx : dx < 0 ? (p.x + p.x1 - it.x - it.x2) / dx : Infinity;
        var ty = dy > 0 ? (p.y + p.y2 - it.y - it.y1) / dy : dy < 0 ? (p.y + p.y1 - it.y - it.y2) / dy : Infinity;
        t = Math.max(t, Math.min(tx, ty)) + EPS;
      }
      return Infinity;
    }
    order.forEach(function (it, i) {
      if (!it.fixed && hit(it, it.x, it.y)) {
        var rx = it.x - centre.x;
        var ry = it.y - centre.y;
        var r = Math.hypot(rx, ry);
        if (r < EPS) {
          rx = Math.cos(i * 2.39996);
          ry = Math.sin(i * 2.39996);
          r = 1;
        }
        var best = null;
        [[rx / r, ry / r], [1, 0], [-1, 0], [0, 1], [0, -1]].forEach(function (d) {
          var t = clearance(it, d[0], d[1]);
          if (!best || t < best.t) best = { t: t, dx: d[0], dy: d[1] };
        });
        it.x += best.t * best.dx;
        it.y += best.t * best.dy;
      }
      placed.push(it);
    });
  }

  /* Pushes apart nodes whose node-and-label boxes (plus LABEL_GAP) overlap, along the axis of
   * least overlap, in a fixed order: deterministic. The centre stays where the layout put it. */
  function separate(cy, center) {
    var half = LABEL_GAP / 2;
    var items = cy.nodes().map(function (n) {
      var p = n.position();
      var b = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return {
        node: n,
        x: p.x,
        y: p.y,
        x1: b.x1 - p.x - half,
        x2: b.x2 - p.x + half,
        y1: b.y1 - p.y - half,
        y2: b.y2 - p.y + half,
        fixed: n.id() === center,
      };
    });
    var EPS = 0.01;
    var order = items.map(function (it, i) { it.index = i; return it; });
    function left(it) { return it.x + it.x1; }
    for (var pass = 0; pass < 100; pass++) {
      var moved = false;
      // sweep from left to right: only boxes starting before one ends can overlap it
      order.sort(function (p, q) { return left(p) - left(q) || p.index - q.index; });
      for (var i = 0; i < order.length; i++) {
        var a = order[i];
        for (var j = i + 1; j < order.length && left(order[j]) < a.x + a.x2; j++) {
          var b = order[j];
          var ox = Math.min(a.x + a.x2, b.x + b.x2) - Math.max(a.x + a.x1, b.x + b.x1);
          if (ox <= 0) continue;
          var oy = Math.min(a.y + a.y2, b.y + b.y2) - Math.max(a.y + a.y1, b.y + b.y1);
          if (oy <= 0) continue;
          moved = true;
          var ka = a.fixed ? 0 : b.fixed ? 1 : 0.5;
          var kb = 1 - ka;
          if (ox < oy) {
            var dx = b.x + (b.x1 + b.x2) / 2 >= a.x + (a.x1 + a.x2) / 2 ? 1 : -1;
            a.x -= dx * (ox + EPS) * ka;
            b.x += dx * (ox + EPS) * kb;
          } else {
            var dy = b.y + (b.y1 + b.y2) / 2 >= a.y + (a.y1 + a.y2) / 2 ? 1 : -1;
            a.y -= dy * (oy + EPS) * ka;
            b.y += dy * (oy + EPS) * kb;
          }
        }
      }
      if (!moved) break;
    }
    if (moved) place(items);
    // the centre at the origin
    var origin = { x: 0, y: 0 };
    items.forEach(function (it) {
      if (it.fixed) origin = { x: it.x, y: it.y };
    });
    cy.batch(function () {
      items.forEach(function (it) {
        it.node.position({ x: it.x - origin.x, y: it.y - origin.y });
      });
    });
  }

  /* The centre and its first ring: everything but the second ring (co-authors' co-authors and
   * the works linking them to co-authors). */
  function firstRing(cy, centre) {
    return cy.nodes().filter(function (n) {
      var type = n.data("type");
      if (type === "Researcher") return (n.data("properties") || {}).depth !== 2;
      if (type === "Work") return n.edgesWith(centre).length > 0;
      return true;
    });
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

  Explorer.prototype.showEdgeTip = function (edge, at) {
    if (!this.tip) return;
    this.tip.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = edge.target().data("label");
    var detail = document.createElement("span");
    detail.textContent = DERIVED[edge.data("type")] || "";
    this.tip.appendChild(strong);
    this.tip.appendChild(detail);
    var box = this.container.getBoundingClientRect();
    this.tip.style.left = Math.max(4, Math.min(at.x + 12, box.width - 220)) + "px";
    this.tip.style.top = Math.max(4, at.y + 12) + "px";
    this.tip.hidden = false;
  };

  Explorer.prototype.hideTip = function () {
    if (this.tip) this.tip.hidden = true;
  };

  Explorer.prototype.draw = function (elements, center, note) {
    var self = this;
    if (this.cy) this.cy.destroy();
    this.container.dataset.state = "layout";
    elements = decorate(elements);
    var derived = deriveLinks(elements, center);
    var cy = cytoscape({
      container: this.container,
      elements: elements,
      style: styles(),
      layout: { name: "preset" }, // not the default grid, which depends on the window's size
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
    cy.on("mouseover", "edge[?derived]", function (evt) {
      evt.target.addClass("hover");
      self.showEdgeTip(evt.target, evt.renderedPosition);
    });
    cy.on("mouseout", "edge[?derived]", function (evt) {
      evt.target.removeClass("hover");
      self.hideTip();
    });
    cy.on("pan zoom", function () { self.hideTip(); });
    cy.on("tap", "node", function (evt) {
      var url = pageOf(evt.target.data());
      if (url && evt.target.id() !== center) window.location.assign(url);
    });
    var layout = cy.layout(layoutOptions(elements.nodes.length));
    layout.one("layoutstop", function () {
      separate(cy, center);
      var whole = self.home();
      self.container.dataset.nodes = String(cy.nodes().length);
      self.container.dataset.edges = String(cy.edges().length);
      self.container.dataset.state = "ready";
      self.setStatus(
        cy.nodes().length + " nodes and " + cy.edges().length + " edges drawn" + (note || "") +
        (derived ? "; dashed lines link co-authors and topics whose works are not drawn" : "") + "." +
        (whole ? "" : " Zoomed to stay readable: drag, or use the arrow keys, to see the rest; minus zooms out.")
      );
    });
    seeded(function () { layout.run(); });
  };

  /* The default view: the centre and its first ring fitted, at READABLE_ZOOM at least (then the
   * centre is in the middle and the drawing fills the box as far as it can) and
   * MAX_DEFAULT_ZOOM at most. Returns whether the whole drawing is in view. */
  Explorer.prototype.home = function () {
    var cy = this.cy;
    if (!cy || !cy.nodes().length) return true;
    var centre = cy.$(".center");
    var target = centre.length ? firstRing(cy, centre) : cy.nodes();
    cy.fit(target, PADDING);
    if (cy.zoom() > MAX_DEFAULT_ZOOM) {
      cy.zoom(MAX_DEFAULT_ZOOM);
      cy.center(target);
    } else if (cy.zoom() < READABLE_ZOOM) {
      cy.zoom(READABLE_ZOOM);
      cy.center(centre.length ? centre : target);
      this.fill(centre);
    }
    var all = cy.elements().renderedBoundingBox();
    var w = this.container.clientWidth;
    var h = this.container.clientHeight;
    return all.x1 >= -0.5 && all.y1 >= -0.5 && all.x2 <= w + 0.5 && all.y2 <= h + 0.5;
  };

  /* Pans so the drawing leaves no empty margin it could fill, keeping the centre's label in view. */
  Explorer.prototype.fill = function (centre) {
    var cy = this.cy;
    var all = cy.elements().renderedBoundingBox();
    var keep = centre.length ? centre.renderedBoundingBox({ includeLabels: true }) : null;
    function shift(lo, hi, size, keepLo, keepHi) {
      var d = 0;
      if (hi - lo + 2 * PADDING <= size) return (size - lo - hi) / 2; // it fits: centre it
      if (lo > PADDING) d = PADDING - lo;
      else if (hi < size - PADDING) d = size - PADDING - hi;
      if (keep) d = Math.max(PADDING / 2 - keepLo, Math.min(size - PADDING / 2 - keepHi, d));
      return d;
    }
    var w = this.container.clientWidth;
    var h = this.container.clientHeight;
    cy.panBy({
      x: shift(all.x1, all.x2, w, keep && keep.x1, keep && keep.x2),
      y: shift(all.y1, all.y2, h, keep && keep.y1, keep && keep.y2),
    });
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
        case "0": self.home(); break;
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
        else explorer.home();
      });
    });
    redraw();
  });
})();
