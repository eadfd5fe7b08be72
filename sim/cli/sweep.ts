/**
 * `sim sweep`: thin edge over the sweep library. The input is a sweep file,
 * a scenario file with --param options, or a sweep folder (to resume or
 * extend it). Everything is checked before the first run (bad input: exit 2);
 * runs are logged as they finish, so an interrupted sweep is resumed by
 * running the same command again.
 */
import { isLang, type Lang } from "../i18n/index.js";
import { LANG_OPTION, type LangArgs } from "./lang-option.js";
import { cpus } from "node:os";
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { packageVersion } from "../experiments/package-info.js";
import { adaptiveSpec, commandLineFields, specFromCommandLine, type SweepOptions } from "../experiments/sweep/command-line.js";
import { isSweepFolder, readSweepManifest, SweepBusyError, NotASweepError } from "../experiments/sweep/folder.js";
import { buildPlan, parseShard, type Shard } from "../experiments/sweep/plan.js";
import { HeaderMismatchError, RUNS_FILE } from "../experiments/sweep/run-log.js";
import { runSweep, sweepQueueName } from "../experiments/sweep/runner.js";
import type { SweepSpec } from "../experiments/sweep/spec.js";
import { loadSweepFile, looksLikeSweepFile } from "../experiments/sweep/sweep-file.js";
import { writeSweepReport } from "../report/sweep/build.js";
import { parse as parseYaml } from "yaml";
import type { ParamValue } from "../experiments/designs/types.js";
import { UsageError } from "./fail.js";
import { checkQueueOption } from "./queue-option.js";
import { onRunLogInterrupt } from "./progress.js";
import { SweepProgressReporter } from "./sweep-progress.js";

interface SweepArgs extends LangArgs {
  input: string;
  param?: string[];
  design?: string;
  samples?: number;
  trajectories?: number;
  levels?: number;
  points?: string;
  reps?: number;
  seed?: number;
  kpi?: string[];
  days?: number;
  users?: number;
  set?: string[];
  reference?: string[];
  name?: string;
  out?: string;
  threads: number;
  shard?: string;
  queue?: string;
  keepSeries?: boolean;
  adaptive?: string;
  quiet: boolean;
  progressInterval: number;
  report: boolean;
}

/** Options that shape the design: given with a sweep file or folder they would be ignored, so they are refused. */
const DESIGN_OPTIONS = ["param", "design", "samples", "trajectories", "levels", "points", "name"] as const;

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: "sweep <input>",
  describe: "Run a parameter sweep (grid, Latin hypercube, Morris, Sobol, or points from a CSV) and analyse it",
  builder: (y) =>
    y
      .positional("input", { type: "string", demandOption: true, describe: "a sweep file (YAML with base:), a scenario file with --param, or a sweep folder to resume" })
      .option("param", { type: "string", array: true, requiresArg: true, describe: "a parameter to vary: path=0,0.05,0.1 (values) | path=0.2:0.6:0.1 (from:to:step) | path=uniform:0.2:0.6 or loguniform:min:max (lhs, morris, sobol)" })
      .option("design", { type: "string", choices: ["grid", "lhs", "morris", "sobol", "csv"], describe: "how points are chosen [default: grid]" })
      .option("samples", { type: "number", describe: "points of a Latin hypercube (--design lhs); base samples N of a Sobol design (--design sobol), points = N × (parameters + 2)" })
      .option("trajectories", { type: "number", describe: "Morris trajectories r (--design morris); points = r × (parameters + 1)" })
      .option("levels", { type: "number", describe: "Morris grid levels p, even [default: 4]" })
      .option("points", { type: "string", describe: "CSV of points: parameter paths as header, one row per point (--design csv)" })
      .option("reps", { type: "number", describe: "replications per point [default: 5]" })
      .option("seed", { type: "number", describe: "base seed: replication r of every point uses the same seed [default: 1]" })
      .option("kpi", { type: "string", array: true, requiresArg: true, describe: "KPIs of interest for charts and the page (repeatable); every KPI is logged" })
      .option("days", { type: "number", describe: "override the horizon (horizonDays)" })
      .option("users", { type: "number", describe: "override the simulated users (population.users)" })
      .option("set", { type: "string", array: true, requiresArg: true, describe: "a fixed override for every point: path=value (repeatable)" })
      .option("reference", { type: "string", array: true, requiresArg: true, describe: "the counterfactual of every point: path=value (repeatable), e.g. levers.consumerSubsidy.rate=0; each point is paired with it, giving incremental_gmv_per_subsidy_rmb" })
      .option("name", { type: "string", describe: "the sweep's name [default: <scenario>-<design>]" })
      .option("out", { type: "string", describe: "the sweep folder [default: reports/sweeps/<name>, or the folder given as input]" })
      .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "worker threads" })
      .option("shard", { type: "string", describe: "run shard i of N (i/N): a deterministic 1/N of the runs; join the shard folders with sim merge" })
      .option("queue", { type: "string", describe: "run on `sim worker` processes through this Redis queue (redis://host:port/db) instead of local threads; the same command resumes" })
      .option("keep-series", { type: "boolean", describe: "keep each run's per-day series in series/<key>.csv" })
      .option("adaptive", { type: "string", describe: "KPI:halfwidth:maxreps — add replications to a point until the KPI's 95% half-width is at most halfwidth (a value, or 2% of the mean), up to maxreps" })
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no progress on stderr" })
      .option("progress-interval", { type: "number", default: 10, describe: "seconds between progress lines when stderr is not a terminal" })
      .option("report", { type: "boolean", default: true, describe: "write the charts and index.html at the end (--no-report: only the tables points.csv and effects.csv)" })
      .option("lang", LANG_OPTION)
      .example("$0 sweep scenarios/baseline.yaml --param levers.consumerSubsidy.rate=0,0.05,0.1 --param levers.selfBroadcast.support=0:2:0.5 --reps 4", "a 3 × 5 grid, 4 replications per point")
      .example("$0 sweep sweeps/subsidy-grid.yaml", "a sweep file; run it again after an interruption to finish it")
      .example("$0 sweep my.yaml --shard 2/3 --out reports/sweeps/part2", "one third of the runs, e.g. as a batch array job")
      .example("$0 sweep my.yaml --queue redis://10.0.0.5:6379/0", "hand the runs to `sim worker redis://10.0.0.5:6379/0` on any machines")
      .epilogue("Runs are appended to <out>/runs.csv as they finish; running the same command again skips them. Exit codes: 0 done, 1 failure, 2 bad input, 130 interrupted (runs logged so far are kept).")
      .check((argv) => {
        const a = argv as unknown as SweepArgs;
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new UsageError("--threads must be a whole number of at least 1");
        if (a.reps !== undefined && (!Number.isInteger(a.reps) || a.reps < 1)) throw new UsageError("--reps must be a whole number of at least 1");
        if (a.seed !== undefined && (!Number.isInteger(a.seed) || a.seed < 0)) throw new UsageError("--seed must be a whole number of at least 0");
        if (a.shard !== undefined && !parseShard(a.shard)) throw new UsageError(`--shard ${a.shard}: expected i/N with 1 <= i <= N, e.g. 2/3`);
        if (a.adaptive !== undefined && !adaptiveSpec(a.adaptive)) throw new UsageError(`--adaptive ${a.adaptive}: expected KPI:halfwidth:maxreps, e.g. gmv_total:2%:20 or gmv_total:1e8:20`);
        checkQueueOption(a.queue);
        if (a.queue !== undefined && a.shard !== undefined) throw new UsageError("--queue and --shard: a queued sweep is shared out by the queue itself; give one of them");
        if (a.queue !== undefined && a.keepSeries) throw new UsageError("--queue and --keep-series: the workers may be on other machines, so runs cannot keep their series");
        if (!(a.progressInterval > 0)) throw new UsageError("--progress-interval must be a number of seconds > 0");
        return true;
      }) as unknown as Argv<SweepArgs>,
  handler: async (args) => {
    const input = resolve(args.input);
    const spec = specFromArgs(args, input);
    const out = resolve(args.out ?? (isFolder(input) ? input : join("reports", "sweeps", spec.name)));
    const shard = args.shard ? parseShard(args.shard) : undefined;
    const plan = buildPlan(spec, packageVersion());
    // resuming a sweep keeps the language its page was written in, unless --lang says otherwise
    const lang = args.lang ?? recordedLang(out);
    if (spec.adaptive && spec.adaptive.maxReps < spec.reps) throw new UsageError(`--adaptive: maxreps ${spec.adaptive.maxReps} is below --reps ${spec.reps}`);

    const progress = new SweepProgressReporter({ name: spec.name + (shard ? ` (shard ${shard.index}/${shard.count})` : ""), isQuiet: args.quiet, isTTY: process.stderr.isTTY === true, intervalSec: args.progressInterval });
    onRunLogInterrupt(out, "finish the sweep", () => progress.stop());

    let summary;
    try {
      summary = await runSweep(plan, out, {
        threads: args.threads, shard, queueUrl: args.queue, commandLine: ["sim", ...process.argv.slice(2)].join(" "), lang,
        onStart: (info) => {
          if (info.droppedTornBytes > 0 && !args.quiet) process.stderr.write(`sim: the last line of runs.csv was cut off (a run killed while it was written); dropped, the run will be done again\n`);
          if (args.queue && !args.quiet) process.stderr.write(`sim: runs go to the queue ${sweepQueueName(plan, out)} on ${args.queue}; start workers with: sim worker ${args.queue}\n`);
          progress.start(info.alreadyLogged, info.total);
        },
        onProgress: (p) => progress.update(p),
      });
    } catch (err) {
      progress.stop();
      if (err instanceof SweepBusyError || err instanceof HeaderMismatchError) throw new UsageError(`${err.message}; use another --out`);
      throw err;
    }
    progress.stop();
    const rate = progress.rate();
    process.stdout.write(`${spec.name}${shardText(shard)}: ${summary.total} runs (${summary.alreadyLogged} already logged, ${summary.ran} run now${summary.ran > 0 ? `, ${rate.toFixed(1)} runs/min` : ""}) → ${join(out, RUNS_FILE)}\n`);
    if (shard) {
      process.stdout.write(`shard ${shard.index}/${shard.count} done; join the shard folders with: sim merge FOLDERS... --out FOLDER\n`);
    } else {
      await writeSweepReport(out, { hasCharts: args.report, onWarning: (m) => process.stderr.write(`sim: warning: ${m}\n`), lang });
      process.stdout.write(`${join(out, args.report ? "index.html" : "points.csv")}\n`);
    }
  },
};

function specFromArgs(args: SweepArgs, input: string): SweepSpec {
  const adaptive = args.adaptive ? adaptiveSpec(args.adaptive) : undefined;
  const reference = args.reference ? parseReferenceOption(args.reference) : undefined;
  const options: SweepOptions = { reps: args.reps, seed: args.seed, days: args.days, users: args.users, kpis: args.kpi, adaptive: args.adaptive, keepSeries: args.keepSeries, reference };
  const given = DESIGN_OPTIONS.filter((o) => args[o] !== undefined);
  if (isFolder(input)) {
    if (!isSweepFolder(input)) throw new UsageError(`${args.input} is a folder but not a sweep folder (no sweep.json)`);
    if (given.length > 0) throw new UsageError(`--${given[0]}: a sweep folder keeps its own design; start a new sweep to change it`);
    let manifest;
    try {
      manifest = readSweepManifest(input);
    } catch (err) {
      if (err instanceof NotASweepError) throw new UsageError(err.message);
      throw err;
    }
    const s = manifest.spec;
    return { ...s, reps: args.reps ?? s.reps, seed: args.seed ?? s.seed, days: args.days ?? s.days, users: args.users ?? s.users, kpis: args.kpi ?? s.kpis, adaptive: adaptive ?? s.adaptive, keepSeries: args.keepSeries ?? s.keepSeries, set: [...s.set, ...(args.set ?? [])], reference: reference ?? s.reference };
  }
  if (looksLikeSweepFile(input)) {
    if (given.length > 0) throw new UsageError(`--${given[0]}: ${args.input} is a sweep file, which states the parameters and design itself`);
    return loadSweepFile(input, commandLineFields(options), args.set ?? []);
  }
  return specFromCommandLine({
    base: input, params: args.param ?? [], design: args.design, samples: args.samples, trajectories: args.trajectories, levels: args.levels,
    points: args.points, name: args.name, set: args.set, ...options,
  });
}

/** `--reference path=value`: the value read as YAML (0, true, a string); paths and values are checked when the plan resolves the points. */
function parseReferenceOption(entries: string[]): Record<string, ParamValue> {
  const reference: Record<string, ParamValue> = {};
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new UsageError(`--reference ${entry}: expected path=value, e.g. levers.consumerSubsidy.rate=0`);
    const value = parseYaml(entry.slice(eq + 1)) as unknown;
    if (typeof value !== "number" && typeof value !== "string" && typeof value !== "boolean") throw new UsageError(`--reference ${entry}: expected a number, text or true/false`);
    reference[entry.slice(0, eq).trim()] = value;
  }
  return reference;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function shardText(shard: Shard | undefined): string {
  return shard ? ` shard ${shard.index}/${shard.count}` : "";
}

/** The language sweep.json records for the folder's page, if the folder is a sweep that records one. */
function recordedLang(dir: string): Lang | undefined {
  if (!isSweepFolder(dir)) return undefined;
  try {
    const lang = readSweepManifest(dir).lang;
    return isLang(lang) ? lang : undefined;
  } catch {
    return undefined; // not a sweep this version reads: runSweep says so
  }
}
