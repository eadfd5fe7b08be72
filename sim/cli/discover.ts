/**
 * `sim discover SWEEP_DIR --where EXPR`: scenario discovery on a sweep
 * folder, as EMA Workbench does it. Which points satisfy the expression (on
 * their mean KPIs), then PRIM and/or CART boxes over the parameters → the
 * tables, the charts and discovery.html in the folder (or --out). The page's
 * path goes to stdout; a bad expression exits 2 with a caret under the
 * column; an expression that no point or every point satisfies leaves
 * nothing to discover: said on stderr, nothing written, exit 0.
 */
import { LANG_OPTION, type LangArgs } from "./lang-option.js";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { datasetOf, readSweepPoints, whereNames, whereValues } from "../report/discover/points.js";
import { CART_DEFAULTS } from "../experiments/discover/cart.js";
import { PRIM_DEFAULTS } from "../experiments/discover/prim.js";
import { caretLines, evaluate, parseWhere } from "../experiments/discover/where.js";
import { packageVersion } from "../experiments/package-info.js";
import { isSweepFolder, NotASweepError } from "../experiments/sweep/folder.js";
import { discover, writeDiscovery } from "../report/discover/build.js";
import type { DiscoverMethod } from "../report/discover/tables.js";
import { UsageError } from "./fail.js";

interface DiscoverArgs extends LangArgs {
  dir: string;
  where: string;
  method: DiscoverMethod;
  threshold: number;
  alpha: number;
  minMass: number;
  maxDepth: number;
  out?: string;
  quiet: boolean;
}

export const discoverCommand: CommandModule<object, DiscoverArgs> = {
  command: "discover <dir>",
  describe: "Scenario discovery: which parameter ranges of a sweep lead to an outcome (PRIM and CART boxes)",
  builder: (y) =>
    y
      .positional("dir", { type: "string", demandOption: true, describe: "a sweep folder written by 'sim sweep'" })
      .option("where", { type: "string", demandOption: true, describe: "the outcome, on each point's mean KPIs and numeric parameters: comparisons (> >= < <= == !=), + - * /, parentheses, and/or/not" })
      .option("method", { choices: ["prim", "cart", "both"] as const, default: "both" as DiscoverMethod, describe: "PRIM peeling, a CART tree, or both" })
      .option("threshold", { type: "number", default: PRIM_DEFAULTS.threshold, describe: "PRIM: the density the chosen box must reach (of the boxes that do, the one with the most coverage; if none does, the densest)" })
      .option("alpha", { type: "number", default: PRIM_DEFAULTS.alpha, describe: "PRIM: share of the box's points one peel removes" })
      .option("min-mass", { type: "number", default: PRIM_DEFAULTS.minMass, describe: "PRIM: peeling stops before a box holds less than this share of the points" })
      .option("max-depth", { type: "number", default: CART_DEFAULTS.maxDepth, describe: "CART: levels of splits at most" })
      .option("out", { type: "string", describe: "folder for discovery.html and its tables (default: the sweep folder)" })
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no summary on stderr" })
      .option("lang", LANG_OPTION)
      .example("$0 discover reports/sweeps/subsidy --where \"platform_net > 0 and gmv_growth > 0.1\"", "the parameter ranges where the platform makes money and GMV grows over 10%")
      .epilogue("Writes discovery.html, discovery.csv (PRIM's peeling trajectory), discovery-boxes.csv, discovery.json and discovery-charts/. KPI names are those of points.csv without _mean (gmv_total, platform_net, ...); parameters by their path. If no point or every point satisfies the expression there is nothing to discover: said on stderr, nothing written, exit 0. Exit 2: a bad expression or option.") as unknown as Argv<DiscoverArgs>,
  handler: async (args) => {
    const dir = resolve(args.dir);
    checkOptions(args);
    if (!isSweepFolder(dir)) throw new UsageError(`${args.dir} is not a sweep folder: no sweep.json (run sim sweep first)`);
    if (!existsSync(join(dir, "points.csv")) && !existsSync(join(dir, "runs.csv"))) throw new UsageError(`${args.dir} has no runs yet: no points.csv or runs.csv`);
    let sp;
    try {
      sp = readSweepPoints(dir);
    } catch (err) {
      if (err instanceof NotASweepError) throw new UsageError(err.message);
      throw err;
    }
    const parsed = parseWhere(args.where, whereNames(sp));
    if (!parsed.ok) {
      const caret = caretLines(args.where, parsed.error.column).split("\n").map((l) => `  ${l}`).join("\n");
      throw new UsageError(`--where: ${parsed.error.message}\n${caret}`);
    }
    const y = sp.points.map((p) => Boolean(evaluate(parsed.ast, whereValues(sp, p))));
    const data = datasetOf(sp, y);
    const yes = data.y.filter(Boolean).length;
    if (data.y.length === 0) throw new UsageError(`${args.dir} has no design points with values yet`);
    if (yes === 0 || yes === data.y.length) {
      process.stderr.write(`sim: ${yes === 0 ? "no point" : `every point (${yes})`} of ${data.y.length} satisfies ${args.where}: nothing to discover, nothing written\n`);
      return;
    }
    const d = discover(sp, dir, args.where, y, { method: args.method, threshold: args.threshold, alpha: args.alpha, minMass: args.minMass, maxDepth: args.maxDepth }, packageVersion());
    const page = await writeDiscovery(d, resolve(args.out ?? dir), (m) => process.stderr.write(`sim: warning: ${m}\n`), args.lang);
    if (!args.quiet && process.stderr.isTTY) {
      process.stderr.write(`sim: ${yes} of ${data.y.length} points satisfy ${args.where}\n`);
      if (d.prim) {
        const b = d.prim.chosen;
        process.stderr.write(`sim: PRIM box ${b.index}: coverage ${(b.coverage * 100).toFixed(1)}%, density ${(b.density * 100).toFixed(1)}%, restricting ${b.restricted.map((j) => d.parameters[j].name).join(", ") || "nothing"}\n`);
      }
      if (d.cart) process.stderr.write(`sim: CART: ${d.cart.boxes.length} box${d.cart.boxes.length === 1 ? "" : "es"} where most points satisfy it\n`);
    }
    process.stdout.write(`${page}\n`);
  },
};

function checkOptions(args: DiscoverArgs): void {
  const bad = (option: string, value: number, expected: string): never => { throw new UsageError(`--${option} ${value}: expected ${expected}`); };
  if (!(args.threshold > 0 && args.threshold <= 1)) bad("threshold", args.threshold, "a density above 0 and at most 1");
  if (!(args.alpha > 0 && args.alpha < 0.5)) bad("alpha", args.alpha, "a share above 0 and below 0.5");
  if (!(args.minMass > 0 && args.minMass < 1)) bad("min-mass", args.minMass, "a share above 0 and below 1");
  if (!(Number.isInteger(args.maxDepth) && args.maxDepth >= 1)) bad("max-depth", args.maxDepth, "a whole number of at least 1");
}
