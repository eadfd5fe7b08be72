/**
 * What one simulated agent stands for. The scenario states the platform at
 * platform scale (users, creators and merchants at day 0) and a sample size
 * (`population.users`); the scale factors follow from the two, so a larger
 * sample is a finer picture of the same platform, not a bigger platform.
 *
 * - A simulated user stands for `userScale` = platformUsers / users users.
 * - Creators are sampled `creatorResolution` times finer than users and
 *   merchants `merchantResolution` times finer: a simulated merchant stands
 *   for userScale / merchantResolution merchants, so merchant-level outcomes
 *   resolve at modest sample sizes.
 * - A simulated follow stands for `followerScale` platform followers (times
 *   the resolution of the account followed) whatever the sample size, so
 *   that each simulated user keeps the same number of follows (the private
 *   domain per user does not change with the sample).
 *
 * Money in the model is kept in "sample RMB": the value of simulated orders,
 * each standing for userScale real orders. A merchant's own books, sales and
 * costs, are per real merchant: `perMerchant` = userScale / merchantScale
 * converts (a simulated merchant's orders are shared by the merchants it
 * stands for); `perCreator` likewise for creators. Whatever happens to one
 * real account per simulated order happens `perMerchant` times to it per
 * simulated order (learning from buyers, for instance).
 */
import { compactNumber } from "../io/format.js";
import { t, type Lang } from "../i18n/index.js";
import type { Scenario } from "./schema.js";

export interface Resolution {
  /** users of the platform at day 0 (platform scale) */
  platformUsers: number;
  /** simulated users, creators and merchants at day 0 */
  users: number;
  creators: number;
  merchants: number;
  /** platform users, creators and merchants one simulated agent stands for */
  userScale: number;
  creatorScale: number;
  merchantScale: number;
  /** platform followers one simulated follow stands for, of a creator and of a store */
  creatorFollowerScale: number;
  storeFollowerScale: number;
  /** what one real merchant (creator) gets per sample unit of its simulated agent: userScale / merchantScale (creatorScale) */
  perMerchant: number;
  perCreator: number;
}

export function resolutionOf(s: Scenario): Resolution {
  const pop = s.population;
  const userScale = pop.platformUsers / pop.users;
  const creators = Math.max(1, Math.round((pop.platformCreators / pop.platformUsers) * pop.users * pop.creatorResolution));
  const merchants = Math.max(1, Math.round((pop.platformMerchants / pop.platformUsers) * pop.users * pop.merchantResolution));
  const creatorScale = pop.platformCreators / creators;
  const merchantScale = pop.platformMerchants / merchants;
  return {
    platformUsers: pop.platformUsers,
    users: pop.users,
    creators,
    merchants,
    userScale,
    creatorScale,
    merchantScale,
    creatorFollowerScale: pop.followerScale * (userScale / creatorScale),
    storeFollowerScale: pop.followerScale * (userScale / merchantScale),
    perMerchant: userScale / merchantScale,
    perCreator: userScale / creatorScale,
  };
}

/** Simulated merchants in a cohort stated at platform scale (rounded, at least one when any). */
export function simulatedMerchants(s: Scenario, platformCount: number): number {
  if (platformCount <= 0) return 0;
  return Math.max(1, Math.round(platformCount / resolutionOf(s).merchantScale));
}

/** One sentence for pages and terminals: what the run simulates and what an agent stands for. */
export function resolutionText(r: Resolution, lang: Lang = "en"): string {
  const n = (x: number) => resolutionCount(x, lang);
  return t(lang, "resolution.sentence", {
    platformUsers: n(r.platformUsers), users: n(r.users), creators: n(r.creators), merchants: n(r.merchants),
    userScale: n(r.userScale), creatorScale: n(r.creatorScale), merchantScale: n(r.merchantScale), followScale: n(r.creatorFollowerScale),
  });
}

/**
 * A count or scale in a resolution sentence: whole numbers with separators
 * from 100 up, else up to 3 significant digits (50, not 50.0); in Chinese, 万 and
 * 亿 from 10,000 up.
 */
export function resolutionCount(x: number, lang: Lang = "en"): string {
  if (lang !== "en" && x >= 1e4) return compactNumber(x, lang);
  return x >= 100 ? Math.round(x).toLocaleString("en-US") : String(Number(x.toPrecision(3)));
}
