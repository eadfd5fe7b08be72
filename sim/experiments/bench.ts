/**
 * `npm run bench`: the baseline at 100,000 and 1,000,000 users for 365 days
 * on one core (one replication, main thread), printing user-days per second
 * and peak memory per user. `--users N` (repeatable) and `--days D` change
 * the sizes. The goal: 1M users x 365 days in under 60 s,
 * under 200 bytes of agent state per user.
 */
import { resolutionOf } from "../scenario/resolution.js";
import { parseArgs } from "node:util";
import { runReplication } from "../model/simulate.js";
import { loadScenarioSync } from "../scenario/load.js";
import { BASELINE_FILE } from "./package-info.js";
import { createWorld } from "../model/world.js";
import { M } from "../model/metrics.js";

const { values } = parseArgs({ options: { users: { type: "string", multiple: true }, days: { type: "string" }, seed: { type: "string" } } });
const sizes = (values.users ?? ["100000", "1000000"]).map(Number);
const days = Number(values.days ?? 365);

/** Bytes of typed-array agent state per user slot, from the world's own arrays. */
function stateBytesPerUser(users: number): number {
  const world = createWorld(loadScenarioSync(BASELINE_FILE, { users, days }).scenario, 1);
  let bytes = 0;
  for (const arr of Object.values(world.users)) if (ArrayBuffer.isView(arr)) bytes += arr.byteLength;
  return bytes / world.users.capacity;
}

console.log(`baseline, ${days} days (+ warm-up), one replication on one core`);
console.log("users_day0  user_days    wall_s  user_days_per_s  state_B_per_user  peak_rss_MB  rss_B_per_user");
for (const users of sizes) {
  const scenario = loadScenarioSync(BASELINE_FILE, { users, days }).scenario;
  const t0 = performance.now();
  const r = runReplication(scenario, 0, Number(values.seed ?? 1));
  const wall = (performance.now() - t0) / 1000;
  // user-days: users on the platform summed over reported days, plus the warm-up at the day-0 size
  let userDays = scenario.warmupDays * users;
  const cols = r.series.length / r.days;
  for (let d = 0; d < r.days; d++) userDays += r.series[d * cols + M.users_total] / resolutionOf(scenario).userScale;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    [users, Math.round(userDays), wall.toFixed(1), Math.round(userDays / wall), stateBytesPerUser(users).toFixed(0), rssMb.toFixed(0), ((rssMb * 1048576) / (users * scenario.population.userSaturation)).toFixed(0)]
      .map((x, i) => String(x).padStart(i === 0 ? 10 : 12)).join(" "),
  );
}
