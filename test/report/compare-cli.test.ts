/**
 * `sim compare` as built (node dist/cli/main.js), on synthetic report folders so
 * it takes seconds: it refuses runs of different platforms with exit code 2,
 * never replaces an earlier comparison unless --force, and prints the headline
 * differences on stdout with warnings on stderr.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { isBuilt, removeTempDirs, sim, tempDir } from "./helpers.js";

describe.runIf(isBuilt())("sim compare: platforms, overwriting, terminal output", () => {
  afterAll(removeTempDirs);
  let dir: string;
  let baseline: string, lifted: string;
  beforeAll(() => {
    dir = tempDir("compare-cli");
    baseline = makeReportFixture(dir, { name: "baseline" });
    lifted = makeReportFixture(dir, { name: "lifted", gmvLift: 0.05, subsidyRate: 0.01 });
  });

  it("refuses runs of different platforms with exit code 2 and says why, writing nothing", () => {
    const bigger = makeReportFixture(dir, { name: "bigger", platformUsers: 6_000_000, users: 30_000 });
    const dest = join(dir, "refused");
    const r = sim(["compare", baseline, bigger, "--out", dest]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sim: cannot compare .*bigger with .*baseline: they do not simulate the same platform: platform users differ \(2,000,000 and 6,000,000 at day 0\)/);
    expect(r.stderr).toMatch(/the sample size \(--users\) may differ/);
    expect(r.stdout).toBe("");
    expect(existsSync(dest)).toBe(false);
  });

  it("refuses older runs of different sizes (3,000 and 10,000 users at one scale factor) too", () => {
    const small = makeReportFixture(dir, { name: "old-3k", withoutResolution: true, users: 3_000, platformUsers: 600_000 });
    const large = makeReportFixture(dir, { name: "old-10k", withoutResolution: true, users: 10_000, platformUsers: 2_000_000 });
    const r = sim(["compare", small, large, "--out", join(dir, "old")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/platform users differ \(600,000 and 2,000,000 at day 0\)/);
  });

  it("prints the headline differences on stdout, then the page, with nothing on stderr for paired runs", () => {
    const dest = join(dir, "cmp");
    const r = sim(["compare", baseline, lifted, "--out", dest]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^lifted − baseline \(paired by seed, 3 replications; Holm over \d+ KPIs at 5%\)$/);
    expect(lines[1]).toMatch(/^ {2}KPI +baseline +scenario +difference +95% interval +read +survives Holm$/);
    const names = ["GMV", "Repurchase rate", "Merchants over the mark", "NPS", "Platform net"];
    names.forEach((name, i) => expect(lines[2 + i]).toMatch(new RegExp(`^  ${name} +\\S`)));
    expect(lines[2]).toMatch(/RMB +\+[\d.]+[kMB]? RMB +\+[\d.]+[kMB]? to \+[\d.]+[kMB]? +(paired|Welch) +(yes|no) \(p [<\d.]+\)$/);
    expect(lines[lines.length - 1]).toBe(join(dest, "index.html"));
  });

  it("never replaces an earlier comparison silently: exit code 2 naming --force, then --force replaces it", () => {
    const dest = join(dir, "twice");
    expect(sim(["compare", baseline, lifted, "--out", dest]).status).toBe(0);
    const page = join(dest, "index.html");
    const before = readFileSync(page);
    const mtime = statSync(page).mtimeMs;
    const again = sim(["compare", baseline, lifted, "--out", dest]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds a comparison; pass --force to replace it, or choose another --out/);
    expect(readFileSync(page).equals(before)).toBe(true);
    expect(statSync(page).mtimeMs).toBe(mtime);
    const forced = sim(["compare", baseline, lifted, "--out", dest, "--force"]);
    expect(forced.status).toBe(0);
    expect(statSync(page).mtimeMs).toBeGreaterThanOrEqual(mtime);
  });

  it("never writes into a folder that is not a comparison, even with --force", () => {
    const report = readFileSync(join(baseline, "summary.json"));
    const r = sim(["compare", baseline, lifted, "--out", baseline, "--force"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not empty and holds no earlier comparison/);
    expect(readFileSync(join(baseline, "summary.json")).equals(report)).toBe(true);
    expect(existsSync(join(baseline, "comparison.json"))).toBe(false);
  });

  it("compares one platform at different sample sizes unpaired, and warns on stderr", () => {
    const finer = makeReportFixture(dir, { name: "finer", users: 30_000, gmvLift: 0.05 });
    const dest = join(dir, "samples");
    const r = sim(["compare", baseline, finer, "--out", dest]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/finer vs baseline is unpaired \(the runs simulate the same platform at different sample sizes \(10,000 and 30,000 simulated users/);
    expect(r.stdout).toMatch(/^finer − baseline \(unpaired: different sample sizes, 3 replications/);
    expect(r.stdout).not.toMatch(/ paired /);
    const html = readFileSync(join(dest, "index.html"), "utf8");
    expect(html).toContain("One platform, different sample sizes");
  });
});
