/**
 * index.html of a calibration folder: what was fitted and how the search
 * ended, the loss over the search, each target before and after (held-out
 * targets in their own section: what the fit predicts beyond what it was
 * fitted to), each parameter's trace and the range of values within noise of
 * the best. The charts are inlined: one file, no scripts, no external files,
 * so it works offline from file://.
 */
import type { CalibrationResult, CheckFit, StopReason } from "../../experiments/calibrate/spec.js";
import { num } from "../../experiments/check/describe.js";
import { escapeHtml, figure, link, pageShell } from "../html.js";
import { bestEvaluation, checkPairs, type CalibrationChart, type CheckPair } from "./charts.js";

export const STOP_REASON_TEXT: Record<StopReason, string> = {
  budget: "budget spent",
  converged: "converged: the search distribution shrank below the grain of the parameters",
  stalled: "stalled: no better point in the last generations",
};

export const NOT_IMPROVED_TEXT = "The optimizer found no point better than the start; the start is reported as the best.";

const PAGE_CSS = `<style>
.in { color: var(--good); font-weight: 600; }
.out { color: var(--bad); font-weight: 600; }
td.target { min-width: 14em; max-width: 24em; }
td.target p { margin: 4px 0 0; }
p.counts { font-size: 16px; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #ddf4ff; color: #0550ae; font-weight: 600; white-space: nowrap; }
</style>`;

/** The files a calibration folder holds beside this page, and what each is. */
export function calibrationFiles(r: CalibrationResult): [string, string][] {
  return [
    [`${r.spec.name}-calibrated.yaml`, "the calibrated scenario: the base scenario with the best point's values (run it with sim run)"],
    ["calibration.csv", "one row per evaluation: its parameter values, its fitted checks and its loss"],
    ["runs.csv", "one row per simulation run behind the evaluations"],
    ["calibration.json", "everything on this page: the calibration as read, every evaluation, the checks before and after, the uncertainty"],
  ];
}

export function calibrationPage(r: CalibrationResult, charts: readonly CalibrationChart[], svgs: ReadonlyMap<string, string>): string {
  const s = r.spec;
  const pairs = checkPairs(r);
  const fitted = pairs.filter((p) => !p.holdout);
  const held = pairs.filter((p) => p.holdout);
  const fig = (name: string) => {
    const c = charts.find((x) => x.name === name);
    return c ? figure(c.name, c.caption, svgs.get(c.name) ?? "") : "";
  };
  const body = `${PAGE_CSS}
<header>
<h1>Calibration: ${escapeHtml(s.name)}</h1>
${s.description ? `<p class="lead">${escapeHtml(s.description)}</p>` : ""}
<nav>${link("#search", "Search")}${link("#targets", "Targets")}${link("#holdout", "Held out")}${link("#parameters", "Parameters")}${link("#uncertainty", "Uncertainty")}${link("#files", "Files")}${link("#run", "Run")}</nav>
</header>
<main>
${r.isImproved ? "" : `<p class="callout">${escapeHtml(NOT_IMPROVED_TEXT)} The calibrated scenario equals the start; a wider search (a larger sigma or budget) or other parameters may be needed.</p>`}
${headline(r, fitted)}
${summary(r)}
<p class="note">${escapeHtml(lossRule(r))}</p>
<h2 id="search">Search</h2>
${fig("loss")}
<h2 id="targets">Targets before and after</h2>
${fitted.length > 0 ? checksTable(fitted) : `<p>No fitted target.</p>`}
${fig("targets")}
<h2 id="holdout">What the fit predicts beyond what it was fitted to</h2>
${held.length > 0
    ? `<p class="note">Held-out targets are not in the loss: the optimizer never saw them. A held-out target met after the fit (and not before) is evidence the fitted parameters carry over; one that worsens is a warning that the fit traded it away.</p>
${checksTable(held)}
${fig("holdout")}`
    : `<p class="note">No target was held out: every target is in the loss, so nothing on this page tests the fit beyond what it was fitted to.</p>`}
<h2 id="parameters">Parameters</h2>
${parameterTable(r)}
${fig("parameter-traces")}
<h2 id="uncertainty">Uncertainty</h2>
${uncertaintyTable(r)}
${fig("loss-profile")}
<h2 id="files">Files</h2>
<ul class="files">
${calibrationFiles(r).map(([f, note]) => `<li>${link(f, f)} <span class="muted">— ${escapeHtml(note)}</span></li>`).join("\n")}
</ul>
<h2 id="run">Run</h2>
${runDetails(r)}
</main>
<footer>Written by livecommerce-sim ${escapeHtml(r.version)} from the calibration's result (calibration.json, ${escapeHtml(r.format)}).</footer>`;
  return pageShell(`${s.name} — calibration`, body);
}

/** "42 s", "3 min 12 s", "1 h 05 min". */
export function wallText(sec: number): string {
  if (!Number.isFinite(sec)) return "n/a";
  if (sec < 60) return `${sec.toFixed(sec < 10 ? 1 : 0)} s`;
  const m = Math.floor(sec / 60);
  if (m < 60) return `${m} min ${String(Math.round(sec - m * 60)).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

function sizeText(r: CalibrationResult): string {
  const s = r.spec;
  return [
    s.users !== undefined ? `${s.users.toLocaleString("en-US")} simulated users` : "the base scenario's number of simulated users",
    `${s.reps} replication${s.reps === 1 ? "" : "s"} (seeds ${r.seeds.join(", ")}; base seed ${s.seed}), the same for every evaluation`,
    s.days !== undefined ? `${s.days} days` : "each target's horizon",
  ].join(" · ");
}

function lossRule(r: CalibrationResult): string {
  const priors = r.spec.parameters.some((p) => p.prior) ? " plus, for each parameter with a prior, ((value − prior mean) / prior sd)² on its scale" : "";
  return `Loss = Σ weight × z² over the fitted checks${priors}, where z is the distance of a check's mean from its band in standard errors (0 inside the band). ` +
    `Every evaluation runs on the same seeds (common random numbers), so two points are compared on the same luck. ` +
    `A point is within noise of the best when its loss is at most the best loss + ${num(r.threshold)}.`;
}

function metCount(checks: readonly (CheckFit | undefined)[]): number {
  return checks.filter((c) => c?.met).length;
}

function headline(r: CalibrationResult, fitted: readonly CheckPair[]): string {
  const best = bestEvaluation(r);
  const start = r.evaluations[0];
  const loss = best && start
    ? `Loss ${escapeHtml(num(start.loss))} at the start → ${escapeHtml(num(best.loss))} at the best point (evaluation ${best.index}, generation ${best.generation}).`
    : "No evaluation.";
  const n = fitted.length;
  const met = n > 0
    ? ` Fitted checks in their band: <span class="${metCount(fitted.map((p) => p.before)) === n ? "in" : "out"}">${metCount(fitted.map((p) => p.before))} of ${n}</span> before, <span class="${metCount(fitted.map((p) => p.after)) === n ? "in" : "out"}">${metCount(fitted.map((p) => p.after))} of ${n}</span> after.`
    : "";
  return `<p class="counts">${loss}${met}</p>`;
}

function summary(r: CalibrationResult): string {
  const s = r.spec;
  const items: [string, string][] = [
    ["Base scenario", `<code>${escapeHtml(s.base)}</code>`],
    ["Size", escapeHtml(sizeText(r))],
    ["Evaluations", escapeHtml(evaluationsText(r))],
    ["Stopped", escapeHtml(STOP_REASON_TEXT[r.stopReason] ?? r.stopReason)],
    ["Wall time", escapeHtml(`${wallText(r.wallSec)} (${r.runs.ranNow} of ${r.runs.total} runs made now)`)],
  ];
  return `<dl class="meta">
${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("\n")}
</dl>`;
}

function estimate(c: CheckFit | undefined): string {
  if (!c) return `<td class="num">n/a</td><td class="num">n/a</td>`;
  return `<td class="num">${escapeHtml(num(c.mean))}</td><td class="num">${escapeHtml(`${num(c.ci95[0])} to ${num(c.ci95[1])}`)}</td>`;
}

function metCell(c: CheckFit | undefined): string {
  if (!c) return `<td>n/a</td>`;
  return `<td class="${c.met ? "in" : "out"}">${c.met ? "in band" : "out of band"}</td>`;
}

function checksTable(pairs: readonly CheckPair[]): string {
  const rows: string[] = [];
  pairs.forEach((p, i) => {
    const isFirst = i === 0 || pairs[i - 1].targetId !== p.targetId;
    let span = 1;
    while (isFirst && i + span < pairs.length && pairs[i + span].targetId === p.targetId) span++;
    const head = isFirst
      ? `<td class="target" rowspan="${span}"><strong>${escapeHtml(p.title)}</strong> <code>${escapeHtml(p.targetId)}</code>${p.holdout ? ` <span class="tag">held out</span>` : ""}${!p.holdout && p.weight !== undefined && p.weight !== 1 ? `<p class="muted">weight ${escapeHtml(num(p.weight))}</p>` : ""}</td>`
      : "";
    const band = p.before.judgedBandText === p.before.bandText ? escapeHtml(p.before.bandText) : `${escapeHtml(p.before.bandText)}<br><span class="muted">judged: ${escapeHtml(p.before.judgedBandText)}</span>`;
    rows.push(`<tr>${head}<td>${escapeHtml(p.label)}${p.label.includes(p.before.measure) ? "" : ` <code>${escapeHtml(p.before.measure)}</code>`}</td><td class="num">${band}</td>${estimate(p.before)}${metCell(p.before)}${estimate(p.after)}${metCell(p.after)}<td class="num">${escapeHtml(num(p.before.z))} → ${escapeHtml(p.after ? num(p.after.z) : "n/a")}</td></tr>`);
  });
  return `<div class="scroll"><table class="wide">
<thead><tr><th>Target</th><th>Check</th><th class="num">Band</th><th class="num">Mean before</th><th class="num">95% interval before</th><th>Before</th><th class="num">Mean after</th><th class="num">95% interval after</th><th>After</th><th class="num">z before → after</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
<p class="note">Before: the start point; after: the best point. Means over replications with t intervals (paired for differences); z is the mean's distance from its band in standard errors, 0 inside it.</p>`;
}

function rangeText(p: { min: number; max: number; scale: string; isInteger: boolean }): string {
  return `${num(p.min)} to ${num(p.max)}${p.scale === "log" ? ", log" : ""}${p.isInteger ? ", integer" : ""}`;
}

function parameterTable(r: CalibrationResult): string {
  const best = bestEvaluation(r);
  const rows = r.spec.parameters.map((p) => {
    const prior = p.prior ? `normal, mean ${num(p.prior.mean)}, sd ${num(p.prior.sd)}${p.scale === "log" ? " (on log(value))" : ""}` : "none";
    const b = best?.values[p.path];
    return `<tr><td><code>${escapeHtml(p.path)}</code></td><td class="num">${escapeHtml(rangeText(p))}</td><td>${escapeHtml(prior)}</td><td class="num">${escapeHtml(num(p.start))}</td><td class="num"><strong>${escapeHtml(b !== undefined ? num(b) : "n/a")}</strong></td></tr>`;
  });
  return `<table>
<thead><tr><th>Parameter</th><th class="num">Search range</th><th>Prior</th><th class="num">Start</th><th class="num">Best</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function uncertaintyTable(r: CalibrationResult): string {
  const notes: string[] = [];
  const rows = r.uncertainty.map((u) => {
    const p = r.spec.parameters.find((x) => x.path === u.path);
    const flags: string[] = [];
    if (u.lowOpen || (p && u.low <= p.min)) flags.push(u.method === "profile" ? "the loss stays within noise down to the lowest value the profile tried" : "reaches the lower end of the search range");
    if (u.highOpen || (p && u.high >= p.max)) flags.push(u.method === "profile" ? "the loss stays within noise up to the highest value the profile tried" : "reaches the upper end of the search range");
    if (u.method === "evaluated" && u.within <= 1) flags.push("only the best point is within noise");
    if (flags.length > 0) notes.push(`${u.path}: ${flags.join("; ")}`);
    const range = `${u.lowOpen ? "≤ " : ""}${num(u.low)} – ${u.highOpen ? "≥ " : ""}${num(u.high)}`;
    return `<tr><td><code>${escapeHtml(u.path)}</code></td><td class="num">${escapeHtml(num(u.start))}</td><td class="num"><strong>${escapeHtml(num(u.best))}</strong></td><td class="num">${escapeHtml(range)}</td><td>${u.method === "profile" ? "profile" : "evaluated points"}</td><td class="num">${u.within}</td>${p ? `<td class="num muted">${escapeHtml(rangeText(p))}</td>` : `<td></td>`}</tr>`;
  });
  const how = r.uncertainty.some((u) => u.method === "profile")
    ? `After the search, the loss was evaluated along each parameter through the best point of the search, the other parameters held there (the profile, ${r.spec.profile.steps} points each side out to ${num(r.spec.profile.span)} of the range); the range is where that loss stays within noise, linear between the profile's points. It is a slice, not a full profile likelihood (the other parameters are not re-fitted at each point), so parameters that trade off against each other can be less sure than it says.`
    : "The range is that of all evaluated points within noise, so it is only as wide as the search explored, and the other parameters were not held at their best.";
  return `<p class="note">${escapeHtml(`Within noise of the best: a loss at most the best loss + ${num(r.threshold)}. With loss = Σ weight × z², a rise of 3.84 over the best is the 95% profile-likelihood threshold for one parameter, so the range is roughly a 95% interval for the parameter. ${how}`)}</p>
<table>
<thead><tr><th>Parameter</th><th class="num">Start</th><th class="num">Best</th><th class="num">Range within noise (low – high)</th><th>From</th><th class="num">Evaluations within noise</th><th class="num">Search range</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
${notes.length > 0 ? `<p class="note">${escapeHtml(`Read with care — ${notes.join(". ")}. An open end (≤, ≥) says the targets do not pin the parameter on that side.`)}</p>` : ""}`;
}

function runDetails(r: CalibrationResult): string {
  const s = r.spec;
  const items: [string, string | undefined][] = [
    ["Calibration file", s.file],
    ["Base scenario", s.base],
    ["Fixed overrides", s.set.join(" ") || undefined],
    ["Parameters", s.parameters.map((p) => p.path).join(", ")],
    ["Targets", s.targets.map((t) => `${t.target.id}${t.holdout ? " (held out)" : t.weight !== 1 ? ` (weight ${num(t.weight)})` : ""}`).join(", ")],
    ["Optimizer", `CMA-ES, population ${s.population}, starting step ${num(s.sigma)} of each parameter's range`],
    ["Budget", `${s.budget} evaluations in the search (the start counts as one); ${r.evaluations.filter((e) => e.phase !== "profile").length} used`],
    ["Stopped", STOP_REASON_TEXT[r.stopReason] ?? r.stopReason],
    ["Replication seeds", r.seeds.join(", ")],
    ["Base seed", String(s.seed)],
    ["Runs", `${r.runs.total} (${r.runs.ranNow} made now)`],
    ["Wall time", wallText(r.wallSec)],
    ["Version", r.version],
  ];
  return `<dl class="meta">
${items.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v!)}</code></dd>`).join("\n")}
</dl>`;
}

/** "82 of a budget of 100 in the search (population 9 a generation), and 24 in the profile through the best". */
function evaluationsText(r: CalibrationResult): string {
  const profile = r.evaluations.filter((e) => e.phase === "profile").length;
  const search = r.evaluations.length - profile;
  return `${search} of a budget of ${r.spec.budget} in the search (population ${r.spec.population} a generation)${profile > 0 ? `, and ${profile} in the profile through the best` : ""}`;
}
