/**
 * The tables of a run's report folder: timeseries.csv, by_category.csv,
 * by_tier.csv, followers.csv, summary.json and manifest.json. Numbers are
 * written with 12 significant digits, the same on every machine, so the
 * same scenario and seed give byte-identical tables.
 */
import { resolutionOf } from "../scenario/resolution.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvTable } from "../io/csv.js";
import { kpiDefinitions, kpiValuesOf } from "../experiments/kpis.js";
import type { ScenarioRun } from "../experiments/run.js";
import { CATEGORY_COLUMNS, COLUMN_NAMES, COLUMNS, TIER_LABELS } from "../model/metrics.js";
import { meanInterval } from "../stats/mean-interval.js";
import type { Lang } from "../i18n/index.js";

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return "";
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

async function writeCsv(path: string, headers: string[], rows: (string | number)[][]): Promise<void> {
  writeFileSync(path, csvTable(headers, rows, formatNumber));
}

export interface RunMetaInput {
  version: string;
  commandLine: string;
  baseSeed: number;
  threads: number;
  wallTimeSec: number;
  peakRssMb: number;
  differsFromBaseline: { path: string; value: unknown; baseline: unknown }[];
  /** what the run warned about (sim: warning: ...), kept in the manifest */
  warnings?: string[];
  /** the language of the pages (--lang), recorded so `sim report` rebuilds them in it; left out for English */
  lang?: Lang;
}

export async function writeRunTables(dir: string, run: ScenarioRun, meta: RunMetaInput): Promise<void> {
  const { scenario, results } = run;
  const name = scenario.name;
  const cols = COLUMNS.length;

  const ts: (string | number)[][] = [];
  for (const r of results) for (let d = 0; d < r.days; d++) ts.push([name, r.rep, r.seed, d, ...Array.from(r.series.subarray(d * cols, (d + 1) * cols))]);
  await writeCsv(join(dir, "timeseries.csv"), ["scenario", "rep", "seed", "day", ...COLUMN_NAMES], ts);

  const bc: (string | number)[][] = [];
  const nc = CATEGORY_COLUMNS.length;
  for (const r of results) r.categories.forEach((cat, k) => bc.push([name, r.rep, cat, ...Array.from(r.byCategory.subarray(k * nc, (k + 1) * nc))]));
  await writeCsv(join(dir, "by_category.csv"), ["scenario", "rep", "category", ...CATEGORY_COLUMNS], bc);

  const bt: (string | number)[][] = [];
  for (const r of results) {
    const creatorGmv = r.tierGmv.reduce((a, b) => a + b, 0);
    TIER_LABELS.forEach((tier, t) =>
      bt.push([name, r.rep, tier, r.tierCreatorsStart[t], r.tierCreatorsEnd[t], r.tierFollowerGrowth[t], r.tierOrders[t], r.tierGmv[t], creatorGmv > 0 ? r.tierGmv[t] / creatorGmv : 0]),
    );
  }
  await writeCsv(join(dir, "by_tier.csv"), ["scenario", "rep", "tier", "creators_start", "creators_end", "follower_growth", "orders", "gmv", "gmv_share"], bt);

  const fl: (string | number)[][] = [];
  for (const r of results) for (let i = 0; i < r.followersEnd.length; i++) fl.push([name, r.rep, i, r.followersStart[i], r.followersEnd[i]]);
  await writeCsv(join(dir, "followers.csv"), ["scenario", "rep", "creator", "followers_start", "followers_end"], fl);

  const resolution = resolutionOf(scenario);
  const definitions = kpiDefinitions(run.window, scenario.horizonDays);
  const perRep = results.map((r) => kpiValuesOf(definitions, r));
  const kpis = Object.fromEntries(
    definitions.map((k) => {
      const values = perRep.map((v) => v[k.key]);
      const s = meanInterval(values);
      return [k.key, { label: k.label, unit: k.unit, mean: s.mean, sd: s.sd, ci95: s.ci95, values }];
    }),
  );
  const summary = {
    scenario: name, description: scenario.description, reps: results.length, seeds: run.seeds,
    horizonDays: scenario.horizonDays, scaleFactor: resolution.userScale, resolution, ...(run.window ? { window: run.window } : {}), kpis,
  };
  writeFileSync(join(dir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);

  const manifest = {
    name, description: scenario.description, version: meta.version, commandLine: meta.commandLine,
    baseSeed: meta.baseSeed, seeds: run.seeds, reps: results.length, threads: meta.threads,
    horizonDays: scenario.horizonDays, scaleFactor: resolution.userScale, resolution,
    wallTimeSec: meta.wallTimeSec, peakRssMb: meta.peakRssMb, createdAt: new Date().toISOString(),
    scenario, differsFromBaseline: meta.differsFromBaseline, warnings: meta.warnings ?? [],
    ...(meta.lang && meta.lang !== "en" ? { lang: meta.lang } : {}),
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}
