/**
 * `npm run bench`: the baseline at 100,000 and 1,000,000 users for 365 days,
 * one replication on one core (`--threads T`, repeatable: on T threads, its
 * users' sessions shared out: model/session-threads.ts). For each size it prints
 * user-days per second, the nanoseconds a user-day costs in each step of the
 * day (model/day.ts DAY_STEPS; orders are placed inside the sessions), bytes
 * of agent state per user (every agent array: users, creators, merchants,
 * tables, providers' queue, scratch; at the end of the run over the users
 * alive then, and at day 0 over the users then) and peak memory, and it
 * writes them to bench.json.
 * `--users N` (repeatable), `--threads T` (repeatable), `--days D`,
 * `--seed S` and `--out FILE` change the plan. The goal: 1M users x 365 days in under 60 s, under 200 bytes of
 * agent state per user.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolutionOf } from "../scenario/resolution.js";
import { runReplication } from "../model/simulate.js";
import { DAY_STEPS, type StepClock } from "../model/day.js";
import { loadScenarioSync } from "../scenario/load.js";
import { BASELINE_FILE, packageVersion } from "./package-info.js";
import { agentStateBytes, type World } from "../model/world.js";
import { M } from "../model/metrics.js";
import { scriptArgs, wholeNumbers } from "../cli/script-args.js";

const args = scriptArgs("bench", "The baseline, one replication per size and thread count: user-days per second, ns per user-day by step of the day, agent bytes per user and peak memory; written to bench.json too.")
  .option("users", { type: "number", array: true, default: [100_000, 1_000_000], describe: "users at day 0 (repeatable: each size is run)" })
  .option("days", { type: "number", default: 365, describe: "reported days (the warm-up comes first)" })
  .option("threads", { type: "number", array: true, default: [1], describe: "threads of the one replication (repeatable: each size is run on each count)" })
  .option("seed", { type: "number", default: 1, describe: "seed of the replication" })
  .option("out", { type: "string", default: "bench.json", describe: "where the figures are written as JSON" })
  .check(wholeNumbers(["users", "days", "threads"]))
  .check(wholeNumbers(["seed"], 0))
  .parseSync();
const sizes = args.users;
const days = args.days;
/** threads of the one replication (its users' sessions: model/session-threads.ts), each size run once per count */
const threadCounts = args.threads;

interface BenchRow {
  users: number;
  threads: number;
  userDays: number;
  wallSec: number;
  userDaysPerSec: number;
  nsPerUserDay: number;
  /** nanoseconds per user-day spent in each step of the day, warm-up included */
  nsPerUserDayByStep: Record<string, number>;
  /** bytes of all agent arrays at the end of the run per user alive then */
  stateBytesPerUser: number;
  /** the same at report day 0, per user alive on day 0 */
  stateBytesPerUserDay0: number;
  /** bytes of all agent arrays at day 0 and at the end, and the users alive then */
  stateBytesDay0: number;
  stateBytesEnd: number;
  usersDay0: number;
  usersEnd: number;
  peakRssMb: number;
  /** peak RSS of the process (Node included) per user alive at the end */
  rssBytesPerUser: number;
}

/** The agent arrays' bytes and the users alive, read from the run's world at report day 0 and on the last day (the arrays grow with entries). */
class StateBytes {
  day0 = 0;
  usersDay0 = 0;
  end = 0;
  usersEnd = 0;
  constructor(private readonly lastDay: number) {}
  observe(world: World, reportDay: number): void {
    if (reportDay === 0) {
      this.day0 = agentStateBytes(world);
      this.usersDay0 = world.users.alive;
    }
    if (reportDay === this.lastDay) {
      this.end = agentStateBytes(world);
      this.usersEnd = world.users.alive;
    }
  }
}

/** Time spent in each step of the day, summed over the run. */
class StepTimes implements StepClock {
  readonly ms = new Float64Array(DAY_STEPS.length);
  private last = performance.now();
  lap(step: number): void {
    const now = performance.now();
    // the first step of a day starts where the last day's metrics ended (the loop between days is in it; on the first day, building the world)
    this.ms[step] += now - this.last;
    this.last = now;
  }
}

function bench(users: number, threads: number): BenchRow {
  const scenario = loadScenarioSync(BASELINE_FILE, { users, days }).scenario;
  const clock = new StepTimes();
  const state = new StateBytes(scenario.horizonDays - 1);
  const t0 = performance.now();
  const r = runReplication(scenario, 0, args.seed, (world, day) => state.observe(world, day), clock, threads);
  const wallSec = (performance.now() - t0) / 1000;
  // user-days: users on the platform summed over reported days, plus the warm-up at the day-0 size
  let userDays = scenario.warmupDays * users;
  const cols = r.series.length / r.days;
  const userScale = resolutionOf(scenario).userScale;
  for (let d = 0; d < r.days; d++) userDays += r.series[d * cols + M.users_total] / userScale;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const ns = (ms: number) => Math.round((ms * 1e6) / userDays);
  return {
    users,
    threads,
    userDays: Math.round(userDays),
    wallSec: Number(wallSec.toFixed(2)),
    userDaysPerSec: Math.round(userDays / wallSec),
    nsPerUserDay: ns(wallSec * 1000),
    nsPerUserDayByStep: Object.fromEntries(DAY_STEPS.map((s, i) => [s, ns(clock.ms[i])])),
    stateBytesPerUser: Math.round(state.end / Math.max(1, state.usersEnd)),
    stateBytesPerUserDay0: Math.round(state.day0 / Math.max(1, state.usersDay0)),
    stateBytesDay0: state.day0,
    stateBytesEnd: state.end,
    usersDay0: state.usersDay0,
    usersEnd: state.usersEnd,
    peakRssMb: Math.round(peakRssMb),
    rssBytesPerUser: Math.round((peakRssMb * 1048576) / Math.max(1, state.usersEnd)),
  };
}

console.log(`baseline, ${days} days (+ warm-up), one replication; ns per user-day by step of the day (wall time)`);
const header = ["users_day0", "threads", "user_days", "wall_s", "user_days/s", "ns/user-day", ...DAY_STEPS, "state_B/user", "peak_RSS_MB", "RSS_B/user", "state0_B/user"];
console.log(header.map((h) => h.padStart(12)).join(" "));
const rows: BenchRow[] = [];
// smallest first: the process's peak memory after each size is that size's (the largest over its thread counts)
for (const users of [...sizes].sort((a, b) => a - b)) {
  for (const threads of threadCounts) {
    const r = bench(users, threads);
    rows.push(r);
    console.log(
      [r.users, r.threads, r.userDays, r.wallSec.toFixed(1), r.userDaysPerSec, r.nsPerUserDay, ...DAY_STEPS.map((s) => r.nsPerUserDayByStep[s]), r.stateBytesPerUser, r.peakRssMb, r.rssBytesPerUser, r.stateBytesPerUserDay0]
        .map((x) => String(x).padStart(12)).join(" "),
    );
  }
}
writeFileSync(args.out, `${JSON.stringify({ version: packageVersion(), node: process.version, cpu: cpus()[0]?.model ?? "unknown", days, rows }, null, 2)}\n`);
console.log(`written to ${args.out}`);
