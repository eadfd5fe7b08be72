/**
 * What a run simulates, in words, for every page and chart: the platform (at
 * platform scale) and what one simulated agent of each kind stands for. A
 * number on a page means little without it: the same GMV is a different
 * statement about a platform of 300 million users simulated by 3,000 users
 * than by 100,000.
 */
import { resolutionCount, resolutionText } from "../scenario/resolution.js";
import { compactNumber } from "../io/format.js";
import { t, type Lang } from "../i18n/index.js";
import type { RunMeta } from "./read-report.js";

/**
 * One or two sentences for a page: resolutionText for a run that recorded its
 * resolution; for an older folder, the one scale it recorded (scaleFactor, the
 * users' scale) and a plain statement that the creators' and merchants' are unknown.
 */
export function resolutionSentence(meta: RunMeta, lang: Lang = "en"): string {
  if (meta.resolution) return resolutionText(meta.resolution, lang);
  const scale = resolutionCount(meta.scaleFactor, lang);
  const first = Number.isFinite(meta.platform.users)
    ? t(lang, "resolution.old.platform", { users: resolutionCount(meta.platform.users, lang), scale })
    : t(lang, "resolution.old.noPlatform", { scale });
  return first + t(lang, "resolution.old.unknown");
}

/**
 * The same in two lines of under a hundred characters for a chart's subtitle,
 * which does not wrap: a longer line would widen the whole chart.
 */
export function resolutionLines(meta: RunMeta, lang: Lang = "en"): string[] {
  const r = meta.resolution;
  const platform = Number.isFinite(meta.platform.users)
    ? t(lang, "resolution.line.platform", { users: compactNumber(meta.platform.users, lang) })
    : t(lang, "resolution.line.noPlatform");
  if (!r) return [platform, t(lang, "resolution.line.old", { scale: resolutionCount(meta.scaleFactor, lang) })];
  return [
    t(lang, "resolution.line.sample", { platform, sample: sampleText(meta, lang) }),
    t(lang, "resolution.line.scales", {
      users: resolutionCount(r.userScale, lang), creators: resolutionCount(r.creatorScale, lang), merchants: resolutionCount(r.merchantScale, lang), followers: resolutionCount(r.creatorFollowerScale, lang),
    }),
  ];
}

/** The sample: "100k users, 2k creators, 1k merchants", or the users' scale alone for an older folder. */
export function sampleText(meta: RunMeta, lang: Lang = "en"): string {
  const r = meta.resolution;
  if (!r) return t(lang, "resolution.sample.old", { scale: resolutionCount(meta.scaleFactor, lang) });
  return t(lang, "resolution.sample", { users: compactNumber(r.users, lang), creators: compactNumber(r.creators, lang), merchants: compactNumber(r.merchants, lang) });
}

/** What one simulated agent stands for, as a list: "200 users · 200 creators · 50 merchants · 100 followers per follow". */
export function scalesText(meta: RunMeta, lang: Lang = "en"): string {
  const r = meta.resolution;
  if (!r) return t(lang, "resolution.scales.old", { scale: resolutionCount(meta.scaleFactor, lang) });
  return t(lang, "resolution.scales", {
    users: resolutionCount(r.userScale, lang), creators: resolutionCount(r.creatorScale, lang), merchants: resolutionCount(r.merchantScale, lang), followers: resolutionCount(r.creatorFollowerScale, lang),
  });
}
