/**
 * index.html of a `sim check` folder: each target with its status, each
 * check's mean, 95% interval and band, the rule a check is judged by, and
 * the runs behind them (with links to their report folders). One file, no
 * scripts, no external files: it works offline from file://.
 */
import type { CheckReport } from "../experiments/check/check-report.js";
import { num } from "../experiments/check/describe.js";
import type { TargetStatus } from "../experiments/check/evaluate.js";
import { escapeHtml, link, pageShell } from "./html.js";

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

export function checkPage(report: CheckReport): string {
  const s = report.summary;
  const o = report.options;
  const size = [
    o.users !== undefined ? `${o.users.toLocaleString("en-US")} simulated users` : "each scenario's own number of simulated users",
    `${o.reps} replication${o.reps === 1 ? "" : "s"} on seeds ${report.seeds.join(", ")} (base seed ${o.seed}), the same for every scenario`,
    o.days !== undefined ? `${o.days} days for every run` : "each target's horizon (or its scenario's)",
  ].join("; ");
  const body = `${PAGE_CSS}
<header>
<h1>Targets check</h1>
${report.files.map((f) => `<p class="lead">${escapeHtml(f.description || f.file)} <span class="muted">(${escapeHtml(f.file)})</span></p>`).join("\n")}
<nav>${link("#targets", "Targets")}${link("#runs", "Runs")}${link("check.json", "check.json")}</nav>
</header>
<main>
<p class="counts"><span class="st-met">${s.met} met</span> · <span class="st-missed">${s.missed} missed</span> · <span class="st-expected">${s.expectedMiss} expected miss${s.expectedMiss === 1 ? "" : "es"}</span> · <span class="st-unexpected">${s.unexpectedlyMet} unexpectedly met</span> — of ${s.targets} target${s.targets === 1 ? "" : "s"}</p>
<p class="note">${escapeHtml(report.rule)}${report.toleranceRule ? ` <strong>${escapeHtml(report.toleranceRule)}</strong>` : ""}</p>
<p class="note">${escapeHtml(`Runs: ${size}. A difference (A − B) pairs replication r of A with replication r of B, which ran on the same seed; a ratio (A / B) is taken in each replication and averaged. Money is RMB and counts are at platform scale.`)}</p>
<h2 id="targets">Targets</h2>
${targetsTable(report)}
<h2 id="runs">Runs</h2>
${runsTable(report)}
</main>
<footer>Written by livecommerce-sim ${escapeHtml(report.version)} at ${escapeHtml(report.createdAt)}: <code>${escapeHtml(report.commandLine)}</code></footer>`;
  return pageShell("Targets check", body);
}

function targetsTable(report: CheckReport): string {
  const rows: string[] = [];
  for (const t of report.targets) {
    const span = t.checks.length;
    t.checks.forEach((c, i) => {
      const head = i === 0
        ? `<td class="target" rowspan="${span}"><strong>${escapeHtml(t.title)}</strong> <code>${escapeHtml(t.id)}</code>
<p class="muted">${escapeHtml(t.source)}</p>${t.reason ? `\n<p class="muted"><em>Expected to miss:</em> ${escapeHtml(t.reason)}</p>` : ""}</td>
<td rowspan="${span}" class="${STATUS_CLASS[t.status]}">${escapeHtml(t.status)}</td>`
        : "";
      const band = c.judgedBandText === c.bandText ? escapeHtml(c.bandText) : `${escapeHtml(c.bandText)}<br><span class="muted">judged: ${escapeHtml(c.judgedBandText)}</span>`;
      rows.push(`<tr>${head}<td>${escapeHtml(c.label)}${c.label.includes(c.measure) ? "" : ` <code>${escapeHtml(c.measure)}</code>`}</td><td class="num">${escapeHtml(num(c.mean))}</td><td class="num">${escapeHtml(`${num(c.ci95[0])} to ${num(c.ci95[1])}`)}</td><td class="num">${band}</td><td class="${c.met ? "yes" : t.expect === "miss" ? "st-expected" : "st-missed"}">${c.met ? "in band" : "out of band"}</td></tr>`);
    });
  }
  return `<div class="scroll"><table>
<thead><tr><th>Target</th><th>Status</th><th>Check</th><th class="num">Mean</th><th class="num">95% interval</th><th class="num">Band</th><th>Mean in band</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}

function runsTable(report: CheckReport): string {
  const rows = report.runs.map((r) => {
    const set = Object.entries(r.set).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(", ");
    return `<tr><td>${link(`${r.folder}/${r.hasPage ? "index.html" : "summary.json"}`, r.id)}</td><td><code>${escapeHtml(r.file)}</code>${set ? `<br><span class="muted">set ${escapeHtml(set)}</span>` : ""}</td><td class="num">${r.horizonDays}</td><td class="num">${escapeHtml(r.users.toLocaleString("en-US"))}</td><td>${r.reused ? "reused from disk" : `run now${r.wallTimeSec !== undefined ? ` (${r.wallTimeSec.toFixed(1)} s)` : ""}`}</td></tr>`;
  });
  return `<table>
<thead><tr><th>Run (report folder)</th><th>Scenario</th><th class="num">Days</th><th class="num">Simulated users</th><th>Made</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
<p class="note">Each run is a report folder as <code>sim run</code> writes it (tables, summary and manifest); <code>sim report FOLDER</code> draws its charts and page, and <code>sim compare</code> compares two of them. A later check reuses a folder whose manifest has the same resolved scenario, seeds and version, made by the same model code.</p>`;
}
