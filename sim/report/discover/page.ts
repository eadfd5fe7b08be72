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
import { escapeHtml, figure, htmlT, link, pageShell } from "../html.js";
import { MESSAGES, t, type Lang, type MessageKey } from "../../i18n/index.js";
import type { DiscoverChart } from "./charts.js";
import type { Discovery } from "./tables.js";

export const CHARTS_DIR = "discovery-charts";

const pct = (x: number, lang: Lang): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : t(lang, "format.na"));
const num = (x: number, lang: Lang): string => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : t(lang, "format.na"));

function limitText(l: Limit, lang: Lang): string {
  return l.kind === "numeric" ? t(lang, "discover.range", { low: num(l.low, lang), high: num(l.high, lang) }) : l.values.join(", ");
}

const TABLE_NOTES: Record<string, MessageKey> = {
  "discovery.csv": "discover.table.discovery",
  "discovery-boxes.csv": "discover.table.boxes",
  "discovery.json": "discover.table.json",
};

export function discoveryPage(d: Discovery, charts: readonly DiscoverChart[], svgs: ReadonlyMap<string, string>, tables: readonly string[], lang: Lang = "en"): string {
  const h = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const s = d.settings;
  const body = `<header>
<h1>${escapeHtml(t(lang, "discover.h1", { name: d.sweepName }))}</h1>
<p class="lead">${htmlT(lang, "discover.lead", { where: `<code>${escapeHtml(d.where)}</code>` })}</p>
<nav>${d.prim ? link("#prim", "PRIM") : ""}${d.cart ? link("#cart", "CART") : ""}${link("#tables", t(lang, "page.nav.tables"))}${link("#method", t(lang, "discover.nav.method"))}</nav>
</header>
<main>
<p class="note">${escapeHtml(t(lang, "discover.note", { satisfied: d.satisfied, points: d.points, share: pct(d.satisfied / d.points, lang), source: d.source }))}</p>
${d.points < 50 ? `<p class="callout">${escapeHtml(t(lang, "discover.few", { n: d.points }))}</p>` : ""}
${d.prim ? primSection(d, d.prim, charts, svgs, lang) : ""}
${d.cart ? cartSection(d, d.cart, lang) : ""}
<h2 id="tables">${h("page.h.tables")}</h2>
<ul class="files">
${tables.map((f) => `<li>${link(f, f)} <span class="muted">— ${TABLE_NOTES[f] ? h(TABLE_NOTES[f]) : ""}</span></li>`).join("\n")}
</ul>
<h2 id="method">${h("discover.nav.method")}</h2>
<p class="note">${htmlT(lang, "discover.method", { alpha: String(s.alpha), minMass: String(s.minMass), threshold: String(s.threshold), maxDepth: String(s.maxDepth), library: "ml-cart" })}</p>
</main>
<footer>${htmlT(lang, "discover.footer", { version: escapeHtml(d.version), command: "<code>sim discover</code>" })}</footer>`;
  return pageShell(t(lang, "discover.title", { name: d.sweepName }), body, lang);
}

function primSection(d: Discovery, prim: PrimResult, charts: readonly DiscoverChart[], svgs: ReadonlyMap<string, string>, lang: Lang): string {
  const b = prim.chosen;
  const picked = prim.trajectory[prim.pickedIndex];
  const rule = prim.rule === "threshold"
    ? t(lang, "discover.prim.threshold", { box: picked.index, peels: prim.trajectory.length - 1, threshold: d.settings.threshold })
    : t(lang, "discover.prim.densest", { threshold: d.settings.threshold, box: picked.index });
  const paste = prim.pastes > 0
    ? t(lang, prim.pastes === 1 ? "discover.prim.pasted.one" : "discover.prim.pasted.many", { n: prim.pastes, from: pct(picked.density, lang), to: pct(b.density, lang) })
    : "";
  const rows = b.restricted.map((j) => `<tr><td><code>${escapeHtml(d.parameters[j].name)}</code></td><td class="num">${escapeHtml(limitText(b.limits[j], lang))}</td><td class="num">${escapeHtml(limitText(prim.full[j], lang))}</td></tr>`);
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const stats = t(lang, "discover.prim.stats", { coverage: pct(b.coverage, lang), density: pct(b.density, lang), mass: pct(b.mass, lang), n: b.n, yes: b.yes });
  return `<h2 id="prim">${th("discover.prim.h")}</h2>
<p>${escapeHtml(rule + paste)}</p>
<p><strong>${escapeHtml(stats)}</strong></p>
${rows.length > 0 ? `<table>
<thead><tr><th>${th("page.th.parameter")}</th><th class="num">${th("discover.th.inBox")}</th><th class="num">${th("discover.th.sampled")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>` : `<p>${th("discover.prim.none")}</p>`}
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "", CHARTS_DIR, lang)).join("\n")}`;
}

function cartSection(d: Discovery, cart: CartResult, lang: Lang): string {
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  if (cart.boxes.length === 0) {
    return `<h2 id="cart">${th("discover.cart.h")}</h2>\n<p>${escapeHtml(t(lang, cart.leaves.length === 1 ? "discover.cart.none.one" : "discover.cart.none.many", { n: cart.leaves.length }))}</p>`;
  }
  const rows = cart.boxes.map((b) => {
    const conditions = b.restricted.map((j) => `${d.parameters[j].name}: ${limitText(b.limits[j], lang)}`).join("; ") || t(lang, "discover.cart.noCondition");
    return `<tr><td>${escapeHtml(t(lang, "discover.cart.leaf", { n: b.index }))}</td><td>${escapeHtml(conditions)}</td><td class="num">${b.n}</td><td class="num">${escapeHtml(pct(b.coverage, lang))}</td><td class="num">${escapeHtml(pct(b.density, lang))}</td></tr>`;
  });
  return `<h2 id="cart">${th("discover.cart.h")}</h2>
<p class="note">${escapeHtml(t(lang, "discover.cart.note", { n: cart.leaves.length }))}</p>
<table>
<thead><tr><th>${th("discover.th.box")}</th><th>${th("discover.th.conditions")}</th><th class="num">${th("discover.th.points")}</th><th class="num">${th("discover.th.coverage")}</th><th class="num">${th("discover.th.density")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}
