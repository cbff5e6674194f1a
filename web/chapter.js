// The interactive figures of the chapters and the network lab. Every number comes from the
// server's engine through the API; the browser only draws.
"use strict";

const figures = {
  // Chapter 3: sliders for a, b and x; sigma(ax + b) redrawn, dy/da, dy/db, dy/dx by the engine.
  "sigmoid-ab"(root, start) {
    const sliders = {};
    const controls = dl.el("div", {class: "controls"});
    for (const {name, min, max, value} of start.sliders) {
      const s = dl.el("input", {type: "range", min, max, step: 0.1, value, id: "slider-" + name});
      const shown = dl.el("span", {class: "number", id: "shown-" + name}, value);
      s.oninput = () => { shown.textContent = s.value; update(); };
      sliders[name] = s;
      controls.append(dl.el("label", {}, name + " ", s, " ", shown));
    }
    const numbers = dl.el("div", {class: "numbers"});
    const plot = dl.svg("svg", {width: 520, height: 260, id: "sigmoid-ab-plot"});
    root.append(dl.el("h3", {}, "Try it: y = sigma(ax + b), computed by dlmath's engine"), controls, numbers,
                dl.el("div", {class: "plots"}, plot));
    const row = (id, label) => dl.el("div", {}, label + " = ", dl.el("span", {id}, ""));
    numbers.append(row("y-value", "y"), row("dyda", "dy/da"), row("dydb", "dy/db"), row("dydx", "dy/dx"));
    let pending = 0;
    async function update() {
      const a = +sliders.a.value, b = +sliders.b.value, x = +sliders.x.value;
      const curve = [];
      for (let t = -6; t <= 6.0001; t += 0.05) curve.push([t, 1 / (1 + Math.exp(-(a * t + b)))]);
      dl.chart(plot, [{points: curve, color: "#1f77b4"}, {points: [[x, 0], [x, 1]], color: "#d62728"}],
               {x0: -6, x1: 6, y0: 0, y1: 1, xlabel: "x", ylabel: "σ(ax + b)"});
      const ticket = ++pending;
      const r = await dl.api("/api/eval", {program: start.program,
        at: `a=${sliders.a.value},b=${sliders.b.value},x=${sliders.x.value}`});
      if (ticket !== pending || !r.ok) return;
      document.getElementById("y-value").textContent = r.body.value;
      document.getElementById("dyda").textContent = r.body.gradient.a;
      document.getElementById("dydb").textContent = r.body.gradient.b;
      document.getElementById("dydx").textContent = r.body.gradient.x;
    }
    update();
  },

  // Chapter 4: the layer's graph with every value and gradient; change X, W or B and redraw.
  "layer-graph"(root, start) {
    const program = start.program;
    const controls = dl.el("div", {class: "controls"});
    const fields = {};
    for (const [name, value] of Object.entries(start.values)) {
      fields[name] = dl.el("input", {type: "text", value, id: "layer-" + name});
      fields[name].oninput = update;
      controls.append(dl.el("label", {}, name + " ", fields[name]));
    }
    const graph = dl.el("div", {class: "graph", id: "layer-graph-svg"});
    const error = dl.el("pre", {class: "error", hidden: ""});
    root.append(dl.el("h3", {}, "Try it: change X, W or B; the graph shows each node's value and gradient"),
                controls, error, graph);
    async function update() {
      const at = Object.entries(fields).map(([k, f]) => k + "=" + f.value.trim()).join(",");
      const r = await dl.api("/api/graph.svg", {program, at});
      error.hidden = r.ok;
      if (!r.ok) { error.textContent = r.body.error; return; }
      dl.showGraph(graph, r.body, true);  // same program: the layout stays, the numbers change
    }
    update();
  },

  // Chapter 7: the article's network's cost graph at one point of its ten.
  "network-graph"(root, start) {
    networkGraph(root, {fields: () => start.fields, points: start.points, id: "network-graph",
      title: "Open a neuron: click it for its weights, its sum z and its sigmoid; click its frame to close it"})();
  },

  // Chapter 7: autodiff beside central differences for one neuron, y = sigma(ax + b), in the
  // chosen precision. The error of each difference is computed by the engine in that precision
  // (the program subtracts the autodiff value), not in the browser's doubles.
  "finite-differences"(root, start) {
    const point = start.point;
    const controls = dl.el("div", {class: "controls"});
    const select = (label, options, id) => {
      const s = dl.el("select", {id});
      for (const [v, text] of options) s.append(dl.el("option", {value: v}, text));
      controls.append(dl.el("label", {}, label + " ", s));
      s.onchange = update;
      return s;
    };
    const parameter = select("d/d", [["a", "a (the weight)"], ["b", "b (the bias)"]], "fd-parameter");
    const precision = select("precision", [["double", "double"], ["float", "float"], ["50", "50 digits"]], "fd-precision");
    const table = dl.el("table", {id: "fd-table"});
    const plot = dl.svg("svg", {width: 440, height: 260, id: "fd-plot"});
    const numbers = dl.el("div", {class: "numbers"});
    root.append(dl.el("h3", {}, "Try it on one neuron: y = sigma(ax + b) at a = 3, b = -1.5, x = 0.8"),
                controls, numbers, dl.el("div", {class: "plots"}, plot, table));
    const at = extra => Object.entries({...point, ...extra}).map(([k, v]) => k + "=" + v).join(",");
    let ticket = 0;
    async function update() {
      const mine = ++ticket, p = parameter.value, P = precision.value;
      const ad = await dl.api("/api/eval", {program: start.program, at: at({}), precision: P});
      if (mine !== ticket || !ad.ok) return;
      const g = ad.body.gradient[p];
      numbers.textContent = `dy/d${p} by autodiff (${P}) = ${g}`;
      const program = start.differences[p];
      const rows = [], curve = [];
      for (const h of start.h) {
        const r = await dl.api("/api/eval", {program, at: at({h, g}), precision: P});
        if (mine !== ticket) return;
        if (!r.ok) continue;
        rows.push([h, r.body.value]);
        curve.push([Math.log10(+h), Math.abs(+r.body.value)]);
      }
      table.replaceChildren(dl.el("tr", {}, dl.el("th", {}, "h"), dl.el("th", {}, "central difference - autodiff")),
        ...rows.map(([h, v]) => dl.el("tr", {}, dl.el("td", {}, h), dl.el("td", {}, (+v).toExponential(2)))));
      dl.chart(plot, [{points: curve, color: "#d62728"}], {logY: true, xlabel: "log10 h", ylabel: "|difference|"});
    }
    update();
  },

  train(root, start) { trainer(root, start, {}); },
  "train-beyond"(root, start) { trainer(root, start, {}); },
};

// Training, live: the fields of /api/train the figure offers (from its start), a train / pause /
// resume button, a step button, the cost curve, the regions, the parameters.
// The cost graph of a network at one data point, a neuron one node (its output's value and
// gradient): a click on a neuron opens it (weights, affine node z, activation), a click on an open
// neuron's frame closes it. The server draws; the page keeps the set of open groups. o.fields()
// gives the network's fields (those of /api/train); o.points, when known, the number of points.
// Returns the redraw, for a page whose fields change.
function networkGraph(root, o) {
  const open = new Set();
  const point = o.points ? dl.el("select", {id: o.id + "-point"}) : dl.el("input", {type: "number", min: 1, value: 1, id: o.id + "-point"});
  for (let k = 1; k <= (o.points || 0); ++k) point.append(dl.el("option", {value: k}, String(k)));
  const openAll = dl.el("button", {type: "button", id: o.id + "-open-all"}, "Open every neuron");
  const closeAll = dl.el("button", {type: "button", id: o.id + "-close-all"}, "Close all");
  const controls = dl.el("div", {class: "controls"}, dl.el("label", {}, "cost at point ", point), openAll, closeAll);
  const graph = dl.el("div", {class: "graph", id: o.id + "-svg"});
  const error = dl.el("pre", {class: "error", hidden: ""});
  root.append(dl.el("h3", {}, o.title), controls, error, graph);
  let shown = null, ticket = 0;
  async function update() {
    const mine = ++ticket, f = {...o.fields(), point: point.value};
    if (open.size) f.expand = [...open].sort().join(",");
    const r = await dl.api("/api/network-graph.svg", f);
    if (mine !== ticket) return;
    error.hidden = r.ok;
    if (!r.ok) { error.textContent = typeof r.body === "object" ? r.body.error : r.body; return; }
    const key = JSON.stringify({...f, point: 0});
    dl.showGraph(graph, r.body, key === shown);  // only the point changed: keep the layout
    shown = key;
    // From the keyboard too: Tab to a neuron, Enter or Space opens (or closes) it.
    for (const g of graph.querySelectorAll("g.node[id^='group:'], g.cluster[id^='open:']")) {
      const name = g.id.slice(g.id.indexOf(":") + 1);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", (g.id.startsWith("group:") ? "open " : "close ") + name);
    }
  }
  function toggle(hit) {
    const name = hit.id.slice(hit.id.indexOf(":") + 1);
    if (hit.id.startsWith("group:")) open.add(name); else open.delete(name);
    update();
  }
  // A drag pans the picture: only a click that did not move opens or closes.
  let down = null;
  graph.addEventListener("mousedown", e => { down = [e.clientX, e.clientY]; });
  graph.addEventListener("click", e => {
    if (down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 4) return;
    const hit = e.target.closest("g.node[id^='group:'], g.cluster[id^='open:']");
    if (hit) toggle(hit);
  });
  graph.addEventListener("keydown", e => {
    const hit = e.target.closest && e.target.closest("g.node[id^='group:'], g.cluster[id^='open:']");
    if (!hit || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    toggle(hit);
  });
  openAll.onclick = () => {
    for (const n of graph.querySelectorAll("g.node[id^='group:neuron ']")) open.add(n.id.slice(6));
    update();
  };
  closeAll.onclick = () => { open.clear(); update(); };
  point.onchange = update;
  return () => { open.clear(); update(); };
}

function trainer(root, start, o) {
  const ids = o.ids || {};
  const controls = dl.el("div", {class: "controls"});
  const input = (label, el) => { controls.append(dl.el("label", {}, label + " ", el)); return el; };
  const select = (options, value) => {
    const s = dl.el("select", {});
    for (const v of options) s.append(dl.el("option", v === value ? {value: v, selected: ""} : {value: v}, v));
    return s;
  };
  const choices = start.choices || {};  // the server's own tables
  // A typed field (the lab's activations: one name, or one per layer from 2) suggests the
  // choices; a chosen one offers them in a menu.
  const typed = new Set(o.typed || []);
  const labels = {activation: typed.has("activation") ? "activations" : "hidden activation"};
  const field = {};
  // An optimiser's constants come right after its menu.
  const reads = start.constants || {};
  const names = Object.keys(start.fields).filter(n => !(n in reads));
  names.splice(names.includes("optimizer") ? names.indexOf("optimizer") + 1 : names.length, 0,
               ...Object.keys(reads).filter(n => n in start.fields));
  for (const name of names) {
    const value = start.fields[name];
    let el;
    if (choices[name] && !typed.has(name)) el = select(choices[name], value);
    else {
      el = dl.el("input", {type: "text", value});
      if (choices[name]) {
        const list = dl.el("datalist", {id: `choices-${name}`}, ...choices[name].map(v => dl.el("option", {value: v})));
        el.setAttribute("list", list.id);
        el.style.width = "14em";
        el.setAttribute("title", `one name for every hidden layer (the last stays ${start.output_activation}), or one per layer from 2: ` + choices[name].join(", "));
        controls.append(list);
      }
    }
    field[name] = input(labels[name] || name, el);
  }
  // An optimiser's constants (momentum's mu, Adam's betas and epsilon) are offered only while it
  // is chosen, and only then sent: the server refuses a constant the run would not use.
  const offerConstants = () => {
    for (const [name, optimizer] of Object.entries(reads))
      if (field[name]) field[name].parentElement.hidden = !field.optimizer || field.optimizer.value !== optimizer;
  };
  if (field.optimizer) field.optimizer.addEventListener("change", offerConstants);
  offerConstants();
  const upload = o.upload ? input("or a CSV", dl.el("input", {type: "file", accept: ".csv,text/csv", id: "csv"})) : null;
  // Train starts a run; while it runs the same button pauses it, and then resumes it. Step runs
  // the next few updates (one pass over the points) of a paused run, or starts one paused.
  const button = dl.el("button", {type: "button", id: ids.train || ""}, "Train");
  const stepButton = dl.el("button", {type: "button", class: "step"}, "Step");
  const resetButton = dl.el("button", {type: "button", class: "reset", disabled: ""}, "Reset");
  const status = dl.el("span", {class: "number", id: ids.status || ""}, "");
  controls.append(button, stepButton, resetButton, status);
  const error = dl.el("pre", {class: "error", hidden: ""});
  const cost = dl.svg("svg", {width: 440, height: 260, id: ids.cost || ""});
  // The regions in a square of side S pixels at (L, T), drawn in units of that square; its ticks
  // and axis names around it, as the PNG pictures write them.
  const L = 52, T = 8, S = 236;
  const regions = dl.svg("svg", {width: L + S + 12, height: T + S + 44, class: "regions", id: ids.regions || ""});
  // The regions' square: the unit square for the article's points, else the data's extent with a
  // margin (the server's grid says which, by the rule of dlmath's other pictures).
  const extent = dl.el("div", {class: "note extent"}, "");
  let classes = [];  // as dlmath's pictures draw them: from the stream's first event
  let features = ["x1", "x2"];  // the data's column names: from the stream's first event
  let axes = null;  // the regions' ticks and axis names: from the stream's first event
  const table = dl.el("table", {id: ids.parameters || ""});
  // The network as the article draws it: at the start, when paused, and trained.
  const diagram = dl.el("div", {class: "network-diagram", id: ids.network || ""});
  root.append(dl.el("h3", {}, o.title || "Train it live: the cost (log axis) and the decision regions"),
              controls, error, dl.el("div", {class: "plots"}, cost, dl.el("div", {}, regions, extent)), diagram, table);
  // The network chosen, as the graph of its cost at one point of its data, before training.
  const redrawGraph = o.graph && dl.live ? networkGraph(root, {id: o.graph,
    fields: () => { const f = fields(); if (uploaded) f.data = uploaded; return f; },
    title: "Its cost graph at one point, before training: click a neuron to open it, its frame to close it"}) : null;
  const drawDiagram = e => {
    if (e.network) diagram.innerHTML = e.network;  // SVG made by the server's Graphviz
    else if (e.network_note) diagram.textContent = e.network_note;
  };
  // The request's fields, from the controls: one activation named is taken by the hidden layers,
  // the last layer keeping the server's default (its start's output_activation); a list (one per layer from 2) is sent as it is.
  const fields = () => {
    const f = {};
    for (const [name, el] of Object.entries(field)) f[name] = el.value.trim();
    for (const [name, optimizer] of Object.entries(reads)) if (f.optimizer !== optimizer) delete f[name];
    const last = start.output_activation;
    if (f.activation && f.activation !== last && !f.activation.includes(","))
      f.activation = Array((f.layers || "2,2,3,2").split(",").length - 2).fill(f.activation).concat([last]).join(",");
    return f;
  };
  let stream = null, streamId = null, paused = false, stepAtStart = false;
  let history = [], sample = 0, points = [], uploaded = null;
  if (upload) upload.onchange = async () => {
    const file = upload.files[0];
    if (!file) return;
    const r = await dl.api("/api/data", {csv: await file.text(), name: file.name});
    error.hidden = r.ok;
    if (!r.ok) { error.textContent = r.body.error; uploaded = null; return; }
    uploaded = r.body.data;
    status.textContent = `${file.name}: ${r.body.points} points`;
    preview();
  };
  const stop = () => {
    if (stream) stream.close();
    stream = streamId = null;
    paused = false;
    button.textContent = "Train";
    resetButton.disabled = true;
    for (const el of controls.querySelectorAll("select, input")) el.disabled = false;
  };
  const setPaused = p => { paused = p; button.textContent = p ? "Resume" : "Pause"; };
  async function control(action) {
    if (!streamId) return;
    const r = await dl.api("/api/train/control", {stream: streamId, action});
    if (r.ok) setPaused(action !== "resume");
  }
  // Category k's marker (its strokes, in units of its half-width r, y up) centred at (cx, cy).
  const marker = (k, cx, cy, r, width) => dl.svg("path", {fill: "none", stroke: classes[k].colour, "stroke-width": width,
    d: classes[k].marker.map(s => "M" + s.map(([u, v]) => `${(cx + u * r).toFixed(4)},${(cy - v * r).toFixed(4)}`).join("L")).join("")});
  // grid: the event's (none for data of more than two features); null before any event.
  function drawRegions(grid) {
    regions.replaceChildren();
    extent.replaceChildren();
    if (grid === null) return;
    if (grid === undefined) {
      extent.textContent = "Regions are drawn for data of two features; this data has more.";
      return;
    }
    const {x0, x1, y0, y1} = grid;  // the square the server's grid covers
    const X = x => (x - x0) / (x1 - x0), Y = y => 1 - (y - y0) / (y1 - y0);
    // Each axis's ends with the digits that tell them apart: three more than their size over
    // their distance needs ("9999999990 to 10000000110", not "1e+10 to 1e+10").
    const ends = (a, b) => {
      const digits = Math.min(17, 3 + Math.max(0, Math.ceil(Math.log10(Math.max(Math.abs(a), Math.abs(b)) / (b - a)))));
      return `from ${+a.toPrecision(digits)} to ${+b.toPrecision(digits)}`;
    };
    extent.replaceChildren(`${features[0]} ${ends(x0, x1)}, ${features[1]} ${ends(y0, y1)}`,
      ...classes.map((c, k) => {
        const key = dl.svg("svg", {width: 12, height: 12});
        key.append(marker(k, 6, 6, 4.5, 1.5));
        return dl.el("span", {class: "class-key"}, key, " " + c.name);
      }));
    const square = dl.svg("g", {transform: `translate(${L} ${T}) scale(${S})`});
    regions.append(square);
    const n = grid.n, c = 1 / n;
    for (let r = 0; r < n; ++r)
      for (let k = 0; k < n; ++k) {
        const look = classes[grid.cells.charCodeAt(r * n + k) - 65];
        square.append(dl.svg("rect", {x: k * c, y: r * c, width: c + 0.001, height: c + 0.001,
          fill: look ? look.region : "#eee"}));
      }
    for (const [x, y, category] of points)
      if (classes[category]) square.append(marker(category, X(x), Y(y), 0.025, 0.008));
    if (!axes) return;
    const tick = (x1, y1, x2, y2) => dl.svg("line", {x1, y1, x2, y2, stroke: "#333"});
    regions.append(dl.svg("polyline", {fill: "none", stroke: "#333",
      points: `${L},${T} ${L + S},${T} ${L + S},${T + S} ${L},${T + S} ${L},${T}`}));
    for (const [v, label] of axes[0].ticks) {
      const px = L + S * X(v);
      regions.append(tick(px, T + S, px, T + S - 5), dl.text(px, T + S + 14, "middle", label, {class: "tick-x"}));
    }
    for (const [v, label] of axes[1].ticks) {
      const py = T + S * Y(v);
      regions.append(tick(L, py, L + 5, py), dl.text(L - 4, py + 4, "end", label, {class: "tick-y"}));
    }
    regions.append(dl.text(L + S / 2, T + S + 32, "middle", axes[0].name, {class: "axis-x"}),
                   dl.text(0, 0, "middle", axes[1].name, {class: "axis-y", transform: `translate(11 ${T + S / 2}) rotate(-90)`}));
  }
  // What a run's first event says once: its points, classes, column names and the regions' axes.
  const takeFirst = e => {
    points = e.points || [];
    classes = e.classes || [];
    features = e.features || ["x1", "x2"];
    axes = e.axes || null;
  };
  // The curve: every cost record the training took (about 1000 a run, each event bringing those
  // since the last); and, over all the points, the first event's cost and a paused run's (its
  // steps fall between records), unless the records are over a sample of them (a large data
  // set): the curve then holds the sample's costs only. A running event's own cost is left out:
  // the records hold the curve, and how many events a run sends depends on the machine's speed.
  function show(e) {
    if (e.history_sample) sample = e.history_sample;
    const add = (s, c) => { if (!history.length || s > history.at(-1)[0]) history.push([s, c]); };
    for (const [s, c] of e.history || []) add(s, c);
    if (!sample && (e.paused || !history.length)) add(e.step, e.cost);
    status.textContent = `step ${e.step} of ${e.steps}: cost ${e.cost.toExponential(3)}, ${e.correct}/${e.total} correct` +
      (e.paused ? " (paused)" : "");
    dl.chart(cost, [{points: history, color: "#1f77b4"}], {logY: true,
      xlabel: sample ? `step (cost over a sample of ${sample} points)` : "step",
      ylabel: field.cost && field.cost.value === "cross-entropy" ? "cost (cross-entropy)" : "cost (1/N) Σ ½‖y − F‖²"});
    drawRegions(e.grid);
    drawDiagram(e);
  }
  // Before a run, the diagram follows the layers, activation, data and seed chosen.
  let asked = 0;
  async function preview() {
    if (!dl.live || stream) return;
    const f = fields(), mine = ++asked;
    if (uploaded) f.data = uploaded;
    if (redrawGraph) redrawGraph();
    const r = await dl.api("/api/network.svg", f);
    if (mine !== asked || stream) return;
    if (r.ok) diagram.innerHTML = r.body;
    else diagram.textContent = typeof r.body === "object" ? r.body.error : r.body;
  }
  for (const el of Object.values(field)) el.addEventListener("change", preview);
  button.onclick = () => stream ? control(paused ? "resume" : "pause") : begin(false);
  stepButton.onclick = () => stream ? control("step") : begin(true);
  resetButton.onclick = () => { stop(); history = []; sample = 0; status.textContent = ""; };
  function begin(stepped) {
    history = [];
    sample = 0;
    table.replaceChildren();
    error.hidden = true;
    const f = fields();
    if (uploaded) f.data = uploaded;
    if (stepped) f.paused = "1";
    stream = new EventSource("/api/train?" + new URLSearchParams(f));
    setPaused(stepped);
    stepAtStart = stepped;
    resetButton.disabled = false;
    for (const el of controls.querySelectorAll("select, input")) el.disabled = true;
    stream.onmessage = m => {
      const e = JSON.parse(m.data);
      if (e.classes) takeFirst(e);
      if (e.stream) {
        streamId = e.stream;
        stepButton.textContent = `Step (${e.step_size} update${e.step_size === 1 ? "" : "s"})`;
        if (stepAtStart) control("step");
      }
      show(e);
    };
    stream.addEventListener("done", m => {
      const e = JSON.parse(m.data);
      show(e);
      status.textContent += ` (done in ${e.seconds.toFixed(2)} s)`;
      table.replaceChildren(dl.el("tr", {}, ...["parameter", "value", "dCost/dp (reverse sweep)", "central difference", "relative difference"]
        .map(h => dl.el("th", {}, h))));
      for (const p of e.parameters) {
        const rel = Math.abs(p.gradient - p.central_difference) / Math.max(Math.abs(p.gradient), 1e-300);
        table.append(dl.el("tr", {}, ...[p.name, p.value.toPrecision(6), p.gradient.toExponential(6),
          p.central_difference.toExponential(6), rel.toExponential(1)].map(t => dl.el("td", {}, t))));
      }
      stop();
    });
    stream.addEventListener("error", async m => {
      if (m.data) { error.hidden = false; error.textContent = JSON.parse(m.data).error; }
      else if (stream && stream.readyState === EventSource.CLOSED) {
        // The request itself was refused: ask again to read why.
        const r = await fetch(stream.url);
        if (!r.ok) { error.hidden = false; error.textContent = (await r.json()).error; }
      }
      stop();
    });
  }
  drawRegions(null);
  preview();
  if (!dl.live) {
    // The static book: the state at step 0, recorded by `dlmath book`.
    (async () => {
      const r = await dl.api("/api/train", fields());
      if (r.ok) { takeFirst(r.body); show(r.body); }
      else drawRegions(null);
    })();
    for (const c of controls.querySelectorAll("input, select, button")) c.disabled = true;
  }
}

for (const el of document.querySelectorAll(".interactive[data-figure]")) {
  const make = figures[el.dataset.figure], start = dl.starts[el.dataset.figure];
  if (!make || !start) continue;
  make(el, start);
  if (!dl.live) {
    // The static book shows the figure as it starts; its controls work under `dlmath serve`.
    for (const c of el.querySelectorAll("input, select, button")) c.disabled = true;
    el.append(dl.el("p", {class: "note"}, "The figure at its start, computed when the book was written; under `dlmath serve` its controls are live."));
  }
}
for (const el of document.querySelectorAll(".lab[data-lab=network]")) {
  trainer(el, dl.starts["network-lab"], {upload: true, typed: ["activation"], title: "Choose, train, inspect", graph: "lab-graph",
               ids: {train: "train", cost: "cost-curve", regions: "regions", parameters: "parameters", status: "train-status",
                     network: "network-diagram"}});
  if (!dl.live) el.append(dl.el("p", {class: "note"}, "The network at its start, computed when the book was written; under `dlmath serve` it trains live."));
}
