/**
 * `sim discover` from the command line (the built CLI in a child process) on
 * a real, tiny sweep (a Latin hypercube of 20 points over the consumer
 * subsidy rate and self-broadcast adoption, 2,000 users × 30 days, one
 * replication): it writes the tables, charts and page and prints the page's
 * path; the points it counts are those of points.csv that satisfy the
 * expression; without points.csv it computes the same means from runs.csv;
 * a bad expression exits 2 with a caret under the column; an expression no
 * point satisfies writes nothing and exits 0.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../sim/io/csv.js";
import { isBuilt, removeTempDirs, ROOT, sim, tempDir } from "../sweep/helpers.js";

const RATE = "levers.consumerSubsidy.rate";
const ADOPTION = "merchants.selfBroadcastAdoptionPerDay";

describe.runIf(isBuilt())("sim discover", () => {
  afterAll(removeTempDirs);
  let dir: string;
  let sweep: string;

  beforeAll(() => {
    dir = tempDir("discover");
    sweep = join(dir, "sweep");
    writeFileSync(join(dir, "lhs.yaml"), [
      `base: ${join(ROOT, "scenarios/more-consumer-subsidies.yaml")}`,
      "name: discover-lhs",
      "set:",
      "  levers.consumerSubsidy.startDay: 0",
      "parameters:",
      `  ${RATE}: {distribution: uniform, min: 0.02, max: 0.2}`,
      `  ${ADOPTION}: {distribution: uniform, min: 0.001, max: 0.01}`,
      "design: {type: lhs, samples: 20}",
      "reps: 1",
      "days: 30",
      "users: 2000",
      "kpis: [gmv_total, platform_net]",
    ].join("\n"));
    const r = sim(["sweep", "lhs.yaml", "--out", sweep, "--quiet", "--threads", "2"], dir);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  /** The expression the tests discover: the median platform_net, so about half the points satisfy it. */
  function medianNet(): number {
    const nets = parseCsv(readFileSync(join(sweep, "points.csv"), "utf8")).map((p) => Number(p.platform_net_mean)).sort((a, b) => a - b);
    return nets[Math.floor(nets.length / 2)];
  }

  it("writes the trajectory, the boxes, the JSON, the charts and the page", () => {
    const cut = medianNet();
    const where = `platform_net >= ${cut} and gmv_total > 0`;
    const r = sim(["discover", sweep, "--where", where]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${join(sweep, "discovery.html")}\n`);
    expect(r.stderr).toBe(""); // stderr is not a terminal: no summary

    const expected = parseCsv(readFileSync(join(sweep, "points.csv"), "utf8")).filter((p) => Number(p.platform_net_mean) >= cut && Number(p.gmv_total_mean) > 0).length;
    const json = JSON.parse(readFileSync(join(sweep, "discovery.json"), "utf8"));
    expect(json.where).toBe(where);
    expect(json.points).toBe(20);
    expect(json.satisfied).toBe(expected);
    expect(json.satisfied).toBeGreaterThanOrEqual(10);
    expect(json.prim.chosen.density).toBeGreaterThan(json.satisfied / json.points);

    const trajectory = readFileSync(join(sweep, "discovery.csv"), "utf8").trim().split("\n");
    expect(trajectory[0]).toBe(`box,coverage,density,mass,points,restricted_dims,picked,${RATE}_low,${RATE}_high,${ADOPTION}_low,${ADOPTION}_high`);
    expect(trajectory[1]).toMatch(/^0,1,0\.\d+,1,20,0,false,/);
    expect(trajectory.filter((l) => l.split(",")[6] === "true")).toHaveLength(1);

    const boxes = parseCsv(readFileSync(join(sweep, "discovery-boxes.csv"), "utf8"));
    expect(boxes.some((b) => b.method === "prim")).toBe(true);
    expect(boxes.some((b) => b.method === "cart")).toBe(true);
    for (const b of boxes) {
      expect([RATE, ADOPTION]).toContain(b.parameter);
      expect(Number(b.low)).toBeLessThanOrEqual(Number(b.high));
    }

    expect(readdirSync(join(sweep, "discovery-charts")).sort()).toEqual(["prim-ranges.png", "prim-ranges.svg", "prim-ranges.vl.json", "prim-tradeoff.png", "prim-tradeoff.svg", "prim-tradeoff.vl.json"]);
    const html = readFileSync(join(sweep, "discovery.html"), "utf8");
    expect(html).toContain(`${expected} of 20 design points`);
    expect(html).toContain("PRIM: the chosen box");
    expect(html).toContain("CART: boxes from a classification tree");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/); // offline
  });

  it("computes the points from runs.csv when points.csv is missing, and writes to --out", () => {
    const copy = join(dir, "copy");
    cpSync(sweep, copy, { recursive: true });
    for (const f of ["points.csv", "discovery.json", "discovery.csv", "discovery-boxes.csv", "discovery.html"]) rmSync(join(copy, f), { force: true });
    const where = `platform_net >= ${medianNet()}`;
    const out = join(dir, "out");
    const a = sim(["discover", sweep, "--where", where, "--method", "prim", "--out", join(dir, "out-a")]);
    const b = sim(["discover", copy, "--where", where, "--method", "prim", "--out", out]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(existsSync(join(copy, "points.csv"))).toBe(false); // read, not written
    const ja = JSON.parse(readFileSync(join(dir, "out-a", "discovery.json"), "utf8"));
    const jb = JSON.parse(readFileSync(join(out, "discovery.json"), "utf8"));
    expect(jb.source).toBe("runs.csv");
    expect(ja.source).toBe("points.csv");
    expect(jb.prim).toEqual(ja.prim);
    expect(jb.cart).toBeUndefined();
    expect(existsSync(join(out, "discovery.html"))).toBe(true);
  });

  it("an unknown KPI: exit 2, the expression with a caret and the nearest name", () => {
    const r = sim(["discover", sweep, "--where", "gmv_total > 0 and platfrom_net > 0"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe([
      "sim: --where: unknown KPI or parameter 'platfrom_net' at column 18; did you mean platform_net?",
      "sim:   gmv_total > 0 and platfrom_net > 0",
      "sim:                     ^",
      "",
    ].join("\n"));
  });

  it("a syntax error: exit 2, the caret where the expression breaks", () => {
    const r = sim(["discover", sweep, "--where", "gmv_total > 3 and and"]);
    expect(r.status).toBe(2);
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe("sim: --where: unexpected 'and' at column 18; expected a KPI, a parameter, a number or '('");
    expect(lines[2]).toBe(`sim:   ${" ".repeat(18)}^`);
    const end = sim(["discover", sweep, "--where", "gmv_total >"]);
    expect(end.status).toBe(2);
    expect(end.stderr).toContain("at column 11");
  });

  it("nothing to discover: said, nothing written, exit 0", () => {
    const out = join(dir, "none");
    const r = sim(["discover", sweep, "--where", "platform_net > 1e30", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("sim: no point of 20 satisfies platform_net > 1e30: nothing to discover, nothing written\n");
    expect(existsSync(out)).toBe(false);
    const all = sim(["discover", sweep, "--where", "gmv_total > 0 or gmv_total <= 0", "--out", out]);
    expect(all.status).toBe(0);
    expect(all.stderr).toContain("every point (20) of 20 satisfies");
  });

  it("bad options and folders exit 2", () => {
    expect(sim(["discover", sweep, "--where", "gmv_total > 0", "--threshold", "1.5"]).status).toBe(2);
    expect(sim(["discover", sweep, "--where", "gmv_total > 0", "--max-depth", "0"]).status).toBe(2);
    const notSweep = sim(["discover", dir, "--where", "gmv_total > 0"]);
    expect(notSweep.status).toBe(2);
    expect(notSweep.stderr).toContain("is not a sweep folder");
  });
});
