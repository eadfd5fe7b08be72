/**
 * Sweeps through a real Redis (Debian's redis-server on a free port) and
 * `sim worker` processes of the built CLI:
 *  - two workers give the same runs.csv rows (by key, wall time aside) as the
 *    same sweep run locally, and the finished sweep leaves no jobs in Redis;
 *  - a worker killed with SIGKILL mid-run loses only that run: another worker
 *    takes it after its lock expires, and every run is logged exactly once;
 *  - the coordinator killed with SIGKILL and started again loses and doubles
 *    nothing (results that finished meanwhile wait in Redis);
 *  - a worker refuses a queue planned with another version, and bad
 *    addresses are refused with exit 2;
 *  - the queue commands of docs/cluster.md run as written (REDIS and SWEEP
 *    set by hand) and log the same rows;
 *  - a calibration through the queue gives the same evaluations and the same
 *    calibrated scenario as one on local threads.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { BASELINE, isBuilt, loggedLines, removeTempDirs, ROOT, runRows, sim, simAsync, sorted, tempDir } from "../sweep/helpers.js";
import { codeBlocks, taggedBlock } from "../helpers/doc-blocks.js";
import { writeCalibration, writeTargets } from "../calibrate/fixtures.js";
import { redisAvailable, startRedis, type RedisServer } from "./redis.js";

// 2 × 2 points × 3 replications; 2,000 users over 60 days: about a second a run
const SWEEP = ["sweep", BASELINE, "--param", "levers.selfBroadcast.support=0,1", "--param", "users.activityMean=0.4,0.5", "--reps", "3", "--users", "2000", "--days", "60", "--no-report", "--quiet"];
const TOTAL = 12;

interface Proc {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(args: string[]): Proc {
  const child = simAsync(args);
  let err = "";
  child.stderr?.on("data", (b: Buffer) => (err += b.toString()));
  child.stdout?.on("data", () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

function worker(url: string, extra: string[] = []): Proc {
  return start(["worker", url, "--threads", "1", "--lock-sec", "2", ...extra]);
}

async function stopWorkers(ws: Proc[]): Promise<void> {
  for (const w of ws) if (w.child.exitCode === null) w.child.kill("SIGTERM");
  await Promise.all(ws.map((w) => w.exited));
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const run = isBuilt() && redisAvailable();

describe.runIf(run)("sweeps on a Redis queue", () => {
  let redis: RedisServer;
  let local: string[];

  beforeAll(async () => {
    redis = await startRedis(tempDir("redis"));
    const dir = tempDir("local");
    const r = sim([...SWEEP, "--threads", "2", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    local = sorted(runRows(dir));
    expect(local).toHaveLength(TOTAL);
  }, 120_000);

  afterAll(async () => {
    await redis?.stop();
    removeTempDirs();
  });

  it("two workers in separate processes log the same rows as a local sweep, and leave nothing in Redis", async () => {
    const out = tempDir("two");
    const ws = [worker(redis.url), worker(redis.url)];
    const coordinator = start([...SWEEP, "--queue", redis.url, "--out", out]);
    expect(await coordinator.exited, coordinator.stderr()).toBe(0);
    await stopWorkers(ws);
    expect(sorted(runRows(out))).toEqual(local);
    for (const w of ws) expect(w.stderr()).toMatch(/stopped after \d+ runs?/);
    const ran = ws.map((w) => Number(/stopped after (\d+)/.exec(w.stderr())![1]));
    expect(ran[0] + ran[1]).toBe(TOTAL);
    // no job, result or registry entry is left; only BullMQ's own bookkeeping of the workers that were attached
    const client = new Redis(redis.url);
    const left = (await client.keys("*")).filter((k) => !/^bull:[^:]+:(meta|stalled-check)$/.test(k));
    expect(left).toEqual([]);
    client.disconnect();
  }, 120_000);

  it("a worker killed with SIGKILL mid-run loses only that run; every run is logged exactly once", async () => {
    const out = tempDir("kill-worker");
    const victim = worker(redis.url);
    const coordinator = start([...SWEEP, "--queue", redis.url, "--out", out]);
    // the victim has finished a run and is in the middle of its next one
    await waitFor("the first logged run", () => loggedLines(out) >= 1);
    await sleep(300);
    victim.child.kill("SIGKILL");
    await victim.exited;
    const before = loggedLines(out);
    expect(before).toBeLessThan(TOTAL);
    const rescuer = worker(redis.url);
    expect(await coordinator.exited, coordinator.stderr()).toBe(0);
    await stopWorkers([rescuer]);
    expect(sorted(runRows(out))).toEqual(local); // runRows throws on a key logged twice
    expect(loggedLines(out)).toBe(TOTAL);
  }, 180_000);

  it("the coordinator killed with SIGKILL and started again loses and doubles nothing", async () => {
    const out = tempDir("kill-coordinator");
    const ws = [worker(redis.url)];
    const first = start([...SWEEP, "--queue", redis.url, "--out", out]);
    await waitFor("two logged runs", () => loggedLines(out) >= 2);
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = loggedLines(out);
    // the worker goes on meanwhile: its results wait in Redis for the coordinator
    const client = new Redis(redis.url);
    await waitFor("a run finished while no coordinator ran", async () => (await client.keys("bull:*:completed")).length > 0 && (await client.zcard((await client.keys("bull:*:completed"))[0])) > 0);
    client.disconnect();
    expect(loggedLines(out)).toBe(atKill);
    const second = start([...SWEEP, "--queue", redis.url, "--out", out]);
    expect(await second.exited, second.stderr()).toBe(0);
    await stopWorkers(ws);
    expect(sorted(runRows(out))).toEqual(local);
  }, 180_000);

  it("a worker refuses a queue planned with another version, and bad addresses exit 2", async () => {
    const client = new Redis(redis.url);
    await client.hset("sim:queue:sweep-old-0000000000", { version: "0.0.1", model: "x", what: "sweep old" });
    await client.sadd("sim:queues", "sweep-old-0000000000");
    const refused = sim(["worker", redis.url, "--queue", "sweep-old-0000000000", "--threads", "1"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/refusing sweep old: the sweep was planned with livecommerce-sim 0\.0\.1, this worker is \d/);
    await client.del("sim:queue:sweep-old-0000000000", "sim:queues");
    client.disconnect();

    const badWorker = sim(["worker", "http://localhost:6379"]);
    expect(badWorker.status).toBe(2);
    expect(badWorker.stderr).toContain("expected a redis:// or rediss:// address");
    const badSweep = sim([...SWEEP, "--queue", "redis://localhost:6379/zero", "--out", tempDir("bad")]);
    expect(badSweep.status).toBe(2);
    expect(badSweep.stderr).toContain("the database after the host must be a number");
    const both = sim([...SWEEP, "--queue", redis.url, "--shard", "1/2", "--out", tempDir("bad2")]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--queue and --shard");
  }, 60_000);

  it("the queue commands of docs/cluster.md run as written", async () => {
    const cwd = tempDir("doc-queue");
    symlinkSync(join(ROOT, "dist"), join(cwd, "dist"), "dir");
    // the same sweep as SWEEP, as a sweep file
    writeFileSync(join(cwd, "tiny.yaml"), [`base: ${BASELINE}`, "name: tiny", "parameters:", "  levers.selfBroadcast.support: [0, 1]", "  users.activityMean: [0.4, 0.5]", "reps: 3", "users: 2000", "days: 60"].join("\n"));
    const block = taggedBlock(codeBlocks(readFileSync(join(ROOT, "docs", "cluster.md"), "utf8")), "queue", "docs/cluster.md");
    const lines = block.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
    const vars = lines.filter((l) => /^\w+=/.test(l)).join("\n");
    const coordinatorLine = lines.find((l) => / sweep /.test(l));
    const workerLine = lines.find((l) => / worker /.test(l));
    expect(coordinatorLine).toBeDefined();
    expect(workerLine).toBeDefined();
    const env = { ...process.env, REDIS: redis.url, SWEEP: "tiny.yaml" };
    const w = spawn("bash", ["-c", `${vars}\nexec ${workerLine}`], { cwd, env, stdio: "ignore" });
    const exited = new Promise((resolve) => w.once("exit", resolve));
    const c = spawnSync("bash", ["-c", `${vars}\n${coordinatorLine}`], { cwd, env, encoding: "utf8", timeout: 120_000 });
    w.kill("SIGTERM");
    await exited;
    expect(c.status, c.stderr).toBe(0);
    expect(sorted(runRows(join(cwd, "reports", "sweeps", "tiny")))).toEqual(local);
  }, 150_000);

  it("a calibration through the queue equals one on local threads", async () => {
    const dir = tempDir("calibrate-queue");
    const targets = writeTargets(dir, "targets.yaml", { dau: "[1.5e8, 1.6e8]", churn: "[4e7, 4.5e7]" });
    const file = writeCalibration(dir, "cal.yaml", { targets, start: { activityMean: 0.7, churnBasePerDay: 0.001 }, budget: 7 });
    const localRun = sim(["calibrate", file, "--threads", "2", "--out", join(dir, "local"), "--quiet"]);
    expect(localRun.status, localRun.stderr).toBe(0);
    const ws = [worker(redis.url)];
    const queued = start(["calibrate", file, "--queue", redis.url, "--out", join(dir, "queued"), "--quiet"]);
    expect(await queued.exited, queued.stderr()).toBe(0);
    await stopWorkers(ws);
    for (const f of ["calibration.csv", "cal-calibrated.yaml"]) expect(readFileSync(join(dir, "queued", f), "utf8")).toBe(readFileSync(join(dir, "local", f), "utf8"));
    expect(sorted(runRows(join(dir, "queued")))).toEqual(sorted(runRows(join(dir, "local"))));
  }, 180_000);

  it("an unreachable Redis is a failure with the address, not a hang", async () => {
    const r = sim([...SWEEP, "--queue", "redis://127.0.0.1:1/0", "--out", tempDir("unreachable")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("cannot reach Redis at redis://127.0.0.1:1/0");
  }, 60_000);
});
