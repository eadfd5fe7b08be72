/**
 * A run's window (`sim run --window START:END`): parsed and checked against
 * every scenario's horizon, carried by runScenarios (of the built package: replications run on worker
 * threads) to each ScenarioRun, and
 * written into summary.json as KPIs with intervals, whose per-replication
 * values are the sums of the daily columns over the window's days. A tiny
 * run (2,000 users, 40 days, two replications, one thread).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseWindow } from "../../sim/cli/run.js";
import { M } from "../../sim/model/metrics.js";
import { writeRunTables } from "../../sim/report/tables.js";
import { runBuilt, scenario, sumDays } from "../helpers/sim.js";
import { removeTempDirs, tempDir } from "../helpers/temp.js";

afterAll(removeTempDirs);

const DAYS = 40;
const META = { version: "test", commandLine: "sim run", baseSeed: 1, threads: 1, wallTimeSec: 0, peakRssMb: 0, differsFromBaseline: [] };

describe("--window START:END", () => {
  const runs = [{ name: "a", horizonDays: 365 }, { name: "b", horizonDays: 200 }];

  it("reads report days, both included, or START: for to the end of the shortest run", () => {
    expect(parseWindow("60:240", [runs[0]])).toEqual({ startDay: 60, endDay: 240 });
    expect(parseWindow("100:", runs)).toEqual({ startDay: 100, endDay: 199 });
    expect(parseWindow(" 5 : 5 ", runs)).toEqual({ startDay: 5, endDay: 5 });
  });

  it("refuses what is not a window of every scenario's run", () => {
    expect(() => parseWindow("60-240", runs)).toThrow(/expected START:END/);
    expect(() => parseWindow("-3:10", runs)).toThrow(/expected START:END/);
    expect(() => parseWindow("50:40", runs)).toThrow(/before the first/);
    expect(() => parseWindow("60:240", runs)).toThrow(/ends after the run of 'b' \(horizonDays 200: report days 0-199\)/);
  });
});

describe("window KPIs in summary.json", async () => {
  const s = scenario("baseline", { users: 2000, days: DAYS });
  const [withWindow] = await runBuilt([s], { reps: 2, seed: 3, threads: 1, window: { startDay: 10, endDay: 24 } });
  const [without] = await runBuilt([s], { reps: 2, seed: 3, threads: 1 });
  const summaryOf = async (run: typeof withWindow) => {
    const dir = tempDir("window");
    await writeRunTables(dir, run, META);
    return JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
  };
  const summary = await summaryOf(withWindow);
  const plain = await summaryOf(without);

  it("records the window and gives each window KPI a mean, an interval and the replications' values", () => {
    expect(summary.window).toEqual({ startDay: 10, endDay: 24 });
    const k = summary.kpis.gmv_window;
    expect(k.label).toBe("GMV during days 10-24");
    expect(k.values).toEqual(withWindow.results.map((r) => sumDays(r, M.gmv, 10, 24)));
    expect(k.ci95[0]).toBeLessThanOrEqual(k.mean);
    expect(k.ci95[1]).toBeGreaterThanOrEqual(k.mean);
    expect(summary.kpis.orders_per_day_after_window.values).toEqual(withWindow.results.map((r) => sumDays(r, M.orders, 25, DAYS - 1) / (DAYS - 25)));
  });

  it("adds to the KPIs without changing the others", () => {
    expect(plain.window).toBeUndefined();
    expect(Object.keys(plain.kpis).some((k) => k.includes("window"))).toBe(false);
    for (const [key, k] of Object.entries(plain.kpis)) expect(summary.kpis[key], key).toEqual(k);
  });
});
