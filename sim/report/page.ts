/**
 * index.html of one scenario's report folder: what was run, the headline KPIs
 * with their intervals, what differs from the baseline, the charts (inlined, so
 * the page works offline from file://) and links to the tables. Deterministic:
 * the same folder always gives the same bytes (no clock, no random ids).
 */
import { parameterValueText } from "./parameter-text.js";
import { meanInterval } from "../stats/mean-interval.js";
import { runSeedsText } from "./charts/common.js";
import { formatInterval, formatValue, compactNumber } from "../io/format.js";
import { escapeHtml, figure, link, pageShell } from "./html.js";
import type { CategoryRow, KpiSummary, ReportData } from "./read-report.js";
import type { ChartEntry } from "./report-charts.js";
import { resolutionSentence, sampleText, scalesText } from "./resolution-note.js";

/** KPIs shown in bold at the top of the table: the ones a strategy review starts from. */
const HEADLINE = new Set(["gmv_total", "gmv_growth", "repurchase_rate", "merchant_growth", "merchants_over_mark", "nps_end", "subsidy_total", "platform_net"]);

const TABLE_NOTES: Record<string, string> = {
  "summary.json": "KPIs: mean, sd, 95% interval and per-replication values",
  "manifest.json": "how the run was made: version, command, seeds, the resolved scenario",
  "timeseries.csv": "one row per replication per day",
  "by_category.csv": "orders, GMV and returns per product category",
  "by_tier.csv": "creators and GMV per follower tier",
  "followers.csv": "every creator's followers at start and end",
};

export function reportPage(report: ReportData, charts: readonly ChartEntry[], svgs: ReadonlyMap<string, string>): string {
  const { meta, manifest } = report;
  const body = `<header>
<h1>${escapeHtml(meta.scenario)}</h1>
${meta.description ? `<p class="lead">${escapeHtml(meta.description)}</p>` : ""}
<nav>${link("#kpis", "KPIs")}${link("#differs", "Parameters")}${link("#charts", "Charts")}${report.byCategory?.length ? link("#categories", "Categories") : ""}${link("#tables", "Tables")}${link("#run", "Run")}</nav>
</header>
<main>
<p class="note"><strong>Platform.</strong> ${escapeHtml(resolutionSentence(meta))}</p>
<p class="note">${escapeHtml(`${meta.reps} replication${meta.reps === 1 ? "" : "s"} (${runSeedsText(meta)}) over ${meta.horizonDays} days. Money is RMB and counts are people, merchants or orders at platform scale: each simulated agent counts for what it stands for. Intervals are two-sided 95% t intervals over replications.`)}</p>
${warningsNote(manifest.warnings ?? [])}
<h2 id="kpis">Headline KPIs</h2>
${kpiTables(report)}
<h2 id="differs">Parameters that differ from the baseline</h2>
${differsTable(report)}
<h2 id="charts">Charts</h2>
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "")).join("\n")}
${report.byCategory?.length ? `<h2 id="categories">GMV by product category</h2>\n${categoryTable(report.byCategory)}` : ""}
<h2 id="tables">Tables</h2>
<ul class="files">
${report.tables.map((f) => `<li>${link(f, f)} <span class="muted">— ${escapeHtml(TABLE_NOTES[f] ?? "")}</span></li>`).join("\n")}
</ul>
<h2 id="run">Run</h2>
${runDetails(report)}
</main>
<footer>Written by livecommerce-sim${manifest.version ? ` ${escapeHtml(manifest.version)}` : ""}. Rebuild this page and its charts from the tables with <code>sim report FOLDER</code>.</footer>`;
  return pageShell(`${meta.scenario} — simulation report`, body);
}

/** Headline KPIs first (those of HEADLINE the summary has), then all others; with no headline KPI present, one table of all. */
function kpiTables(report: ReportData): string {
  const entries = Object.entries(report.summary.kpis);
  const headline = entries.filter(([key]) => HEADLINE.has(key));
  const others = entries.filter(([key]) => !HEADLINE.has(key));
  if (headline.length === 0) return kpiTable(entries);
  return `${kpiTable(headline)}\n${others.length ? `<h3>All other KPIs</h3>\n${kpiTable(others)}` : ""}`;
}

function kpiTable(entries: [string, KpiSummary][]): string {
  const rows = entries.map(([key, k]) => {
    const unit = k.unit ?? "";
    return `<tr><td>${escapeHtml(k.label ?? key)} <code>${escapeHtml(key)}</code></td><td class="num">${escapeHtml(formatValue(k.mean, unit))}</td><td class="num">${escapeHtml(formatInterval(k.ci95 ?? [NaN, NaN], unit))}</td><td class="num">${escapeHtml(formatValueOrBare(k.sd, unit))}</td></tr>`;
  });
  return `<table class="kpis">
<thead><tr><th>KPI</th><th class="num">Mean</th><th class="num">95% interval</th><th class="num">SD over replications</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function formatValueOrBare(x: number, unit: string): string {
  return Number.isFinite(x) ? formatValue(x, unit) : "n/a";
}

function differsTable(report: ReportData): string {
  const diffs = report.manifest.differsFromBaseline ?? [];
  if (diffs.length === 0) return `<p>None: this run uses the baseline's parameters${report.manifest.differsFromBaseline ? "" : " (or its manifest does not say)"}.</p>`;
  const rows = diffs.map((d) => `<tr><td><code>${escapeHtml(d.path)}</code></td><td class="num">${escapeHtml(parameterValueText(d.path, d.value))}</td><td class="num">${escapeHtml(parameterValueText(d.path, d.baseline))}</td></tr>`);
  return `<table>
<thead><tr><th>Parameter</th><th class="num">This scenario</th><th class="num">Baseline</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}


function categoryTable(rows: readonly CategoryRow[]): string {
  const categories: string[] = [];
  for (const r of rows) if (!categories.includes(r.category)) categories.push(r.category);
  const reps = new Set(rows.map((r) => r.rep)).size;
  const totalGmv = rows.reduce((s, r) => s + r.gmv, 0) / Math.max(1, reps);
  const body = categories.map((cat) => {
    const own = rows.filter((r) => r.category === cat);
    const gmv = meanInterval(own.map((r) => r.gmv));
    const orders = own.reduce((s, r) => s + r.orders, 0);
    const returns = own.reduce((s, r) => s + r.returns, 0);
    return `<tr><td>${escapeHtml(cat)}</td><td class="num">${escapeHtml(formatValue(gmv.mean, "RMB"))}</td><td class="num">${escapeHtml(formatInterval(gmv.ci95, "RMB"))}</td><td class="num">${escapeHtml(formatValue(gmv.mean / totalGmv, "share"))}</td><td class="num">${escapeHtml(compactNumber(orders / Math.max(1, reps)))}</td><td class="num">${escapeHtml(formatValue(orders > 0 ? returns / orders : NaN, "share"))}</td></tr>`;
  });
  return `<table>
<thead><tr><th>Category</th><th class="num">GMV, mean</th><th class="num">95% interval</th><th class="num">Share of GMV</th><th class="num">Orders</th><th class="num">Return rate</th></tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}

function runDetails(report: ReportData): string {
  const m = report.manifest;
  const items: [string, string | undefined][] = [
    ["Scenario", report.meta.scenario],
    ["Replications", String(report.meta.reps)],
    ["Seeds", report.meta.seeds.join(", ")],
    ["Base seed", m.baseSeed?.toString()],
    ["Horizon", `${report.meta.horizonDays} days`],
    ["Simulated sample", sampleText(report.meta)],
    ["One simulated agent stands for", scalesText(report.meta)],
    ["Command", m.commandLine],
    ["Version", m.version],
    ["Created", m.createdAt],
    ["Threads", m.threads?.toString()],
    ["Wall time", m.wallTimeSec !== undefined ? `${m.wallTimeSec.toFixed(1)} s` : undefined],
    ["Peak memory", m.peakRssMb !== undefined ? `${Math.round(m.peakRssMb)} MB` : undefined],
  ];
  return `<dl class="meta">
${items.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v!)}</code></dd>`).join("\n")}
</dl>`;
}

/** What `sim run` warned about (a lever set to act that never acted, capacity reached): on the page, not only in the terminal. */
function warningsNote(warnings: readonly string[]): string {
  if (warnings.length === 0) return "";
  return `<div class="note"><strong>Warnings from the run.</strong><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`;
}
