/**
 * index.html of a comparison folder: the platform the runs simulate, which
 * runs, whether they pair, every KPI's difference with the interval to read and
 * why, whether it survives the correction for reading many KPIs at once, the
 * replications a rerun would need, and the overlay charts.
 */
import { parameterValueText } from "./parameter-text.js";
import { runSeedsText } from "./charts/common.js";
import { ALPHA, pairing, POWER, readingReasonText, type Comparison, type KpiComparison } from "./compare.js";
import { formatDifference, formatDifferenceInterval, formatP, formatPercentChange, formatValue } from "../io/format.js";
import { kpiLabel, MESSAGES, t, type Lang, type MessageKey } from "../i18n/index.js";
import { escapeHtml, figure, htmlT, link, pageShell } from "./html.js";
import type { ReportData } from "./read-report.js";
import type { ChartEntry } from "./report-charts.js";
import { resolutionSentence, sampleText } from "./resolution-note.js";

export interface ComparedRun {
  report: ReportData;
  /** Link from the comparison folder to the run's own report page. */
  href: string;
}

export function comparePage(comparison: Comparison, runs: readonly ComparedRun[], charts: readonly ChartEntry[], svgs: ReadonlyMap<string, string>, lang: Lang = "en"): string {
  const title = t(lang, "compare.vs", { baseline: comparison.baseline, others: comparison.scenarios.join(", ") });
  const reports = runs.map((r) => r.report);
  const unpaired = comparison.pairings.filter((p) => !p.isPaired && !p.sampleDifference);
  const h = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const body = `<header>
<h1>${escapeHtml(t(lang, "compare.title", { title }))}</h1>
<p class="lead">${htmlT(lang, "compare.lead", { baseline: `<strong>${escapeHtml(comparison.baseline)}</strong>` })}</p>
<nav>${link("#runs", t(lang, "compare.nav.runs"))}${link("#kpis", t(lang, "compare.nav.kpis"))}${link("#reading", t(lang, "compare.nav.reading"))}${link("#charts", t(lang, "page.nav.charts"))}${link("#tables", t(lang, "page.nav.tables"))}</nav>
</header>
<main>
${platformBlock(comparison, reports, lang)}
${unpaired.length ? unpairedCallout(unpaired, reports, lang) : ""}
${comparison.pairings.every((p) => p.isPaired) ? `<p class="note">${h("compare.allPaired")}</p>` : ""}
<h2 id="runs">${h("compare.h.runs")}</h2>
${runsTable(runs, lang)}
<h2 id="kpis">${h("compare.h.kpis")}</h2>
${comparison.scenarios.map((s) => kpiTable(comparison, s, lang)).join("\n")}
<h2 id="reading">${h("compare.h.reading")}</h2>
${readingNotes(comparison, lang)}
<h2 id="charts">${h("page.h.charts")}</h2>
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "", "charts", lang)).join("\n")}
<h2 id="tables">${h("page.h.tables")}</h2>
<ul class="files">
<li>${link("comparison.csv", "comparison.csv")} <span class="muted">— ${escapeHtml(t(lang, "compare.file.csv", { power: `${Math.round(POWER * 100)}%` }))}</span></li>
<li>${link("comparison.json", "comparison.json")} <span class="muted">— ${h("compare.file.json")}</span></li>
</ul>
</main>
<footer>${htmlT(lang, "compare.footer", { command: "<code>sim compare --force</code>", out: "--out" })}</footer>`;
  return pageShell(t(lang, "compare.title", { title }), body, lang);
}

/**
 * The platform every run simulates (sim compare refuses runs of different
 * platforms) and what a simulated agent stands for; when the samples differ,
 * each run's resolution and why that rules out pairing.
 */
function platformBlock(comparison: Comparison, reports: readonly ReportData[], lang: Lang): string {
  const baseline = reports[0];
  const days = escapeHtml(t(lang, "compare.overDays", { n: baseline.meta.horizonDays }));
  const sampled = comparison.pairings.filter((p) => p.sampleDifference);
  if (sampled.length === 0) {
    const sentence = htmlT(lang, "compare.platform", { sentence: escapeHtml(resolutionSentence(baseline.meta, lang)), days, command: "<code>sim compare</code>" });
    return `<p class="note"><strong>${escapeHtml(t(lang, "page.platform"))}</strong> ${sentence}</p>`;
  }
  const items = reports.map((r) => `<li><strong>${escapeHtml(r.meta.scenario)}</strong>: ${escapeHtml(resolutionSentence(r.meta, lang))}</li>`).join("\n");
  const each = (p: Comparison["pairings"][number]) =>
    htmlT(lang, "compare.samples.each", { scenario: `<strong>${escapeHtml(p.scenario)}</strong>`, notPaired: `<strong>${escapeHtml(t(lang, "compare.notPaired"))}</strong>` });
  return `<div class="callout"><strong>${escapeHtml(t(lang, "compare.samples.title"))}</strong> ${htmlT(lang, "compare.samples.lead", { days })}
<ul>${items}</ul>
${sampled.map(each).join("<br>")}</div>`;
}

/** Why each run is not paired, in `lang`: worked out again from the runs (comparison.json keeps the English). */
function unpairedCallout(unpaired: Comparison["pairings"], reports: readonly ReportData[], lang: Lang): string {
  const reasonOf = (p: Comparison["pairings"][number]) => {
    const other = reports.find((r) => r.meta.scenario === p.scenario);
    return (other ? pairing(reports[0], other, lang).reason : p.reason) ?? t(lang, "pairing.notPaired");
  };
  const items = unpaired.map((p) => `<li><strong>${escapeHtml(p.scenario)}</strong>: ${escapeHtml(reasonOf(p))}</li>`).join("\n");
  return `<div class="callout"><strong>${escapeHtml(t(lang, "compare.unpaired.title"))}</strong>${escapeHtml(t(lang, "compare.unpaired.for"))}
<ul>${items}</ul>
${escapeHtml(t(lang, "compare.unpaired.after"))}</div>`;
}

/** What the columns mean: the interval to read, the Holm correction, the replications figure. */
function readingNotes(comparison: Comparison, lang: Lang): string {
  const family = new Set(comparison.rows.filter((r) => r.scenario === comparison.scenarios[0] && Number.isFinite(r.pValue)).map((r) => r.kpi)).size;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const formula = `n ≈ ((z<sub>0.975</sub> + z<sub>0.8</sub>) · ${escapeHtml(t(lang, "compare.formula.sd"))} / |${escapeHtml(t(lang, "compare.formula.difference"))}|)²`;
  return `<p class="note"><strong>${escapeHtml(t(lang, "compare.reading.which.title"))}</strong> ${htmlT(lang, "compare.reading.which")}</p>
<p class="note"><strong>${escapeHtml(t(lang, "compare.reading.holm.title"))}</strong> ${htmlT(lang, "compare.reading.holm", { family: String(family || t(lang, "compare.reading.many")), alpha: pct(ALPHA) })}</p>
<p class="note"><strong>${escapeHtml(t(lang, "compare.reading.power.title", { power: pct(POWER) }))}</strong> ${htmlT(lang, "compare.reading.power", { power: pct(POWER), alpha: pct(ALPHA), formula })}</p>`;
}

function runsTable(runs: readonly ComparedRun[], lang: Lang): string {
  const baseline = runs[0].report;
  const rows = runs.map(({ report, href }, i) => {
    const m = report.meta;
    const changed = i === 0 ? `<span class="muted">${escapeHtml(t(lang, "compare.baselineRow"))}</span>` : parameterChanges(baseline, report, lang);
    return `<tr><td>${link(href, m.scenario)}</td><td>${changed}</td><td>${escapeHtml(sampleText(m, lang))}</td><td class="num">${m.reps}</td><td>${escapeHtml(runSeedsText(m, lang))}</td><td class="num">${m.horizonDays}</td></tr>`;
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table>
<thead><tr><th>${th("compare.th.scenario")}</th><th>${th("compare.th.changes")}</th><th>${th("compare.th.sample")}</th><th class="num">${th("compare.th.reps")}</th><th>${th("compare.th.seeds")}</th><th class="num">${th("compare.th.days")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
${runs.map(({ report }) => (report.meta.description ? `<p class="note"><strong>${escapeHtml(report.meta.scenario)}</strong>: ${escapeHtml(report.meta.description)}</p>` : "")).join("\n")}`;
}

/**
 * What one run changed against the other, from their manifests: each lists its
 * differences from the project's baseline scenario, so a path differs between
 * the two when either lists it with a value the other does not share.
 */
export function parameterChanges(baseline: ReportData, other: ReportData, lang: Lang = "en"): string {
  const valueIn = (r: ReportData, path: string, fallback: unknown) => {
    const d = r.manifest.differsFromBaseline?.find((x) => x.path === path);
    return d ? d.value : fallback;
  };
  const paths = new Map<string, unknown>();
  for (const d of [...(baseline.manifest.differsFromBaseline ?? []), ...(other.manifest.differsFromBaseline ?? [])]) {
    if (!paths.has(d.path)) paths.set(d.path, d.baseline);
  }
  const changes: string[] = [];
  for (const [path, projectDefault] of paths) {
    const a = valueIn(baseline, path, projectDefault);
    const b = valueIn(other, path, projectDefault);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(`<code>${escapeHtml(path)}</code> ${escapeHtml(parameterValueText(path, a, lang))} → ${escapeHtml(parameterValueText(path, b, lang))}`);
  }
  if (!baseline.manifest.differsFromBaseline || !other.manifest.differsFromBaseline) return `<span class="muted">${escapeHtml(t(lang, "compare.changes.unknown"))}</span>`;
  return changes.length ? changes.join("<br>") : `<span class="muted">${escapeHtml(t(lang, "compare.changes.none"))}</span>`;
}


function kpiTable(comparison: Comparison, scenario: string, lang: Lang): string {
  const rows = comparison.rows.filter((r) => r.scenario === scenario);
  const isPaired = rows.some((r) => r.isPaired);
  const n = Math.max(0, ...rows.map((r) => r.n));
  const survivors = rows.filter((r) => r.survivesHolm).length;
  const heading = t(lang, "compare.kpis.heading", {
    scenario, baseline: comparison.baseline, pairing: t(lang, isPaired ? "compare.pairedBySeed" : "compare.unpaired"),
    reps: n === 1 ? t(lang, "reps.one", { n }) : t(lang, "reps.many", { n }), survivors, rows: rows.length,
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<h3>${escapeHtml(heading)}</h3>
<div class="scroll"><table class="kpis wide">
<thead><tr><th>${th("compare.th.kpi")}</th><th class="num">${th("compare.th.baseline")}</th><th class="num">${th("compare.th.scenarioValue")}</th><th class="num">${th("compare.th.difference")}</th><th class="num">${th("compare.th.relative")}</th><th class="num">${th("compare.th.interval")}</th><th>${th("compare.th.why")}</th><th>${th("compare.th.excludesZero")}</th><th>${th("compare.th.holm")}</th><th class="num">${escapeHtml(t(lang, "compare.th.power", { power: `${Math.round(POWER * 100)}%`, n }))}</th>${isPaired ? `<th class="num">${th("compare.th.paired")}</th><th class="num">${th("compare.th.welch")}</th>` : ""}</tr></thead>
<tbody>
${rows.map((r) => kpiRow(r, isPaired, lang)).join("\n")}
</tbody>
</table></div>`;
}

const yesNo = (x: boolean, lang: Lang) => (x ? `<span class="yes">${escapeHtml(t(lang, "format.yes"))}</span>` : `<span class="no">${escapeHtml(t(lang, "format.no"))}</span>`);

function kpiRow(r: KpiComparison, isPaired: boolean, lang: Lang): string {
  const cells = [
    `<td>${escapeHtml(kpiLabel(r.kpi, r.label, lang))}<br><code>${escapeHtml(r.kpi)}</code></td>`,
    `<td class="num">${escapeHtml(formatValue(r.baselineMean, r.unit, lang))}</td>`,
    `<td class="num">${escapeHtml(formatValue(r.scenarioMean, r.unit, lang))}</td>`,
    `<td class="num">${escapeHtml(formatDifference(r.difference, r.unit, lang))}</td>`,
    `<td class="num">${escapeHtml(formatPercentChange(r.relativeChange, lang))}</td>`,
    `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.ci95, r.unit, lang))}</td>`,
    `<td class="why">${htmlT(lang, "compare.why", { reading: `<strong>${escapeHtml(t(lang, r.reading === "paired" ? "compare.reading.paired" : "compare.reading.welch"))}</strong>`, reason: escapeHtml(whyText(r, lang)) })}</td>`,
    `<td>${yesNo(r.excludesZero, lang)}</td>`,
    `<td>${Number.isFinite(r.holmP) ? `${yesNo(r.survivesHolm, lang)} <span class="muted">(${escapeHtml(formatP(r.holmP, lang))})</span>` : `<span class="no">${escapeHtml(t(lang, "format.na"))}</span>`}</td>`,
    `<td class="num">${Number.isFinite(r.replicationsForPower) ? r.replicationsForPower.toLocaleString("en-US") : "—"}</td>`,
  ];
  if (isPaired) {
    cells.push(
      `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.pairedCi95, r.unit, lang))}</td>`,
      `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.welchCi95, r.unit, lang))}</td>`,
    );
  }
  return `<tr>${cells.join("")}</tr>`;
}

/** Why the row's interval is the one to read: English as comparison.json has it, else said again in `lang` from the row's numbers. */
function whyText(r: KpiComparison, lang: Lang): string {
  return lang === "en" ? r.readingReason : readingReasonText(r.isPaired, r.widthRatio, r.correlation, lang);
}
