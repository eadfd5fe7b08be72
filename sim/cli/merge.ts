/**
 * `sim merge DIRS... --out DIR`: join the folders of a sharded sweep, then
 * analyse the result. Missing runs are listed (missing.csv and stderr) and
 * make the exit code 3, so a batch pipeline notices an incomplete sweep; the
 * merged folder is still written and can be completed with `sim sweep DIR`.
 */
import { resolve, join } from "node:path";
import type { CommandModule } from "yargs";
import { MergeMismatchError, mergeSweeps } from "../experiments/sweep/merge.js";
import { NotASweepError, SweepBusyError } from "../experiments/sweep/folder.js";
import { writeSweepReport } from "../report/sweep/build.js";
import { UsageError } from "./fail.js";

/** Exit code of a merge that worked but found runs missing. */
export const EXIT_RUNS_MISSING = 3;

interface MergeArgs {
  dirs: string[];
  out: string;
  report: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: "merge <dirs..>",
  describe: "Join the folders of a sharded sweep into one and say which runs are missing",
  builder: (y) =>
    y
      .positional("dirs", { type: "string", array: true, demandOption: true, describe: "sweep folders of the same sweep (e.g. one per shard)" })
      .option("out", { type: "string", demandOption: true, describe: "the merged sweep folder" })
      .option("report", { type: "boolean", default: true, describe: "write the charts and index.html (--no-report: only the tables points.csv, effects.csv and missing.csv)" })
      .example("$0 merge reports/sweeps/part1 reports/sweeps/part2 reports/sweeps/part3 --out reports/sweeps/all", "join three shards")
      .epilogue("Exit codes: 0 complete, 3 merged but runs are missing (listed in missing.csv; finish them with sim sweep OUT), 2 folders of different sweeps."),
  handler: async (args) => {
    const out = resolve(args.out);
    let summary;
    try {
      summary = mergeSweeps(args.dirs, out);
    } catch (err) {
      if (err instanceof MergeMismatchError || err instanceof NotASweepError || err instanceof SweepBusyError) throw new UsageError(err.message);
      throw err;
    }
    if (summary.conflicts.length > 0) process.stderr.write(`sim: warning: ${summary.conflicts.length} run(s) logged twice with different KPI values (first copy kept): ${summary.conflicts.slice(0, 5).join(", ")}\n`);
    const analysis = await writeSweepReport(out, { hasCharts: args.report, onWarning: (m) => process.stderr.write(`sim: warning: ${m}\n`) });
    process.stdout.write(`merged ${summary.folders} folders: ${summary.runs} runs (${summary.duplicates} duplicates dropped) → ${join(out, "runs.csv")}\n`);
    if (analysis.missing.length > 0) {
      const shown = analysis.missing.slice(0, 10).map((r) => `  ${r.point.id} rep ${r.rep} (${Object.entries(r.point.values).map(([p, v]) => `${p}=${v}`).join(", ")})`);
      process.stderr.write(`sim: ${analysis.missing.length} run(s) missing (listed in ${join(out, "missing.csv")}):\n${shown.join("\n")}${analysis.missing.length > 10 ? "\n  …" : ""}\nsim: finish them with: sim sweep ${args.out}\n`);
      process.exitCode = EXIT_RUNS_MISSING;
    } else {
      process.stdout.write(`complete: every run of the sweep is there\n`);
    }
  },
};
