/**
 * Satisfaction, trust and credibility (MODEL.md 3.3). Owns users.trust,
 * users.satisfaction, creators.credibility, merchants.credibility and
 * merchants.complaintRate: all running averages of experience.
 * Under a trust guarantee a bad purchase costs the user's trust far less;
 * a refused return (no guarantee) costs it more.
 */
import { M } from "./metrics.js";
import type { World } from "./world.js";

/** A purchase was delivered: satisfaction and trust move with the experience. */
export function afterPurchase(world: World, user: number, experience: number, isBad: boolean, isCovered: boolean, isRefused: boolean): void {
  const u = world.users;
  const p = world.params.trust;
  u.satisfaction[user] += world.params.users.satisfactionLearning * (experience - u.satisfaction[user]);
  const t = u.trust[user];
  if (!isBad) u.trust[user] = t + p.goodPurchaseGain * (1 - t);
  else if (isCovered) u.trust[user] = t - 0.25 * p.badPurchaseLoss * t;
  else u.trust[user] = t - (p.badPurchaseLoss + (isRefused ? p.refusedReturnLoss : 0)) * t;
}

/** A day in the feed: satisfaction drifts toward how the feed felt today (commercial load, paid traffic). */
export function feedDay(world: World, user: number): void {
  const u = world.users;
  u.satisfaction[user] += world.today.feedLearning * (world.today.feedSatisfaction - u.satisfaction[user]);
}

/** Sellers' credibility and complaint rate follow their buyers' experience. */
export function sellerExperience(world: World, merchant: number, creator: number, experience: number, isBad: boolean): void {
  const lr = world.params.trust.credibilityLearning;
  const mer = world.merchants;
  mer.credibility[merchant] += lr * (experience - mer.credibility[merchant]);
  mer.complaintRate[merchant] += lr * ((isBad ? 1 : 0) - mer.complaintRate[merchant]);
  if (creator >= 0) {
    const cr = world.creators;
    // a creator who vouched for a bad product loses credibility: governance punishes false claims harder
    const penalty = isBad ? 1 + world.params.levers.governance.strength : 1;
    cr.credibility[creator] += lr * penalty * (experience - cr.credibility[creator]);
    if (cr.credibility[creator] < 0) cr.credibility[creator] = 0;
  }
}

/** NPS answers by satisfaction bin: promoter and detractor probabilities. */
const NPS_BINS = 64;
const promoter = Float64Array.from({ length: NPS_BINS }, (_, b) => 1 / (1 + Math.exp(-((b + 0.5) / NPS_BINS - 0.72) * 14)));
const detractor = Float64Array.from({ length: NPS_BINS }, (_, b) => 1 / (1 + Math.exp(((b + 0.5) / NPS_BINS - 0.5) * 14)));

/**
 * The day's mean trust and NPS over users on the platform. NPS is the
 * expected share of promoters minus detractors (x100) when every user is asked,
 * each answering from their satisfaction.
 */
export function measureTrustAndNps(world: World): void {
  const u = world.users;
  let trust = 0;
  let pro = 0;
  let det = 0;
  let n = 0;
  for (let id = 0; id < u.count; id++) {
    if (u.hasChurned[id]) continue;
    trust += u.trust[id];
    const bin = Math.min(NPS_BINS - 1, (u.satisfaction[id] * NPS_BINS) | 0);
    pro += promoter[bin];
    det += detractor[bin];
    n++;
  }
  const today = world.metrics.today;
  today[M.trust_mean] = n > 0 ? trust / n : 0;
  today[M.nps] = n > 0 ? (100 * (pro - det)) / n : 0;
}
