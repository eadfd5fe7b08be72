/**
 * Joining the folders of a sharded sweep (or of the same sweep run on several
 * machines) into one: the same plan is required, runs are deduplicated by key
 * (the first copy wins; a second copy with other KPI values is reported, as it
 * would mean a model that is not deterministic), and the joined runs.csv is
 * written whole and swapped in, so an interrupted merge leaves no half file.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { replaceFile } from "../../io/files.js";
import { lockSweepFolder, readSweepManifest, writeSweepManifest, planOf, type SweepManifest } from "./folder.js";
import { csvLine } from "../../io/csv.js";
import { readRunLog, runLogHeader, RUNS_FILE } from "./run-log.js";

export class MergeMismatchError extends Error {}

export interface MergeSummary {
  folders: number;
  runs: number;
  duplicates: number;
  /** keys whose copies disagree on a KPI */
  conflicts: string[];
  droppedTornLines: number;
}

export function mergeSweeps(dirs: readonly string[], out: string): MergeSummary {
  const outDir = resolve(out);
  const inputs = dirs.map((d) => resolve(d));
  if (inputs.includes(outDir)) throw new MergeMismatchError(`--out ${out} is also one of the folders to merge; write the merge to a new folder`);
  const manifests = inputs.map((d) => readSweepManifest(d));
  const first = manifests[0];
  manifests.forEach((m, i) => {
    if (m.planId !== first.planId) {
      throw new MergeMismatchError(`${dirs[i]} holds another sweep than ${dirs[0]} (plan ${m.planId} vs ${first.planId}: other points, seed or model version)`);
    }
  });
  const sources = existsSync(join(outDir, RUNS_FILE)) ? [outDir, ...inputs] : inputs;
  if (sources[0] === outDir && readSweepManifest(outDir).planId !== first.planId) {
    throw new MergeMismatchError(`${out} already holds another sweep; merge into a new folder`);
  }
  const header = runLogHeader(first.spec.parameters.map((p) => p.path));
  const compare = header.filter((h) => h !== "wall_sec");
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  let duplicates = 0;
  let dropped = 0;
  let text = csvLine(header);
  for (const dir of sources) {
    const { header: found, rows, tornBytes } = readRunLog(join(dir, RUNS_FILE));
    if (tornBytes > 0) dropped++;
    if (found.length > 0 && found.join(",") !== header.join(",")) throw new MergeMismatchError(`${join(dir, RUNS_FILE)} has other columns than the sweep in ${dirs[0]}`);
    for (const row of rows) {
      const signature = compare.map((h) => row[h]).join(",");
      const before = seen.get(row.key);
      if (before !== undefined) {
        duplicates++;
        if (before !== signature) conflicts.push(row.key);
        continue;
      }
      seen.set(row.key, signature);
      text += csvLine(header.map((h) => row[h] ?? ""));
    }
  }
  mkdirSync(outDir, { recursive: true });
  const unlock = lockSweepFolder(outDir);
  try {
    writeSweepManifest(outDir, { ...planOf(first), spec: { ...first.spec, reps: Math.max(...manifests.map((m) => m.spec.reps)) } }, { commandLine: mergedCommand(manifests), ...(first.lang ? { lang: first.lang } : {}) });
    replaceFile(join(outDir, RUNS_FILE), text);
  } finally {
    unlock();
  }
  return { folders: inputs.length, runs: seen.size, duplicates, conflicts, droppedTornLines: dropped };
}

function mergedCommand(manifests: SweepManifest[]): string | undefined {
  return manifests[0].commandLine?.replace(/\s--shard\s+\S+/, "");
}
