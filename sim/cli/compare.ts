/** `sim compare A B [C ...]`: each scenario against a baseline, with paired intervals where the runs share seeds. */
import { basename, join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { NotAReportError, readReport, type ReportData } from "../report/read-report.js";
import { defaultCompareOut, writeComparison } from "../report/write-comparison.js";
import { UsageError } from "./fail.js";

interface CompareArgs {
  dirs: string[];
  out?: string;
  baseline?: string;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: "compare <dirs..>",
  describe: "Compare report folders: every KPI's difference from a baseline with 95% intervals",
  builder: (y) =>
    y
      .positional("dirs", { type: "string", array: true, demandOption: true, describe: "two or more report folders written by 'sim run'" })
      .option("out", { type: "string", describe: "output folder", defaultDescription: "reports/compare-<names joined by -vs->" })
      .option("baseline", { type: "string", describe: "the folder (or scenario name) to compare against", defaultDescription: "the first folder" })
      .example("$0 compare reports/baseline reports/trust-first", "trust-first against the baseline, into reports/compare-baseline-vs-trust-first/")
      .example("$0 compare reports/a reports/b reports/c --baseline reports/b --out reports/abc", "a and c against b")
      .epilogue("Runs made with the same --seed and --reps over the same horizon are paired replication by replication, which narrows the intervals; otherwise the comparison is unpaired (Welch) and says so."),
  handler: async (args) => {
    const dirs = args.dirs.map((d) => resolve(d));
    if (dirs.length < 2) throw new UsageError("compare needs at least two report folders");
    const reports: ReportData[] = dirs.map((d) => {
      try {
        return readReport(d);
      } catch (err) {
        if (err instanceof NotAReportError) throw new UsageError(err.message);
        throw err;
      }
    });
    const b = args.baseline === undefined ? 0 : baselineIndex(args.baseline, dirs, reports);
    const ordered = [reports[b], ...reports.filter((_, i) => i !== b)];
    const out = args.out ?? defaultCompareOut(ordered);
    const result = await writeComparison(ordered, out);
    for (const p of result.comparison.pairings) {
      if (!p.isPaired) process.stderr.write(`sim: warning: ${p.scenario} vs ${result.comparison.baseline} is unpaired (${p.reason}): intervals are Welch intervals\n`);
    }
    for (const w of result.warnings) process.stderr.write(`sim: warning: ${w}\n`);
    process.stdout.write(`${join(result.outDir, "index.html")}\n`);
  },
};

/** --baseline names one of the folders, by path, by folder name, or by scenario name. */
function baselineIndex(wanted: string, dirs: string[], reports: ReportData[]): number {
  const byPath = dirs.indexOf(resolve(wanted));
  if (byPath >= 0) return byPath;
  const byName = reports.findIndex((r, i) => r.meta.scenario === wanted || basename(dirs[i]) === wanted);
  if (byName >= 0) return byName;
  throw new UsageError(`--baseline ${wanted} is none of the folders compared (${dirs.map((d) => basename(d)).join(", ")})`);
}
