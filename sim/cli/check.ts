/**
 * `sim check TARGETS.yaml...`: the model's public targets as a check. Loads
 * and checks the targets files (bad input: exit 2 with file:line:column before
 * any work), runs each distinct scenario the targets need once on common
 * seeds (reusing report folders under <out>/runs/ whose manifests match),
 * judges every target, prints the table, and writes check.json and
 * index.html into <out>. Exit 0 when every target not marked `expect: miss`
 * is met, 1 when one is missed, 2 on bad input.
 */
import { LANG_OPTION, type LangArgs } from "./lang-option.js";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { buildCheckReport, checkTable, type CheckRunEntry } from "../experiments/check/check-report.js";
import { evaluateTargets } from "../experiments/check/evaluate.js";
import { readRunData, type RunData } from "../experiments/check/measures.js";
import { CHECK_RUN_FILE, codeFingerprint, planRuns, reuseProblem, type CheckSize } from "../experiments/check/runs.js";
import type { TargetsFile } from "../experiments/check/spec.js";
import { errorAt, loadTargetsFile } from "../experiments/check/targets-file.js";
import { diffParameters } from "../experiments/diff.js";
import { BASELINE_FILE, packageVersion } from "../experiments/package-info.js";
import { runScenarios, seedsFor } from "../experiments/run.js";
import { writeReportPages } from "../report/build-report.js";
import { checkPage } from "../report/check-page.js";
import { replaceFile, replaceFolderAsync, tempFolderFor } from "../io/files.js";
import { writeRunTables } from "../report/tables.js";
import { ScenarioError, ScenarioErrors } from "../scenario/errors.js";
import { loadScenario } from "../scenario/load.js";
import { shownPath } from "../scenario/yaml-source.js";
import { EXIT, UsageError } from "./fail.js";
import { onInterrupt, progressLine } from "./progress.js";

interface CheckArgs extends LangArgs {
  targets: string[];
  users?: number;
  reps: number;
  days?: number;
  seed: number;
  threads: number;
  out: string;
  tolerance?: number;
  pages: boolean;
  quiet: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: "check <targets..>",
  describe: "Run the scenarios a targets file needs and say which targets the model meets",
  builder: (y) =>
    y
      .positional("targets", { type: "string", array: true, demandOption: true, describe: "targets files (YAML), e.g. targets/platform.yaml" })
      .option("users", { type: "number", describe: "simulated users for every run (population.users)", defaultDescription: "each scenario's" })
      .option("reps", { type: "number", default: 5, describe: "replications of every run" })
      .option("days", { type: "number", describe: "horizon of every run, over each target's horizonDays", defaultDescription: "each target's, or its scenario's" })
      .option("seed", { type: "number", default: 1, describe: "base seed; replication r of every run uses the same seed" })
      .option("threads", { type: "number", default: Math.max(1, Math.min(2, cpus().length)), describe: "worker threads" })
      .option("out", { type: "string", default: "reports/check", describe: "folder for check.json, index.html and runs/" })
      .option("tolerance", { type: "number", describe: "for a run at small size: widen each band on each bounded side by the larger of this fraction of its width (of |bound| when one-sided) and the measured 95% half-width" })
      .option("pages", { type: "boolean", default: false, describe: "also draw each new run's report page and charts (as sim run does)" })
      .option("lang", LANG_OPTION)
      .option("quiet", { type: "boolean", default: false, alias: "q", describe: "no progress on stderr" })
      .example("$0 check targets/platform.yaml", "every public target, each scenario at its own size")
      .example("$0 check targets/platform.yaml --users 20000 --reps 4", "smaller and faster; runs already in reports/check/runs/ are reused")
      .epilogue("A check is met when the mean over replications of its measure lies in its band (the 95% interval is shown, not used); a target is met when all its checks are. Exit 0 when every target not marked 'expect: miss' is met, 1 when one is missed, 2 on bad input.")
      .check((a) => {
        if (!Number.isInteger(a.reps) || a.reps < 1) throw new UsageError("--reps must be a whole number of at least 1");
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new UsageError("--threads must be a whole number of at least 1");
        if (!Number.isInteger(a.seed) || a.seed < 0) throw new UsageError("--seed must be a whole number of at least 0");
        if (a.tolerance !== undefined && !(a.tolerance >= 0)) throw new UsageError("--tolerance must be a number of at least 0 (a fraction of the band's width)");
        return true;
      }),
  handler: async (args) => {
    const started = performance.now();
    const files = loadAll(args.targets);
    const version = packageVersion();
    const seeds = seedsFor(args.seed, args.reps);
    const size: CheckSize = { users: args.users, days: args.days, reps: args.reps, seeds, version, code: codeFingerprint() };
    const plan = await planRuns(files, size);

    const out = resolve(args.out);
    const runsDir = join(out, "runs");
    mkdirSync(runsDir, { recursive: true });
    const showProgress = !args.quiet && process.stderr.isTTY === true;
    const commandLine = ["sim", ...process.argv.slice(2)].join(" ");
    const entries = new Map<string, CheckRunEntry>();
    for (const run of plan.runs) {
      const problem = reuseProblem(join(runsDir, run.id), run, size);
      entries.set(run.id, {
        id: run.id, scenario: run.scenario.name, file: shownPath(run.file), set: run.set, horizonDays: run.scenario.horizonDays,
        users: run.scenario.population.users, folder: `runs/${run.id}`, reused: problem === undefined,
        ...(problem !== undefined && problem !== "no manifest.json" ? { notReused: problem } : {}),
      });
    }

    const toRun = plan.runs.filter((r) => !entries.get(r.id)!.reused);
    let current: string | undefined;
    onInterrupt(() => (current ? [tempFolderFor(runsDir, current)] : []));
    const baseline = toRun.length > 0 ? (await loadScenario(BASELINE_FILE)).scenario : undefined;
    for (const [i, run] of toRun.entries()) {
      current = run.id;
      const runStarted = performance.now();
      const [result] = await runScenarios([run.scenario], {
        reps: args.reps, seed: args.seed, threads: args.threads,
        onReplicationDone: (_name, _rep, done, total) => {
          if (showProgress) progressLine(`check: run ${i + 1}/${toRun.length} ${run.scenario.name} (${run.scenario.horizonDays} days): replication ${done}/${total} done (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        },
      });
      const refused = result.results.reduce((s, r) => s + r.entriesRefusedFull, 0);
      const warnings = refused > 0 ? [`${refused} merchant or creator entries were refused because population.capacityFactor (${run.scenario.population.capacityFactor}) was reached; raise it`] : [];
      for (const w of warnings) process.stderr.write(`${showProgress ? "\n" : ""}sim: warning: ${run.id}: ${w}\n`);
      const wallTimeSec = (performance.now() - runStarted) / 1000;
      await replaceFolderAsync(runsDir, run.id, async (tmp) => {
        // the manifest keeps the run's warnings as sim run's does (spread: older RunMetaInput has no such field)
        const kept = { warnings };
        await writeRunTables(tmp, result, {
          version, commandLine, baseSeed: args.seed, threads: args.threads, wallTimeSec,
          peakRssMb: process.resourceUsage().maxRSS / 1024, differsFromBaseline: diffParameters(run.scenario, baseline!), ...kept, lang: args.lang,
        });
        writeFileSync(join(tmp, CHECK_RUN_FILE), `${JSON.stringify({ code: size.code, version, seeds }, null, 2)}\n`);
        if (args.pages) await writeReportPages(tmp, { onWarning: (m) => process.stderr.write(`sim: warning: ${m}\n`), lang: args.lang });
      });
      entries.get(run.id)!.wallTimeSec = Number(wallTimeSec.toFixed(3));
      current = undefined;
    }
    if (showProgress) progressLine("", true);

    for (const e of entries.values()) e.hasPage = existsSync(join(runsDir, e.id, "index.html"));
    const data = new Map<string, RunData>(plan.runs.map((r) => [r.id, readRunData(join(runsDir, r.id))]));
    const targets = evaluateTargets(files.flatMap((f) => f.targets), plan.runOf, data, args.tolerance);
    const report = buildCheckReport({
      version, createdAt: new Date().toISOString(), commandLine,
      options: {
        ...(args.users !== undefined ? { users: args.users } : {}), ...(args.days !== undefined ? { days: args.days } : {}),
        reps: args.reps, seed: args.seed, threads: args.threads, ...(args.tolerance !== undefined ? { tolerance: args.tolerance } : {}),
      },
      seeds, files: files.map((f) => ({ file: f.file, description: f.description.trim() })), targets, runs: [...entries.values()],
    });
    replaceFile(join(out, "check.json"), `${JSON.stringify(report, null, 2)}\n`);
    replaceFile(join(out, "index.html"), checkPage(report, args.lang));

    const made = toRun.length;
    const scale = args.users !== undefined ? `${args.users} users` : "each scenario's users";
    const reuseNote = plan.runs.length - made > 0 ? `, ${plan.runs.length - made} reused from ${shownPath(runsDir)}` : "";
    process.stdout.write(`${plan.runs.length} runs (${made} made${reuseNote}), ${scale}, ${args.reps} replications, seed ${args.seed}${args.tolerance !== undefined ? `, bands widened by --tolerance ${args.tolerance}` : ""}\n\n`);
    process.stdout.write(checkTable(report));
    process.stdout.write(`→ ${shownPath(join(out, "index.html"))}\n`);
    process.exitCode = report.summary.exitCode === 0 ? EXIT.ok : EXIT.failure;
  },
};

/** Every targets file checked; all their problems thrown together, with duplicate ids across files. */
function loadAll(paths: string[]): TargetsFile[] {
  const errors: ScenarioError[] = [];
  const files: TargetsFile[] = [];
  for (const p of paths) {
    try {
      files.push(loadTargetsFile(p));
    } catch (err) {
      if (err instanceof ScenarioErrors) errors.push(...err.errors);
      else throw err;
    }
  }
  const seen = new Map<string, string>();
  for (const f of files) {
    for (const t of f.targets) {
      const other = seen.get(t.id);
      if (other !== undefined) errors.push(errorAt(f.absFile, ["targets", t.index, "id"], `the id '${t.id}' is also used in ${other}`, "a different id for each target"));
      else seen.set(t.id, f.file);
    }
  }
  if (errors.length > 0) throw new ScenarioErrors(errors);
  return files;
}
