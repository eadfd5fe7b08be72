/**
 * `sim compare A B [C ...]`: each scenario against a baseline, with paired
 * intervals where the runs share sample and seeds. Refuses (exit 2) runs of
 * different platforms or horizons, and an output folder holding an earlier
 * comparison unless --force. stdout: the headline differences, then the page's
 * path; stderr: warnings.
 */
import { basename, join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { headlineText } from "../report/compare-headline.js";
import { NotAReportError, readReport, type ReportData } from "../report/read-report.js";
import { NotComparableError } from "../report/same-platform.js";
import { ComparisonExistsError, defaultCompareOut, writeComparison } from "../report/write-comparison.js";
import { UsageError } from "./fail.js";
import { LANG_OPTION, type LangArgs } from "./lang-option.js";

interface CompareArgs extends LangArgs {
  dirs: string[];
  out?: string;
  baseline?: string;
  force: boolean;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: "compare <dirs..>",
  describe: "Compare report folders: every KPI's difference from a baseline with 95% intervals",
  builder: (y) =>
    y
      .positional("dirs", { type: "string", array: true, demandOption: true, describe: "two or more report folders written by 'sim run'" })
      .option("out", { type: "string", describe: "output folder", defaultDescription: "reports/compare-<names joined by -vs->" })
      .option("baseline", { type: "string", describe: "the folder (or scenario name) to compare against", defaultDescription: "the first folder" })
      .option("force", { type: "boolean", default: false, describe: "replace an earlier comparison in the output folder" })
      .option("lang", LANG_OPTION)
      .example("$0 compare reports/baseline reports/trust-first", "trust-first against the baseline, into reports/compare-baseline-vs-trust-first/")
      .example("$0 compare reports/a reports/b reports/c --baseline reports/b --out reports/abc", "a and c against b")
      .epilogue(
        "The runs must simulate the same platform (population.platformUsers, platformCreators, platformMerchants) over the same horizon; otherwise compare refuses with exit code 2. " +
          "Runs made with the same sample (--users), --seed and --reps are paired replication by replication, which usually narrows the intervals; otherwise the comparison is unpaired (Welch) and says so. " +
          "An existing comparison in the output folder is replaced only with --force.",
      ),
  handler: async (args) => {
    const dirs = args.dirs.map((d) => resolve(d));
    if (dirs.length < 2) throw new UsageError("compare needs at least two report folders");
    const reports: ReportData[] = dirs.map((d) => asUsageError(() => readReport(d)));
    const b = args.baseline === undefined ? 0 : baselineIndex(args.baseline, dirs, reports);
    const ordered = [reports[b], ...reports.filter((_, i) => i !== b)];
    const out = args.out ?? defaultCompareOut(ordered);
    const result = await asUsageErrorAsync(() => writeComparison(ordered, out, { force: args.force, lang: args.lang }));
    for (const p of result.comparison.pairings) {
      if (!p.isPaired) process.stderr.write(`sim: warning: ${p.scenario} vs ${result.comparison.baseline} is unpaired (${p.reason}): intervals are Welch intervals\n`);
    }
    for (const w of result.warnings) process.stderr.write(`sim: warning: ${w}\n`);
    const headline = headlineText(result.comparison);
    process.stdout.write(`${headline ? `${headline}\n\n` : ""}${join(result.outDir, "index.html")}\n`);
  },
};

/** The comparison's own refusals are bad input (exit code 2), not failures. */
function isBadInput(err: unknown): err is Error {
  return err instanceof NotAReportError || err instanceof NotComparableError || err instanceof ComparisonExistsError;
}

function asUsageError<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw isBadInput(err) ? new UsageError(err.message) : err;
  }
}

async function asUsageErrorAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw isBadInput(err) ? new UsageError(err.message) : err;
  }
}

/** --baseline names one of the folders, by path, by folder name, or by scenario name. */
function baselineIndex(wanted: string, dirs: string[], reports: ReportData[]): number {
  const byPath = dirs.indexOf(resolve(wanted));
  if (byPath >= 0) return byPath;
  const byName = reports.findIndex((r, i) => r.meta.scenario === wanted || basename(dirs[i]) === wanted);
  if (byName >= 0) return byName;
  throw new UsageError(`--baseline ${wanted} is none of the folders compared (${dirs.map((d) => basename(d)).join(", ")})`);
}
