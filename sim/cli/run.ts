/**
 * `sim run`: thin edge over runScenarios. Loads and checks every scenario
 * first (bad input: exit 2 before any work), runs the replications, and
 * writes each scenario's report folder through a temporary folder, so a
 * failed or interrupted run leaves the previous report intact.
 */
import { LANG_OPTION, type LangArgs } from "./lang-option.js";
import { cpus } from "node:os";
import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { diffParameters } from "../experiments/diff.js";
import { BASELINE_FILE, packageVersion } from "../experiments/package-info.js";
import { dayWindowOf, type DayWindow } from "../experiments/kpis.js";
import { runScenarios } from "../experiments/run.js";
import { tempFolderFor } from "../io/files.js";
import { runWarnings, writeRunReport } from "../report/write-run.js";
import { loadScenario } from "../scenario/load.js";
import { UsageError } from "./fail.js";
import { onInterrupt, progressLine } from "./progress.js";

interface RunArgs extends LangArgs {
  scenarios: string[];
  reps: number;
  seed: number;
  days?: number;
  users?: number;
  set?: string[];
  window?: string;
  out: string;
  threads: number;
  quiet: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run [scenarios..]",
  describe: "Run scenarios and write a report folder for each",
  builder: (y) =>
    y
      .positional("scenarios", { type: "string", array: true, default: [BASELINE_FILE], defaultDescription: "scenarios/baseline.yaml", describe: "scenario files (YAML)" })
      .option("reps", { type: "number", default: 5, describe: "replications per scenario" })
      .option("seed", { type: "number", default: 1, describe: "base seed; replication r of every scenario uses the same seed" })
      .option("days", { type: "number", describe: "override the horizon (horizonDays)" })
      .option("users", { type: "number", describe: "override the simulated users at day 0 (population.users)" })
      .option("set", { type: "string", array: true, describe: "override a parameter: path=value (repeatable)" })
      .option("window", { type: "string", describe: "also report KPIs during days START..END (both included) and after them, for every scenario: START:END, or START: for to the end" })
      .option("out", { type: "string", default: "reports", describe: "folder for the report folders (<out>/<scenario name>/)" })
      .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "worker threads (with fewer replications than threads, each replication's users' sessions share the threads left over; the same tables on any number)" })
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no progress on stderr" })
      .option("lang", LANG_OPTION)
      .example("$0 run", "the baseline, 5 replications, into reports/baseline/")
      .example("$0 run scenarios/baseline.yaml scenarios/trust-first.yaml --reps 10", "two scenarios on shared seeds")
      .example("$0 run scenarios/baseline.yaml --set levers.commercialLoad=0.3 --days 180", "a quick what-if")
      .example("$0 run scenarios/baseline.yaml scenarios/more-consumer-subsidies.yaml --window 60:240", "GMV, orders and platform net during the subsidy and after it, in both reports")
      .check((a) => {
        if (!Number.isInteger(a.reps) || a.reps < 1) throw new UsageError("--reps must be a whole number of at least 1");
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new UsageError("--threads must be a whole number of at least 1");
        if (!Number.isInteger(a.seed) || a.seed < 0) throw new UsageError("--seed must be a whole number of at least 0");
        return true;
      }),
  handler: async (args) => {
    const started = performance.now();
    const overrides = { set: args.set, days: args.days, users: args.users };
    const loaded = [];
    for (const file of args.scenarios) loaded.push(await loadScenario(file, overrides));
    const names = loaded.map((l) => l.scenario.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new UsageError(`two scenarios are named '${dup}': their report folders would collide; give them different 'name:'`);
    const baseline = (await loadScenario(BASELINE_FILE)).scenario;
    const window = args.window === undefined ? undefined : parseWindow(args.window, loaded.map((l) => l.scenario));

    const out = resolve(args.out);
    const showProgress = !args.quiet && process.stderr.isTTY === true;
    onInterrupt(() => names.map((n) => tempFolderFor(out, n)));
    const runs = await runScenarios(
      loaded.map((l) => l.scenario),
      {
        reps: args.reps, seed: args.seed, threads: args.threads, window,
        onReplicationDone: (name, rep, done, total) => {
          if (showProgress) progressLine(`${name}: replication ${rep + 1} done (${done}/${total}, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
        },
      },
    );
    // what went unseen in the run: warnings on stderr and in each report's manifest
    const warnings = new Map<string, string[]>();
    for (const run of runs) {
      const list = runWarnings(run);
      for (const w of list) process.stderr.write(`sim: warning: ${run.scenario.name}: ${w}\n`);
      warnings.set(run.scenario.name, list);
    }
    const wallTimeSec = (performance.now() - started) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    for (const run of runs) {
      const folder = await writeRunReport(out, run, {
        version: packageVersion(), commandLine: ["sim", ...process.argv.slice(2)].join(" "), baseSeed: args.seed,
        threads: args.threads, wallTimeSec, peakRssMb, differsFromBaseline: diffParameters(run.scenario, baseline),
        warnings: warnings.get(run.scenario.name) ?? [], lang: args.lang,
      }, (m) => process.stderr.write(`sim: warning: ${m}\n`));
      process.stdout.write(`${run.scenario.name}: ${args.reps} replication${args.reps === 1 ? "" : "s"} → ${folder}/index.html\n`);
    }
    if (showProgress) progressLine("", true);
  },
};

/** `--window START:END` as the run's window; a bad one is a usage error (exit 2). */
export function parseWindow(text: string, scenarios: readonly { name: string; horizonDays: number }[]): DayWindow {
  const window = dayWindowOf(text, scenarios);
  if (typeof window === "string") throw new UsageError(`--window ${window}`);
  return window;
}
