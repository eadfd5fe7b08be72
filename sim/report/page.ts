/**
 * index.html of one scenario's report folder: what was run, the headline KPIs
 * with their intervals, what differs from the baseline, the charts (inlined, so
 * the page works offline from file://) and links to the tables. Deterministic:
 * the same folder always gives the same bytes (no clock, no random ids).
 */
import { parameterValueText } from "./parameter-text.js";
import { meanInterval } from "../stats/mean-interval.js";
import { repsText, runSeedsText } from "./charts/common.js";
import { formatInterval, formatValue, compactNumber } from "../io/format.js";
import { categoryName, kpiLabel, MESSAGES, t, type Lang, type MessageKey } from "../i18n/index.js";
import { escapeHtml, figure, htmlT, link, pageShell } from "./html.js";
import type { CategoryRow, KpiSummary, ReportData } from "./read-report.js";
import type { ChartEntry } from "./report-charts.js";
import { resolutionSentence, sampleText, scalesText } from "./resolution-note.js";

/** KPIs shown in bold at the top of the table: the ones a strategy review starts from. */
const HEADLINE = new Set(["gmv_total", "gmv_growth", "repurchase_rate", "merchant_growth", "merchants_over_mark", "nps_end", "subsidy_total", "platform_net"]);

const TABLE_NOTES: Record<string, MessageKey> = {
  "summary.json": "table.summary",
  "manifest.json": "table.manifest",
  "timeseries.csv": "table.timeseries",
  "by_category.csv": "table.byCategory",
  "by_tier.csv": "table.byTier",
  "followers.csv": "table.followers",
};

export function reportPage(report: ReportData, charts: readonly ChartEntry[], svgs: ReadonlyMap<string, string>, lang: Lang = "en"): string {
  const { meta, manifest } = report;
  const h = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const body = `<header>
<h1>${escapeHtml(meta.scenario)}</h1>
${meta.description ? `<p class="lead">${escapeHtml(meta.description)}</p>` : ""}
<nav>${link("#kpis", t(lang, "page.nav.kpis"))}${link("#differs", t(lang, "page.nav.parameters"))}${link("#charts", t(lang, "page.nav.charts"))}${report.byCategory?.length ? link("#categories", t(lang, "page.nav.categories")) : ""}${link("#tables", t(lang, "page.nav.tables"))}${link("#run", t(lang, "page.nav.run"))}</nav>
</header>
<main>
<p class="note"><strong>${h("page.platform")}</strong> ${escapeHtml(resolutionSentence(meta, lang))}</p>
<p class="note">${escapeHtml(t(lang, "page.runNote", { reps: repsText(meta.reps, lang), seeds: runSeedsText(meta, lang), days: meta.horizonDays }))}</p>
${warningsNote(manifest.warnings ?? [], lang)}
<h2 id="kpis">${h("page.h.kpis")}</h2>
${kpiTables(report, lang)}
<h2 id="differs">${h("page.h.differs")}</h2>
${differsTable(report, lang)}
<h2 id="charts">${h("page.h.charts")}</h2>
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "", "charts", lang)).join("\n")}
${report.byCategory?.length ? `<h2 id="categories">${h("page.h.categories")}</h2>\n${categoryTable(report.byCategory, lang)}` : ""}
<h2 id="tables">${h("page.h.tables")}</h2>
<ul class="files">
${report.tables.map((f) => `<li>${link(f, f)} <span class="muted">— ${TABLE_NOTES[f] ? h(TABLE_NOTES[f]) : ""}</span></li>`).join("\n")}
</ul>
<h2 id="run">${h("page.h.run")}</h2>
${runDetails(report, lang)}
</main>
<footer>${htmlT(lang, "page.footer", { version: manifest.version ? ` ${escapeHtml(manifest.version)}` : "", command: "<code>sim report FOLDER</code>" })}</footer>`;
  return pageShell(t(lang, "page.title", { scenario: meta.scenario }), body, lang);
}

/** Headline KPIs first (those of HEADLINE the summary has), then all others; with no headline KPI present, one table of all. */
function kpiTables(report: ReportData, lang: Lang): string {
  const entries = Object.entries(report.summary.kpis);
  const headline = entries.filter(([key]) => HEADLINE.has(key));
  const others = entries.filter(([key]) => !HEADLINE.has(key));
  if (headline.length === 0) return kpiTable(entries, lang);
  return `${kpiTable(headline, lang)}\n${others.length ? `<h3>${escapeHtml(t(lang, "page.h.otherKpis"))}</h3>\n${kpiTable(others, lang)}` : ""}`;
}

function kpiTable(entries: [string, KpiSummary][], lang: Lang): string {
  const rows = entries.map(([key, k]) => {
    const unit = k.unit ?? "";
    return `<tr><td>${escapeHtml(kpiLabel(key, k.label ?? key, lang))} <code>${escapeHtml(key)}</code></td><td class="num">${escapeHtml(formatValue(k.mean, unit, lang))}</td><td class="num">${escapeHtml(formatInterval(k.ci95 ?? [NaN, NaN], unit, lang))}</td><td class="num">${escapeHtml(formatValueOrBare(k.sd, unit, lang))}</td></tr>`;
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table class="kpis">
<thead><tr><th>${th("page.th.kpi")}</th><th class="num">${th("page.th.mean")}</th><th class="num">${th("page.th.interval")}</th><th class="num">${th("page.th.sd")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function formatValueOrBare(x: number, unit: string, lang: Lang): string {
  return Number.isFinite(x) ? formatValue(x, unit, lang) : t(lang, "format.na");
}

function differsTable(report: ReportData, lang: Lang): string {
  const diffs = report.manifest.differsFromBaseline ?? [];
  if (diffs.length === 0) return `<p>${htmlT(lang, "page.differs.none", { unknown: report.manifest.differsFromBaseline ? "" : htmlT(lang, "page.differs.unknown") })}</p>`;
  const rows = diffs.map((d) => `<tr><td><code>${escapeHtml(d.path)}</code></td><td class="num">${escapeHtml(parameterValueText(d.path, d.value, lang))}</td><td class="num">${escapeHtml(parameterValueText(d.path, d.baseline, lang))}</td></tr>`);
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table>
<thead><tr><th>${th("page.th.parameter")}</th><th class="num">${th("page.th.thisScenario")}</th><th class="num">${th("page.th.baseline")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}


function categoryTable(rows: readonly CategoryRow[], lang: Lang): string {
  const categories: string[] = [];
  for (const r of rows) if (!categories.includes(r.category)) categories.push(r.category);
  const reps = new Set(rows.map((r) => r.rep)).size;
  const totalGmv = rows.reduce((s, r) => s + r.gmv, 0) / Math.max(1, reps);
  const body = categories.map((cat) => {
    const own = rows.filter((r) => r.category === cat);
    const gmv = meanInterval(own.map((r) => r.gmv));
    const orders = own.reduce((s, r) => s + r.orders, 0);
    const returns = own.reduce((s, r) => s + r.returns, 0);
    return `<tr><td>${escapeHtml(categoryName(cat, lang))}</td><td class="num">${escapeHtml(formatValue(gmv.mean, "RMB", lang))}</td><td class="num">${escapeHtml(formatInterval(gmv.ci95, "RMB", lang))}</td><td class="num">${escapeHtml(formatValue(gmv.mean / totalGmv, "share", lang))}</td><td class="num">${escapeHtml(compactNumber(orders / Math.max(1, reps), lang))}</td><td class="num">${escapeHtml(formatValue(orders > 0 ? returns / orders : NaN, "share", lang))}</td></tr>`;
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table>
<thead><tr><th>${th("page.th.category")}</th><th class="num">${th("page.th.gmvMean")}</th><th class="num">${th("page.th.interval")}</th><th class="num">${th("page.th.gmvShare")}</th><th class="num">${th("page.th.orders")}</th><th class="num">${th("page.th.returnRate")}</th></tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}

function runDetails(report: ReportData, lang: Lang): string {
  const m = report.manifest;
  const items: [MessageKey, string | undefined][] = [
    ["page.run.scenario", report.meta.scenario],
    ["page.run.reps", String(report.meta.reps)],
    ["page.run.seeds", report.meta.seeds.join(", ")],
    ["page.run.baseSeed", m.baseSeed?.toString()],
    ["page.run.horizon", t(lang, "format.days", { n: report.meta.horizonDays })],
    ["page.run.sample", sampleText(report.meta, lang)],
    ["page.run.scales", scalesText(report.meta, lang)],
    ["page.run.command", m.commandLine],
    ["page.run.version", m.version],
    ["page.run.created", m.createdAt],
    ["page.run.threads", m.threads?.toString()],
    ["page.run.wallTime", m.wallTimeSec !== undefined ? t(lang, "format.seconds", { n: m.wallTimeSec.toFixed(1) }) : undefined],
    ["page.run.memory", m.peakRssMb !== undefined ? t(lang, "format.mb", { n: Math.round(m.peakRssMb) }) : undefined],
  ];
  return `<dl class="meta">
${items.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `<dt>${escapeHtml(MESSAGES[k][lang])}</dt><dd><code>${escapeHtml(v!)}</code></dd>`).join("\n")}
</dl>`;
}

/** What `sim run` warned about (a lever set to act that never acted, capacity reached): on the page, not only in the terminal. */
function warningsNote(warnings: readonly string[], lang: Lang): string {
  if (warnings.length === 0) return "";
  return `<div class="note"><strong>${escapeHtml(t(lang, "page.warnings"))}</strong><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`;
}
