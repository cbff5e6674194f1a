// The playground: a program in, its value, gradient table, derivative formula and graph out, all
// from the server's engine; redone (once the typing pauses) after each change.
"use strict";
(() => {
  const program = document.getElementById("program"), error = document.getElementById("error");
  const value = document.getElementById("value"), formula = document.getElementById("formula");
  const gradients = document.querySelector("#gradients tbody"), graph = document.getElementById("graph");
  const precision = document.getElementById("precision"), wrt = document.getElementById("wrt");
  const inputs = document.getElementById("inputs");
  const values = {x: "0.5", w: "1.5", b: "-0.5", v: "2", c: "0.1"};  // remembered per name
  if (!dl.live) {
    error.hidden = false;
    error.textContent = "The playground computes on the server: run `dlmath serve`.";
    return;
  }
  let timer = null, ticket = 0, shownProgram = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(update, 150); };
  program.oninput = later;
  precision.onchange = later;
  wrt.onchange = later;

  // A syntax error "L:C: message": show it, and put the editor's caret there.
  function showError(message) {
    error.hidden = false;
    error.textContent = message;
    const m = /^(\d+):(\d+):/.exec(message);
    if (!m) return;
    const lines = program.value.split("\n");
    let at = 0;
    for (let k = 0; k < +m[1] - 1 && k < lines.length; ++k) at += lines[k].length + 1;
    at += +m[2] - 1;
    if (document.activeElement !== program) program.setSelectionRange(at, at + 1);
  }

  function fieldsFor(names) {
    const present = new Set([...inputs.querySelectorAll("input[type=text]")].map(i => i.name));
    if (names.length === present.size && names.every(n => present.has(n))) return;
    inputs.replaceChildren();
    for (const name of names) {
      if (!(name in values)) values[name] = "1";
      const text = dl.el("input", {type: "text", name, value: values[name], id: "input-" + name});
      const slider = dl.el("input", {type: "range", min: -5, max: 5, step: 0.05, value: +values[name] || 0});
      text.oninput = () => { values[name] = text.value.trim(); if (isFinite(+text.value)) slider.value = text.value; later(); };
      slider.oninput = () => { text.value = values[name] = slider.value; later(); };
      inputs.append(dl.el("div", {class: "controls"}, dl.el("label", {}, name + " ", text, " ", slider)));
    }
    const chosen = wrt.value;
    wrt.replaceChildren(...names.map(n => dl.el("option", n === chosen ? {value: n, selected: ""} : {value: n}, n)));
  }

  async function update() {
    const mine = ++ticket, source = program.value;
    const known = await dl.api("/api/inputs", {program: source});
    if (mine !== ticket) return;
    if (!known.ok) return showError(known.body.error);
    fieldsFor(known.body.inputs);
    const at = known.body.inputs.map(n => n + "=" + values[n]).join(",");
    const fields = {program: source, at, precision: precision.value};
    const [ev, svg, diff] = await Promise.all([
      dl.api("/api/eval", fields), dl.api("/api/graph.svg", {program: source, at}),
      known.body.inputs.length ? dl.api("/api/diff", {program: source, wrt: wrt.value || known.body.inputs[0]}) : null]);
    if (mine !== ticket) return;
    if (!ev.ok) return showError(ev.body.error);
    error.hidden = true;
    value.textContent = ev.body.value;
    gradients.replaceChildren(...Object.entries(ev.body.gradient).map(([name, d]) =>
      dl.el("tr", {}, dl.el("td", {}, name), dl.el("td", {}, d))));
    if (diff && diff.ok) {
      // Named subexpressions (t_1 = ...) come first, each on its own line; the derivative itself
      // is the last line, so d/dw belongs there, aligned with the t-lines at their "=".
      const lines = diff.body.latex.split(/\s*\\\\\s*\n/);
      const d = `\\frac{\\partial}{\\partial ${diff.body.wrt.replace(/_/g, "\\_")}} &= ` + lines.pop();
      const named = lines.map(line => line.replace(" = ", " &= "));
      const tex = "\\begin{aligned}" + [...named, d].join(" \\\\ ") + "\\end{aligned}";
      if (window.katex) katex.render(tex, formula, {displayMode: true, throwOnError: false});
      else formula.textContent = diff.body.derivative;
    } else formula.textContent = "";
    // The same program at other values: keep the layout, change the numbers.
    if (svg.ok) { dl.showGraph(graph, svg.body, source === shownProgram); shownProgram = source; }
    else graph.textContent = svg.body.error;
  }
  update();
})();
