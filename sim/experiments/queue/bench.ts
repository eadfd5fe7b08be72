/**
 * `npm run bench:queue -- redis://HOST:PORT/DB`: what the queue costs and
 * gives, with `sim worker` processes on this machine.
 *
 *  1. Overhead per run: a sweep of tiny runs (some 30 ms each) through
 *     the queue with one worker thread, against the same sweep run locally in
 *     one thread: (queued − local) / runs.
 *  2. Speed-up: a sweep of `--runs` ordinary runs (10,000 users × 90 days)
 *     through one worker process, then through two (one thread each); and,
 *     for the machine's own ceiling, the same sweep on one and two local
 *     threads.
 *
 * Every sweep goes into a new temporary folder; the Redis must be one the
 * benchmark may use (it removes what it queued when each sweep ends).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BASELINE_FILE } from "../package-info.js";
import { parseRedisUrl } from "./address.js";
import { scriptArgs, wholeNumbers } from "../../cli/script-args.js";

const CLI = fileURLToPath(new URL("../../cli/main.js", import.meta.url));
const values = scriptArgs("bench:queue", "What the queue costs and gives, with sim worker processes on this machine: the overhead per queued run, and the speed-up of one and two workers against local threads.", "<redis>")
  .command("$0 <redis>", "", (y) => y.positional("redis", { type: "string", demandOption: true, describe: "a Redis the benchmark may use, redis://HOST:PORT/DB" }))
  .option("runs", { type: "number", default: 200, describe: "ordinary runs (10,000 users x 90 days) of the speed-up sweeps" })
  .option("tiny", { type: "number", default: 200, describe: "tiny runs of the overhead sweep" })
  .check(wholeNumbers(["runs", "tiny"]))
  .check((argv) => {
    const parsed = parseRedisUrl(String(argv.redis));
    return "error" in parsed ? parsed.error : true;
  })
  .parseSync();
const url = String(values.redis);

/** A grid of `runs` runs: 10 points × runs/10 replications. */
function sweepArgs(runs: number, users: number, days: number, out: string): string[] {
  return ["sweep", BASELINE_FILE, "--param", "users.activityMean=0.36,0.38,0.4,0.42,0.44,0.46,0.48,0.5,0.52,0.54", "--reps", String(Math.ceil(runs / 10)), "--users", String(users), "--days", String(days), "--no-report", "--quiet", "--out", out];
}

function sumWall(dir: string): number {
  const [header, ...lines] = readFileSync(join(dir, "runs.csv"), "utf8").trim().split("\n");
  const col = header.split(",").indexOf("wall_sec");
  return lines.reduce((s, l) => s + Number(l.split(",")[col]), 0);
}

/** A local sweep's wall time, on one thread unless args give --threads. */
function timeLocal(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args, ...(args.includes("--threads") ? [] : ["--threads", "1"])], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`local sweep failed (${r.status})`);
  return (performance.now() - t0) / 1000;
}

async function timeQueued(args: string[], workers: number): Promise<number> {
  const ws = Array.from({ length: workers }, () => spawn(process.execPath, [CLI, "worker", url, "--threads", "1", "--quiet"], { stdio: "ignore" }));
  await new Promise((r) => setTimeout(r, 1500)); // the workers are up and watching
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, ...args, "--queue", url], { stdio: ["ignore", "ignore", "inherit"] }).once("exit", resolve));
  const sec = (performance.now() - t0) / 1000;
  for (const w of ws) w.kill("SIGTERM");
  await Promise.all(ws.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once("exit", r)))));
  if (code !== 0) throw new Error(`queued sweep failed (${code})`);
  return sec;
}

const base = mkdtempSync(join(tmpdir(), "sim-bench-queue-"));
try {
  const tiny = Number(values.tiny);
  const localTiny = timeLocal(sweepArgs(tiny, 2000, 2, join(base, "tiny-local")));
  const queuedTiny = await timeQueued(sweepArgs(tiny, 2000, 2, join(base, "tiny-queued")), 1);
  const wallTiny = sumWall(join(base, "tiny-queued"));
  console.log(`tiny runs (2,000 users × 2 days): ${tiny} runs, ${(1000 * wallTiny / tiny).toFixed(1)} ms of model time a run`);
  console.log(`  local, 1 thread: ${localTiny.toFixed(1)} s; queued, 1 worker: ${queuedTiny.toFixed(1)} s; queue overhead ${(1000 * (queuedTiny - localTiny) / tiny).toFixed(1)} ms a run`);

  const runs = Number(values.runs);
  const one = await timeQueued(sweepArgs(runs, 10000, 90, join(base, "one")), 1);
  const two = await timeQueued(sweepArgs(runs, 10000, 90, join(base, "two")), 2);
  console.log(`ordinary runs (10,000 users × 90 days): ${runs} runs, ${(sumWall(join(base, "one")) / runs).toFixed(2)} s of model time a run`);
  console.log(`  queued, 1 worker: ${one.toFixed(1)} s; 2 workers: ${two.toFixed(1)} s; speed-up ${(one / two).toFixed(2)}x`);
  // the machine's own ceiling: the same sweep on one and two local threads
  const local1 = timeLocal(sweepArgs(runs, 10000, 90, join(base, "local1")));
  const local2 = timeLocal([...sweepArgs(runs, 10000, 90, join(base, "local2")), "--threads", "2"]);
  console.log(`  local, 1 thread: ${local1.toFixed(1)} s; 2 threads: ${local2.toFixed(1)} s; speed-up ${(local1 / local2).toFixed(2)}x`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
