/**
 * index.html of a comparison folder: the platform the runs simulate, which
 * runs, whether they pair, every KPI's difference with the interval to read and
 * why, whether it survives the correction for reading many KPIs at once, the
 * replications a rerun would need, and the overlay charts.
 */
import { parameterValueText } from "./parameter-text.js";
import { runSeedsText } from "./charts/common.js";
import { ALPHA, POWER, type Comparison, type KpiComparison } from "./compare.js";
import { formatDifference, formatDifferenceInterval, formatP, formatPercentChange, formatValue } from "../io/format.js";
import { escapeHtml, figure, link, pageShell } from "./html.js";
import type { ReportData } from "./read-report.js";
import type { ChartEntry } from "./report-charts.js";
import { resolutionSentence, sampleText } from "./resolution-note.js";

export interface ComparedRun {
  report: ReportData;
  /** Link from the comparison folder to the run's own report page. */
  href: string;
}

export function comparePage(comparison: Comparison, runs: readonly ComparedRun[], charts: readonly ChartEntry[], svgs: ReadonlyMap<string, string>): string {
  const title = `${comparison.baseline} vs ${comparison.scenarios.join(", ")}`;
  const unpaired = comparison.pairings.filter((p) => !p.isPaired && !p.sampleDifference);
  const body = `<header>
<h1>Comparison: ${escapeHtml(title)}</h1>
<p class="lead">Each scenario against the baseline <strong>${escapeHtml(comparison.baseline)}</strong>: the difference of every KPI (scenario − baseline) with a 95% interval.</p>
<nav>${link("#runs", "Runs")}${link("#kpis", "KPI differences")}${link("#reading", "How to read them")}${link("#charts", "Charts")}${link("#tables", "Tables")}</nav>
</header>
<main>
${platformBlock(comparison, runs.map((r) => r.report))}
${unpaired.length ? unpairedCallout(unpaired) : ""}
${comparison.pairings.every((p) => p.isPaired) ? `<p class="note">All runs used the same sample and seeds over the same horizon, so replication r of each scenario is paired with replication r of the baseline: the noise they share cancels. Each KPI row says whether the paired or the unpaired (Welch) interval is the one to read, and why.</p>` : ""}
<h2 id="runs">Runs</h2>
${runsTable(runs)}
<h2 id="kpis">KPI differences</h2>
${comparison.scenarios.map((s) => kpiTable(comparison, s)).join("\n")}
<h2 id="reading">How to read the differences</h2>
${readingNotes(comparison)}
<h2 id="charts">Charts</h2>
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "")).join("\n")}
<h2 id="tables">Tables</h2>
<ul class="files">
<li>${link("comparison.csv", "comparison.csv")} <span class="muted">— one row per scenario and KPI: means, difference, the interval read and why, paired and Welch intervals, p-value and Holm-adjusted p-value, replications for ${Math.round(POWER * 100)}% power</span></li>
<li>${link("comparison.json", "comparison.json")} <span class="muted">— the same, with how each run was paired and what it simulates</span></li>
</ul>
</main>
<footer>Written by livecommerce-sim from the runs' tables. Rebuild with <code>sim compare --force</code> on the same folders and --out.</footer>`;
  return pageShell(`Comparison: ${title}`, body);
}

/**
 * The platform every run simulates (sim compare refuses runs of different
 * platforms) and what a simulated agent stands for; when the samples differ,
 * each run's resolution and why that rules out pairing.
 */
function platformBlock(comparison: Comparison, reports: readonly ReportData[]): string {
  const baseline = reports[0];
  const days = `over ${baseline.meta.horizonDays} days`;
  const sampled = comparison.pairings.filter((p) => p.sampleDifference);
  if (sampled.length === 0) {
    return `<p class="note"><strong>Platform.</strong> ${escapeHtml(resolutionSentence(baseline.meta))} Every run here simulates this platform ${days}; <code>sim compare</code> refuses runs of different platforms or horizons.</p>`;
  }
  const items = reports.map((r) => `<li><strong>${escapeHtml(r.meta.scenario)}</strong>: ${escapeHtml(resolutionSentence(r.meta))}</li>`).join("\n");
  return `<div class="callout"><strong>One platform, different sample sizes.</strong> Every run here simulates the same platform ${days}, but not at the same sample size:
<ul>${items}</ul>
${sampled.map((p) => `<strong>${escapeHtml(p.scenario)}</strong> is therefore compared with the baseline but <strong>not paired</strong>: the same seed draws different agents at a different sample size, so replications share no noise and only Welch intervals apply. Its differences also include any effect of the sample size itself.`).join("<br>")}</div>`;
}

function unpairedCallout(unpaired: Comparison["pairings"]): string {
  const items = unpaired.map((p) => `<li><strong>${escapeHtml(p.scenario)}</strong>: ${escapeHtml(p.reason ?? "not paired")}</li>`).join("\n");
  return `<div class="callout"><strong>This comparison is unpaired</strong> for:
<ul>${items}</ul>
Their intervals are Welch intervals over independent replications, wider than a paired comparison would give. Run the scenarios with the same seeds, sample and horizon to pair them.</div>`;
}

/** What the columns mean: the interval to read, the Holm correction, the replications figure. */
function readingNotes(comparison: Comparison): string {
  const family = new Set(comparison.rows.filter((r) => r.scenario === comparison.scenarios[0] && Number.isFinite(r.pValue)).map((r) => r.kpi)).size;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return `<p class="note"><strong>Which interval to read.</strong> When two runs pair, replication r of the scenario is set against replication r of the baseline on the same seed, and the noise they share cancels: the paired interval is read where that makes it narrower than the unpaired (Welch) one. Where pairing makes it wider, the Welch interval is read: once the scenarios' paths part (merchant entry diverging, say), replication r of one tells little about replication r of the other, and pairing only halves the degrees of freedom; paired/Welch width ratios of 1.5–1.7 were measured for merchant counts. Each row says which interval and why; where pairing widens it, with the correlation of the two runs across replications (a clearly negative one means even the Welch interval may be too narrow). comparison.csv keeps both intervals.</p>
<p class="note"><strong>Survives Holm.</strong> A comparison reads ${family || "many"} KPIs at once, and at the 5% level about one in twenty intervals excludes 0 by chance when nothing differs. The Holm–Bonferroni correction, over each scenario's KPIs, keeps the chance of any such false difference at ${pct(ALPHA)} whatever the dependence between KPIs; the adjusted p-value is shown. A difference whose interval excludes 0 but which does not survive is a lead to check with more replications, not a finding.</p>
<p class="note"><strong>Replications for ${pct(POWER)} power.</strong> Roughly how many replications (pairs; per scenario when unpaired) would detect a true difference of the observed size ${pct(POWER)} of the time at the ${pct(ALPHA)} level, from the spread seen here: n ≈ ((z<sub>0.975</sub> + z<sub>0.8</sub>) · sd / |difference|)², sd being that of one replication's difference. A planning figure for a rerun, not evidence; — where the difference is 0. Reaching the Holm-corrected level takes more.</p>`;
}

function runsTable(runs: readonly ComparedRun[]): string {
  const baseline = runs[0].report;
  const rows = runs.map(({ report, href }, i) => {
    const m = report.meta;
    const changed = i === 0 ? `<span class="muted">(baseline of this comparison)</span>` : parameterChanges(baseline, report);
    return `<tr><td>${link(href, m.scenario)}</td><td>${changed}</td><td>${escapeHtml(sampleText(m))}</td><td class="num">${m.reps}</td><td>${escapeHtml(runSeedsText(m))}</td><td class="num">${m.horizonDays}</td></tr>`;
  });
  return `<table>
<thead><tr><th>Scenario</th><th>Parameters that differ from the baseline of this comparison</th><th>Simulated sample</th><th class="num">Replications</th><th>Seeds</th><th class="num">Days</th></tr></thead>
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
export function parameterChanges(baseline: ReportData, other: ReportData): string {
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
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(`<code>${escapeHtml(path)}</code> ${escapeHtml(parameterValueText(path, a))} → ${escapeHtml(parameterValueText(path, b))}`);
  }
  if (!baseline.manifest.differsFromBaseline || !other.manifest.differsFromBaseline) return `<span class="muted">unknown (no manifest)</span>`;
  return changes.length ? changes.join("<br>") : `<span class="muted">none</span>`;
}


function kpiTable(comparison: Comparison, scenario: string): string {
  const rows = comparison.rows.filter((r) => r.scenario === scenario);
  const isPaired = rows.some((r) => r.isPaired);
  const n = Math.max(0, ...rows.map((r) => r.n));
  const survivors = rows.filter((r) => r.survivesHolm).length;
  return `<h3>${escapeHtml(scenario)} − ${escapeHtml(comparison.baseline)} (${isPaired ? "paired by seed" : "unpaired"}, ${n} replication${n === 1 ? "" : "s"}; ${survivors} of ${rows.length} differences survive the Holm correction)</h3>
<div class="scroll"><table class="kpis wide">
<thead><tr><th>KPI</th><th class="num">Baseline</th><th class="num">Scenario</th><th class="num">Difference</th><th class="num">Relative</th><th class="num">95% interval to read</th><th>Which interval, and why</th><th>Excludes 0</th><th>Survives Holm (adjusted p)</th><th class="num">Replications for ${Math.round(POWER * 100)}% power (have ${n})</th>${isPaired ? `<th class="num">Paired 95% interval</th><th class="num">Welch 95% interval</th>` : ""}</tr></thead>
<tbody>
${rows.map((r) => kpiRow(r, isPaired)).join("\n")}
</tbody>
</table></div>`;
}

const yesNo = (x: boolean) => (x ? `<span class="yes">yes</span>` : `<span class="no">no</span>`);

function kpiRow(r: KpiComparison, isPaired: boolean): string {
  const cells = [
    `<td>${escapeHtml(r.label)}<br><code>${escapeHtml(r.kpi)}</code></td>`,
    `<td class="num">${escapeHtml(formatValue(r.baselineMean, r.unit))}</td>`,
    `<td class="num">${escapeHtml(formatValue(r.scenarioMean, r.unit))}</td>`,
    `<td class="num">${escapeHtml(formatDifference(r.difference, r.unit))}</td>`,
    `<td class="num">${escapeHtml(formatPercentChange(r.relativeChange))}</td>`,
    `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.ci95, r.unit))}</td>`,
    `<td class="why"><strong>${r.reading === "paired" ? "paired" : "Welch"}</strong>: ${escapeHtml(r.readingReason)}</td>`,
    `<td>${yesNo(r.excludesZero)}</td>`,
    `<td>${Number.isFinite(r.holmP) ? `${yesNo(r.survivesHolm)} <span class="muted">(${escapeHtml(formatP(r.holmP))})</span>` : `<span class="no">n/a</span>`}</td>`,
    `<td class="num">${Number.isFinite(r.replicationsForPower) ? r.replicationsForPower.toLocaleString("en-US") : "—"}</td>`,
  ];
  if (isPaired) {
    cells.push(
      `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.pairedCi95, r.unit))}</td>`,
      `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.welchCi95, r.unit))}</td>`,
    );
  }
  return `<tr>${cells.join("")}</tr>`;
}
