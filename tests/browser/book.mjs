// The book in a real browser: Debian's chromium, driven by puppeteer-core. Starts `dlmath serve
// --port 0`, opens every chapter (pictures inline), moves chapter 3's sliders and checks dy/da
// against `dlmath eval`, types a program in the playground and waits for its graph, trains on the
// network page until 10/10, and saves a screenshot of each page.
// Usage: node book.mjs DLMATH_EXE SCREENSHOT_DIR
import {spawn, execFileSync} from "node:child_process";
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import puppeteer from "puppeteer-core";

const [dlmath, shots] = process.argv.slice(2);
mkdirSync(shots, {recursive: true});
const fail = message => { throw new Error(message); };
const check = (ok, message) => { if (!ok) fail(message); console.log("ok - " + message); };

const server = spawn(dlmath, ["serve", "--port", "0"], {stdio: ["ignore", "pipe", "inherit"]});
const url = await new Promise((resolve, reject) => {
  server.stdout.once("data", d => {
    const m = /^dlmath: the book is at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(d.toString());
    m ? resolve(m[1]) : reject(new Error("unexpected first line: " + d));
  });
  server.once("exit", code => reject(new Error("dlmath serve exited with " + code)));
});
const profile = mkdtempSync(join(tmpdir(), "dlmath-chromium-"));
const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile],
  headless: true,
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1200, height: 900});
  page.setDefaultTimeout(240000);
  const errors = [];
  page.on("pageerror", e => errors.push(e.message));
  // A refused API request (the syntax error typed on purpose) logs "status of 400": expected.
  page.on("console", m => {
    if (m.type() === "error" && !/status of 400/.test(m.text())) errors.push(m.text());
  });

  await page.goto(url);
  check((await page.$$("ol.contents li")).length === 9, "the contents list nine chapters");
  await page.screenshot({path: join(shots, "contents.png")});

  for (let n = 1; n <= 9; ++n) {
    await page.goto(url + "chapter/" + n, {timeout: 240000});
    const inline = await page.$$eval("figure.picture > svg", s => s.length);
    const files = await page.$$eval("img", s => s.length);
    check(files === 0, `chapter ${n}: no picture is a file`);
    if (n !== 6 && n !== 7) check(inline >= 1, `chapter ${n}: ${inline} pictures inline as SVG`);
    const katex = await page.$$eval(".formula .katex", s => s.length);
    const formulas = await page.$$eval(".formula[data-tex]", s => s.length);
    check(katex === formulas, `chapter ${n}: ${formulas} formulas typeset`);
    if (n === 3) {
      await page.waitForFunction(() => document.getElementById("dyda")?.textContent !== "");
      // Move the sliders to a = 2, b = 0.5 (x stays at 0.8).
      await page.$eval("#slider-a", s => { s.value = "2"; s.dispatchEvent(new Event("input")); });
      await page.$eval("#slider-b", s => { s.value = "0.5"; s.dispatchEvent(new Event("input")); });
      const want = JSON.parse(execFileSync(dlmath, ["eval", "sigmoid(a*x + b)", "--at", "a=2,b=0.5,x=0.8", "--json"]));
      await page.waitForFunction(v => document.getElementById("dyda").textContent === v, {}, want.gradient.a);
      const got = await page.$eval("#dydb", e => e.textContent);
      check(got === want.gradient.b, `chapter 3: after the sliders dy/da = ${want.gradient.a} and dy/db = ${got}, as dlmath eval says`);
    }
    if (n === 7) {
      await page.waitForFunction(() => document.querySelectorAll("#fd-table tr").length === 16);
      const errors = await page.$$eval("#fd-table td:nth-child(2)", l => l.map(t => Math.abs(+t.textContent)));
      const best = Math.min(...errors);
      check(best < 1e-9 && errors[14] > 100 * best && errors[0] > 100 * best,
            `chapter 7: in double the central difference is best near the middle (${best.toExponential(1)}), worse at h = 0.1 and 1e-15`);
      // The network's graph: a neuron is one node; a click opens it, and its z node's gradient is
      // the paper's delta that the chapter prints above; a click on its frame closes it.
      const box = "#network-graph-svg";
      const texts = sel => page.$$eval(sel, l => l.map(t => t.textContent));
      await page.waitForSelector(`${box} svg`);
      const groups = await page.$$eval(`${box} g.node[id^='group:']`, l => l.map(n => n.id));
      check(groups.length === 9 && groups.includes("group:neuron 3.2") && !(await texts(`${box} text`)).includes("affine"),
            `chapter 7: the graph draws each of the 7 neurons, the input and the cost as one node (${groups.length})`);
      const closed = await texts(`${box} g.node[id='group:neuron 3.2'] text`);
      await page.click(`${box} g.node[id='group:neuron 3.2']`);
      await page.waitForSelector(`${box} g.cluster[id='open:neuron 3.2']`);
      const node = async (op) => page.$$eval(`${box} g.node`, (l, op) =>
        l.map(n => [...n.querySelectorAll("text")].map(t => t.textContent)).find(t => t[0] === op), op);
      const sigmoid = await node("sigmoid"), affine = await node("affine");
      check(sigmoid && closed[1] === sigmoid[1] && closed[2] === sigmoid[2],
            `chapter 7: neuron 3.2 shows its sigmoid's ${closed[1]}, ${closed[2]}; opened, the sigmoid node says ${sigmoid}`);
      const delta = +/delta\[3\]\[2\]\s+formula\s+(\S+)/.exec(await page.$eval("main", m => m.innerText))[1];
      check(affine && affine[2] === "grad " + +delta.toPrecision(4),
            `chapter 7: the open neuron's z node has ${affine && affine[2]}, the paper's delta[3][2] = ${delta}`);
      check((await page.$$(`${box} g.node[id^='group:']`)).length === 8, "chapter 7: the other neurons stay closed");
      await page.screenshot({path: join(shots, "chapter-7-neuron-open.png")});
      await page.click(`${box} g.cluster[id='open:neuron 3.2'] text`);
      await page.waitForFunction(b => document.querySelectorAll(`${b} g.node[id^='group:']`).length === 9, {}, box);
      check(!(await texts(`${box} text`)).includes("affine"), "chapter 7: a click on the open neuron's frame closes it");
      // From the keyboard: focus neuron 2.2, Enter opens it.
      await page.$eval(`${box} g.node[id='group:neuron 2.2']`, g => g.focus());
      await page.keyboard.press("Enter");
      await page.waitForSelector(`${box} g.cluster[id='open:neuron 2.2']`);
      check(await page.$eval(`${box} g.cluster[id='open:neuron 2.2']`, g => g.getAttribute("aria-label")) === "close neuron 2.2",
            "chapter 7: Enter on a focused neuron opens it, and its frame offers to close it");
      await page.click("#network-graph-open-all");
      await page.waitForFunction(b => document.querySelectorAll(`${b} g.cluster[id^='open:neuron ']`).length === 7, {}, box);
      check((await texts(`${box} text`)).filter(t => t === "affine").length === 7, "chapter 7: every neuron opens at once");
      await page.screenshot({path: join(shots, "chapter-7-all-open.png")});
      // Another point: the same picture, its numbers changed in place.
      await page.$eval(`${box} svg`, s => { s.dataset.first = "yes"; });
      const before = await texts(`${box} text`);
      await page.select("#network-graph-point", "2");
      await page.waitForFunction(b => /at point 2 \(/.test(document.querySelector(`${b} svg`).textContent), {}, box);
      const after = await texts(`${box} text`);
      check(await page.$eval(`${box} svg`, s => s.dataset.first === "yes") && after.length === before.length &&
            after.filter((t, k) => t !== before[k]).length > 20,
            `chapter 7: point 2 relabels the open graph in place (${after.filter((t, k) => t !== before[k]).length} labels changed)`);
    }
    if (n === 4) {
      await page.waitForSelector("#layer-graph-svg svg");
      await page.$eval("#layer-graph-svg svg", s => { s.dataset.first = "yes"; });
      await page.$eval("#layer-x1", f => { f.value = "0.9"; f.dispatchEvent(new Event("input")); });
      await page.waitForFunction(() => [...document.querySelectorAll("#layer-graph-svg text")]
        .some(t => t.textContent === "value 0.9"));
      check(await page.$eval("#layer-graph-svg svg", s => s.dataset.first === "yes"),
            "chapter 4: x1 = 0.9 updates the node labels in place, the layout stays");
    }
    if (n === 8) {
      // Step twice from the start (one pass of the ten points each), resume, pause, reset.
      const fig = ".interactive[data-figure=train]";
      const status = () => page.$eval(`${fig} .controls .number`, e => e.textContent);
      const setIn = (name, value) => page.$$eval(`${fig} .controls label`, (ls, [n, v]) => {
        const el = ls.find(l => l.textContent.startsWith(n + " ")).querySelector("input, select");
        el.value = v;
        el.dispatchEvent(new Event("change"));
      }, [name, value]);
      // Ten million steps (the server's limit), so the run is still going when it is paused.
      await setIn("steps", "10000000");
      await page.click(`${fig} button.step`);
      await page.waitForFunction(f => /^step 10 of .*\(paused\)$/.test(document.querySelector(f + " .controls .number").textContent), {}, fig);
      await page.click(`${fig} button.step`);
      await page.waitForFunction(f => /^step 20 of .*\(paused\)$/.test(document.querySelector(f + " .controls .number").textContent), {}, fig);
      const label = await page.$eval(`${fig} button.step`, b => b.textContent);
      check(label === "Step (10 updates)", `chapter 8: Step runs one pass of the points: ${await status()}`);
      await page.screenshot({path: join(shots, "chapter-8-stepped.png")});
      const train = `${fig} .controls button:first-of-type`;
      check(await page.$eval(train, b => b.textContent) === "Resume", "chapter 8: a stepped run can be resumed");
      await page.click(train);
      await page.waitForFunction(f => { const m = /^step (\d+) of/.exec(document.querySelector(f + " .controls .number").textContent); return m && +m[1] > 20; }, {}, fig);
      await page.click(train);  // pause
      await page.waitForFunction(f => /\(paused\)$/.test(document.querySelector(f + " .controls .number").textContent), {}, fig);
      const at = await status();
      await new Promise(r => setTimeout(r, 300));
      check(at === await status(), `chapter 8: paused, it stays paused: ${at}`);
      await page.click(`${fig} button.reset`);
      // An optimiser's constants: offered only while it is chosen, and trained with as
      // `dlmath train` trains with them.
      const shown = () => page.$$eval(`${fig} .controls label`, ls => ls.filter(l => !l.hidden).map(l => l.textContent.trim()));
      const offered = name => shown().then(l => l.includes(name));
      check(!(await offered("momentum")) && !(await offered("beta1")), "chapter 8: with sgd no optimiser constant is offered");
      await setIn("optimizer", "momentum");
      check(await offered("momentum") && !(await offered("beta1")), "chapter 8: momentum offers its mu only");
      // (at 20000 steps mu 0.7 gives 1.214e-1, sgd 2.509e-1 and the default mu 0.9 1.928e-3)
      await setIn("momentum", "0.7");
      await setIn("steps", "20000");
      await page.click(train);
      await page.waitForFunction(f => /\(done in/.test(document.querySelector(f + " .controls .number").textContent), {timeout: 60000}, fig);
      const cli = JSON.parse(execFileSync(dlmath, ["train", "--optimizer", "momentum", "--momentum", "0.7", "--steps", "20000", "--json"]));
      const want = `step 20000 of 20000: cost ${Number(cli.final_cost).toExponential(3)}`;
      check((await status()).startsWith(want), `chapter 8: momentum mu 0.7 trains as dlmath train does: ${await status()} (${want})`);
      // The curve holds every cost record of the run (step 0, then every 20 steps), though the
      // run is over within one or two of the stream's events; its last point is the final cost.
      const curve = await page.$eval(`${fig} svg[width="440"] polyline`, p => p.getAttribute("points").trim().split(/\s+/).length);
      check(curve === 1001, `chapter 8: the cost curve has the run's 1001 cost records: ${curve}`);
      // Its y axis names the cost it shows, as dlmath train prints it.
      const yname = await page.$eval(`${fig} svg[width="440"]`, s => [...s.querySelectorAll("text[transform]")].map(t => t.textContent).join());
      check(yname === "cost (1/N) Σ ½‖y − F‖²", `chapter 8: the curve's y axis is named: ${yname}`);
      const order = (await shown()).map(l => l.split(" ")[0]);
      check(order.indexOf("momentum") === order.indexOf("optimizer") + 1, `chapter 8: mu comes right after the optimiser: ${order.join(", ")}`);
      await page.screenshot({path: join(shots, "chapter-8-momentum.png")});
      await setIn("optimizer", "adam");
      check(await offered("beta1") && await offered("beta2") && await offered("epsilon") && !(await offered("momentum")),
            "chapter 8: adam offers beta1, beta2 and epsilon only");
      await setIn("optimizer", "sgd");
      await setIn("steps", "1000000");
      await page.click(`${fig} button.reset`);
    }
    await page.screenshot({path: join(shots, `chapter-${n}.png`), fullPage: n === 3});
  }

  await page.goto(url + "playground");
  await page.waitForSelector("#graph svg");
  await page.$eval("#program", t => { t.value = ""; });
  await page.type("#program", "z = w*x + b\nsigmoid(z)*z");
  await page.waitForFunction(() => document.querySelectorAll("#gradients tbody tr").length === 3 &&
                                   document.querySelector("#graph svg")?.textContent.includes("sigmoid"));
  const value = await page.$eval("#value", e => e.textContent);
  const inputs = await page.$$eval("#inputs input[type=text]", l => l.map(i => i.name + "=" + i.value).join(","));
  const want = JSON.parse(execFileSync(dlmath, ["eval", "z = w*x + b\nsigmoid(z)*z", "--at", inputs, "--json"]));
  check(value === want.value, `playground: value ${value} as dlmath eval says`);
  check(await page.$eval("#formula .katex", e => !!e), "playground: the derivative is typeset");
  await page.screenshot({path: join(shots, "playground.png")});
  await page.type("#program", " +* 2");
  await page.waitForSelector("#error:not([hidden])");
  const message = await page.$eval("#error", e => e.textContent);
  check(/^2:\d+:/.test(message), "playground: a syntax error shows its line and column: " + message.split("\n")[0]);
  await page.screenshot({path: join(shots, "playground-error.png")});

  await page.goto(url + "network");
  // The diagram follows the layers chosen: 2-2-3-2 has 16 weights, 2-5-2 has 20.
  const edges = () => page.$eval("#network-diagram", d => d.querySelectorAll("svg g.edge").length).catch(() => 0);
  await page.waitForFunction(() => document.querySelectorAll("#network-diagram svg g.edge").length === 16);
  const setField = async (label, value) => page.$$eval("label", (labels, [l, v]) => {
    const input = labels.find(e => e.textContent.startsWith(l)).querySelector("input");
    input.value = v;
    input.dispatchEvent(new Event("change"));
  }, [label, value]);
  await setField("layers", "2,5,2");
  await page.waitForFunction(() => document.querySelectorAll("#network-diagram svg g.edge").length === 20);
  // Activations one per layer: the diagram names each layer's.
  await setField("activations", "tanh,sigmoid");
  await page.waitForFunction(() => /layer 2 \(tanh\)/.test(document.getElementById("network-diagram").textContent));
  // The cost graph follows the network chosen: 5 + 2 neurons, one node each; one opens to its tanh.
  await page.waitForFunction(() => document.querySelectorAll("#lab-graph-svg g.node[id^='group:neuron ']").length === 7);
  await page.click("#lab-graph-svg g.node[id='group:neuron 2.3']");
  await page.waitForSelector("#lab-graph-svg g.cluster[id='open:neuron 2.3']");
  const opened = await page.$$eval("#lab-graph-svg g.node text", l => l.map(t => t.textContent));
  check(opened.includes("tanh") && opened.includes("affine") && opened.includes("W2[3,2]"),
        "network: the lab's cost graph follows the layers and activations chosen, neuron 2.3 opens to its tanh");
  await page.$eval("#lab-graph-svg", e => e.scrollIntoView());
  await page.screenshot({path: join(shots, "network-graph.png")});
  check(/layer 3 \(sigmoid\)/.test(await page.$eval("#network-diagram", d => d.textContent)),
        "network: activations chosen per layer are drawn (layer 2 tanh, layer 3 sigmoid)");
  await page.screenshot({path: join(shots, "network-2-5-2.png")});
  await setField("activations", "sigmoid");
  await setField("layers", "2,2,3,2");
  await page.waitForFunction(() => document.querySelectorAll("#network-diagram svg g.edge").length === 16);
  check(await edges() === 16, "network: the diagram follows the layers (16 weights, 20 for 2-5-2)");
  await page.click("button#train");
  await page.waitForFunction(() => /10\/10 correct \(done/.test(document.getElementById("train-status").textContent),
                             {timeout: 240000});
  const rows = await page.$$eval("table#parameters tr", r => r.length);
  check(rows === 24, "network: trained to 10/10, 23 parameters with their central differences");
  check(await page.$eval("#regions", e => e.querySelectorAll("rect").length) === 24 * 24, "network: the regions are drawn");
  // The trained diagram labels each edge with its weight, as the table gives it.
  const w = await page.$eval("table#parameters tr:nth-child(2) td:nth-child(2)", td => Number(td.textContent));
  const labels = await page.$eval("#network-diagram svg", s => [...s.querySelectorAll("g.edge text")].map(t => t.textContent));
  check(labels.includes(w.toPrecision(3)), `network: the trained diagram shows W2[1,1] = ${w.toPrecision(3)}`);
  await page.screenshot({path: join(shots, "network.png"), fullPage: true});

  // A learner's own data: three classes in [-3, 3]^2. The regions cover the data's extent with a
  // tenth to spare (as dlmath's other pictures do), every point lies inside, and each class has
  // the colour and marker of those pictures.
  const upload = mkdtempSync(join(tmpdir(), "dlmath-upload-"));
  // Writes `lines` as a CSV, uploads it to the lab, and trains it to the end.
  const uploadAndTrain = async (name, lines, points, layers, steps) => {
    writeFileSync(join(upload, name), lines.join("\n") + "\n");
    await (await page.$("input#csv")).uploadFile(join(upload, name));
    await page.waitForFunction(s => document.getElementById("train-status").textContent === s, {}, `${name}: ${points} points`);
    await setField("layers", layers);
    await setField("steps", String(steps));
    await page.click("button#train");
    await page.waitForFunction(s => new RegExp(`of ${s}: .*\\(done`).test(document.getElementById("train-status").textContent), {}, steps);
  };
  const csv = ["u,v,class"];
  for (let i = 0; i < 30; ++i) {
    const x = -3 + 6 * ((i * 7) % 30) / 29, y = -3 + 6 * ((i * 11) % 30) / 29;
    csv.push(`${x.toFixed(4)},${y.toFixed(4)},${x + y < -1 ? "P" : x - y > 1 ? "Q" : "R"}`);
  }
  await uploadAndTrain("three.csv", csv, 30, "2,4,3", 20000);
  const extent = await page.$eval(".extent", e => e.textContent);
  check(extent.startsWith("u from -3.6 to 3.6, v from -3.6 to 3.6"), `network: the regions cover the data's extent, axes named as in the CSV: ${extent}`);
  // The regions' axes: ticks and names as the PNG pictures write them, each tick where its value is.
  const regionAxes = () => page.$eval("#regions", s => {
    const ticks = cls => [...s.querySelectorAll("text." + cls)].map(t => ({label: t.textContent, x: +t.getAttribute("x"), y: +t.getAttribute("y")}));
    return {x: ticks("tick-x"), y: ticks("tick-y"), xname: s.querySelector("text.axis-x").textContent, yname: s.querySelector("text.axis-y").textContent};
  });
  const axes = await regionAxes();
  const at = (ticks, label) => ticks.find(t => t.label === label);
  check(axes.x.map(t => t.label).join(" ") === "-3 -2 -1 0 1 2 3" && axes.y.map(t => t.label).join(" ") === "-3 -2 -1 0 1 2 3" &&
        axes.xname === "u" && axes.yname === "v" &&
        Math.abs(at(axes.x, "0").x - (at(axes.x, "-3").x + at(axes.x, "3").x) / 2) < 0.01 &&
        Math.abs(at(axes.y, "0").y - (at(axes.y, "-3").y + at(axes.y, "3").y) / 2) < 0.01 && at(axes.y, "3").y < at(axes.y, "-3").y,
        `network: the regions' axes are named u and v, ticked -3 to 3 in place: ${JSON.stringify(axes)}`);
  const inputNames = await page.$eval("#network-diagram", d => [...d.querySelectorAll("g.node text")].map(t => t.textContent));
  check(inputNames.includes("u") && inputNames.includes("v") && !inputNames.includes("x1"), `network: the diagram names its inputs u and v, as the CSV: ${inputNames.slice(0, 4)}`);
  check(["P", "Q", "R"].every(c => extent.split(", v from")[1].includes(" " + c)), `network: the key names the three classes: ${extent}`);
  const marks = await page.$eval("#regions", s => [...s.querySelectorAll("path")].map(p => {
    const [x, y] = p.getAttribute("d").slice(1).split(/[L,M]/).map(Number);
    return {x, y, colour: p.getAttribute("stroke")};
  }));
  check(marks.length === 30 && marks.every(m => m.x >= 0 && m.x <= 1.05 && m.y >= -0.05 && m.y <= 1),
        `network: all 30 points lie inside the regions (${marks.length} drawn)`);
  check(new Set(marks.map(m => m.colour)).size === 3, "network: each class has its own colour");
  const fills = await page.$eval("#regions", s => [...new Set([...s.querySelectorAll("rect")].map(r => r.getAttribute("fill")))]);
  // A region's colour is its class's mixed with white, 3 parts in 4 (visual/plot).
  const light = c => "#" + [1, 3, 5].map(i => parseInt(c.slice(i, i + 2), 16))
    .map(v => (v + Math.trunc((255 - v) * 3 / 4)).toString(16).padStart(2, "0")).join("");
  const regionColours = new Set(marks.map(m => light(m.colour)));
  check(fills.length >= 2 && fills.every(f => regionColours.has(f)),
        `network: the regions are in the classes' light colours: ${fills.join(" ")}`);
  await page.screenshot({path: join(shots, "network-upload.png"), fullPage: true});
  // More than 512 points: the run's cost records are over a fixed sample of 512 (as `dlmath
  // train`'s), and the curve holds those only and says so.
  const many = ["x1,x2,class"];
  for (let i = 0; i < 600; ++i) many.push(`${((i * 37) % 600 / 600).toFixed(4)},${((i * 91) % 600 / 600).toFixed(4)},${i % 2 ? "A" : "B"}`);
  await uploadAndTrain("many.csv", many, 600, "2,2,3,2", 2000);
  const sampled = await page.$eval("#cost-curve", s => ({n: s.querySelector("polyline").getAttribute("points").trim().split(/\s+/).length,
    label: [...s.querySelectorAll("text")].map(t => t.textContent).find(t => t.startsWith("step"))}));
  check(sampled.n === 1001 && sampled.label === "step (cost over a sample of 512 points)",
        `network: 600 points: the curve has the run's 1001 records, over a sample, and says so (${sampled.n}, ${sampled.label})`);
  // Points 100 apart at 1e10: the extent has the digits that tell its ends apart (it read "1e+10
  // to 1e+10" with three digits).
  await uploadAndTrain("far.csv", ["a,b,class", "10000000000,0,A", "10000000100,1,B", "10000000050,0.5,A"], 3, "2,2,2", 200);
  const far = await page.$eval(".extent", e => e.textContent);
  check(far.startsWith("a from 9999999990 to 10000000110, b from -0.1 to 1.1"), `network: a far extent keeps its digits: ${far}`);
  const farAxes = await regionAxes();
  check(farAxes.xname === "a - 1e10" && farAxes.x.map(t => t.label).join(" ") === "0 20 40 60 80 100" &&
        farAxes.yname === "b" && farAxes.y.map(t => t.label).join(" ") === "0.0 0.2 0.4 0.6 0.8 1.0",
        `network: far points: ticks as offsets from 1e10, named so: ${farAxes.xname}: ${farAxes.x.map(t => t.label).join(" ")}`);
  // Three features: no regions to draw, and the figure says so instead of showing an empty square.
  await uploadAndTrain("three-features.csv", ["a,b,c,class", "0.1,0.2,0.3,A", "0.9,0.8,0.7,B", "0.2,0.1,0.3,A", "0.8,0.9,0.6,B"],
                       4, "3,3,2", 2000);
  check(await page.$eval(".extent", e => e.textContent) === "Regions are drawn for data of two features; this data has more." &&
        await page.$eval("#regions", s => s.childElementCount) === 0, "network: three features: no regions, and the figure says why");
  rmSync(upload, {recursive: true, force: true});

  // The static book from file://: the figures at their start, recorded by `dlmath book`.
  const book = mkdtempSync(join(tmpdir(), "dlmath-book-"));
  execFileSync(dlmath, ["book", "--out", book]);
  await page.goto("file://" + join(book, "chapter", "3.html"));
  const start = JSON.parse(execFileSync(dlmath, ["eval", "sigmoid(a*x + b)", "--at", "a=3,b=-1.5,x=0.8", "--json"]));
  await page.waitForFunction(v => document.getElementById("dyda")?.textContent === v, {}, start.gradient.a);
  check(await page.$eval("#slider-a", s => s.disabled), `static book: chapter 3 starts at dy/da = ${start.gradient.a}, its sliders disabled`);
  await page.goto("file://" + join(book, "chapter", "7.html"));
  await page.waitForSelector("#network-graph-svg g.node[id='group:neuron 2.1']");
  await page.click("#network-graph-svg g.node[id='group:neuron 2.1']");
  await page.waitForSelector("#network-graph-svg g.cluster[id='open:neuron 2.1']");
  check((await page.$$eval("#network-graph-svg text", l => l.map(t => t.textContent))).includes("affine"),
        "static book: chapter 7 opens a neuron of the network's graph from the recorded answers");
  await page.$eval("#network-graph-svg", e => e.scrollIntoView());
  await page.screenshot({path: join(shots, "static-chapter-7.png")});
  await page.goto("file://" + join(book, "chapter", "8.html"));
  await page.waitForFunction(() => /^step 0 of 1000000: cost .*, 5\/10 correct$/.test(document.querySelector(".interactive[data-figure=train] .controls .number").textContent));
  check(await page.$eval(".interactive[data-figure=train] svg.regions", e => e.querySelectorAll("rect").length) === 24 * 24,
        "static book: chapter 8 shows the untrained network's regions and cost");
  await page.screenshot({path: join(shots, "static-chapter-8.png"), fullPage: true});
  rmSync(book, {recursive: true, force: true});
  check(errors.length === 0, "no script errors" + (errors.length ? ": " + errors.join("; ") : ""));
} catch (e) {
  console.error("not ok - " + e.message);
  failed = true;
} finally {
  await browser.close();
  server.kill("SIGINT");
  rmSync(profile, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
