/**
 * `sim calibrate CALIBRATION.yaml`: fit free parameters of a base scenario to
 * targets with CMA-ES, on common random numbers, through the sweep runner
 * (worker threads, the fsync'd run log: an interrupted calibration resumes
 * with the same command). Writes calibration.csv, calibration.json, the
 * calibrated scenario and index.html into the folder. Exit 0 when done (also
 * when the optimizer could not improve on the start: it says so), 2 on bad
 * input, 130 when interrupted.
 */
import { LANG_OPTION, type LangArgs } from "./lang-option.js";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { num } from "../experiments/check/describe.js";
import { calibrate, type CalibrationProgress } from "../experiments/calibrate/calibrate.js";
import { CALIBRATION_FORMAT, loadCalibrationFile } from "../experiments/calibrate/calibration-file.js";
import { calibratedFileName, rangeText, writeCalibrationTables } from "../experiments/calibrate/outputs.js";
import { packageVersion } from "../experiments/package-info.js";
import { SweepBusyError } from "../experiments/sweep/folder.js";
import { HeaderMismatchError, RUNS_FILE } from "../experiments/sweep/run-log.js";
import { writeCalibrationPage } from "../report/calibration/build.js";
import { UsageError } from "./fail.js";
import { checkQueueOption } from "./queue-option.js";
import { onRunLogInterrupt, progressLine } from "./progress.js";

interface CalibrateArgs extends LangArgs {
  file: string;
  budget?: number;
  users?: number;
  reps?: number;
  days?: number;
  seed?: number;
  threads: number;
  queue?: string;
  out?: string;
  quiet: boolean;
}

const whole = (name: string, min: number) => (v: unknown): void => {
  if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < min)) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
};

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: "calibrate <file>",
  describe: "Fit a scenario's free parameters to targets (CMA-ES on common random numbers)",
  builder: (y: Argv<object>) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "a calibration file (YAML with base:, parameters: and targets:); see sim schema --calibration" })
      .option("budget", { type: "number", describe: "evaluations at most, the start point included", defaultDescription: "the file's, else 60" })
      .option("users", { type: "number", describe: "simulated users of every run", defaultDescription: "the file's, else each scenario's" })
      .option("reps", { type: "number", describe: "replications of every evaluation (>= 2), on the same seeds", defaultDescription: "the file's, else 4" })
      .option("days", { type: "number", describe: "horizon of every run", defaultDescription: "the file's, else each target's" })
      .option("seed", { type: "number", describe: "base seed of the replications and of the optimizer", defaultDescription: "the file's, else 1" })
      .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "worker threads" })
      .option("queue", { type: "string", describe: "run on `sim worker` processes through this Redis queue (redis://host:port/db) instead of local threads" })
      .option("out", { type: "string", describe: "the calibration folder", defaultDescription: "reports/calibrations/<name>" })
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no progress on stderr" })
      .option("lang", LANG_OPTION)
      .example("$0 calibrate calibration/baseline.yaml", "fit the baseline's behaviour parameters to the public targets")
      .example("$0 calibrate calibration/baseline.yaml --budget 20 --users 5000 --out /tmp/try", "a quick, small trial")
      .epilogue(`${CALIBRATION_FORMAT}\n\nRuns are appended to <out>/${RUNS_FILE} as they finish; the same command resumes an interrupted calibration and gives the same result. Exit codes: 0 done (also when nothing better than the start was found), 1 failure, 2 bad input, 130 interrupted.`)
      .check((argv) => {
        const a = argv as unknown as CalibrateArgs;
        whole("budget", 1)(a.budget);
        whole("users", 1)(a.users);
        whole("reps", 2)(a.reps);
        whole("days", 1)(a.days);
        whole("seed", 0)(a.seed);
        whole("threads", 1)(a.threads);
        checkQueueOption(a.queue);
        return true;
      }) as unknown as Argv<CalibrateArgs>,
  handler: async (args) => {
    const spec = loadCalibrationFile(args.file, { budget: args.budget, users: args.users, reps: args.reps, days: args.days, seed: args.seed });
    const out = resolve(args.out ?? join("reports", "calibrations", spec.name));
    const isTTY = process.stderr.isTTY === true && !args.quiet;
    let lastGeneration = -1;
    const report = (p: CalibrationProgress): void => {
      if (args.quiet) return;
      const text = `${spec.name}: generation ${p.generation}, ${p.evaluations}/${p.budget} evaluations, best loss ${num(p.bestLoss)}; runs of this step ${p.runs.done}/${p.runs.total}`;
      if (isTTY) progressLine(text);
      else if (p.generation !== lastGeneration) {
        lastGeneration = p.generation;
        process.stderr.write(`sim: ${text}\n`);
      }
    };
    onRunLogInterrupt(out, "go on", () => {
      if (isTTY) progressLine("", true);
    });

    let result;
    try {
      result = await calibrate(spec, out, {
        threads: args.threads,
        queueUrl: args.queue,
        version: packageVersion(),
        onStart: (info) => {
          if (args.quiet) return;
          if (info.droppedTornBytes > 0) process.stderr.write("sim: the last line of runs.csv was cut off (a run killed while it was written); dropped, the run will be done again\n");
          if (info.alreadyLogged > 0) process.stderr.write(`sim: ${spec.name}: ${info.alreadyLogged} runs already in ${RUNS_FILE}; replaying them and going on\n`);
        },
        onProgress: report,
        onGeneration: (evaluations) => writeCalibrationTables(out, spec, evaluations),
      });
    } catch (err) {
      if (err instanceof SweepBusyError || err instanceof HeaderMismatchError) throw new UsageError(`${err.message}; use another --out`);
      throw err;
    } finally {
      if (isTTY) progressLine("", true);
    }
    writeCalibrationTables(out, spec, result.evaluations, result);
    await writeCalibrationPage(out, result, { lang: args.lang });

    const best = result.evaluations[result.best];
    const start = result.evaluations[0];
    const lines = [
      `${spec.name}: ${result.evaluations.length} evaluations (${result.runs.ranNow} runs now, ${result.runs.total} in the log), ${stopText(result.stopReason)}; loss ${num(start.loss)} at the start, ${num(best.loss)} at the best (evaluation ${best.index})`,
      ...(result.isImproved ? [] : ["the optimizer could not improve on the start point: the start values are reported as the best"]),
      ...result.uncertainty.map((u) => `  ${u.path} = ${u.best}   (start ${u.start}; within noise of the best: ${rangeText(u)})`),
      ...result.after.map((c, i) => {
        const b = result.before[i];
        const held = spec.targets.find((t) => t.target.id === c.targetId)?.holdout ? " [held out]" : "";
        return `  ${c.met ? "met   " : "missed"} ${c.targetId}${held}: ${num(b.mean)} → ${num(c.mean)} [${num(c.ci95[0])}, ${num(c.ci95[1])}] (band ${c.bandText})`;
      }),
      join(out, calibratedFileName(spec)),
      join(out, "index.html"),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  },
};

function stopText(reason: string): string {
  if (reason === "converged") return "converged";
  if (reason === "stalled") return `stalled (no better point in the last generations)`;
  return "budget spent";
}
