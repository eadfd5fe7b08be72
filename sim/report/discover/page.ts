/**
 * discovery.html: which parameter ranges of a sweep lead to the outcome the
 * `--where` expression names. The expression and how many points satisfy it,
 * PRIM's chosen box (the rule that picked it, its ranges as a table and a
 * chart, the trade-off chart), CART's boxes, the tables, the method notes.
 * Offline like every page of the project: the charts are inlined.
 */
import type { Limit } from "../../experiments/discover/box.js";
import type { CartResult } from "../../experiments/discover/cart.js";
import type { PrimResult } from "../../experiments/discover/prim.js";
import { escapeHtml, figure, link, pageShell } from "../html.js";
import type { DiscoverChart } from "./charts.js";
import type { Discovery } from "./tables.js";

export const CHARTS_DIR = "discovery-charts";

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
const num = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : "n/a");

function limitText(l: Limit): string {
  return l.kind === "numeric" ? `${num(l.low)} to ${num(l.high)}` : l.values.join(", ");
}

const TABLE_NOTES: Record<string, string> = {
  "discovery.csv": "PRIM's peeling trajectory: per box its coverage, density, mass, points, restricted parameters and bounds (a set of values is listed in the _low column, separated by |)",
  "discovery-boxes.csv": "the chosen boxes, one row per restricted parameter: method, box, parameter, low, high, coverage, density",
  "discovery.json": "the expression, the counts, the settings and the chosen boxes",
};

export function discoveryPage(d: Discovery, charts: readonly DiscoverChart[], svgs: ReadonlyMap<string, string>, tables: readonly string[]): string {
  const body = `<header>
<h1>Scenario discovery: ${escapeHtml(d.sweepName)}</h1>
<p class="lead">Which ranges of the swept parameters lead to <code>${escapeHtml(d.where)}</code>?</p>
<nav>${d.prim ? link("#prim", "PRIM") : ""}${d.cart ? link("#cart", "CART") : ""}${link("#tables", "Tables")}${link("#method", "Method")}</nav>
</header>
<main>
<p class="note">${escapeHtml(`${d.satisfied} of ${d.points} design points (${pct(d.satisfied / d.points)}) satisfy the expression, evaluated on each point's mean KPI values over its replications (from ${d.source}; reference points left out). Coverage: the share of the satisfying points a box holds. Density: the share of a box's points that satisfy. Mass: the share of all points in the box.`)}</p>
${d.points < 50 ? `<p class="callout">${escapeHtml(`Only ${d.points} points: boxes found on so few are rough. A Latin hypercube of a few hundred points gives firmer ranges.`)}</p>` : ""}
${d.prim ? primSection(d, d.prim, charts, svgs) : ""}
${d.cart ? cartSection(d, d.cart) : ""}
<h2 id="tables">Tables</h2>
<ul class="files">
${tables.map((f) => `<li>${link(f, f)} <span class="muted">— ${escapeHtml(TABLE_NOTES[f] ?? "")}</span></li>`).join("\n")}
</ul>
<h2 id="method">Method</h2>
<p class="note">PRIM (Friedman &amp; Fisher 1999), as in EMA Workbench's scenario discovery (Bryant &amp; Lempert 2010): starting from the box holding every point, each step removes the share alpha = ${d.settings.alpha} of the box's points at one end of one numeric parameter (or one value of a parameter swept over a list of texts), the one that raises the density most per point removed, until the next box would hold less than ${d.settings.minMass} of all points. The picked box is, of the boxes on this trajectory whose density reaches ${d.settings.threshold}, the one with the highest coverage (the densest of those that tie); when none reaches it, the densest. It is then pasted: widened one bound at a time while that raises its density. CART (Breiman et al. 1984): a classification tree of the outcome on the parameters (ml-cart, Gini splits, depth at most ${d.settings.maxDepth}); each leaf where most points satisfy the expression is a box, the conditions on the path to it.</p>
</main>
<footer>Written by livecommerce-sim ${escapeHtml(d.version)} with <code>sim discover</code>, from the sweep folder's points alone.</footer>`;
  return pageShell(`${d.sweepName} — scenario discovery`, body);
}

function primSection(d: Discovery, prim: PrimResult, charts: readonly DiscoverChart[], svgs: ReadonlyMap<string, string>): string {
  const b = prim.chosen;
  const picked = prim.trajectory[prim.pickedIndex];
  const rule = prim.rule === "threshold"
    ? `Box ${picked.index} of the ${prim.trajectory.length - 1} peels: of the boxes whose density reaches the threshold ${d.settings.threshold}, the one with the highest coverage (the densest of those that tie).`
    : `No box reaches the density threshold ${d.settings.threshold}: box ${picked.index}, the densest, is shown. Lower --threshold, or read the trade-off chart for another box (discovery.csv has them all).`;
  const paste = prim.pastes > 0 ? ` Pasting widened it ${prim.pastes} time${prim.pastes === 1 ? "" : "s"} (density ${pct(picked.density)} → ${pct(b.density)}).` : "";
  const rows = b.restricted.map((j) => `<tr><td><code>${escapeHtml(d.parameters[j].name)}</code></td><td class="num">${escapeHtml(limitText(b.limits[j]))}</td><td class="num">${escapeHtml(limitText(prim.full[j]))}</td></tr>`);
  return `<h2 id="prim">PRIM: the chosen box</h2>
<p>${escapeHtml(rule + paste)}</p>
<p><strong>${escapeHtml(`Coverage ${pct(b.coverage)}, density ${pct(b.density)}, mass ${pct(b.mass)} (${b.n} points, ${b.yes} satisfying).`)}</strong></p>
${rows.length > 0 ? `<table>
<thead><tr><th>Parameter</th><th class="num">In the box</th><th class="num">Sampled</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>` : "<p>The box restricts no parameter: no range of the parameters concentrates the points that satisfy the expression.</p>"}
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "", CHARTS_DIR)).join("\n")}`;
}

function cartSection(d: Discovery, cart: CartResult): string {
  if (cart.boxes.length === 0) {
    return `<h2 id="cart">CART: boxes from a classification tree</h2>\n<p>${escapeHtml(`The tree (${cart.leaves.length} leaf${cart.leaves.length === 1 ? "" : "s"}) has no leaf where most points satisfy the expression.`)}</p>`;
  }
  const rows = cart.boxes.map((b) => {
    const conditions = b.restricted.map((j) => `${d.parameters[j].name}: ${limitText(b.limits[j])}`).join("; ") || "(no condition)";
    return `<tr><td>leaf ${b.index}</td><td>${escapeHtml(conditions)}</td><td class="num">${b.n}</td><td class="num">${escapeHtml(pct(b.coverage))}</td><td class="num">${escapeHtml(pct(b.density))}</td></tr>`;
  });
  return `<h2 id="cart">CART: boxes from a classification tree</h2>
<p class="note">${escapeHtml(`The leaves (of ${cart.leaves.length}) where most points satisfy the expression, densest first. A bound is a split point, halfway between two sampled values.`)}</p>
<table>
<thead><tr><th>Box</th><th>Conditions</th><th class="num">Points</th><th class="num">Coverage</th><th class="num">Density</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}
