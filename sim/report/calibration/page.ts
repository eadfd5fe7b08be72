/**
 * index.html of a calibration folder: what was fitted and how the search
 * ended, the loss over the search, each target before and after (held-out
 * targets in their own section: what the fit predicts beyond what it was
 * fitted to), each parameter's trace and the range of values within noise of
 * the best. The charts are inlined: one file, no scripts, no external files,
 * so it works offline from file://.
 */
import type { CalibrationResult, CheckFit, StopReason } from "../../experiments/calibrate/spec.js";
import { bandText, checkWords, num } from "../../experiments/check/describe.js";
import { lookup, MESSAGES, t, type Lang, type MessageKey } from "../../i18n/index.js";
import { repsText } from "../charts/common.js";
import { escapeHtml, figure, htmlT, link, pageShell } from "../html.js";
import { bestEvaluation, checkPairs, type CalibrationChart, type CheckPair } from "./charts.js";

/** Why the search stopped, in `lang`; a reason this version does not know stays as calibration.json has it. */
export function stopReasonText(reason: StopReason, lang: Lang = "en"): string {
  return lookup(lang, `calibration.stop.${reason}`) ?? reason;
}

export const NOT_IMPROVED_TEXT = t("en", "calibration.notImproved");

const PAGE_CSS = `<style>
.in { color: var(--good); font-weight: 600; }
.out { color: var(--bad); font-weight: 600; }
td.target { min-width: 14em; max-width: 24em; }
td.target p { margin: 4px 0 0; }
p.counts { font-size: 16px; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #ddf4ff; color: #0550ae; font-weight: 600; white-space: nowrap; }
</style>`;

/** The files a calibration folder holds beside this page, and what each is. */
export function calibrationFiles(r: CalibrationResult, lang: Lang = "en"): [string, string][] {
  return [
    [`${r.spec.name}-calibrated.yaml`, t(lang, "calibration.file.yaml")],
    ["calibration.csv", t(lang, "calibration.file.csv")],
    ["runs.csv", t(lang, "calibration.file.runs")],
    ["calibration.json", t(lang, "calibration.file.json")],
  ];
}

export function calibrationPage(r: CalibrationResult, charts: readonly CalibrationChart[], svgs: ReadonlyMap<string, string>, lang: Lang = "en"): string {
  const s = r.spec;
  const pairs = checkPairs(r);
  const fitted = pairs.filter((p) => !p.holdout);
  const held = pairs.filter((p) => p.holdout);
  const h = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const fig = (name: string) => {
    const c = charts.find((x) => x.name === name);
    return c ? figure(c.name, c.caption, svgs.get(c.name) ?? "", "charts", lang) : "";
  };
  const nav = ([["#search", "calibration.nav.search"], ["#targets", "calibration.nav.targets"], ["#holdout", "calibration.nav.holdout"], ["#parameters", "page.nav.parameters"],
    ["#uncertainty", "calibration.nav.uncertainty"], ["#files", "calibration.nav.files"], ["#run", "page.nav.run"]] as const).map(([href, key]) => link(href, t(lang, key))).join("");
  const body = `${PAGE_CSS}
<header>
<h1>${escapeHtml(t(lang, "calibration.h1", { name: s.name }))}</h1>
${s.description ? `<p class="lead">${escapeHtml(s.description)}</p>` : ""}
<nav>${nav}</nav>
</header>
<main>
${r.isImproved ? "" : `<p class="callout">${h("calibration.notImproved")}${htmlT(lang, "calibration.notImproved.after")}</p>`}
${headline(r, fitted, lang)}
${summary(r, lang)}
<p class="note">${escapeHtml(lossRule(r, lang))}</p>
<h2 id="search">${h("calibration.h.search")}</h2>
${fig("loss")}
<h2 id="targets">${h("calibration.h.targets")}</h2>
${fitted.length > 0 ? checksTable(fitted, lang) : `<p>${htmlT(lang, "calibration.noFitted")}</p>`}
${fig("targets")}
<h2 id="holdout">${h("calibration.h.holdout")}</h2>
${held.length > 0
    ? `<p class="note">${htmlT(lang, "calibration.holdout.note")}</p>
${checksTable(held, lang)}
${fig("holdout")}`
    : `<p class="note">${htmlT(lang, "calibration.holdout.none")}</p>`}
<h2 id="parameters">${h("page.nav.parameters")}</h2>
${parameterTable(r, lang)}
${fig("parameter-traces")}
<h2 id="uncertainty">${h("calibration.h.uncertainty")}</h2>
${uncertaintyTable(r, lang)}
${fig("loss-profile")}
<h2 id="files">${h("calibration.h.files")}</h2>
<ul class="files">
${calibrationFiles(r, lang).map(([f, note]) => `<li>${link(f, f)} <span class="muted">— ${escapeHtml(note)}</span></li>`).join("\n")}
</ul>
<h2 id="run">${h("page.h.run")}</h2>
${runDetails(r, lang)}
</main>
<footer>${htmlT(lang, "calibration.footer", { version: escapeHtml(r.version), format: escapeHtml(r.format) })}</footer>`;
  return pageShell(t(lang, "calibration.title", { name: s.name }), body, lang);
}

/** "42 s", "3 min 12 s", "1 h 05 min". */
export function wallText(sec: number, lang: Lang = "en"): string {
  if (!Number.isFinite(sec)) return t(lang, "format.na");
  if (sec < 60) return t(lang, "calibration.wall.s", { s: sec.toFixed(sec < 10 ? 1 : 0) });
  const m = Math.floor(sec / 60);
  if (m < 60) return t(lang, "calibration.wall.min", { m, s: String(Math.round(sec - m * 60)).padStart(2, "0") });
  return t(lang, "calibration.wall.h", { h: Math.floor(m / 60), m: String(m % 60).padStart(2, "0") });
}

function sizeText(r: CalibrationResult, lang: Lang): string {
  const s = r.spec;
  return [
    s.users !== undefined ? t(lang, "calibration.size.users", { n: s.users.toLocaleString("en-US") }) : t(lang, "calibration.size.baseUsers"),
    t(lang, "calibration.size.reps", { reps: repsText(s.reps, lang), seeds: r.seeds.join(", "), seed: s.seed }),
    s.days !== undefined ? t(lang, "format.days", { n: s.days }) : t(lang, "calibration.size.horizon"),
  ].join(" · ");
}

function lossRule(r: CalibrationResult, lang: Lang): string {
  const priors = r.spec.parameters.some((p) => p.prior) ? t(lang, "calibration.lossRule.priors") : "";
  return t(lang, "calibration.lossRule", { priors, threshold: num(r.threshold) });
}

function metCount(checks: readonly (CheckFit | undefined)[]): number {
  return checks.filter((c) => c?.met).length;
}

function headline(r: CalibrationResult, fitted: readonly CheckPair[], lang: Lang): string {
  const best = bestEvaluation(r);
  const start = r.evaluations[0];
  const loss = best && start
    ? htmlT(lang, "calibration.headline.loss", { start: escapeHtml(num(start.loss)), best: escapeHtml(num(best.loss)), index: String(best.index), generation: String(best.generation) })
    : htmlT(lang, "calibration.headline.none");
  const n = fitted.length;
  const count = (checks: readonly (CheckFit | undefined)[]) =>
    `<span class="${metCount(checks) === n ? "in" : "out"}">${escapeHtml(t(lang, "calibration.ofN", { k: metCount(checks), n }))}</span>`;
  const met = n > 0 ? htmlT(lang, "calibration.headline.met", { before: count(fitted.map((p) => p.before)), after: count(fitted.map((p) => p.after)) }) : "";
  return `<p class="counts">${loss}${met}</p>`;
}

function summary(r: CalibrationResult, lang: Lang): string {
  const s = r.spec;
  const wall = t(lang, "calibration.sum.wall", { time: wallText(r.wallSec, lang), ranNow: r.runs.ranNow, total: r.runs.total });
  const items: [MessageKey, string][] = [
    ["calibration.sum.base", `<code>${escapeHtml(s.base)}</code>`],
    ["calibration.sum.size", escapeHtml(sizeText(r, lang))],
    ["calibration.sum.evaluations", escapeHtml(evaluationsText(r, lang))],
    ["calibration.sum.stopped", escapeHtml(stopReasonText(r.stopReason, lang))],
    ["page.run.wallTime", escapeHtml(wall)],
  ];
  return `<dl class="meta">
${items.map(([k, v]) => `<dt>${escapeHtml(MESSAGES[k][lang])}</dt><dd>${v}</dd>`).join("\n")}
</dl>`;
}

function estimate(c: CheckFit | undefined, lang: Lang): string {
  const na = escapeHtml(t(lang, "format.na"));
  if (!c) return `<td class="num">${na}</td><td class="num">${na}</td>`;
  return `<td class="num">${escapeHtml(num(c.mean, lang))}</td><td class="num">${escapeHtml(t(lang, "format.range", { lo: num(c.ci95[0], lang), hi: num(c.ci95[1], lang) }))}</td>`;
}

function metCell(c: CheckFit | undefined, lang: Lang): string {
  if (!c) return `<td>${escapeHtml(t(lang, "format.na"))}</td>`;
  return `<td class="${c.met ? "in" : "out"}">${escapeHtml(t(lang, c.met ? "calibration.inBand" : "calibration.outOfBand"))}</td>`;
}

function checksTable(pairs: readonly CheckPair[], lang: Lang): string {
  const rows: string[] = [];
  pairs.forEach((p, i) => {
    const isFirst = i === 0 || pairs[i - 1].targetId !== p.targetId;
    let span = 1;
    while (isFirst && i + span < pairs.length && pairs[i + span].targetId === p.targetId) span++;
    const head = isFirst
      ? `<td class="target" rowspan="${span}"><strong>${escapeHtml(p.title)}</strong> <code>${escapeHtml(p.targetId)}</code>${p.holdout ? ` <span class="tag">${escapeHtml(t(lang, "calibration.heldOut"))}</span>` : ""}${!p.holdout && p.weight !== undefined && p.weight !== 1 ? `<p class="muted">${escapeHtml(t(lang, "calibration.weight", { w: num(p.weight, lang) }))}</p>` : ""}</td>`
      : "";
    const [given, judged] = lang === "en" ? [p.before.bandText, p.before.judgedBandText] : [bandText(p.before.band, lang), bandText(p.before.judgedBand, lang)];
    const band = judged === given ? escapeHtml(given) : `${escapeHtml(given)}<br><span class="muted">${escapeHtml(t(lang, "calibration.judged", { band: judged }))}</span>`;
    const z = `${escapeHtml(num(p.before.z, lang))} → ${escapeHtml(p.after ? num(p.after.z, lang) : t(lang, "format.na"))}`;
    rows.push(`<tr>${head}<td>${checkLabelHtml(p, lang)}</td><td class="num">${band}</td>${estimate(p.before, lang)}${metCell(p.before, lang)}${estimate(p.after, lang)}${metCell(p.after, lang)}<td class="num">${z}</td></tr>`);
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<div class="scroll"><table class="wide">
<thead><tr><th>${th("calibration.th.target")}</th><th>${th("calibration.th.check")}</th><th class="num">${th("calibration.th.band")}</th><th class="num">${th("calibration.th.meanBefore")}</th><th class="num">${th("calibration.th.intervalBefore")}</th><th>${th("calibration.th.before")}</th><th class="num">${th("calibration.th.meanAfter")}</th><th class="num">${th("calibration.th.intervalAfter")}</th><th>${th("calibration.th.after")}</th><th class="num">${th("calibration.th.z")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
<p class="note">${htmlT(lang, "calibration.checks.note")}</p>`;
}

/**
 * A check's name: as the calibration's targets gave it, with its measure in
 * code when the name does not say it; a name made from the measure is said
 * again in `lang`, the measure in code.
 */
function checkLabelHtml(p: CheckPair, lang: Lang): string {
  const c = p.before;
  if (lang !== "en" && p.label === checkWords(c, "en")) {
    return checkWords({ ...c, of: escapeHtml(c.of), against: c.against === undefined ? undefined : escapeHtml(c.against) }, lang, (m) => `<code>${escapeHtml(m)}</code>`);
  }
  return `${escapeHtml(p.label)}${p.label.includes(c.measure) ? "" : ` <code>${escapeHtml(c.measure)}</code>`}`;
}

function rangeText(p: { min: number; max: number; scale: string; isInteger: boolean }, lang: Lang): string {
  const range = t(lang, "format.range", { lo: num(p.min, lang), hi: num(p.max, lang) });
  return `${range}${p.scale === "log" ? t(lang, "calibration.range.log") : ""}${p.isInteger ? t(lang, "calibration.range.integer") : ""}`;
}

function parameterTable(r: CalibrationResult, lang: Lang): string {
  const best = bestEvaluation(r);
  const rows = r.spec.parameters.map((p) => {
    const prior = p.prior
      ? t(lang, "calibration.prior", { mean: num(p.prior.mean, lang), sd: num(p.prior.sd, lang), log: p.scale === "log" ? t(lang, "calibration.prior.log") : "" })
      : t(lang, "calibration.prior.none");
    const b = best?.values[p.path];
    return `<tr><td><code>${escapeHtml(p.path)}</code></td><td class="num">${escapeHtml(rangeText(p, lang))}</td><td>${escapeHtml(prior)}</td><td class="num">${escapeHtml(num(p.start, lang))}</td><td class="num"><strong>${escapeHtml(b !== undefined ? num(b, lang) : t(lang, "format.na"))}</strong></td></tr>`;
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table>
<thead><tr><th>${th("page.th.parameter")}</th><th class="num">${th("calibration.th.searchRange")}</th><th>${th("calibration.th.prior")}</th><th class="num">${th("calibration.th.start")}</th><th class="num">${th("calibration.th.best")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

/** Why a parameter's range within noise needs care: open ends, the edge of the search, a lone point. */
function uncertaintyFlags(u: CalibrationResult["uncertainty"][number], p: CalibrationResult["spec"]["parameters"][number] | undefined, lang: Lang): string[] {
  const flags: string[] = [];
  if (u.lowOpen || (p && u.low <= p.min)) flags.push(t(lang, u.method === "profile" ? "calibration.flag.profileLow" : "calibration.flag.low"));
  if (u.highOpen || (p && u.high >= p.max)) flags.push(t(lang, u.method === "profile" ? "calibration.flag.profileHigh" : "calibration.flag.high"));
  if (u.method === "evaluated" && u.within <= 1) flags.push(t(lang, "calibration.flag.onlyBest"));
  return flags;
}

function uncertaintyTable(r: CalibrationResult, lang: Lang): string {
  const notes: string[] = [];
  const rows = r.uncertainty.map((u) => {
    const p = r.spec.parameters.find((x) => x.path === u.path);
    const flags = uncertaintyFlags(u, p, lang);
    if (flags.length > 0) notes.push(`${u.path}: ${flags.join("; ")}`);
    const range = `${u.lowOpen ? "≤ " : ""}${num(u.low, lang)} – ${u.highOpen ? "≥ " : ""}${num(u.high, lang)}`;
    const from = escapeHtml(t(lang, u.method === "profile" ? "calibration.from.profile" : "calibration.from.evaluated"));
    return `<tr><td><code>${escapeHtml(u.path)}</code></td><td class="num">${escapeHtml(num(u.start, lang))}</td><td class="num"><strong>${escapeHtml(num(u.best, lang))}</strong></td><td class="num">${escapeHtml(range)}</td><td>${from}</td><td class="num">${u.within}</td>${p ? `<td class="num muted">${escapeHtml(rangeText(p, lang))}</td>` : `<td></td>`}</tr>`;
  });
  const how = r.uncertainty.some((u) => u.method === "profile")
    ? t(lang, "calibration.how.profile", { steps: r.spec.profile.steps, span: num(r.spec.profile.span, lang) })
    : t(lang, "calibration.how.evaluated");
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<p class="note">${escapeHtml(t(lang, "calibration.uncertainty.note", { threshold: num(r.threshold, lang), how }))}</p>
<table>
<thead><tr><th>${th("page.th.parameter")}</th><th class="num">${th("calibration.th.start")}</th><th class="num">${th("calibration.th.best")}</th><th class="num">${th("calibration.th.withinRange")}</th><th>${th("calibration.th.from")}</th><th class="num">${th("calibration.th.within")}</th><th class="num">${th("calibration.th.searchRange")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
${notes.length > 0 ? `<p class="note">${escapeHtml(t(lang, "calibration.care", { notes: notes.join(". ") }))}</p>` : ""}`;
}

function runDetails(r: CalibrationResult, lang: Lang): string {
  const s = r.spec;
  const targets = s.targets.map((x) => `${x.target.id}${x.holdout ? t(lang, "calibration.run.heldOut") : x.weight !== 1 ? t(lang, "calibration.run.weight", { w: num(x.weight, lang) }) : ""}`);
  const used = r.evaluations.filter((e) => e.phase !== "profile").length;
  const items: [MessageKey, string | undefined][] = [
    ["calibration.run.file", s.file],
    ["sweep.run.base", s.base],
    ["sweep.run.fixed", s.set.join(" ") || undefined],
    ["calibration.run.parameters", s.parameters.map((p) => p.path).join(", ")],
    ["calibration.run.targets", targets.join(", ")],
    ["calibration.run.optimizer", t(lang, "calibration.run.cmaes", { population: s.population, sigma: num(s.sigma, lang) })],
    ["calibration.run.budget", t(lang, "calibration.run.budgetText", { budget: s.budget, used })],
    ["calibration.sum.stopped", stopReasonText(r.stopReason, lang)],
    ["calibration.run.seeds", r.seeds.join(", ")],
    ["page.run.baseSeed", String(s.seed)],
    ["calibration.run.runs", t(lang, "calibration.run.runsText", { total: r.runs.total, ranNow: r.runs.ranNow })],
    ["page.run.wallTime", wallText(r.wallSec, lang)],
    ["page.run.version", r.version],
  ];
  return `<dl class="meta">
${items.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `<dt>${escapeHtml(MESSAGES[k][lang])}</dt><dd><code>${escapeHtml(v!)}</code></dd>`).join("\n")}
</dl>`;
}

/** "82 of a budget of 100 in the search (population 9 a generation), and 24 in the profile through the best". */
function evaluationsText(r: CalibrationResult, lang: Lang): string {
  const profile = r.evaluations.filter((e) => e.phase === "profile").length;
  const search = r.evaluations.length - profile;
  return t(lang, "calibration.evaluations", {
    search, budget: r.spec.budget, population: r.spec.population, profile: profile > 0 ? t(lang, "calibration.evaluations.profile", { n: profile }) : "",
  });
}
