import type { TopLevelSpec } from "vega-lite";
import type { FollowerTable, RunMeta } from "../read-report.js";
import { sig } from "../series.js";
import { compactLabel, configFor, HEIGHT, SCHEMA, WIDTH, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

/** Grid points per decade of follower count: enough to show the tail's slope, few enough to keep the spec small. */
const POINTS_PER_DECADE = 8;

/**
 * Complementary CDF of creators' follower counts, P(followers ≥ x), on log-log
 * axes, at the start and at the end of the run: a straight line is a power-law
 * tail, and the end curve lying above the start shows concentration growing.
 * Computed per replication on a shared log grid and averaged.
 */
export function followerCcdf(followers: FollowerTable, meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const [startLabel, endLabel] = [t(lang, "follower-ccdf.start"), t(lang, "follower-ccdf.end")];
  const byRep = new Map<number, { start: number[]; end: number[] }>();
  let max = 1;
  let min = Infinity;
  for (let i = 0; i < followers.rep.length; i++) {
    const entry = byRep.get(followers.rep[i]) ?? byRep.set(followers.rep[i], { start: [], end: [] }).get(followers.rep[i])!;
    // followers_start is 0 for creators who entered during the run: they have no start position.
    if (followers.followersStart[i] > 0) entry.start.push(followers.followersStart[i]);
    if (followers.followersEnd[i] > 0) entry.end.push(followers.followersEnd[i]);
    max = Math.max(max, followers.followersStart[i], followers.followersEnd[i]);
    for (const v of [followers.followersStart[i], followers.followersEnd[i]]) if (v > 0 && v < min) min = v;
  }
  const grid: number[] = [];
  // Start one grid step below the smallest account, so the curve begins at 100%.
  const k0 = Number.isFinite(min) ? Math.floor(Math.log10(min) * POINTS_PER_DECADE) : 0;
  for (let k = k0; 10 ** (k / POINTS_PER_DECADE) <= max; k++) grid.push(10 ** (k / POINTS_PER_DECADE));
  const values: { followers: number; ccdf: number; when: string }[] = [];
  for (const [when, key] of [[startLabel, "start"], [endLabel, "end"]] as const) {
    const sortedPerRep = [...byRep.values()].map((e) => Float64Array.from(e[key]).sort()).filter((a) => a.length > 0);
    if (sortedPerRep.length === 0) continue;
    for (const x of grid) {
      const mean = sortedPerRep.reduce((s, a) => s + (a.length - lowerBound(a, x)) / a.length, 0) / sortedPerRep.length;
      if (mean > 0) values.push({ followers: sig(x, 4), ccdf: sig(mean, 4), when });
    }
  }
  const minShare = Math.min(1, ...values.map((v) => v.ccdf));
  const creatorsEnd = [...byRep.values()].reduce((s, e) => s + e.end.length, 0) / Math.max(1, byRep.size);
  return {
    $schema: SCHEMA,
    title: title(t(lang, "follower-ccdf.title"), meta, t(lang, "follower-ccdf.note", { n: Math.round(creatorsEnd) }), lang),
    width: WIDTH,
    height: HEIGHT + 40,
    data: { values },
    mark: { type: "line", point: { size: 10 } },
    encoding: {
      x: {
        field: "followers",
        type: "quantitative",
        scale: { type: "log" },
        // d3's "~s" in English (10k, 1M); 万 and 亿 in Chinese
        axis: { title: t(lang, "follower-ccdf.x"), ...(lang === "en" ? { format: "~s" } : { labelExpr: compactLabel(lang) }), values: decades(Number.isFinite(min) ? min : 1, max), grid: true },
      },
      y: {
        field: "ccdf",
        type: "quantitative",
        scale: { type: "log" },
        axis: { title: t(lang, "follower-ccdf.y"), format: "~%", values: decades(minShare, 1) },
      },
      color: { field: "when", type: "nominal", title: null, scale: { domain: [startLabel, endLabel], range: ["#9ecae9", "#e4572e"] } },
    },
    config: configFor(lang),
  };
}

/** First index in sorted `a` whose value is ≥ x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Axis ticks at the powers of ten covering [lo, hi]: log axes otherwise crowd with 2s and 5s. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(Number((10 ** e).toPrecision(1)));
  return out;
}
