import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseCsv, toNumber } from "./csv.js";

/** One KPI of summary.json: mean over replications and its 95% interval. */
export interface KpiSummary {
  label: string;
  unit: string;
  mean: number;
  sd: number;
  ci95: [number, number];
  /** Per-replication values, in rep order (rep r ran on seeds[r]). */
  values: number[];
}

export interface ReportSummary {
  scenario: string;
  description: string;
  reps: number;
  seeds: number[];
  horizonDays: number;
  scaleFactor: number;
  kpis: Record<string, KpiSummary>;
}

export interface ParameterDifference {
  path: string;
  value: unknown;
  baseline: unknown;
}

/** manifest.json as `sim run` writes it; every field optional so an older or hand-made folder still reads. */
export interface ReportManifest {
  name?: string;
  description?: string;
  version?: string;
  commandLine?: string;
  baseSeed?: number;
  seeds?: number[];
  reps?: number;
  threads?: number;
  horizonDays?: number;
  scaleFactor?: number;
  wallTimeSec?: number;
  peakRssMb?: number;
  createdAt?: string;
  scenario?: unknown;
  differsFromBaseline?: ParameterDifference[];
}

/** One row of timeseries.csv with its numeric columns (rep, seed, day and every metric). */
export type TimeseriesRow = Record<string, number>;

export interface TierRow {
  rep: number;
  tier: string;
  creatorsStart: number;
  creatorsEnd: number;
  gmv: number;
  gmvShare: number;
}

export interface CategoryRow {
  rep: number;
  category: string;
  orders: number;
  gmv: number;
  returns: number;
}

/** followers.csv held by column: it has one row per creator per replication and can be long. */
export interface FollowerTable {
  rep: Int32Array;
  followersStart: Float64Array;
  followersEnd: Float64Array;
}

/** What the charts and the page need from a report folder. */
export interface RunMeta {
  scenario: string;
  description: string;
  reps: number;
  seeds: number[];
  /** The --seed the replications' seeds were derived from, when the manifest says. */
  baseSeed?: number;
  horizonDays: number;
  scaleFactor: number;
}

export interface ReportData {
  dir: string;
  meta: RunMeta;
  summary: ReportSummary;
  manifest: ReportManifest;
  timeseries: TimeseriesRow[];
  byCategory: CategoryRow[] | null;
  byTier: TierRow[] | null;
  followers: FollowerTable | null;
  /** The table files present in the folder, in a fixed order, for the page's links. */
  tables: string[];
}

/** The folder is not a report folder `sim run` wrote (or it is damaged). */
export class NotAReportError extends Error {
  constructor(readonly dir: string, readonly reason: string) {
    super(`${dir} is not a report folder: ${reason}. A report folder is what 'sim run' writes: <out>/<scenario>/ with summary.json and timeseries.csv.`);
    this.name = "NotAReportError";
  }
}

const REQUIRED = ["summary.json", "timeseries.csv"];
export const TABLE_FILES = ["summary.json", "manifest.json", "timeseries.csv", "by_category.csv", "by_tier.csv", "followers.csv"];

/** Throws NotAReportError unless `dir` holds the two files every report has. */
export function assertReportFolder(dir: string): void {
  if (!existsSync(dir)) throw new NotAReportError(dir, "no such folder");
  if (!statSync(dir).isDirectory()) throw new NotAReportError(dir, "not a folder");
  const missing = REQUIRED.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new NotAReportError(dir, `missing ${missing.join(" and ")}`);
}

export function readReport(dir: string): ReportData {
  assertReportFolder(dir);
  const summary = readJson<ReportSummary>(dir, "summary.json");
  if (!summary || typeof summary.kpis !== "object" || summary.kpis === null) {
    throw new NotAReportError(dir, "summary.json has no 'kpis' object");
  }
  const manifest = existsSync(join(dir, "manifest.json")) ? readJson<ReportManifest>(dir, "manifest.json") : {};
  const timeseries = parseCsv(readFileSync(join(dir, "timeseries.csv"), "utf8")).map(numericRow);
  if (timeseries.length === 0) throw new NotAReportError(dir, "timeseries.csv has no rows");
  const seeds = summary.seeds ?? manifest.seeds ?? [];
  const meta: RunMeta = {
    scenario: summary.scenario ?? manifest.name ?? "scenario",
    description: summary.description ?? manifest.description ?? "",
    reps: summary.reps ?? seeds.length,
    seeds,
    ...(typeof manifest.baseSeed === "number" ? { baseSeed: manifest.baseSeed } : {}),
    horizonDays: summary.horizonDays ?? manifest.horizonDays ?? 1 + Math.max(...timeseries.map((r) => r.day)),
    scaleFactor: summary.scaleFactor ?? manifest.scaleFactor ?? 1,
  };
  return {
    dir,
    meta,
    summary,
    manifest,
    timeseries,
    byCategory: readOptionalCsv(dir, "by_category.csv", (r) => ({
      rep: toNumber(r.rep), category: r.category, orders: toNumber(r.orders), gmv: toNumber(r.gmv), returns: toNumber(r.returns),
    })),
    byTier: readOptionalCsv(dir, "by_tier.csv", (r) => ({
      rep: toNumber(r.rep), tier: r.tier, creatorsStart: toNumber(r.creators_start), creatorsEnd: toNumber(r.creators_end),
      gmv: toNumber(r.gmv), gmvShare: toNumber(r.gmv_share),
    })),
    followers: readFollowers(dir),
    tables: TABLE_FILES.filter((f) => existsSync(join(dir, f))),
  };
}

function readJson<T>(dir: string, file: string): T {
  try {
    return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
  } catch (err) {
    throw new NotAReportError(dir, `${file} is not valid JSON (${(err as Error).message})`);
  }
}

function numericRow(rec: Record<string, string>): TimeseriesRow {
  const row: TimeseriesRow = {};
  for (const [k, v] of Object.entries(rec)) if (k !== "scenario") row[k] = toNumber(v);
  return row;
}

function readOptionalCsv<T>(dir: string, file: string, map: (r: Record<string, string>) => T): T[] | null {
  const path = join(dir, file);
  return existsSync(path) ? parseCsv(readFileSync(path, "utf8")).map(map) : null;
}

function readFollowers(dir: string): FollowerTable | null {
  const path = join(dir, "followers.csv");
  if (!existsSync(path)) return null;
  const records = parseCsv(readFileSync(path, "utf8"));
  const table: FollowerTable = {
    rep: new Int32Array(records.length),
    followersStart: new Float64Array(records.length),
    followersEnd: new Float64Array(records.length),
  };
  records.forEach((r, i) => {
    table.rep[i] = toNumber(r.rep);
    table.followersStart[i] = toNumber(r.followers_start);
    table.followersEnd[i] = toNumber(r.followers_end);
  });
  return table;
}
