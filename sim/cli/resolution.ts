/**
 * `sim resolution`: is the answer the same at any sample size? Runs the
 * baseline and lever scenarios at several sizes (experiments/resolution.ts),
 * prints every headline KPI and paired difference per size with its 95%
 * interval, marks what disagrees with the largest size, writes
 * resolution.json and resolution.csv, and exits 1 when something disagrees.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { csvTable } from "../io/csv.js";
import type { CommandModule } from "yargs";
import { BASELINE_FILE } from "../experiments/package-info.js";
import { resolutionCheck, type ResolutionRow } from "../experiments/resolution.js";
import { resolutionOf, resolutionText } from "../scenario/resolution.js";
import { loadScenario } from "../scenario/load.js";
import { EXIT, UsageError } from "./fail.js";
import { progressLine } from "./progress.js";

interface ResolutionArgs {
  baseline: string;
  scenarios: string[];
  sizes: number[];
  reps: number[];
  days?: number;
  seed: number;
  threads: number;
  out: string;
  quiet: boolean;
}

export const resolutionCommand: CommandModule<object, ResolutionArgs> = {
  command: "resolution [scenarios..]",
  describe: "Check that the headline KPIs and scenario differences agree across sample sizes",
  builder: (y) =>
    y
      .positional("scenarios", {
        type: "string", array: true, default: ["scenarios/more-consumer-subsidies.yaml", "scenarios/merchant-support.yaml"],
        defaultDescription: "more-consumer-subsidies and merchant-support", describe: "lever scenarios compared with the baseline on common seeds",
      })
      .option("baseline", { type: "string", default: BASELINE_FILE, defaultDescription: "scenarios/baseline.yaml", describe: "the reference scenario" })
      .option("sizes", { type: "number", array: true, default: [10_000, 50_000, 200_000], describe: "simulated users at day 0, one run per size" })
      .option("reps", { type: "number", array: true, default: [16, 8, 4], describe: "replications per size (one number for all, or one per size)" })
      .option("days", { type: "number", describe: "override the horizon (horizonDays)" })
      .option("seed", { type: "number", default: 1, describe: "base seed (common to every scenario and size)" })
      .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "worker threads" })
      .option("out", { type: "string", default: "reports/resolution", describe: "folder for resolution.json and resolution.csv" })
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no progress on stderr" })
      .example("$0 resolution", "baseline and two lever scenarios at 10k, 50k and 200k users")
      .example("$0 resolution --sizes 5000 20000 --reps 8 --days 120", "a quick check")
      .check((a) => {
        if (a.sizes.length < 2) throw new UsageError("--sizes needs at least two sizes");
        if (a.sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new UsageError("--sizes must be whole numbers of users, at least 100");
        if (a.reps.length !== 1 && a.reps.length !== a.sizes.length) throw new UsageError(`--reps needs one number or one per size (${a.sizes.length})`);
        if (a.reps.some((r) => !Number.isInteger(r) || r < 2)) throw new UsageError("--reps must be whole numbers of at least 2 (an interval needs two)");
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new UsageError("--threads must be a whole number of at least 1");
        return true;
      }),
  handler: async (args) => {
    const sizes = [...args.sizes].sort((a, b) => a - b);
    const reps = args.reps.length === 1 ? sizes.map(() => args.reps[0]) : args.reps;
    const baseline = (await loadScenario(args.baseline, { days: args.days })).scenario;
    const scenarios = [];
    for (const file of args.scenarios) scenarios.push((await loadScenario(file, { days: args.days })).scenario);
    const showProgress = !args.quiet && process.stderr.isTTY;
    const total = sizes.reduce((s, _, i) => s + reps[i] * (1 + scenarios.length), 0);
    let done = 0;
    const rows = await resolutionCheck(
      { baseline, scenarios, sizes, reps, seed: args.seed, threads: args.threads, days: args.days },
      () => showProgress && progressLine(`sim resolution: ${++done}/${total} replications`),
    );
    if (showProgress) progressLine("", true);
    for (const users of sizes) process.stdout.write(`${users.toLocaleString("en-US")} users: ${resolutionText(resolutionOf({ ...baseline, population: { ...baseline.population, users } }))}\n`);
    process.stdout.write(formatTable(rows, sizes));
    mkdirSync(args.out, { recursive: true });
    writeFileSync(join(args.out, "resolution.json"), `${JSON.stringify({ sizes, reps, seed: args.seed, rows }, null, 2)}\n`);
    writeFileSync(join(args.out, "resolution.csv"), toCsv(rows));
    const disagreeing = rows.filter((r) => r.agrees.includes(false));
    process.stdout.write(`\n${disagreeing.length === 0 ? "Every row agrees with the largest size." : `${disagreeing.length} of ${rows.length} rows disagree with the largest size (marked *).`} Tables in ${args.out}/.\n`);
    if (disagreeing.length > 0) process.exitCode = EXIT.failure;
  },
};

const fmt = (x: number): string => (Number.isNaN(x) ? "NaN" : Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toPrecision(4));

function formatTable(rows: ResolutionRow[], sizes: number[]): string {
  const head = ["KPI", ...sizes.map((n) => `${n.toLocaleString("en-US")} users`)];
  const body = rows.map((r) => [
    r.key,
    ...r.cells.map((c, i) => `${fmt(c.value.mean)} [${fmt(c.value.ci95[0])}, ${fmt(c.value.ci95[1])}]${r.agrees[i] ? "" : " *"}`),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return `${[line(head), ...body.map(line)].join("\n")}\n`;
}

function toCsv(rows: ResolutionRow[]): string {
  const header = ["key", "kpi", "scenario", "measure", "users", "reps", "mean", "sd", "ci_low", "ci_high", "agrees_with_largest"];
  const lines = rows.flatMap((r) => r.cells.map((c, i) => [r.key, r.kpi, r.scenario, r.measure, c.users, c.reps, c.value.mean, c.value.sd, c.value.ci95[0], c.value.ci95[1], r.agrees[i]]));
  return csvTable(header, lines);
}
