/**
 * Satisfaction, trust and credibility (MODEL.md 3.3). Owns users.trust,
 * users.satisfaction, creators.credibility, merchants.credibility and
 * merchants.complaintRate: all running averages of experience.
 * Under a trust guarantee a bad purchase costs the user's trust far less;
 * a refused return (no guarantee) costs it more.
 */
import { cumulativeStdNormalProbability as normalCdf } from "simple-statistics";
import { FIRST_DAY, INTEREST_SLOTS, NEVER } from "../engine/world.js";
import { M } from "./metrics.js";
import { chunkStart, ownsChunk, SESSION_CHUNKS } from "./session-effects.js";
import type { World } from "./world.js";

/**
 * A purchase was delivered: satisfaction moves with the felt experience, and
 * the user's trust in the platform is their evidence about it (the beta
 * reputation of Jøsang and Ismail 2002): trust = (good + 1) / (good + bad + 2),
 * both counts decaying with a half-life (old purchases are forgotten). A good
 * purchase adds one unit of good evidence; a bad one badPurchaseEvidence units
 * of bad, only coveredLossShare of that when the guarantee covers it, and
 * refusedReturnEvidence more when the merchant refuses the return. So a
 * guarantee changes what a bad purchase teaches, not the utility of every
 * purchase, and trust moves with every order a user has.
 */
export function afterPurchase(world: World, user: number, experience: number, isBad: boolean, isCovered: boolean, isRefused: boolean): void {
  const u = world.users;
  const p = world.params.trust;
  u.satisfaction[user] += world.params.users.satisfactionLearning * (experience - u.satisfaction[user]);
  // evidence dates from the last order, or from joining (incumbents, who joined long before, from the first simulated day)
  const last = u.lastOrderDay[user] === NEVER ? Math.max(FIRST_DAY, u.joinedDay[user]) : u.lastOrderDay[user];
  const keep = Math.exp((-Math.LN2 * (world.today.internalDay - last)) / p.evidenceHalfLifeDays);
  let good = u.trustGood[user] * keep;
  let bad = u.trustBad[user] * keep;
  if (!isBad) good += 1;
  else bad += p.badPurchaseEvidence * (isCovered ? p.coveredLossShare : 1) + (isRefused ? p.refusedReturnEvidence : 0);
  setEvidence(world, user, good, bad);
}

/** A user's evidence, and the trust it gives. */
function setEvidence(world: World, user: number, good: number, bad: number): void {
  const u = world.users;
  u.trustGood[user] = good;
  u.trustBad[user] = bad;
  u.trust[user] = (good + 1) / (good + bad + 2);
}

/**
 * A new user's trust `start` stands for priorEvidence purchases' worth of
 * evidence (what they have heard of the platform): the good and bad counts
 * that give that trust.
 */
export function startTrust(world: World, user: number, start: number): void {
  const n = world.params.trust.priorEvidence;
  const good = Math.min(n, Math.max(0, start * (n + 2) - 1));
  setEvidence(world, user, good, n - good);
}

/**
 * A day in the feed: satisfaction drifts toward how the day's feed felt. The
 * user saw a share of commerce items, the rest entertainment; a commerce
 * item in one of the user's interest categories is worth what that
 * category's feed items are worth today (`commerce`: interest-weighted, found
 * by sessions.ts as it counts the impressions) (feed-value.ts: the experience of
 * buyers from the sellers shown, organic and paid slots as they were
 * filled). So commercial load and paid traffic cost satisfaction only as far
 * as the items they put in front of users are worse than entertainment.
 */
export function feedDay(world: World, user: number, commerce: number): void {
  const u = world.users;
  const today = world.today;
  const felt = today.entertainmentFelt + today.commerceShare * commerce;
  u.satisfaction[user] += today.feedLearning * (felt - u.satisfaction[user]);
}

/**
 * Sellers' credibility and complaint rate follow their buyers' experience.
 * A simulated order stands for perMerchant (perCreator) orders of each real
 * seller its agent stands for, so a seller learns from that many buyers at
 * once: the weight of one simulated order is 1 - (1 - lr)^perMerchant, and
 * credibility moves at the same pace at any resolution.
 */
export function sellerExperience(world: World, merchant: number, creator: number, experience: number, isBad: boolean): void {
  const lr = world.today.merchantLearning;
  const mer = world.merchants;
  mer.credibility[merchant] += lr * (experience - mer.credibility[merchant]);
  mer.complaintRate[merchant] += lr * ((isBad ? 1 : 0) - mer.complaintRate[merchant]);
  if (creator >= 0) {
    const cr = world.creators;
    // a creator who vouched for a bad product loses credibility: governance punishes false claims harder
    const penalty = isBad ? 1 + world.params.levers.governance.strength : 1;
    cr.credibility[creator] += world.today.creatorLearning * penalty * (experience - cr.credibility[creator]);
    if (cr.credibility[creator] < 0) cr.credibility[creator] = 0;
  }
}

/** NPS answers by satisfaction bin: promoter and detractor probabilities (rebuilt each day from params). */
export const NPS_BINS = 64;

/**
 * A user asked "would you recommend the platform?" answers from their
 * satisfaction (the running average of what their purchases, returns and
 * feed were like) plus the noise of a survey answer: a promoter when it is
 * above npsPromoterSatisfaction, a detractor when below npsDetractorSatisfaction.
 */
function prepareNps(world: World): void {
  const p = world.params.users;
  const { promoter, detractor } = world.tables.nps;
  for (let b = 0; b < NPS_BINS; b++) {
    const sat = (b + 0.5) / NPS_BINS;
    promoter[b] = normalCdf((sat - p.npsPromoterSatisfaction) / p.npsAnswerSd);
    detractor[b] = normalCdf((p.npsDetractorSatisfaction - sat) / p.npsAnswerSd);
  }
}

/**
 * The day's readings over users on the platform, in one pass: mean trust,
 * NPS (the expected share of promoters minus detractors, x100, when every
 * user is asked, each answering from their satisfaction), the mean memory of
 * unwanted paid items (ad-fatigue.ts), and the mean reference share of users'
 * interests, each weighted by its interest weight (reference-price.ts; a
 * slot not held weighs 0, and a user's weights sum to 1). Hot: one pass over
 * every user a day, with no branch that depends on the user but churn.
 */
export function measureTrustAndNps(world: World): void {
  prepareNps(world);
  // summed by chunk of users (session-effects.ts), on the replication's session threads if it has them,
  // and the chunks' sums added in chunk order: the same readings on any number of threads
  const sums = world.scratch.sessions.readings;
  const threads = world.sessionThreads;
  threads?.dispatchReadings(world);
  readChunks(world, sums, 0, threads?.count ?? 1);
  threads?.collectReadings(sums);
  const r = readings;
  r.fill(0);
  for (let k = 0; k < SESSION_CHUNKS; k++) for (let i = 0; i < READINGS; i++) r[i] += sums[k * READINGS + i];
  const n = r[READING.users];
  const today = world.metrics.today;
  today[M.trust_mean] = n > 0 ? r[READING.trust] / n : 0;
  today[M.nps] = n > 0 ? (100 * (r[READING.promoters] - r[READING.detractors])) / n : 0;
  today[M.ad_fatigue_mean] = n > 0 ? r[READING.fatigue] / n : 0;
  today[M.reference_price_index] = r[READING.weight] > 0 ? r[READING.reference] / r[READING.weight] : 1;
  world.platform.promoterShare = n > 0 ? r[READING.promoters] / n : 0;
  world.platform.detractorShare = n > 0 ? r[READING.detractors] / n : 0;
}

const READING = { trust: 0, fatigue: 1, promoters: 2, detractors: 3, users: 4, reference: 5, weight: 6 } as const;
/** Sums per chunk of users in the day's readings. */
export const READINGS = 7;
const readings = new Float64Array(READINGS);

/** The readings' sums of the chunks of thread `thread` of `threads`, into `sums` (READINGS per chunk). */
export function readChunks(world: World, sums: Float64Array, thread: number, threads: number): void {
  const n = world.users.count;
  for (let k = 0; k < SESSION_CHUNKS; k++) if (ownsChunk(k, thread, threads)) sumReadings(world, chunkStart(n, k), chunkStart(n, k + 1), sums, k * READINGS);
}

/**
 * The sums behind the day's readings, over users on the platform with ids
 * [lo, hi), into `out` from `at`. Its own
 * function, ending in stores to a typed array: the compiler's code for the
 * loop is kept from day to day, and a division after the loop speculated on
 * whole numbers (as the sums were in the warm-up, with no ad memory) would
 * fail there every day.
 */
function sumReadings(world: World, lo: number, hi: number, out: Float64Array, at: number): void {
  const u = world.users;
  const { promoter, detractor } = world.tables.nps;
  const { hasChurned, interestWeight, refPrice, satisfaction, adFatigue } = u;
  const trustOf = u.trust;
  let trust = 0;
  let fatigue = 0;
  let pro = 0;
  let det = 0;
  let n = 0;
  let reference = 0;
  let weight = 0;
  for (let id = lo; id < hi; id++) {
    if (hasChurned[id]) continue;
    const s = id * INTEREST_SLOTS;
    for (let j = s; j < s + INTEREST_SLOTS; j++) {
      reference += interestWeight[j] * refPrice[j];
      weight += interestWeight[j];
    }
    trust += trustOf[id];
    fatigue += Math.max(0, adFatigue[id]); // -1: an incumbent not yet exposed
    const bin = Math.min(NPS_BINS - 1, (satisfaction[id] * NPS_BINS) | 0);
    pro += promoter[bin];
    det += detractor[bin];
    n++;
  }
  out[at + READING.trust] = trust;
  out[at + READING.fatigue] = fatigue;
  out[at + READING.promoters] = pro;
  out[at + READING.detractors] = det;
  out[at + READING.users] = n;
  out[at + READING.reference] = reference;
  out[at + READING.weight] = weight;
}
