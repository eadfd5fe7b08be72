/**
 * The chart of merchant sizes (charts/merchant-sizes.ts): valid Vega-Lite
 * that compiles and renders without a warning on a folder with the merchant
 * size columns (daily and 7-day bins), with or without the top-1% share, the
 * exit causes and the strategy means; it draws the series the folder holds
 * (the bands on a log scale, a band left out while it has no merchants, exits
 * by cause with a shock's closures as the rest of all exits); and it is left
 * out, without a crash, for an older folder written before the model reported sizes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, type TopLevelSpec } from "vega-lite";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { reportCharts } from "../../sim/report/report-charts.js";
import { MERCHANT_BAND_COLUMNS, MERCHANT_EXIT_COLUMNS, MERCHANT_SIZE_LABELS, MERCHANT_TOP_SHARE_COLUMNS } from "../../sim/report/charts/merchant-sizes.js";
import { makeReportFixture, type FixtureOptions } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

const STRATEGY_COLUMNS = [
  "merchant_price_index", "merchant_quality_mean", "merchant_commission_mean",
  "merchant_brand_mean", "merchant_capacity_mean", "merchant_ad_budget_mean",
];
const ALL = [...MERCHANT_BAND_COLUMNS, ...MERCHANT_TOP_SHARE_COLUMNS, ...MERCHANT_EXIT_COLUMNS, ...STRATEGY_COLUMNS];
/** The first day with merchants above 10M RMB a year: none before it. */
const FIRST_GT10M = 10;

/**
 * Adds merchant size columns to a fixture's timeseries.csv: most merchants
 * below 100k a year, a few hundred above 1M, none above 10M before day 10;
 * the top 1% hold a growing share; exits split by cause, and with `shocks`
 * a fifth of all exits left without a cause (a shock's closures).
 */
function withSizeColumns(dir: string, only: readonly string[], shocks: boolean): string {
  const path = join(dir, "timeseries.csv");
  const [header, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  const names = header.split(",");
  const out = lines.map((line) => {
    const cells = line.split(",");
    const at = (c: string) => Number(cells[names.indexOf(c)]);
    const day = at("day");
    const rep = at("rep");
    const active = at("merchants_active");
    const exited = at("merchants_exited");
    const big = Math.round(400 + 5 * day + 10 * rep);
    const huge = day < FIRST_GT10M ? 0 : 4 + Math.floor(day / 10) + rep;
    const mid = Math.round(0.16 * active);
    const v: Record<string, number> = {
      merchants_band_lt100k: active - mid - big - huge,
      merchants_band_100k_1m: mid,
      merchants_band_1m_10m: big,
      merchants_band_gt10m: huge,
      merchants_top1_share: Number((0.3 + 0.001 * day + 0.01 * rep).toFixed(4)),
      merchants_exited_losses: Math.round(0.5 * exited),
      merchants_exited_governance: Math.round(0.1 * exited),
      merchant_price_index: Number((1.02 - 0.0005 * day).toFixed(4)),
      merchant_quality_mean: Number((0.5 + 0.001 * day + 0.005 * rep).toFixed(4)),
      merchant_commission_mean: Number((0.2 + 0.0002 * day).toFixed(4)),
      merchant_brand_mean: Number((0.1 + 0.002 * day).toFixed(4)),
      merchant_capacity_mean: Number((1 + 0.01 * day + 0.02 * rep).toFixed(4)),
      merchant_ad_budget_mean: Number((20 + 0.5 * day + rep).toFixed(2)),
    };
    const caused = v.merchants_exited_losses + v.merchants_exited_governance;
    v.merchants_exited_idle = Math.max(0, (shocks ? Math.round(0.8 * exited) : exited) - caused);
    return [...cells, ...only.map((c) => v[c])].join(",");
  });
  writeFileSync(path, `${[`${header},${only.join(",")}`, ...out].join("\n")}\n`);
  return dir;
}

interface Panel {
  title?: { text: string };
  data?: { values: Record<string, number | string>[] };
  encoding?: { y?: { scale?: { type?: string; domain?: number[] }; axis?: { values?: number[] } } };
  vconcat?: { hconcat: Panel[] }[];
}
const sizesOf = (report: ReportData) => reportCharts(report).find((c) => c.name === "merchant-sizes");
const panelsOf = (report: ReportData) => (sizesOf(report)!.spec as unknown as { vconcat: Panel[] }).vconcat;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("the merchant sizes chart", () => {
  afterAll(removeTempDirs);
  let root: string;
  let fresh: ReportData;
  let noShocks: ReportData;
  let longRun: ReportData;
  let bandsOnly: ReportData;
  let older: ReportData;
  const fixture = (options: FixtureOptions, only: readonly string[], shocks = true) =>
    readReport(withSizeColumns(makeReportFixture(root, options), only, shocks));

  beforeAll(() => {
    root = tempDir("merchant-sizes");
    fresh = fixture({ name: "fresh" }, ALL);
    noShocks = fixture({ name: "no-shocks" }, ALL, false);
    longRun = fixture({ name: "long", days: 420, reps: 2 }, ALL);
    bandsOnly = fixture({ name: "bands-only" }, MERCHANT_BAND_COLUMNS);
    older = readReport(makeReportFixture(root, { name: "older" }));
  });

  it("is drawn right after merchant growth, compiles with Vega-Lite and renders without a warning", async () => {
    const names = reportCharts(fresh).map((c) => c.name);
    expect(names.indexOf("merchant-sizes")).toBe(names.indexOf("merchant-growth") + 1);
    for (const [name, report] of [["fresh", fresh], ["no-shocks", noShocks], ["long", longRun], ["bands-only", bandsOnly]] as const) {
      const spec = sizesOf(report)!.spec as TopLevelSpec;
      expect(() => compile(spec), name).not.toThrow();
      const { messages, svg } = await renderStrictly(spec);
      expect(messages, name).toEqual([]);
      expect(svg, name).toMatch(/<path|<rect|<line/);
    }
    const title = (sizesOf(fresh)!.spec as unknown as { title: { text: string; subtitle: string[] } }).title;
    expect(title.text).toBe("Merchant sizes");
    expect(title.subtitle.join("\n")).toMatch(/Day 0: .* merchants: < 100k .* \(\d+\.\d%\), .*top 1% hold 3\d\.\d% of sales/);
  });

  it("draws the four sales bands on a log scale at their means over replications, a band only from when it has merchants", () => {
    const [bandPanel] = panelsOf(fresh);
    const values = bandPanel.data!.values;
    expect([...new Set(values.map((v) => v.band))]).toEqual(MERCHANT_SIZE_LABELS.bands);
    const y = bandPanel.encoding!.y!;
    expect(y.scale!.type).toBe("log");
    // ticks on decades only, spanning every value drawn
    for (const t of y.axis!.values!) expect(Math.log10(t) % 1).toBe(0);
    const drawn = values.map((v) => v.merchants as number);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(y.scale!.domain![0]);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(y.scale!.domain![1]);
    // > 10M starts on the first day it has merchants
    const huge = values.filter((v) => v.band === "> 10M").map((v) => v.day as number);
    expect(Math.min(...huge)).toBe(FIRST_GT10M);
    // a band's point is the mean over replications of its column on that day
    for (const [band, column] of [["< 100k", "merchants_band_lt100k"], ["1M–10M", "merchants_band_1m_10m"]]) {
      const point = values.find((v) => v.band === band && v.day === 30)!;
      const expected = mean(fresh.timeseries.filter((r) => r.day === 30).map((r) => r[column]));
      expect(point.merchants).toBeCloseTo(expected, -1);
    }
  });

  it("draws the top-1% share with its band, exits by cause per week, and the strategy means as small multiples", () => {
    const panels = panelsOf(fresh);
    expect(panels).toHaveLength(4);
    const [, top, exits, strategy] = panels;
    expect(top.title!.text).toMatch(/top 1%/);
    const last = top.data!.values.at(-1)!;
    expect(last.mean).toBeCloseTo(mean(fresh.timeseries.filter((r) => r.day === 59).map((r) => r.merchants_top1_share)), 4);
    expect(last.lo).toBeLessThan(last.mean as number);
    expect(last.hi).toBeGreaterThan(last.mean as number);

    // weekly means for a 60-day run; a fifth of all exits have no cause: a shock's closures
    expect(exits.title!.text).toMatch(/weekly mean/);
    expect([...new Set(exits.data!.values.map((v) => v.kind))]).toEqual(MERCHANT_SIZE_LABELS.exits);
    const week = (kind: string) => exits.data!.values.find((v) => v.kind === kind && v.day === 7)!.count as number;
    const rows = fresh.timeseries.filter((r) => r.day >= 7 && r.day < 14);
    expect(week("Losses (cash in distress)")).toBeCloseTo(mean(rows.map((r) => r.merchants_exited_losses)), 1);
    const all = mean(rows.map((r) => r.merchants_exited));
    expect(MERCHANT_SIZE_LABELS.exits.reduce((s, k) => s + week(k), 0)).toBeCloseTo(all, 1);
    // without a shock every exit has a cause: no fourth kind
    const [, , plain] = panelsOf(noShocks);
    expect([...new Set(plain.data!.values.map((v) => v.kind))]).toEqual(MERCHANT_SIZE_LABELS.exits.slice(0, 3));

    const small = strategy.vconcat!.flatMap((r) => r.hconcat);
    expect(small.map((p) => p.title!.text)).toEqual([
      "Price over reference", "Quality (0–1)", "Commission, share of price",
      "Brand strength (0–1)", "Capacity (1 at entry)", "Paid traffic, RMB a day",
    ]);
  });

  it("draws the bands alone for a folder with only the band columns", () => {
    expect(panelsOf(bandsOnly)).toHaveLength(1);
    expect((sizesOf(bandsOnly)!.spec as unknown as { title: { subtitle: string[] } }).title.subtitle.join("\n")).not.toMatch(/top 1%/);
  });

  it("is left out for an older folder without the columns, whose other charts still render", async () => {
    const charts = reportCharts(older);
    expect(charts.map((c) => c.name)).not.toContain("merchant-sizes");
    for (const c of charts) {
      const { messages } = await renderStrictly(c.spec);
      expect(messages, c.name).toEqual([]);
    }
  });
});
