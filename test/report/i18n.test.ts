/**
 * Pages and charts in one language each: a zh-CN run page and comparison page
 * keep no English label, an English one no Chinese character, and a folder
 * remembers its language for `sim report`.
 *
 * What a Chinese page may keep in Latin letters is decided narrowly:
 * - removed before looking: the style sheet, tags and their attributes, and
 *   <code> elements (KPI keys, parameter paths, commands, the run's command
 *   line): code is typed as it is;
 * - removed too: what the user wrote, exactly as written: scenario names and
 *   descriptions;
 * - then latinWords (./../i18n/latin.ts) allows file names, option names and a
 *   short list of acronyms and names (GMV, NPS, Welch, ...).
 * Chart specs: every title, subtitle, axis and legend title, and every data
 * value a nominal, ordinal or text channel shows, scenario names excepted.
 * The pages also inline every chart's SVG, so the rendered text is checked too.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReportPages } from "../../sim/report/build-report.js";
import { readReport } from "../../sim/report/read-report.js";
import { writeComparison } from "../../sim/report/write-comparison.js";
import { makeReportFixture } from "../fixtures/make-report-fixture.js";
import { latinWords } from "../i18n/latin.js";
import { chineseLeft, englishLeft, readerText, specStrings } from "../i18n/page-text.js";
import { isBuilt, realRun, removeTempDirs, sim, tempDir } from "./helpers.js";

const ZH = "scen-zh";
const EN = "scen-en";

function userGivenOf(dirs: readonly string[]): string[] {
  return dirs.flatMap((d) => {
    const { meta } = readReport(d);
    return [meta.scenario, meta.description].filter((x) => x !== "");
  });
}

describe.skipIf(!isBuilt())("run and comparison pages from real runs", () => {
  let out: string;
  let zh: string;
  let en: string;
  let zhRunStderr = "";
  beforeAll(() => {
    out = tempDir("i18n");
    const run = sim(["run", "scenarios/baseline.yaml", "--users", "3000", "--days", "60", "--reps", "3", "--out", out, "--quiet", "--set", `name=${ZH}`, "--lang", "zh-CN"]);
    if (run.status !== 0) throw new Error(run.stderr);
    zhRunStderr = run.stderr;
    zh = join(out, ZH);
    en = realRun(out, EN, ["levers.takeRate=0.06"]);
  }, 120_000);
  afterAll(removeTempDirs);

  it("writes a zh-CN run page with no English label left, and says so in <html lang>", () => {
    const page = readFileSync(join(zh, "index.html"), "utf8");
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("核心指标");
    expect(zhRunStderr).toBe(""); // no vega warning while drawing the Chinese charts
    expect(englishLeft(zh, userGivenOf([zh]))).toEqual([]);
  });

  it("writes an English run page with no Chinese character", () => {
    expect(readFileSync(join(en, "index.html"), "utf8")).toContain('<html lang="en">');
    expect(chineseLeft(en)).toEqual([]);
  });

  it("writes a zh-CN comparison page with no English label left, and an English one with no Chinese", () => {
    const zhCompare = join(out, "compare-zh");
    const enCompare = join(out, "compare-en");
    const compared = sim(["compare", zh, en, "--out", zhCompare, "--lang", "zh-CN"]);
    expect(compared.status).toBe(0);
    expect(compared.stderr).toBe("");
    expect(sim(["compare", zh, en, "--out", enCompare]).status).toBe(0);
    expect(readFileSync(join(zhCompare, "index.html"), "utf8")).toContain('<html lang="zh-CN">');
    expect(englishLeft(zhCompare, userGivenOf([zh, en]))).toEqual([]);
    expect(chineseLeft(enCompare)).toEqual([]);
    // the tables stay as they are: English column names and reasons
    expect(readFileSync(join(zhCompare, "comparison.csv"), "utf8")).toBe(readFileSync(join(enCompare, "comparison.csv"), "utf8"));
  });

  it("remembers the language: sim report rebuilds a zh-CN folder in Chinese unless --lang says otherwise", () => {
    expect(JSON.parse(readFileSync(join(zh, "manifest.json"), "utf8")).lang).toBe("zh-CN");
    expect(JSON.parse(readFileSync(join(en, "manifest.json"), "utf8")).lang).toBeUndefined();
    expect(sim(["report", zh]).status).toBe(0);
    expect(readFileSync(join(zh, "index.html"), "utf8")).toContain('<html lang="zh-CN">');
    expect(sim(["report", zh, "--lang", "en"]).status).toBe(0);
    expect(chineseLeft(zh)).toEqual([]);
    const refused = sim(["report", zh, "--lang", "fr"]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("zh-CN");
  });
});

describe.skipIf(!isBuilt())("sweep pages", () => {
  afterAll(removeTempDirs);

  /** What the user chose: the sweep's name and description, and the parameter paths. */
  function sweepGiven(dir: string): string[] {
    const { spec } = JSON.parse(readFileSync(join(dir, "sweep.json"), "utf8"));
    return [spec.name, spec.description ?? "", ...spec.parameters.map((p: { path: string }) => p.path)].filter((x) => x !== "");
  }

  it("writes a zh-CN grid sweep page and a Morris one with no English label left, remembered by sim report and a resumed sim sweep", () => {
    const out = tempDir("i18n-sweep");
    const common = ["--users", "3000", "--days", "30", "--quiet"];
    const grid = join(out, "grid");
    const swept = sim(["sweep", "scenarios/baseline.yaml", "--param", "levers.takeRate=0.04,0.06", "--param", "levers.commercialLoad=0.15,0.25", "--reps", "2", "--out", grid, "--lang", "zh-CN", ...common]);
    expect(swept.status).toBe(0);
    expect(readFileSync(join(grid, "index.html"), "utf8")).toContain('<html lang="zh-CN">');
    expect(englishLeft(grid, sweepGiven(grid))).toEqual([]);
    expect(sim(["report", grid]).status).toBe(0);
    expect(readFileSync(join(grid, "index.html"), "utf8")).toContain('<html lang="zh-CN">');
    expect(sim(["report", grid, "--lang", "en"]).status).toBe(0);
    expect(chineseLeft(grid)).toEqual([]);
    // resumed (every run logged already), the sweep keeps the language sweep.json records
    expect(sim(["sweep", grid, "--quiet"]).status).toBe(0);
    expect(readFileSync(join(grid, "index.html"), "utf8")).toContain('<html lang="zh-CN">');

    // scenario discovery on the same sweep: half the points have the higher take rate
    const found = sim(["discover", grid, "--where", "levers.takeRate > 0.05", "--out", join(out, "discover"), "--lang", "zh-CN", "-q"]);
    expect(found.status).toBe(0);
    const discovery = readFileSync(join(out, "discover", "discovery.html"), "utf8");
    expect(discovery).toContain('<html lang="zh-CN">');
    const given = [...sweepGiven(grid), "levers.takeRate > 0.05"];
    expect(latinWords(readerText(discovery, given))).toEqual([]);
    for (const f of readdirSync(join(out, "discover", "discovery-charts")).filter((x) => x.endsWith(".vl.json"))) {
      const spec = JSON.parse(readFileSync(join(out, "discover", "discovery-charts", f), "utf8"));
      expect(specStrings(spec).flatMap((x) => latinWords(given.reduce((r, g) => r.split(g).join(" "), x))), f).toEqual([]);
    }

    const morris = join(out, "morris");
    const params = ["--param", "levers.takeRate=uniform:0.03:0.07", "--param", "levers.commercialLoad=uniform:0.1:0.3"];
    expect(sim(["sweep", "scenarios/baseline.yaml", ...params, "--design", "morris", "--trajectories", "2", "--levels", "4", "--reps", "1", "--out", morris, "--lang", "zh-CN", ...common]).status).toBe(0);
    expect(englishLeft(morris, sweepGiven(morris))).toEqual([]);
  }, 120_000);
});

describe.skipIf(!isBuilt())("the page of sim check", () => {
  afterAll(removeTempDirs);

  /** What the targets file says in its own words: descriptions, titles, sources, reasons, scenario names; the run folders' names. */
  function checkGiven(dir: string): string[] {
    const c = JSON.parse(readFileSync(join(dir, "check.json"), "utf8"));
    const targets = c.targets.flatMap((t: { title: string; source: string; reason?: string; checks: { of: string; against?: string }[] }) =>
      [t.title, t.source, t.reason ?? "", ...t.checks.flatMap((k) => [k.of, k.against ?? ""])]);
    return [...c.files.flatMap((f: { file: string; description: string }) => [f.file, f.description]), ...targets, ...c.runs.map((r: { id: string }) => r.id)].filter((x: string) => x !== "");
  }

  it("writes a zh-CN check page with no English label left, statuses, rule and tolerance included", () => {
    const dir = tempDir("i18n-check");
    const baseline = join(process.cwd(), "scenarios", "baseline.yaml");
    const trust = join(process.cwd(), "scenarios", "trust-first.yaml");
    const file = join(dir, "targets.yaml");
    writeFileSync(file, [
      "description: Tiny targets", "targets:",
      "  - id: sells", "    title: Target sells", "    source: a test", "    scenarios:", `      baseline: ${baseline}`,
      "    checks:", "      - measure: gmv_total", "        of: baseline", "        band: '> 0'",
      "  - id: known-gap", "    title: Target known gap", "    source: a test", "    scenarios:", `      baseline: ${baseline}`,
      "    checks:", "      - measure: gmv_total", "        of: baseline", "        band: '< 0'", "    expect: miss", "    reason: GMV is never negative",
      "  - id: paired", "    title: Target paired", "    source: a test", "    scenarios:", `      baseline: ${baseline}`, `      trust: ${trust}`,
      "    checks:", "      - measure: {column: guarantee_cost}", "        of: trust", "        minus: baseline", "        band: '> 0'",
      "      - measure: gmv_total", "        of: trust", "        over: baseline", "        band: [0.5, 2]",
    ].join("\n"));
    const out = join(dir, "out");
    const r = sim(["check", file, "--users", "2000", "--days", "40", "--reps", "2", "--tolerance", "0.1", "--out", out, "--lang", "zh-CN"]);
    expect(r.status === 0 || r.status === 1).toBe(true);
    const page = readFileSync(join(out, "index.html"), "utf8");
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("预期未达成");
    const left = latinWords(readerText(page, checkGiven(out)));
    expect(left).toEqual([]);
  }, 120_000);
});

describe("Chinese pages of unpaired runs, different samples and older folders", () => {
  afterAll(removeTempDirs);

  it("keep no English label in the callouts and notes those cases add", async () => {
    const dir = tempDir("i18n-fixtures");
    const base = makeReportFixture(dir, { name: "fx-base" });
    const seeds = makeReportFixture(dir, { name: "fx-seeds", baseSeed: 7, gmvLift: 0.03 });
    const sample = makeReportFixture(dir, { name: "fx-sample", users: 6000 });
    const old = makeReportFixture(dir, { name: "fx-old", withoutResolution: true });
    for (const d of [base, old]) await writeReportPages(d, { lang: "zh-CN" });
    const compare = join(dir, "compare");
    await writeComparison([base, seeds, sample].map((d) => readReport(d)), compare, { lang: "zh-CN" });
    const page = readFileSync(join(compare, "index.html"), "utf8");
    expect(page).toContain("本次对比未配对");
    expect(page).toContain("同一平台，样本量不同");
    expect(englishLeft(compare, userGivenOf([base, seeds, sample]))).toEqual([]);
    expect(englishLeft(old, userGivenOf([old]))).toEqual([]);
    expect(englishLeft(base, userGivenOf([base]))).toEqual([]);
  });
});
