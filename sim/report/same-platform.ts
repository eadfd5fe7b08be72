/**
 * Which runs `sim compare` may set side by side. A difference between two runs
 * is a statement about one platform under two strategies only when both runs
 * simulate the same platform (users, creators and merchants at day 0, platform
 * scale) over the same horizon; otherwise it mostly measures the platforms
 * (runs of 3,000 and 10,000 users under the old scale factor were platforms of
 * different sizes, and their GMV "differed" by +246%). Runs of one platform at
 * different sample sizes are comparable, but their replications share no noise,
 * so they are compared unpaired.
 */
import type { ReportData, RunMeta } from "./read-report.js";
import { t, type Lang } from "../i18n/index.js";

/** Runs that do not simulate the same platform: `sim compare` refuses them (exit code 2). */
export class NotComparableError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "NotComparableError";
  }
}

/** Equal up to rounding: platform counts come back from the resolution as sample × scale. */
function same(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

const count = (x: number) => Math.round(x).toLocaleString("en-US");

/** Why `a` and `b` are not the same platform over the same horizon, one phrase per reason; empty when they are. */
export function platformDifferences(a: RunMeta, b: RunMeta): string[] {
  const reasons: string[] = [];
  const pa = a.platform, pb = b.platform;
  if (Number.isFinite(pa.users) && Number.isFinite(pb.users)) {
    if (!same(pa.users, pb.users)) reasons.push(`platform users differ (${count(pa.users)} and ${count(pb.users)} at day 0)`);
  } else if (!same(a.scaleFactor, b.scaleFactor)) {
    // An older folder may not state its platform: then the users' scale is all there is to check.
    reasons.push(`the folders do not state their platforms, and one simulated user stands for ${count(a.scaleFactor)} users in one and ${count(b.scaleFactor)} in the other`);
  }
  for (const kind of ["creators", "merchants"] as const) {
    const x = pa[kind], y = pb[kind];
    if (Number.isFinite(x) && Number.isFinite(y) && !same(x, y)) reasons.push(`platform ${kind} differ (${count(x)} and ${count(y)} at day 0)`);
  }
  if (a.horizonDays !== b.horizonDays) reasons.push(`horizons differ (${a.horizonDays} and ${b.horizonDays} days), and totals over different horizons do not compare`);
  return reasons;
}

/** Throws NotComparableError unless every other run simulates the baseline's platform over its horizon. */
export function assertSamePlatform(baseline: ReportData, others: readonly ReportData[]): void {
  const problems = others.flatMap((o) => {
    const reasons = platformDifferences(baseline.meta, o.meta);
    if (reasons.length === 0) return [];
    return [
      `cannot compare ${o.dir} with ${baseline.dir}: they do not simulate the same platform: ${reasons.join("; ")}. ` +
        "Run both with the same population.platformUsers, platformCreators, platformMerchants and --days; the sample size (--users) may differ.",
    ];
  });
  if (problems.length) throw new NotComparableError(problems);
}

/**
 * How the samples of two runs of one platform differ, or null when they are
 * the same sample (same simulated users, creators, merchants and follower
 * scale), the precondition for pairing replications by seed.
 */
export function sampleDifference(a: RunMeta, b: RunMeta, lang: Lang = "en"): string | null {
  const ra = a.resolution, rb = b.resolution;
  if (!ra || !rb) {
    if (ra || rb) return t(lang, "sample.unrecorded");
    return same(a.scaleFactor, b.scaleFactor) ? null : t(lang, "sample.scale", { a: count(a.scaleFactor), b: count(b.scaleFactor) });
  }
  const parts: string[] = [];
  for (const kind of ["users", "creators", "merchants"] as const) {
    if (!same(ra[kind], rb[kind])) parts.push(t(lang, `sample.${kind}`, { a: count(ra[kind]), b: count(rb[kind]) }));
  }
  if (!same(ra.creatorFollowerScale, rb.creatorFollowerScale)) parts.push(t(lang, "sample.follow", { a: count(ra.creatorFollowerScale), b: count(rb.creatorFollowerScale) }));
  return parts.length ? parts.join(t(lang, "chart.sep")) : null;
}
