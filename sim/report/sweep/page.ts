/**
 * index.html of a sweep folder: what was swept, how complete it is, where each
 * KPI of interest is highest, the charts (inlined: the page works offline) and
 * links to the tables. Built from sweep.json and runs.csv alone.
 */
import { describeAdaptive, describeDesign } from "../../experiments/sweep/spec.js";
import { formatInterval, formatValue } from "../../io/format.js";
import { escapeHtml, figure, link, pageShell } from "../html.js";
import { parameterLabel } from "../parameter-text.js";
import type { PointSummary, SweepAnalysis } from "./analyse.js";
import { hasSobolIndices, sobolAnalysis } from "./effects.js";
import { kpiLabel, kpiUnit, sweepNote } from "./charts/common.js";
import type { SweepChart } from "./sweep-charts.js";

const TABLE_NOTES: Record<string, string> = {
  "runs.csv": "one row per run (point and replication), in the order they finished: key, parameters, every KPI, wall time",
  "points.csv": "one row per point: each KPI's mean and 95% interval over its replications",
  "effects.csv": "each parameter's effect on each KPI of interest",
  "morris.csv": "Morris mu, mu* and sigma per parameter and KPI",
  "sobol.csv": "Sobol first-order (s1) and total (st) index per parameter and KPI, with bootstrap 95% intervals and the base rows used (n); empty where the KPI does not vary",
  "missing.csv": "runs the sweep asks for that are not in runs.csv",
  "sweep.json": "the sweep: base scenario, parameters, design, points, seed, version",
};

export function sweepPage(a: SweepAnalysis, charts: readonly SweepChart[], svgs: ReadonlyMap<string, string>, tables: readonly string[]): string {
  const spec = a.plan.spec;
  const body = `<header>
<h1>Sweep: ${escapeHtml(spec.name)}</h1>
${spec.description ? `<p class="lead">${escapeHtml(spec.description)}</p>` : ""}
<nav>${link("#best", "Best points")}${link("#parameters", "Parameters")}${link("#charts", "Charts")}${link("#tables", "Tables")}${link("#run", "Run")}</nav>
</header>
<main>
<p class="note">${escapeHtml(`${sweepNote(a)}. Each point runs the base scenario with the point's values; replication r of every point uses the same seed (common random numbers). Intervals are two-sided 95% t intervals over replications. Money is RMB at platform scale.`)}</p>
${completeness(a)}
<h2 id="best">Where each KPI is highest</h2>
${bestTable(a)}
<h2 id="parameters">Parameters varied</h2>
${parameterTable(a)}
<h2 id="charts">Charts</h2>
${sobolExplanation(a)}
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "")).join("\n")}
<h2 id="tables">Tables</h2>
<ul class="files">
${tables.map((f) => `<li>${link(f, f)} <span class="muted">— ${escapeHtml(TABLE_NOTES[f] ?? "")}</span></li>`).join("\n")}
</ul>
<h2 id="run">Run</h2>
${runDetails(a)}
</main>
<footer>Written by livecommerce-sim ${escapeHtml(a.plan.version)}. Rebuild this page, its charts and tables from runs.csv with <code>sim report FOLDER</code>.</footer>`;
  return pageShell(`${spec.name} — sweep report`, body);
}

/** What the Sobol charts show, and which KPIs have none because they do not vary (Sobol designs only). */
function sobolExplanation(a: SweepAnalysis): string {
  if (a.plan.spec.design.type !== "sobol") return "";
  const constant = a.plan.spec.kpis.filter((kpi) => !hasSobolIndices(sobolAnalysis(a, kpi)));
  const text = "Sobol indices split the variance of a KPI's point means over the design among the parameters. "
    + "S1 (first order) is the share a parameter explains on its own: fixing it at its true value would remove that share on average. "
    + "ST (total) is the share it has any hand in, interactions with other parameters included: a parameter with ST near 0 can be fixed anywhere in its range without changing the KPI. "
    + "ST − S1 is what it does only together with others; the S1 of all parameters add up to at most 1. "
    + "Estimates are Saltelli et al. (2010) for S1 and Jansen (1999) for ST, with 95% intervals from resampling the base rows (1,000 bootstrap resamples). "
    + "Noise between replications counts as variance no parameter explains and adds a little to every ST, so with few replications small indices cannot be told from 0; indices slightly below 0 or above 1 are sampling error.";
  const note = constant.length > 0
    ? `<p class="note">${escapeHtml(`No Sobol indices for ${constant.map((k) => `${kpiLabel(k)} (${k})`).join(", ")}: ${constant.length === 1 ? "its mean is" : "their means are"} the same at every point of the design (or fewer than 2 base rows have all their points), so there is no variance to split; sobol.csv leaves ${constant.length === 1 ? "its" : "their"} cells empty.`)}</p>`
    : "";
  return `<p class="note">${escapeHtml(text)}</p>${note ? `
${note}` : ""}`;
}

function completeness(a: SweepAnalysis): string {
  if (a.missing.length === 0) return "";
  return `<p class="callout">${escapeHtml(`${a.missing.length} run${a.missing.length === 1 ? "" : "s"} of this sweep ${a.missing.length === 1 ? "is" : "are"} not in runs.csv yet (see missing.csv); points with fewer replications have wider intervals. Run the same sim sweep command again to finish it.`)}</p>`;
}

function pointText(s: PointSummary): string {
  return Object.entries(s.point.values).map(([p, v]) => `${p} = ${v}`).join(", ");
}

function bestTable(a: SweepAnalysis): string {
  const rows = a.plan.spec.kpis.map((kpi) => {
    const unit = kpiUnit(kpi);
    const usable = a.points.filter((s) => Number.isFinite(s.kpis[kpi]?.mean));
    if (usable.length === 0) return `<tr><td>${escapeHtml(kpiLabel(kpi))} <code>${escapeHtml(kpi)}</code></td><td colspan="4">no values</td></tr>`;
    const best = usable.reduce((b, s) => (s.kpis[kpi].mean > b.kpis[kpi].mean ? s : b));
    const worst = usable.reduce((b, s) => (s.kpis[kpi].mean < b.kpis[kpi].mean ? s : b));
    return `<tr><td>${escapeHtml(kpiLabel(kpi))} <code>${escapeHtml(kpi)}</code></td><td>${escapeHtml(best.point.id)}: ${escapeHtml(pointText(best))}</td><td class="num">${escapeHtml(formatValue(best.kpis[kpi].mean, unit))}</td><td class="num">${escapeHtml(formatInterval(best.kpis[kpi].ci95, unit))}</td><td class="num">${escapeHtml(formatValue(worst.kpis[kpi].mean, unit))} <span class="muted">(${escapeHtml(worst.point.id)})</span></td></tr>`;
  });
  return `<div class="scroll"><table>
<thead><tr><th>KPI</th><th>Highest at</th><th class="num">Mean there</th><th class="num">95% interval</th><th class="num">Lowest mean</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
<p class="note">Means over replications; neighbouring points whose intervals overlap the best one are not clearly worse. Every point is in points.csv.</p>`;
}

function parameterTable(a: SweepAnalysis): string {
  const paths = a.plan.spec.parameters.map((p) => p.path);
  // the path and, under it, the short label the charts use for it
  const rows = a.plan.spec.parameters.map((p) => `<tr><td><code>${escapeHtml(p.path)}</code><br><span class="muted">${escapeHtml(parameterLabel(p.path, paths))}</span></td><td>${escapeHtml(p.kind === "values" ? "values" : p.distribution)}</td><td>${escapeHtml(p.written)}</td></tr>`);
  return `<table>
<thead><tr><th>Parameter</th><th>Kind</th><th>Values or bounds</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function runDetails(a: SweepAnalysis): string {
  const spec = a.plan.spec;
  const items: [string, string | undefined][] = [
    ["Base scenario", spec.base],
    ["Fixed overrides", spec.set.join(" ") || undefined],
    ["Days / users", [spec.days && `${spec.days} days`, spec.users && `${spec.users} users`].filter(Boolean).join(", ") || undefined],
    ["Design", describeDesign(spec.design)],
    ["Points", String(a.points.length)],
    ["Replications", spec.adaptive ? `${spec.reps}, adaptive: ${describeAdaptive(spec.adaptive)}` : String(spec.reps)],
    ["Base seed", String(spec.seed)],
    ["Runs logged", `${a.loggedRuns}${a.foreignRuns ? ` (${a.foreignRuns} from another plan, left out)` : ""}`],
    ["Runs missing", String(a.missing.length)],
    ["Run time (sum over runs)", `${a.runSeconds.toFixed(1)} s`],
    ["Command", a.manifest.commandLine],
    ["Version", a.plan.version],
    ["Plan id", a.plan.planId],
  ];
  return `<dl class="meta">
${items.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v!)}</code></dd>`).join("\n")}
</dl>`;
}
