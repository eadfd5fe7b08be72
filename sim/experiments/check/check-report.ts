/**
 * What `sim check` writes and prints: check.json (every target, check and
 * run, with per-replication values) and the terminal table.
 */
import { t, type Lang } from "../../i18n/index.js";
import { num } from "./describe.js";
import type { TargetResult, TargetStatus } from "./evaluate.js";
import { MET_RULE } from "./spec.js";

export const TOLERANCE_RULE = (f: number, lang: Lang = "en") => t(lang, "check.toleranceRule", { f });

export interface CheckRunEntry {
  /** folder name under runs/ */
  id: string;
  scenario: string;
  /** the scenario file, relative to the working directory when inside it */
  file: string;
  set: Record<string, unknown>;
  horizonDays: number;
  users: number;
  /** the folder, relative to check.json */
  folder: string;
  /** true when the folder was already there with a matching manifest and was not run again */
  reused: boolean;
  /** why an existing folder was not reused */
  notReused?: string;
  /** seconds the replications took, when run now */
  wallTimeSec?: number;
  /** whether the folder has its own report page (index.html) */
  hasPage?: boolean;
}

export interface CheckReport {
  version: string;
  createdAt: string;
  commandLine: string;
  rule: string;
  toleranceRule?: string;
  options: { users?: number; days?: number; reps: number; seed: number; threads: number; tolerance?: number };
  seeds: number[];
  files: { file: string; description: string }[];
  summary: { targets: number; met: number; missed: number; expectedMiss: number; unexpectedlyMet: number; exitCode: number };
  targets: TargetResult[];
  runs: CheckRunEntry[];
}

export function buildCheckReport(input: Omit<CheckReport, "rule" | "toleranceRule" | "summary">): CheckReport {
  const count = (s: TargetStatus) => input.targets.filter((t) => t.status === s).length;
  const missed = count("missed");
  return {
    ...input,
    rule: MET_RULE,
    ...(input.options.tolerance !== undefined ? { toleranceRule: TOLERANCE_RULE(input.options.tolerance) } : {}),
    summary: { targets: input.targets.length, met: count("met"), missed, expectedMiss: count("expected miss"), unexpectedlyMet: count("unexpectedly met"), exitCode: missed > 0 ? 1 : 0 },
  };
}

/** The terminal table: a line per target (status, id, title), a line per check, the reason of an expected miss. */
export function checkTable(report: CheckReport): string {
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const target of report.targets) {
    rows.push([target.status, target.id, target.title, "", "", ""]);
    for (const c of target.checks) {
      rows.push(["", `  ${c.label}`, num(c.mean), `[${num(c.ci95[0])}, ${num(c.ci95[1])}]`, `band ${c.bandText}${c.judgedBandText !== c.bandText ? ` (widened: ${c.judgedBandText})` : ""}`, t("en", c.met ? "check.inBand" : "check.outOfBand")]);
    }
    if (target.reason) rows.push(["", `  reason: ${target.reason}`, "", "", "", ""]);
  }
  const checkRows = rows.filter((r) => r[0] === "" && r[2] !== "");
  const w = [0, 1, 2, 3, 4].map((i) => Math.max(0, ...checkRows.map((r) => r[i].length)));
  const statusWidth = Math.max(...report.targets.map((t) => t.status.length));
  for (const r of rows) {
    if (r[0] !== "") lines.push(`${r[0].toUpperCase().padEnd(statusWidth)}  ${r[1]} — ${r[2]}`);
    else if (r[2] === "") lines.push(`${"".padEnd(statusWidth)}  ${r[1]}`);
    else lines.push(`${"".padEnd(statusWidth)}  ${r[1].padEnd(w[1])}  ${r[2].padStart(w[2])}  ${r[3].padEnd(w[3])}  ${r[4].padEnd(w[4])}  ${r[5]}`);
  }
  const s = report.summary;
  lines.push("");
  lines.push(`${s.targets} target${s.targets === 1 ? "" : "s"}: ${s.met} met, ${s.missed} missed, ${s.expectedMiss} expected miss${s.expectedMiss === 1 ? "" : "es"}, ${s.unexpectedlyMet} unexpectedly met`);
  return `${lines.join("\n")}\n`;
}
