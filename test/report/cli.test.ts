/**
 * The CLI as built (node dist/cli/main.js): `sim report` reproduces what
 * `sim run` wrote, byte for byte; `sim compare` pairs real runs, and both
 * refuse a folder that is not a report with exit code 2. (compare-cli.test.ts
 * checks compare's refusals on synthetic folders.)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../sim/io/csv.js";
import { isBuilt, realRun, sim, tempDir, removeTempDirs } from "./helpers.js";

describe.runIf(isBuilt())("sim report and sim compare", () => {
  afterAll(removeTempDirs);
  let out: string;
  let baseline: string;
  beforeAll(() => {
    out = tempDir("cli");
    baseline = realRun(out, "baseline");
  });

  it("sim run wrote the charts and the page", () => {
    for (const f of ["index.html", "charts/gmv-daily.svg", "charts/gmv-daily.png", "charts/gmv-daily.vl.json", "charts/follower-ccdf.svg"]) {
      expect(existsSync(join(baseline, f)), f).toBe(true);
    }
  });

  it("sim report rebuilds byte-identical charts and index.html from the tables alone", () => {
    const copy = join(out, "copy");
    mkdirSync(copy);
    for (const f of readdirSync(baseline)) if (f !== "charts" && f !== "index.html") cpSync(join(baseline, f), join(copy, f));
    const r = sim(["report", copy]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const charts = readdirSync(join(baseline, "charts")).sort();
    expect(readdirSync(join(copy, "charts")).sort()).toEqual(charts);
    for (const f of [...charts.map((c) => `charts/${c}`), "index.html"]) {
      expect(readFileSync(join(copy, f)).equals(readFileSync(join(baseline, f))), f).toBe(true);
    }
  });

  it("a failed rebuild leaves the old report in place", () => {
    const broken = join(out, "broken");
    cpSync(baseline, broken, { recursive: true });
    writeFileSync(join(broken, "summary.json"), "{ not json");
    const before = readFileSync(join(broken, "index.html"));
    const r = sim(["report", broken]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/summary\.json is not valid JSON/);
    expect(readFileSync(join(broken, "index.html")).equals(before)).toBe(true);
    expect(readdirSync(join(broken, "charts")).length).toBeGreaterThan(0);
  });

  it("sim report on a folder that is not a report exits 2 with a clear message", () => {
    const r = sim(["report", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a report folder: missing summary\.json and timeseries\.csv/);
  });

  it("sim compare on a folder that is not a report exits 2 with a clear message", () => {
    const r = sim(["compare", baseline, join(out, "nowhere")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nowhere is not a report folder: no such folder/);
  });

  it("sim compare of a run with itself shows zero difference everywhere", () => {
    const dest = join(out, "self");
    const r = sim(["compare", baseline, baseline, "--out", dest]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const rows = parseCsv(readFileSync(join(dest, "comparison.csv"), "utf8"));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(Number(row.difference), row.kpi).toBe(0);
      expect(row.paired).toBe("true");
      expect(row.excludes_zero).toBe("false");
    }
  });

  it("sim compare pairs two real runs on the same seeds", () => {
    const variant = realRun(out, "heavier-feed", ["levers.commercialLoad=0.35"]);
    const dest = join(out, "cmp");
    const r = sim(["compare", baseline, variant, "--out", dest]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").pop()).toBe(join(dest, "index.html"));
    expect(r.stdout).toMatch(/^heavier-feed − baseline \(paired by seed, 3 replications/);
    expect(r.stdout).toMatch(/\n {2}GMV +/);
    const rows = parseCsv(readFileSync(join(dest, "comparison.csv"), "utf8"));
    const gmv = rows.find((x) => x.kpi === "gmv_total")!;
    expect(gmv.paired).toBe("true");
    expect(Number(gmv.ci95_lo)).toBeLessThanOrEqual(Number(gmv.difference));
    expect(Number(gmv.difference)).toBeLessThanOrEqual(Number(gmv.ci95_hi));
    expect(readFileSync(join(dest, "index.html"), "utf8")).toContain("heavier-feed");
  });

  it("sim compare says plainly on stderr and in the page when runs do not pair", () => {
    const reseeded = join(out, "reseeded");
    const r0 = sim(["run", "scenarios/baseline.yaml", "--users", "3000", "--days", "60", "--reps", "2", "--seed", "99", "--out", reseeded, "--quiet"]);
    expect(r0.status).toBe(0);
    const dest = join(out, "unpaired");
    const r = sim(["compare", baseline, join(reseeded, "baseline"), "--out", dest]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/unpaired/);
    expect(readFileSync(join(dest, "index.html"), "utf8")).toContain("This comparison is unpaired");
  });

  it("sim report --help shows an example", () => {
    const r = sim(["report", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/sim report reports\/baseline/);
  });
});
