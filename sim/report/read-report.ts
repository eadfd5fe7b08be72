import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Resolution } from "../scenario/resolution.js";
import { parseCsv, toNumber } from "../io/csv.js";

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
  /** Platform users one simulated user stands for (= resolution.userScale). */
  scaleFactor: number;
  /** What one simulated agent of each kind stands for; absent in folders written before the model recorded it. */
  resolution?: Resolution;
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
  resolution?: Resolution;
  wallTimeSec?: number;
  peakRssMb?: number;
  createdAt?: string;
  scenario?: unknown;
  differsFromBaseline?: ParameterDifference[];
  /** what sim run warned about (levers that never acted, capacity reached) */
  warnings?: string[];
  /** the language of the pages (--lang), so `sim report` rebuilds them in it */
  lang?: string;
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
  /** Platform users one simulated user stands for. */
  scaleFactor: number;
  /** What one simulated agent of each kind stands for, as the run recorded it; null for an older folder that did not. */
  resolution: Resolution | null;
  /** The platform the run simulates, at day 0 and platform scale. */
  platform: PlatformSize;
}

/** Users, creators and merchants of the simulated platform at day 0; NaN where the folder does not say. */
export interface PlatformSize {
  users: number;
  creators: number;
  merchants: number;
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
  const scaleFactor = summary.scaleFactor ?? manifest.scaleFactor ?? 1;
  const resolution = resolutionIn(summary.resolution) ?? resolutionIn(manifest.resolution);
  const meta: RunMeta = {
    scenario: summary.scenario ?? manifest.name ?? "scenario",
    description: summary.description ?? manifest.description ?? "",
    reps: summary.reps ?? seeds.length,
    seeds,
    ...(typeof manifest.baseSeed === "number" ? { baseSeed: manifest.baseSeed } : {}),
    horizonDays: summary.horizonDays ?? manifest.horizonDays ?? 1 + Math.max(...timeseries.map((r) => r.day)),
    scaleFactor,
    resolution,
    platform: platformOf(resolution, manifest, scaleFactor),
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

/** The recorded resolution when it has the numbers a page needs, else null (an older or hand-made folder). */
function resolutionIn(value: unknown): Resolution | null {
  if (typeof value !== "object" || value === null) return null;
  const r = value as Partial<Resolution>;
  const fields: (keyof Resolution)[] = ["platformUsers", "users", "creators", "merchants", "userScale", "creatorScale", "merchantScale", "creatorFollowerScale"];
  return fields.every((f) => typeof r[f] === "number" && Number.isFinite(r[f])) ? (r as Resolution) : null;
}

/**
 * The platform at day 0. The scenario in the manifest states it (population.platform*);
 * the resolution gives it back as sample × scale; a folder from before the
 * platform was stated had population.users simulated users each standing for
 * scaleFactor users, so its platform was their product, and its creators and merchants are unknown.
 */
function platformOf(resolution: Resolution | null, manifest: ReportManifest, scaleFactor: number): PlatformSize {
  const population = (manifest.scenario as { population?: Record<string, unknown> } | undefined)?.population ?? {};
  const stated = (key: string) => (typeof population[key] === "number" ? (population[key] as number) : NaN);
  if (resolution) {
    const or = (x: number, fallback: number) => (Number.isFinite(x) ? x : fallback);
    return {
      users: resolution.platformUsers,
      creators: or(stated("platformCreators"), resolution.creators * resolution.creatorScale),
      merchants: or(stated("platformMerchants"), resolution.merchants * resolution.merchantScale),
    };
  }
  const users = Number.isFinite(stated("platformUsers")) ? stated("platformUsers") : stated("users") * scaleFactor;
  return { users, creators: stated("platformCreators"), merchants: stated("platformMerchants") };
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
