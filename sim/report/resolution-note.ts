/**
 * What a run simulates, in words, for every page and chart: the platform (at
 * platform scale) and what one simulated agent of each kind stands for. A
 * number on a page means little without it: the same GMV is a different
 * statement about a platform of 300 million users simulated by 3,000 users
 * than by 100,000.
 */
import { resolutionText } from "../scenario/resolution.js";
import { compactNumber } from "../io/format.js";
import type { RunMeta } from "./read-report.js";

/** Scales and counts as resolutionText writes them: whole numbers with separators from 100 up, else 3 significant digits (without trailing zeros). */
function count(x: number): string {
  return x >= 100 ? Math.round(x).toLocaleString("en-US") : String(Number(x.toPrecision(3)));
}

/** The platform's users at day 0, or nothing when the folder does not say. */
function platformUsersText(meta: RunMeta): string {
  return Number.isFinite(meta.platform.users) ? `a platform of ${count(meta.platform.users)} users at day 0` : "";
}

/**
 * One or two sentences for a page: resolutionText for a run that recorded its
 * resolution; for an older folder, the one scale it recorded (scaleFactor, the
 * users' scale) and a plain statement that the creators' and merchants' are unknown.
 */
export function resolutionSentence(meta: RunMeta): string {
  if (meta.resolution) return resolutionText(meta.resolution);
  const platform = platformUsersText(meta);
  return (
    `${platform ? `${platform[0].toUpperCase()}${platform.slice(1)}: o` : "O"}ne simulated user stands for ${count(meta.scaleFactor)} users. ` +
    "What one simulated creator or merchant stands for is unknown: this folder was written before runs recorded their resolution (run the scenario again to record it)."
  );
}

/**
 * The same in two lines of under a hundred characters for a chart's subtitle,
 * which does not wrap: a longer line would widen the whole chart.
 */
export function resolutionLines(meta: RunMeta): string[] {
  const r = meta.resolution;
  const platform = Number.isFinite(meta.platform.users) ? `Platform: ${compactNumber(meta.platform.users)} users at day 0` : "Platform not stated";
  if (!r) return [platform, `One simulated user stands for ${count(meta.scaleFactor)} users; creator and merchant scales unknown (older folder)`];
  return [
    `${platform} · sample: ${sampleText(meta)}`,
    `One simulated user stands for ${count(r.userScale)} users, creator ${count(r.creatorScale)}, merchant ${count(r.merchantScale)}, follow ${count(r.creatorFollowerScale)} followers`,
  ];
}

/** The sample: "100k users, 2k creators, 1k merchants", or the users' scale alone for an older folder. */
export function sampleText(meta: RunMeta): string {
  const r = meta.resolution;
  if (!r) return `users at ×${count(meta.scaleFactor)} (creators and merchants unknown)`;
  return `${compactNumber(r.users)} users, ${compactNumber(r.creators)} creators, ${compactNumber(r.merchants)} merchants`;
}

/** What one simulated agent stands for, as a list: "200 users · 200 creators · 50 merchants · 100 followers per follow". */
export function scalesText(meta: RunMeta): string {
  const r = meta.resolution;
  if (!r) return `${count(meta.scaleFactor)} users (creators and merchants unknown)`;
  return `${count(r.userScale)} users · ${count(r.creatorScale)} creators · ${count(r.merchantScale)} merchants · ${count(r.creatorFollowerScale)} followers per follow`;
}
