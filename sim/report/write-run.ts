/**
 * One scenario's report folder, as `sim run` writes it and the sandbox's
 * "write report" does: the tables, then the page and charts built from them,
 * through a temporary folder that replaces the old one only when complete.
 */
import { resolve } from "node:path";
import { leversThatNeverActed } from "../experiments/idle-levers.js";
import type { ScenarioRun } from "../experiments/run.js";
import { replaceFolderAsync } from "../io/files.js";
import { writeReportPages } from "./build-report.js";
import { writeRunTables, type RunMetaInput } from "./tables.js";

/** What a run did not do that its scenario asked for: capacity reached, levers set to act that never acted. */
export function runWarnings(run: ScenarioRun): string[] {
  const list: string[] = [];
  const refused = run.results.reduce((s, r) => s + r.entriesRefusedFull, 0);
  if (refused > 0) list.push(`${refused} merchant or creator entries were refused because population.capacityFactor (${run.scenario.population.capacityFactor}) was reached; raise it`);
  list.push(...leversThatNeverActed(run.scenario, run.results));
  return list;
}

/** Write `<out>/<scenario name>/` for a finished run; returns the folder. */
export async function writeRunReport(out: string, run: ScenarioRun, meta: RunMetaInput, onWarning?: (message: string) => void): Promise<string> {
  await replaceFolderAsync(out, run.scenario.name, async (tmp) => {
    await writeRunTables(tmp, run, meta);
    await writeReportPages(tmp, { onWarning, lang: meta.lang });
  });
  return resolve(out, run.scenario.name);
}
