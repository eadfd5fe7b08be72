/**
 * The page of a calibration, from a small made-up result (no simulation runs):
 * index.html says what was fitted, each target before and after (held-out
 * targets marked and in their own section) and each parameter's range within
 * noise; every chart's Vega-Lite spec compiles and carries every evaluation;
 * a parameter searched on its log is drawn on a log axis; the page says so when
 * the optimizer found nothing better than the start; and the page needs no
 * network and runs no script.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, type TopLevelSpec } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalibrationResult, CheckFit, Evaluation, ParameterUncertainty } from "../../sim/experiments/calibrate/spec.js";
import { bandText, inBand, num } from "../../sim/experiments/check/describe.js";
import type { Band, TargetSpec } from "../../sim/experiments/check/spec.js";
import { writeCalibrationPage } from "../../sim/report/calibration/build.js";
import { NOT_IMPROVED_TEXT } from "../../sim/report/calibration/page.js";
import { removeTempDirs, tempDir } from "../helpers/temp.js";
import { englishLeft } from "../i18n/page-text.js";

const GROWTH = "creators.growthPerDay";
const SENSITIVITY = "consumers.priceSensitivity";

function band(min?: number, max?: number): Band {
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), minExclusive: false, maxExclusive: false };
}

/** A check whose replications are `mean` ± a little, with z from the band. */
function fit(targetId: string, label: string, b: Band, mean: number, spread: number): CheckFit {
  const values = [mean - spread, mean, mean + spread];
  const sd = spread;
  const se = sd / Math.sqrt(values.length);
  const halfWidth = 4.303 * se;
  const gap = b.min !== undefined && mean < b.min ? b.min - mean : b.max !== undefined && mean > b.max ? mean - b.max : 0;
  return {
    targetId, label, measure: label, comparison: "value", of: "baseline", runs: ["baseline-1"],
    band: b, bandText: bandText(b), judgedBand: b, judgedBandText: bandText(b),
    mean, ci95: [mean - halfWidth, mean + halfWidth], halfWidth, sd, n: values.length, values,
    met: inBand(mean, b), z: gap / se,
  };
}

function target(id: string, title: string, label: string, b: Band): TargetSpec {
  return {
    id, title, source: "made up for a test", file: "targets/test.yaml", absFile: "/tmp/targets/test.yaml", index: 0,
    scenarios: { baseline: { file: "/tmp/scenarios/baseline.yaml", written: "scenarios/baseline.yaml", set: {} } },
    checks: [{ label, measure: { kind: "kpi", key: label }, comparison: "value", of: "baseline", band: b, path: [] }],
    expectMiss: false,
  };
}

const REPURCHASE = { id: "repurchase", title: "Repurchase rate", label: "repurchase_rate", band: band(0.4, 0.55) };
const SHARE = { id: "live-share", title: "Live share of GMV", label: "live_gmv_share", band: band(0.2, 0.3) };
const TRUST = { id: "trust-gain", title: "Trust rises over the year", label: "trust_gain", band: band(0.05) };

/**
 * Ten evaluations of two parameters (one searched on its log) over three
 * generations. Improved: losses from 120 down to 0 (so a symmetric-log axis);
 * not improved: the start has the lowest loss and is the best.
 */
function makeResult(isImproved: boolean): CalibrationResult {
  const growth = [0.3, 0.45, 0.1, 0.5, 0.6, 0.35, 0.62, 0.65, 0.7, 0.58];
  const sensitivity = [1, 2.5, 0.3, 1.8, 3.2, 0.8, 4.1, 3.6, 6.5, 2.9];
  const losses = isImproved ? [120, 80, 300, 45, 12, 30, 2.5, 0, 4.5, 1.2] : [3, 5, 9, 4, 12, 8, 6, 7, 10, 5.5];
  const generations = [0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
  const evaluations: Evaluation[] = losses.map((loss, i) => ({
    index: i,
    generation: generations[i],
    phase: i === 0 ? "start" : "search",
    values: { [GROWTH]: growth[i], [SENSITIVITY]: sensitivity[i] },
    checks: [
      fit(REPURCHASE.id, REPURCHASE.label, REPURCHASE.band, 0.3 + 0.015 * i, 0.01),
      fit(SHARE.id, SHARE.label, SHARE.band, 0.35 - 0.01 * i, 0.02),
    ],
    loss,
  }));
  const best = losses.indexOf(Math.min(...losses));
  const threshold = 3.84;
  const within = evaluations.filter((e) => e.loss <= losses[best] + threshold);
  const uncertainty: ParameterUncertainty[] = [GROWTH, SENSITIVITY].map((path) => {
    const v = within.map((e) => e.values[path]);
    // the log-scale parameter as a profile would give it in the improved run: open at its upper end
    const isProfile = isImproved && path === SENSITIVITY;
    return { path, best: evaluations[best].values[path], start: evaluations[0].values[path], method: isProfile ? "profile" : "evaluated", low: Math.min(...v), high: Math.max(...v), lowOpen: false, highOpen: isProfile, within: within.length };
  });
  const checksAt = (i: number): CheckFit[] => [...evaluations[i].checks, fit(TRUST.id, TRUST.label, TRUST.band, 0.02 + 0.008 * i, 0.01)];
  return {
    format: "livecommerce-sim calibration 1",
    version: "0.1.0-test",
    spec: {
      name: "repeat-buying",
      description: "Fits growth and price sensitivity to repurchase and live share.",
      file: "calibrations/repeat-buying.yaml",
      absFile: "/tmp/calibrations/repeat-buying.yaml",
      base: "/tmp/scenarios/baseline.yaml",
      set: ["warmupDays=30"],
      parameters: [
        { path: GROWTH, min: 0, max: 1, scale: "linear", isInteger: false, start: 0.3 },
        { path: SENSITIVITY, min: 0.1, max: 10, scale: "log", isInteger: false, start: 1, prior: { mean: 0, sd: 1 } },
      ],
      targets: [
        { target: target(REPURCHASE.id, REPURCHASE.title, REPURCHASE.label, REPURCHASE.band), weight: 1, holdout: false },
        { target: target(SHARE.id, SHARE.title, SHARE.label, SHARE.band), weight: 2, holdout: false },
        { target: target(TRUST.id, TRUST.title, TRUST.label, TRUST.band), weight: 1, holdout: true },
      ],
      users: 3000,
      days: 60,
      reps: 3,
      seed: 1,
      budget: 12,
      population: 3,
      sigma: 0.3,
      profile: { steps: 2, span: 0.2 },
    },
    seeds: [1, 2, 3],
    evaluations,
    best,
    before: checksAt(0),
    after: checksAt(best),
    threshold,
    uncertainty,
    stopReason: isImproved ? "converged" : "stalled",
    isImproved,
    runs: { total: 30, ranNow: 27 },
    wallSec: 94.2,
  };
}

const CHARTS = ["loss", "targets", "holdout", "parameter-traces", "loss-profile"];

function readSpec(dir: string, name: string): TopLevelSpec & { data: { values: Record<string, unknown>[] } } {
  return JSON.parse(readFileSync(join(dir, "charts", `${name}.vl.json`), "utf8"));
}

/** Every y encoding in a panel and its layers. */
function yEncodings(panel: { encoding?: { y?: unknown }; layer?: { encoding?: { y?: unknown } }[] }): { scale?: { type?: string } }[] {
  return [panel.encoding?.y, ...(panel.layer ?? []).map((l) => l.encoding?.y)].filter((y) => y !== undefined) as { scale?: { type?: string } }[];
}

describe("calibration page", () => {
  afterAll(removeTempDirs);
  const improved = makeResult(true);
  const notImproved = makeResult(false);
  let dir: string;
  let flatDir: string;
  let html: string;
  let flatHtml: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    dir = tempDir("calibration-page");
    flatDir = tempDir("calibration-page");
    await writeCalibrationPage(dir, improved, { onWarning: (w) => warnings.push(w) });
    await writeCalibrationPage(flatDir, notImproved, { onWarning: (w) => warnings.push(w) });
    html = readFileSync(join(dir, "index.html"), "utf8");
    flatHtml = readFileSync(join(flatDir, "index.html"), "utf8");
  });

  it("writes index.html and every chart's spec, SVG and PNG, with no rendering warnings", () => {
    expect(existsSync(join(dir, "index.html"))).toBe(true);
    for (const name of CHARTS) for (const ext of [".vl.json", ".svg", ".png"]) expect(existsSync(join(dir, "charts", `${name}${ext}`)), `${name}${ext}`).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("names the calibration, its targets, the held-out one and the ranges within noise", () => {
    expect(html).toContain("repeat-buying");
    for (const label of [REPURCHASE.label, SHARE.label, TRUST.label]) expect(html).toContain(label);
    expect(html).toContain("held out");
    expect(html).toContain("What the fit predicts beyond what it was fitted to");
    const holdoutSection = html.slice(html.indexOf('id="holdout"'), html.indexOf('id="parameters"'));
    expect(holdoutSection).toContain(TRUST.label);
    expect(holdoutSection).not.toContain(`<td>${REPURCHASE.label}`);
    for (const u of improved.uncertainty) expect(html).toContain(`${num(u.low)} – ${u.highOpen ? "≥ " : ""}${num(u.high)}`);
    expect(improved.uncertainty.some((u) => u.highOpen)).toBe(true);
    expect(html).toContain("stays within noise up to the highest value the profile tried");
    expect(html).toContain("converged: the search distribution shrank below the grain of the parameters");
    expect(flatHtml).toContain("stalled: no better point in the last generations");
    for (const f of ["calibration.csv", "runs.csv", "calibration.json", "repeat-buying-calibrated.yaml"]) expect(html).toContain(`href="${f}"`);
  });

  it("says the start is the best only when the optimizer found nothing better", () => {
    expect(flatHtml).toContain(NOT_IMPROVED_TEXT);
    expect(html).not.toContain(NOT_IMPROVED_TEXT);
    expect(html.toLowerCase()).not.toContain("found no point better");
  });

  it("compiles every chart, and each holds every evaluation (or every check)", () => {
    for (const [d, r] of [[dir, improved], [flatDir, notImproved]] as const) {
      for (const name of CHARTS) {
        const spec = readSpec(d, name);
        expect(() => compile(spec), name).not.toThrow();
        const rows = spec.data.values;
        if (name === "targets" || name === "holdout") {
          const want = r.before.filter((c) => (c.targetId === TRUST.id) === (name === "holdout")).map((c) => c.label);
          expect(new Set(rows.filter((x) => x.kind === "estimate").map((x) => x.label)), name).toEqual(new Set(want));
        } else {
          expect(new Set(rows.map((x) => x.index)), name).toEqual(new Set(r.evaluations.map((e) => e.index)));
        }
      }
    }
  });

  it("draws a parameter searched on its log on a log axis, and losses spanning decades on a symmetric-log one", () => {
    const traces = readSpec(dir, "parameter-traces") as unknown as { concat: Parameters<typeof yEncodings>[0][] };
    const [growth, sensitivity] = traces.concat;
    expect(yEncodings(sensitivity).length).toBeGreaterThan(0);
    for (const y of yEncodings(sensitivity)) expect(y.scale?.type).toBe("log");
    for (const y of yEncodings(growth)) expect(y.scale?.type).not.toBe("log");
    const lossY = (d: string) => yEncodings(readSpec(d, "loss") as never).map((y) => y.scale?.type);
    expect(new Set(lossY(dir))).toEqual(new Set(["symlog"]));
    expect(lossY(flatDir)).not.toContain("symlog");
  });

  it("needs no network and runs no script", () => {
    for (const page of [html, flatHtml]) {
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    }
  });

  it("in Chinese keeps no English label but what the calibration's author wrote (names, titles, check labels, parameter paths) and version names", async () => {
    for (const r of [improved, notImproved]) {
      const zh = tempDir("calibration-page-zh");
      await writeCalibrationPage(zh, r, { lang: "zh-CN" });
      const given = [
        r.spec.name, r.spec.description ?? "", ...r.spec.parameters.map((p) => p.path),
        ...r.spec.targets.map((x) => x.target.title), ...r.before.map((c) => c.label),
        r.version, r.format, // identifiers of the program and of calibration.json's format
      ].filter((x) => x !== "");
      expect(readFileSync(join(zh, "index.html"), "utf8")).toContain('<html lang="zh-CN">');
      expect(englishLeft(zh, given)).toEqual([]);
    }
  });
});
