// What every page shares: calling the API, typesetting formulas with KaTeX, small SVG charts, and
// pan and zoom for graph pictures. Plain JS, no build step.
"use strict";
const dl = {
  live: document.body.dataset.live === "yes",
  // What each interactive figure starts from (server/figures.cpp, in every page).
  starts: JSON.parse(document.getElementById("figure-starts")?.textContent || "{}"),

  // The key of a request among the answers `dlmath book` recorded for its static pages: the path
  // and the fields sorted by name (server/figures.cpp makes the same).
  recordedKey(path, fields) {
    return path + " " + JSON.stringify(Object.keys(fields).sort().map(k => [k, String(fields[k])]));
  },

  // POSTs the fields form-encoded (long programs do not fit a URL); resolves to
  // {ok, status, body} with body parsed as JSON when it is JSON.
  async api(path, fields) {
    if (!dl.live) {
      const r = (window.dlRecorded || {})[dl.recordedKey(path, fields)];
      if (!r) return {ok: false, status: 0, body: {error: "this is live under `dlmath serve`"}};
      return {ok: true, status: 200, body: r.type.startsWith("application/json") ? JSON.parse(r.body) : r.body};
    }
    const response = await fetch(path, {
      method: "POST",
      body: new URLSearchParams(fields),
    });
    const type = response.headers.get("Content-Type") || "";
    const body = type.startsWith("application/json") ? await response.json() : await response.text();
    return {ok: response.ok, status: response.status, body};
  },

  typeset(root) {
    if (!window.katex) return;
    for (const el of (root || document).querySelectorAll(".formula[data-tex]"))
      katex.render(el.dataset.tex, el, {displayMode: true, throwOnError: false});
  },

  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  },

  svg(tag, attrs) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  },

  // A label of 11-pixel text at (x, y), anchored "start", "middle" or "end"; `more` adds
  // attributes (a class, a rotation).
  text(x, y, anchor, content, more) {
    const t = dl.svg("text", {x, y, "text-anchor": anchor, "font-size": 11, ...more});
    t.textContent = content;
    return t;
  },

  // A line chart in `svg` (width x height): series of [x, y] points; a log10 y axis if asked;
  // o.xlabel and o.ylabel name the axes.
  chart(svg, series, o) {
    const W = +svg.getAttribute("width"), H = +svg.getAttribute("height"), pad = 42;
    svg.replaceChildren();
    const all = series.flatMap(s => s.points).filter(p => isFinite(p[1]) && (!o.logY || p[1] > 0));
    if (all.length === 0) return;
    const fy = o.logY ? y => Math.log10(y) : y => y;
    let x0 = o.x0 ?? Math.min(...all.map(p => p[0])), x1 = o.x1 ?? Math.max(...all.map(p => p[0]));
    let y0 = o.y0 ?? Math.min(...all.map(p => fy(p[1]))), y1 = o.y1 ?? Math.max(...all.map(p => fy(p[1])));
    if (o.logY) { y0 = Math.floor(y0); y1 = Math.ceil(y1); }
    if (x1 === x0) x1 = x0 + 1;
    if (y1 === y0) y1 = y0 + 1;
    const X = x => pad + (x - x0) / (x1 - x0) * (W - pad - 10);
    const Y = y => H - 24 - (fy(y) - y0) / (y1 - y0) * (H - 34);
    svg.append(dl.svg("rect", {x: pad, y: 10, width: W - pad - 10, height: H - 34, fill: "none", stroke: "#999"}));
    const every = Math.max(1, Math.ceil((y1 - y0) / 8));  // at most about 8 decades labelled
    const ticks = o.logY ? Array.from({length: Math.floor((y1 - y0) / every) + 1}, (_, k) => y0 + k * every)
                         : [y0, (y0 + y1) / 2, y1];
    for (const t of ticks) {
      const y = H - 24 - (t - y0) / (y1 - y0) * (H - 34);
      svg.append(dl.text(pad - 4, y + 4, "end", o.logY ? "1e" + t : (+t.toPrecision(3)).toString()),
                 dl.svg("line", {x1: pad, x2: W - 10, y1: y, y2: y, stroke: "#eee"}));
    }
    for (const [t, anchor] of [[x0, "start"], [x1, "end"]])
      svg.append(dl.text(X(t), H - 8, anchor, (+t.toPrecision(4)).toString()));
    if (o.ylabel)  // up the left edge, left of the tick labels
      svg.append(dl.text(0, 0, "middle", o.ylabel, {transform: `translate(10 ${(H - 14) / 2}) rotate(-90)`}));
    if (o.xlabel) svg.append(dl.text(W / 2, H - 8, "middle", o.xlabel));
    for (const s of series) {
      const pts = s.points.filter(p => isFinite(p[1]) && (!o.logY || p[1] > 0));
      svg.append(dl.svg("polyline", {fill: "none", stroke: s.color, "stroke-width": 2,
        points: pts.map(p => X(p[0]).toFixed(1) + "," + Y(p[1]).toFixed(1)).join(" ")}));
      if (pts.length === 1)  // one point draws no line: mark it
        svg.append(dl.svg("circle", {cx: X(pts[0][0]), cy: Y(pts[0][1]), r: 3, fill: s.color}));
    }
  },

  // Shows a graph's SVG in `box`. With `relabel` and the same nodes as the graph shown, the
  // layout stays (and the view's pan and zoom): only each node's text changes, found by its id,
  // as micrograd's view does. Else the new picture replaces the old.
  showGraph(box, svgText, relabel) {
    const old = box.querySelector("svg");
    if (relabel && old) {
      const fresh = new DOMParser().parseFromString(svgText, "image/svg+xml");
      const nodes = fresh.querySelectorAll("g.node");
      const pairs = [...nodes].map(n => [n.querySelectorAll("text"),
        old.querySelectorAll("g.node#" + CSS.escape(n.id) + " text")]);
      const same = nodes.length === old.querySelectorAll("g.node").length &&
        pairs.every(([now, was]) => now.length > 0 && now.length === was.length);
      // The picture's own title too ("at point 2"): it is not a node's.
      const titles = [fresh, old].map(svg => svg.querySelectorAll("g.graph > text"));
      if (same && titles[0].length === titles[1].length) {
        for (const [now, was] of pairs) now.forEach((t, k) => { was[k].textContent = t.textContent; });
        titles[0].forEach((t, k) => { titles[1][k].textContent = t.textContent; });
        return;
      }
    }
    box.innerHTML = svgText;
    dl.panZoom(box);
  },

  // Drag to pan, wheel to zoom, double-click to reset: on the viewBox of the SVG in `box`.
  panZoom(box) {
    const svg = box.querySelector("svg");
    if (!svg) return;
    const base = svg.viewBox.baseVal;
    const start = [base.x, base.y, base.width, base.height];
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    let drag = null;
    box.onwheel = e => {
      e.preventDefault();
      const k = e.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
      const fx = (e.clientX - r.left) / r.width, fy = (e.clientY - r.top) / r.height;
      const w = base.width * k, h = base.height * k;
      base.x += (base.width - w) * fx;
      base.y += (base.height - h) * fy;
      base.width = w;
      base.height = h;
    };
    box.onmousedown = e => { drag = [e.clientX, e.clientY, base.x, base.y]; };
    box.onmousemove = e => {
      if (!drag) return;
      const r = svg.getBoundingClientRect(), s = Math.max(base.width / r.width, base.height / r.height);
      base.x = drag[2] - (e.clientX - drag[0]) * s;
      base.y = drag[3] - (e.clientY - drag[1]) * s;
    };
    box.onmouseup = box.onmouseleave = () => { drag = null; };
    box.ondblclick = () => { [base.x, base.y, base.width, base.height] = start; };
  },
};
dl.typeset();
