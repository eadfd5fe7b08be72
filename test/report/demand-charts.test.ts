/**
 * The charts of where demand comes from, new users by source, users'
 * experience and paid traffic: valid Vega-Lite that renders without a warning
 * on a folder with the model's newer columns (daily and 7-day bins), on the
 * report page and in a comparison; and left out, without a crash, for an older
 * folder written before the model had those columns (sim report, sim compare).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReportPages } from "../../sim/report/build-report.js";
import { compareReports } from "../../sim/report/compare.js";
import { readReport, type ReportData } from "../../sim/report/read-report.js";
import { reportCharts, type ChartEntry } from "../../sim/report/report-charts.js";
import { comparisonCharts, distinctRuns, writeComparison } from "../../sim/report/write-comparison.js";
import { makeReportFixture, type FixtureOptions } from "../fixtures/make-report-fixture.js";
import { removeTempDirs, renderStrictly, tempDir } from "./helpers.js";

const NEW_CHARTS = ["demand-sources", "new-users", "user-experience", "paid-traffic"];

const NEW_COLUMNS = [
  "users_new_market", "users_new_wom", "interests_discovered", "interests_lost", "orders_discovered", "orders_restock",
  "orders_impulse", "paid_impressions", "ad_fatigue_mean", "content_pull", "delivery_days", "reference_price_index",
];

/**
 * Adds the newer model columns to a fixture's timeseries.csv, as `sim run`
 * writes them now: orders split 10% discovered / 55% restock / rest impulse
 * (so the three sum to orders), a reference price that dips during a
 * campaign, a day without orders whose delivery time is written as 0.
 * `only` keeps a subset, as a partly updated folder would have.
 */
function withNewColumns(dir: string, only: readonly string[] = NEW_COLUMNS): string {
  const path = join(dir, "timeseries.csv");
  const [header, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  const names = header.split(",");
  const at = (cells: string[], name: string) => Number(cells[names.indexOf(name)]);
  const out = lines.map((line) => {
    const cells = line.split(",");
    const day = at(cells, "day");
    const rep = at(cells, "rep");
    const orders = day === 3 ? 0 : at(cells, "orders");
    if (day === 3) cells[names.indexOf("orders")] = "0";
    const users = at(cells, "users_total");
    const wiggle = 1 + 0.05 * Math.sin(day + rep);
    const discovered = Math.round(orders * 0.1 * wiggle);
    const restock = Math.round(orders * 0.55);
    const values: Record<string, number> = {
      users_new_market: Math.round(users * 0.001 * wiggle),
      users_new_wom: Math.round(users * 0.003 * wiggle),
      interests_discovered: Math.round(users * 0.01 * wiggle),
      interests_lost: Math.round(users * 0.008),
      orders_discovered: discovered,
      orders_restock: restock,
      orders_impulse: orders - discovered - restock,
      paid_impressions: Math.round(users * 0.6 * wiggle),
      ad_fatigue_mean: Number((0.6 - 0.002 * day + 0.01 * rep).toFixed(4)),
      content_pull: Number((0.3 + 0.001 * day).toFixed(4)),
      delivery_days: orders > 0 ? Number((2.9 + 0.1 * Math.cos(day) + 0.02 * rep).toFixed(3)) : 0,
      reference_price_index: day >= 20 && day < 30 ? 0.93 + 0.01 * rep : 1,
    };
    return [...cells, ...only.map((c) => values[c])].join(",");
  });
  writeFileSync(path, `${[`${header},${only.join(",")}`, ...out].join("\n")}\n`);
  return dir;
}


const names = (charts: readonly ChartEntry[]) => charts.map((c) => c.name);
const chart = (report: ReportData, name: string) => reportCharts(report).find((c) => c.name === name)!;
const subtitle = (c: ChartEntry) => (c.spec as { title: { subtitle: string[] } }).title.subtitle.join("\n");

describe("charts of demand sources, new users, users' experience and paid traffic", () => {
  afterAll(removeTempDirs);
  let root: string;
  let fresh: ReportData;
  let freshOther: ReportData;
  let longRun: ReportData;
  let older: ReportData;
  const fixture = (options: FixtureOptions, only?: readonly string[]) => withNewColumns(makeReportFixture(root, options), only);

  beforeAll(() => {
    root = tempDir("demand-charts");
    fresh = readReport(fixture({ name: "fresh" }));
    freshOther = readReport(fixture({ name: "fresh-other", gmvLift: 0.05 }));
    // Past 400 days the daily charts switch to 7-day bins.
    longRun = readReport(fixture({ name: "long", days: 420, reps: 2 }));
    older = readReport(makeReportFixture(root, { name: "older" }));
  });

  it("a folder with the new columns gets the four charts, in page order, with a caption and the run's title lines", () => {
    const charts = reportCharts(fresh);
    expect(names(charts)).toEqual([
      "gmv-daily", "gmv-by-channel", "demand-sources", "new-users", "merchant-growth", "repurchase", "tier-share",
      "trust-nps", "user-experience", "paid-traffic", "platform-economics", "subsidy-vs-gmv", "follower-ccdf",
    ]);
    for (const c of charts.filter((x) => NEW_CHARTS.includes(x.name))) {
      expect(c.caption.length, c.name).toBeGreaterThan(40);
      expect(subtitle(c), c.name).toMatch(/^Scenario fresh · 3 replications · seeds 1–3 · 60 days/);
      expect(JSON.stringify(c.spec), c.name).not.toMatch(/"url"\s*:/);
    }
  });

  it("the new specs are valid Vega-Lite and render without warnings, daily and in 7-day bins, and in a comparison", async () => {
    const runs = distinctRuns([fresh, freshOther]);
    const compared = comparisonCharts(runs, compareReports(runs[0], runs.slice(1)));
    expect(names(compared)).toContain("compare-demand");
    const specs: [string, TopLevelSpec][] = [
      ...reportCharts(fresh).filter((c) => NEW_CHARTS.includes(c.name)).map((c) => [c.name, c.spec] as [string, TopLevelSpec]),
      ...reportCharts(longRun).filter((c) => NEW_CHARTS.includes(c.name)).map((c) => [`long/${c.name}`, c.spec] as [string, TopLevelSpec]),
      ...compared.map((c) => [`compare/${c.name}`, c.spec] as [string, TopLevelSpec]),
    ];
    // kpi-forest, three overlays and compare-demand: the two runs have the same money levers, so no subsidy-return
    expect(specs.length).toBe(2 * NEW_CHARTS.length + 5);
    for (const [name, spec] of specs) {
      const { messages, svg } = await renderStrictly(spec);
      expect(messages, name).toEqual([]);
      expect(svg, name).toMatch(/<path|<rect|<line/);
    }
  });

  it("orders by source: the subtitle gives each source's share of the run's orders, and interests are a second panel", () => {
    const c = chart(fresh, "demand-sources");
    expect(subtitle(c)).toMatch(/discovered interest 10%, restock 55%, impulse 35%/);
    const spec = c.spec as { vconcat: { data: { values: { source?: string; kind?: string }[] } }[] };
    expect(spec.vconcat).toHaveLength(2);
    expect(new Set(spec.vconcat[0].data.values.map((v) => v.source))).toEqual(new Set(["Discovered interest", "Restock", "Impulse"]));
    expect(new Set(spec.vconcat[1].data.values.map((v) => v.kind))).toEqual(new Set(["Created by content", "Faded"]));
  });

  it("new users: market and word of mouth above zero, churned below, weekly for a 60-day run", () => {
    const c = chart(fresh, "new-users");
    expect(subtitle(c)).toMatch(/new users \(75% by word of mouth\), .* churned: net \+/);
    const values = (c.spec as { data: { values: { kind: string; day: number; end: number; y0: number; y1: number }[] } }).data.values;
    for (const v of values) {
      expect(v.end - v.day).toBeLessThanOrEqual(7);
      if (v.kind === "Churned") expect(v.y1).toBeLessThan(v.y0);
      else expect(v.y1).toBeGreaterThanOrEqual(v.y0);
    }
    // Word of mouth is stacked on the market's bar.
    const first = values.filter((v) => v.day === 0);
    expect(first.find((v) => v.kind === "New: word of mouth")!.y0).toBe(first.find((v) => v.kind === "New: market")!.y1);
  });

  it("users' experience: a panel per measure; delivery time ignores a day without orders", () => {
    const spec = chart(fresh, "user-experience").spec as { vconcat: { title: { text: string }; data: { values: { day: number; mean: number }[] } }[] };
    expect(spec.vconcat.map((p) => p.title.text.split(":")[0])).toEqual(["Trust in the platform", "Ad fatigue", "Delivery time", "Content pull", "Reference price"]);
    const delivery = spec.vconcat[2].data.values;
    expect(delivery.find((p) => p.day === 3)).toBeUndefined();
    for (const p of delivery) expect(p.mean).toBeGreaterThan(2.5);
    const reference = spec.vconcat[4].data.values;
    expect(Math.min(...reference.map((p) => p.mean))).toBeLessThan(1);
  });

  it("paid traffic: impressions and ad revenue, with revenue per thousand impressions in the subtitle", () => {
    const c = chart(fresh, "paid-traffic");
    expect((c.spec as { vconcat: unknown[] }).vconcat).toHaveLength(2);
    expect(subtitle(c)).toMatch(/paid impressions, .* RMB ad revenue \(.* RMB per 1,000\)/);
  });

  it("an older folder without the columns: the charts are left out and sim report rebuilds the rest", async () => {
    expect(names(reportCharts(older)).filter((n) => NEW_CHARTS.includes(n))).toEqual([]);
    await writeReportPages(older.dir);
    const html = readFileSync(join(older.dir, "index.html"), "utf8");
    expect(html).toContain('id="gmv-daily"');
    for (const n of NEW_CHARTS) {
      expect(html).not.toContain(`id="${n}"`);
      expect(existsSync(join(older.dir, "charts", `${n}.vl.json`))).toBe(false);
    }
  });

  it("a folder with the columns: sim report writes the four charts and puts them on the page", async () => {
    await writeReportPages(fresh.dir);
    const html = readFileSync(join(fresh.dir, "index.html"), "utf8");
    for (const n of NEW_CHARTS) {
      expect(html).toContain(`<figure id="${n}">`);
      for (const ext of ["vl.json", "svg", "png"]) expect(existsSync(join(fresh.dir, "charts", `${n}.${ext}`)), `${n}.${ext}`).toBe(true);
    }
  });

  it("a partly updated folder draws only what it has: orders by source without interests, experience without delivery", () => {
    const partial = readReport(fixture({ name: "partial" }, ["orders_discovered", "orders_restock", "orders_impulse", "ad_fatigue_mean"]));
    expect(names(reportCharts(partial)).filter((n) => NEW_CHARTS.includes(n))).toEqual(["demand-sources", "user-experience"]);
    expect((chart(partial, "demand-sources").spec as { vconcat: unknown[] }).vconcat).toHaveLength(1);
    const panels = (chart(partial, "user-experience").spec as { vconcat: { title: { text: string } }[] }).vconcat;
    expect(panels.map((p) => p.title.text.split(":")[0])).toEqual(["Trust in the platform", "Ad fatigue"]);
  });

  it("sim compare of an older folder with a newer one leaves out the demand comparison and does not crash", async () => {
    const result = await writeComparison([older, fresh], join(root, "compare-old-new"));
    const charts = join(result.outDir, "charts");
    expect(existsSync(join(charts, "compare-gmv.vl.json"))).toBe(true);
    expect(existsSync(join(charts, "compare-demand.vl.json"))).toBe(false);
    expect(result.warnings).toEqual([]);
    const both = await writeComparison([fresh, freshOther], join(root, "compare-new-new"));
    expect(existsSync(join(both.outDir, "charts", "compare-demand.vl.json"))).toBe(true);
    expect(readFileSync(join(both.outDir, "index.html"), "utf8")).toContain('<figure id="compare-demand">');
  });
});
