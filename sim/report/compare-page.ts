/** index.html of a comparison folder: which runs, whether they pair, every KPI's difference, and the overlay charts. */
import { runSeedsText } from "./charts/common.js";
import type { Comparison, KpiComparison } from "./compare.js";
import { formatDifference, formatDifferenceInterval, formatPercentChange, formatValue } from "./format.js";
import { escapeHtml, figure, link, pageShell } from "./html.js";
import type { ReportData } from "./read-report.js";
import type { ChartEntry } from "./report-charts.js";

export interface ComparedRun {
  report: ReportData;
  /** Link from the comparison folder to the run's own report page. */
  href: string;
}

export function comparePage(comparison: Comparison, runs: readonly ComparedRun[], charts: readonly ChartEntry[], svgs: ReadonlyMap<string, string>): string {
  const title = `${comparison.baseline} vs ${comparison.scenarios.join(", ")}`;
  const unpaired = comparison.pairings.filter((p) => !p.isPaired);
  const body = `<header>
<h1>Comparison: ${escapeHtml(title)}</h1>
<p class="lead">Each scenario against the baseline <strong>${escapeHtml(comparison.baseline)}</strong>: the difference of every KPI (scenario − baseline) with a 95% interval.</p>
<nav>${link("#runs", "Runs")}${link("#kpis", "KPI differences")}${link("#charts", "Charts")}${link("#tables", "Tables")}</nav>
</header>
<main>
${unpaired.length ? unpairedCallout(unpaired) : `<p class="note">All runs used the same seeds over the same horizon, so replication r of each scenario is paired with replication r of the baseline: the noise they share cancels, and the paired interval is the one to read. The Welch column shows the interval the same runs would give unpaired.</p>`}
<h2 id="runs">Runs</h2>
${runsTable(runs)}
<h2 id="kpis">KPI differences</h2>
${comparison.scenarios.map((s) => kpiTable(comparison, s)).join("\n")}
<h2 id="charts">Charts</h2>
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "")).join("\n")}
<h2 id="tables">Tables</h2>
<ul class="files">
<li>${link("comparison.csv", "comparison.csv")} <span class="muted">— one row per scenario and KPI: means, difference, 95% interval (paired where possible), relative change, Welch interval</span></li>
<li>${link("comparison.json", "comparison.json")} <span class="muted">— the same, with how each run was paired</span></li>
</ul>
</main>
<footer>Written by livecommerce-sim from the runs' tables. Rebuild with <code>sim compare</code> on the same folders.</footer>`;
  return pageShell(`Comparison: ${title}`, body);
}

function unpairedCallout(unpaired: Comparison["pairings"]): string {
  const items = unpaired.map((p) => `<li><strong>${escapeHtml(p.scenario)}</strong>: ${escapeHtml(p.reason ?? "not paired")}</li>`).join("\n");
  return `<div class="callout"><strong>This comparison is unpaired</strong> for:
<ul>${items}</ul>
Their intervals are Welch intervals over independent replications, wider than a paired comparison would give. Run the scenarios with the same seeds and horizon to pair them.</div>`;
}

function runsTable(runs: readonly ComparedRun[]): string {
  const baseline = runs[0].report;
  const rows = runs.map(({ report, href }, i) => {
    const m = report.meta;
    const changed = i === 0 ? `<span class="muted">(baseline of this comparison)</span>` : parameterChanges(baseline, report);
    return `<tr><td>${link(href, m.scenario)}</td><td>${changed}</td><td class="num">${m.reps}</td><td>${escapeHtml(runSeedsText(m))}</td><td class="num">${m.horizonDays}</td></tr>`;
  });
  return `<table>
<thead><tr><th>Scenario</th><th>Parameters that differ from the baseline of this comparison</th><th class="num">Replications</th><th>Seeds</th><th class="num">Days</th></tr></thead>
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
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(`<code>${escapeHtml(path)}</code> ${escapeHtml(show(a))} → ${escapeHtml(show(b))}`);
  }
  if (!baseline.manifest.differsFromBaseline || !other.manifest.differsFromBaseline) return `<span class="muted">unknown (no manifest)</span>`;
  return changes.length ? changes.join("<br>") : `<span class="muted">none</span>`;
}

function show(value: unknown): string {
  if (value === undefined) return "(not set)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function kpiTable(comparison: Comparison, scenario: string): string {
  const rows = comparison.rows.filter((r) => r.scenario === scenario);
  const isPaired = rows.some((r) => r.isPaired);
  return `<h3>${escapeHtml(scenario)} − ${escapeHtml(comparison.baseline)} (${isPaired ? "paired" : "unpaired"})</h3>
<div class="scroll"><table class="kpis wide">
<thead><tr><th>KPI</th><th class="num">Baseline</th><th class="num">Scenario</th><th class="num">Difference</th><th class="num">95% interval${isPaired ? " (paired)" : " (Welch)"}</th><th class="num">Relative</th><th>Excludes 0</th>${isPaired ? `<th class="num">Welch 95% interval</th><th class="num">Paired / Welch width</th>` : ""}</tr></thead>
<tbody>
${rows.map((r) => kpiRow(r, isPaired)).join("\n")}
</tbody>
</table></div>`;
}

function kpiRow(r: KpiComparison, isPaired: boolean): string {
  const cells = [
    `<td>${escapeHtml(r.label)}<br><code>${escapeHtml(r.kpi)}</code></td>`,
    `<td class="num">${escapeHtml(formatValue(r.baselineMean, r.unit))}</td>`,
    `<td class="num">${escapeHtml(formatValue(r.scenarioMean, r.unit))}</td>`,
    `<td class="num">${escapeHtml(formatDifference(r.difference, r.unit))}</td>`,
    `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.ci95, r.unit))}</td>`,
    `<td class="num">${escapeHtml(formatPercentChange(r.relativeChange))}</td>`,
    `<td>${r.excludesZero ? `<span class="yes">yes</span>` : `<span class="no">no</span>`}</td>`,
  ];
  if (isPaired) {
    cells.push(
      `<td class="num wrap">${escapeHtml(formatDifferenceInterval(r.welchCi95, r.unit))}</td>`,
      `<td class="num">${Number.isFinite(r.widthRatio) ? r.widthRatio.toFixed(2) : "n/a"}</td>`,
    );
  }
  return `<tr>${cells.join("")}</tr>`;
}
