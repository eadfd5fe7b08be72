/**
 * index.html of a sweep folder: what was swept, how complete it is, where each
 * KPI of interest is highest, the charts (inlined: the page works offline) and
 * links to the tables. Built from sweep.json and runs.csv alone.
 */
import { describeAdaptive, describeDesign } from "../../experiments/sweep/spec.js";
import { formatInterval, formatValue } from "../../io/format.js";
import { escapeHtml, figure, htmlT, link, pageShell } from "../html.js";
import { parameterLabel } from "../parameter-text.js";
import { MESSAGES, t, type Lang, type MessageKey } from "../../i18n/index.js";
import type { PointSummary, SweepAnalysis } from "./analyse.js";
import { hasSobolIndices, sobolAnalysis } from "./effects.js";
import { kpiLabel, kpiUnit, sweepNote } from "./charts/common.js";
import type { SweepChart } from "./sweep-charts.js";

const TABLE_NOTES: Record<string, MessageKey> = {
  "runs.csv": "sweep.table.runs",
  "points.csv": "sweep.table.points",
  "effects.csv": "sweep.table.effects",
  "morris.csv": "sweep.table.morris",
  "sobol.csv": "sweep.table.sobol",
  "missing.csv": "sweep.table.missing",
  "sweep.json": "sweep.table.sweep",
};

export function sweepPage(a: SweepAnalysis, charts: readonly SweepChart[], svgs: ReadonlyMap<string, string>, tables: readonly string[], lang: Lang = "en"): string {
  const spec = a.plan.spec;
  const h = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const body = `<header>
<h1>${escapeHtml(t(lang, "sweep.h1", { name: spec.name }))}</h1>
${spec.description ? `<p class="lead">${escapeHtml(spec.description)}</p>` : ""}
<nav>${link("#best", t(lang, "sweep.nav.best"))}${link("#parameters", t(lang, "page.nav.parameters"))}${link("#charts", t(lang, "page.nav.charts"))}${link("#tables", t(lang, "page.nav.tables"))}${link("#run", t(lang, "page.nav.run"))}</nav>
</header>
<main>
<p class="note">${escapeHtml(t(lang, "sweep.note", { note: sweepNote(a, lang) }))}</p>
${completeness(a, lang)}
<h2 id="best">${h("sweep.h.best")}</h2>
${bestTable(a, lang)}
<h2 id="parameters">${h("sweep.h.parameters")}</h2>
${parameterTable(a, lang)}
<h2 id="charts">${h("page.h.charts")}</h2>
${sobolExplanation(a, lang)}
${charts.map((c) => figure(c.name, c.caption, svgs.get(c.name) ?? "", "charts", lang)).join("\n")}
<h2 id="tables">${h("page.h.tables")}</h2>
<ul class="files">
${tables.map((f) => `<li>${link(f, f)} <span class="muted">— ${TABLE_NOTES[f] ? h(TABLE_NOTES[f]) : ""}</span></li>`).join("\n")}
</ul>
<h2 id="run">${h("page.h.run")}</h2>
${runDetails(a, lang)}
</main>
<footer>${htmlT(lang, "sweep.footer", { version: escapeHtml(a.plan.version), command: "<code>sim report FOLDER</code>" })}</footer>`;
  return pageShell(t(lang, "sweep.title", { name: spec.name }), body, lang);
}

/** What the Sobol charts show, and which KPIs have none because they do not vary (Sobol designs only). */
function sobolExplanation(a: SweepAnalysis, lang: Lang): string {
  if (a.plan.spec.design.type !== "sobol") return "";
  const constant = a.plan.spec.kpis.filter((kpi) => !hasSobolIndices(sobolAnalysis(a, kpi)));
  const kpis = constant.map((k) => `${kpiLabel(k, lang)} (${k})`).join(", ");
  const note = constant.length > 0 ? `<p class="note">${escapeHtml(t(lang, constant.length === 1 ? "sweep.sobol.none.one" : "sweep.sobol.none.many", { kpis }))}</p>` : "";
  return `<p class="note">${escapeHtml(t(lang, "sweep.sobol.text"))}</p>${note ? `
${note}` : ""}`;
}

function completeness(a: SweepAnalysis, lang: Lang): string {
  if (a.missing.length === 0) return "";
  return `<p class="callout">${escapeHtml(t(lang, a.missing.length === 1 ? "sweep.missing.one" : "sweep.missing.many", { n: a.missing.length }))}</p>`;
}

function pointText(s: PointSummary): string {
  return Object.entries(s.point.values).map(([p, v]) => `${p} = ${v}`).join(", ");
}

function bestTable(a: SweepAnalysis, lang: Lang): string {
  const rows = a.plan.spec.kpis.map((kpi) => {
    const unit = kpiUnit(kpi);
    const usable = a.points.filter((s) => Number.isFinite(s.kpis[kpi]?.mean));
    if (usable.length === 0) return `<tr><td>${escapeHtml(kpiLabel(kpi, lang))} <code>${escapeHtml(kpi)}</code></td><td colspan="4">${escapeHtml(t(lang, "sweep.noValues"))}</td></tr>`;
    const best = usable.reduce((b, s) => (s.kpis[kpi].mean > b.kpis[kpi].mean ? s : b));
    const worst = usable.reduce((b, s) => (s.kpis[kpi].mean < b.kpis[kpi].mean ? s : b));
    return `<tr><td>${escapeHtml(kpiLabel(kpi, lang))} <code>${escapeHtml(kpi)}</code></td><td>${escapeHtml(best.point.id)}: ${escapeHtml(pointText(best))}</td><td class="num">${escapeHtml(formatValue(best.kpis[kpi].mean, unit, lang))}</td><td class="num">${escapeHtml(formatInterval(best.kpis[kpi].ci95, unit, lang))}</td><td class="num">${escapeHtml(formatValue(worst.kpis[kpi].mean, unit, lang))} <span class="muted">(${escapeHtml(worst.point.id)})</span></td></tr>`;
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<div class="scroll"><table>
<thead><tr><th>${th("page.th.kpi")}</th><th>${th("sweep.th.highestAt")}</th><th class="num">${th("sweep.th.meanThere")}</th><th class="num">${th("page.th.interval")}</th><th class="num">${th("sweep.th.lowest")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
<p class="note">${htmlT(lang, "sweep.best.note")}</p>`;
}

function parameterTable(a: SweepAnalysis, lang: Lang): string {
  const paths = a.plan.spec.parameters.map((p) => p.path);
  // the path and, under it in English, the short label the charts use for it (a Chinese page's charts name the path)
  const shown = (path: string) => `<code>${escapeHtml(path)}</code>${lang === "en" ? `<br><span class="muted">${escapeHtml(parameterLabel(path, paths))}</span>` : ""}`;
  const rows = a.plan.spec.parameters.map((p) => `<tr><td>${shown(p.path)}</td><td>${escapeHtml(t(lang, p.kind === "values" ? "sweep.kind.values" : `sweep.kind.${p.distribution}`))}</td><td>${escapeHtml(boundsText(p, lang))}</td></tr>`);
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table>
<thead><tr><th>${th("page.th.parameter")}</th><th>${th("sweep.th.kind")}</th><th>${th("sweep.th.values")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

/**
 * A parameter's values or bounds: in English as sweep.json wrote them
 * ("uniform 0.2 to 0.6", "0 to 1 by 0.25"); in another language from the
 * values or the distribution itself.
 */
function boundsText(p: SweepAnalysis["plan"]["spec"]["parameters"][number], lang: Lang): string {
  if (lang === "en") return p.written;
  if (p.kind === "values") return p.values.map(String).join(", ");
  return t(lang, "sweep.bounds", { distribution: t(lang, `sweep.kind.${p.distribution}`), min: p.min, max: p.max });
}

function runDetails(a: SweepAnalysis, lang: Lang): string {
  const spec = a.plan.spec;
  const daysUsers = [spec.days && t(lang, "format.days", { n: spec.days }), spec.users && t(lang, "sweep.run.users", { n: spec.users })].filter(Boolean);
  const items: [MessageKey, string | undefined][] = [
    ["sweep.run.base", spec.base],
    ["sweep.run.fixed", spec.set.join(" ") || undefined],
    ["sweep.run.daysUsers", daysUsers.join(", ") || undefined],
    ["sweep.run.design", describeDesign(spec.design, lang)],
    ["sweep.run.points", String(a.points.length)],
    ["page.run.reps", spec.adaptive ? t(lang, "sweep.run.adaptive", { reps: spec.reps, rule: describeAdaptive(spec.adaptive) }) : String(spec.reps)],
    ["page.run.baseSeed", String(spec.seed)],
    ["sweep.run.logged", `${a.loggedRuns}${a.foreignRuns ? t(lang, "sweep.run.foreign", { n: a.foreignRuns }) : ""}`],
    ["sweep.run.missing", String(a.missing.length)],
    ["sweep.run.time", t(lang, "format.seconds", { n: a.runSeconds.toFixed(1) })],
    ["page.run.command", a.manifest.commandLine],
    ["page.run.version", a.plan.version],
    ["sweep.run.planId", a.plan.planId],
  ];
  return `<dl class="meta">
${items.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `<dt>${escapeHtml(MESSAGES[k][lang])}</dt><dd><code>${escapeHtml(v!)}</code></dd>`).join("\n")}
</dl>`;
}
