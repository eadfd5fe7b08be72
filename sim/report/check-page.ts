/**
 * index.html of a `sim check` folder: each target with its status, each
 * check's mean, 95% interval and band, the rule a check is judged by, and
 * the runs behind them (with links to their report folders). One file, no
 * scripts, no external files: it works offline from file://.
 */
import type { CheckReport } from "../experiments/check/check-report.js";
import { bandText, checkWords, num } from "../experiments/check/describe.js";
import { TOLERANCE_RULE } from "../experiments/check/check-report.js";
import type { CheckResult, TargetStatus } from "../experiments/check/evaluate.js";
import { MESSAGES, t, type Lang, type MessageKey } from "../i18n/index.js";
import { repsText } from "./charts/common.js";
import { escapeHtml, htmlT, link, pageShell } from "./html.js";

const STATUS_CLASS: Record<TargetStatus, string> = {
  met: "st-met",
  missed: "st-missed",
  "expected miss": "st-expected",
  "unexpectedly met": "st-unexpected",
};

const PAGE_CSS = `<style>
.st-met { color: var(--good); font-weight: 600; }
.st-missed { color: var(--bad); font-weight: 600; }
.st-expected { color: var(--muted); font-weight: 600; }
.st-unexpected { color: #9a6700; font-weight: 600; }
td.target { min-width: 16em; max-width: 26em; }
td.target p { margin: 4px 0 0; }
p.counts { font-size: 16px; }
</style>`;

/** A target's status in `lang` (check.json keeps the English). */
function statusText(status: TargetStatus, lang: Lang): string {
  return t(lang, `check.status.${status}`);
}

function sizeText(report: CheckReport, lang: Lang): string {
  const o = report.options;
  return [
    o.users !== undefined ? t(lang, "check.size.users", { n: o.users.toLocaleString("en-US") }) : t(lang, "check.size.ownUsers"),
    t(lang, "check.size.seeds", { reps: repsText(o.reps, lang), seeds: report.seeds.join(", "), seed: o.seed }),
    o.days !== undefined ? t(lang, "check.size.days", { n: o.days }) : t(lang, "check.size.ownDays"),
  ].join(t(lang, "check.size.sep"));
}

function countsLine(report: CheckReport, lang: Lang): string {
  const s = report.summary;
  const span = (cls: string, n: number, status: TargetStatus, plural?: MessageKey) =>
    `<span class="${cls}">${n} ${escapeHtml(plural && n !== 1 ? MESSAGES[plural][lang] : statusText(status, lang))}</span>`;
  const of = t(lang, s.targets === 1 ? "check.count.of" : "check.count.ofMany", { n: s.targets });
  return `${span("st-met", s.met, "met")} · ${span("st-missed", s.missed, "missed")} · ${span("st-expected", s.expectedMiss, "expected miss", "check.count.expectedMisses")} · ${span("st-unexpected", s.unexpectedlyMet, "unexpectedly met")} — ${escapeHtml(of)}`;
}

export function checkPage(report: CheckReport, lang: Lang = "en"): string {
  const rule = lang === "en" ? report.rule : t(lang, "check.rule");
  const tolerance = report.options.tolerance === undefined ? undefined : lang === "en" ? report.toleranceRule : TOLERANCE_RULE(report.options.tolerance, lang);
  const h = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  const body = `${PAGE_CSS}
<header>
<h1>${h("check.title")}</h1>
${report.files.map((f) => `<p class="lead">${escapeHtml(f.description || f.file)} <span class="muted">(${escapeHtml(f.file)})</span></p>`).join("\n")}
<nav>${link("#targets", t(lang, "check.nav.targets"))}${link("#runs", t(lang, "compare.nav.runs"))}${link("check.json", "check.json")}</nav>
</header>
<main>
<p class="counts">${countsLine(report, lang)}</p>
<p class="note">${escapeHtml(rule)}${tolerance ? ` <strong>${escapeHtml(tolerance)}</strong>` : ""}</p>
<p class="note">${escapeHtml(t(lang, "check.runsNote", { size: sizeText(report, lang) }))}</p>
<h2 id="targets">${h("check.nav.targets")}</h2>
${targetsTable(report, lang)}
<h2 id="runs">${h("compare.h.runs")}</h2>
${runsTable(report, lang)}
</main>
<footer>${htmlT(lang, "check.footer", { version: escapeHtml(report.version), createdAt: escapeHtml(report.createdAt), command: `<code>${escapeHtml(report.commandLine)}</code>` })}</footer>`;
  return pageShell(t(lang, "check.title"), body, lang);
}

function targetsTable(report: CheckReport, lang: Lang): string {
  const rows: string[] = [];
  for (const target of report.targets) {
    const span = target.checks.length;
    target.checks.forEach((c, i) => {
      const head = i === 0
        ? `<td class="target" rowspan="${span}"><strong>${escapeHtml(target.title)}</strong> <code>${escapeHtml(target.id)}</code>
<p class="muted">${escapeHtml(target.source)}</p>${target.reason ? `\n<p class="muted"><em>${escapeHtml(t(lang, "check.expectedToMiss"))}</em> ${escapeHtml(target.reason)}</p>` : ""}</td>
<td rowspan="${span}" class="${STATUS_CLASS[target.status]}">${escapeHtml(statusText(target.status, lang))}</td>`
        : "";
      const [given, judged] = lang === "en" ? [c.bandText, c.judgedBandText] : [bandText(c.band, lang), bandText(c.judgedBand, lang)];
      const band = judged === given ? escapeHtml(given) : `${escapeHtml(given)}<br><span class="muted">${escapeHtml(t(lang, "check.judged", { band: judged }))}</span>`;
      const interval = t(lang, "format.range", { lo: num(c.ci95[0], lang), hi: num(c.ci95[1], lang) });
      const verdict = escapeHtml(t(lang, c.met ? "check.inBand" : "check.outOfBand"));
      rows.push(`<tr>${head}<td>${checkLabelHtml(c, lang)}</td><td class="num">${escapeHtml(num(c.mean, lang))}</td><td class="num">${escapeHtml(interval)}</td><td class="num">${band}</td><td class="${c.met ? "yes" : target.expect === "miss" ? "st-expected" : "st-missed"}">${verdict}</td></tr>`);
    });
  }
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<div class="scroll"><table>
<thead><tr><th>${th("check.th.target")}</th><th>${th("check.th.status")}</th><th>${th("check.th.check")}</th><th class="num">${th("page.th.mean")}</th><th class="num">${th("page.th.interval")}</th><th class="num">${th("check.th.band")}</th><th>${th("check.th.meanInBand")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}

/**
 * A check's name: as the targets file gave it, with its measure in code when
 * the name does not say it; a name made from the measure (no label: in the
 * file) is said again in `lang`, the measure in code.
 */
function checkLabelHtml(c: CheckResult, lang: Lang): string {
  const isMade = lang !== "en" && c.label === checkWords(c, "en");
  if (isMade) return checkWords({ ...c, of: escapeHtml(c.of), against: c.against === undefined ? undefined : escapeHtml(c.against) }, lang, (m) => `<code>${escapeHtml(m)}</code>`);
  return `${escapeHtml(c.label)}${c.label.includes(c.measure) ? "" : ` <code>${escapeHtml(c.measure)}</code>`}`;
}

function runsTable(report: CheckReport, lang: Lang): string {
  const rows = report.runs.map((r) => {
    const set = Object.entries(r.set).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(", ");
    const made = r.reused ? t(lang, "check.reused") : t(lang, "check.runNow", { time: r.wallTimeSec !== undefined ? t(lang, "check.runTime", { s: r.wallTimeSec.toFixed(1) }) : "" });
    return `<tr><td>${link(`${r.folder}/${r.hasPage ? "index.html" : "summary.json"}`, r.id)}</td><td><code>${escapeHtml(r.file)}</code>${set ? `<br><span class="muted">${escapeHtml(t(lang, "check.set", { values: set }))}</span>` : ""}</td><td class="num">${r.horizonDays}</td><td class="num">${escapeHtml(r.users.toLocaleString("en-US"))}</td><td>${escapeHtml(made)}</td></tr>`;
  });
  const th = (key: MessageKey) => escapeHtml(MESSAGES[key][lang]);
  return `<table>
<thead><tr><th>${th("check.th.run")}</th><th>${th("page.run.scenario")}</th><th class="num">${th("compare.th.days")}</th><th class="num">${th("check.th.users")}</th><th>${th("check.th.made")}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
<p class="note">${htmlT(lang, "check.runsAfter", { run: "<code>sim run</code>", report: "<code>sim report FOLDER</code>", compare: "<code>sim compare</code>" })}</p>`;
}
