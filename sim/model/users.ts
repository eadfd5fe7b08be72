/**
 * Users: a new user's traits and interests (who joins, and when, is
 * word-of-mouth.ts), churn (driven by satisfaction and by the memory of
 * unwanted paid items), and slow drift of interests. Owns users.hasChurned,
 * interests, joinedDay and location.
 */
import { beta, gamma, normal, poisson, type Rng } from "../engine/rng.js";
import { INTEREST_SLOTS, LOCATIONS, NEVER } from "../engine/world.js";
import { clearFollows } from "./follows.js";
import { M } from "./metrics.js";
import { startTrust } from "./trust.js";
import { fatigueChurn } from "./ad-fatigue.js";
import { resetReferencePrice } from "./reference-price.js";
import type { World } from "./world.js";

/** Churn lookup resolution: bins of satisfaction. */
const CHURN_BINS = 64;

/**
 * Working arrays of the users submodel, one per world (world.scratch.users),
 * made with it, so that no state outlives a replication or is shared between worlds.
 */
export class UserScratch {
  /** the interest draw of one user: categories and gamma weights of the slots */
  readonly slotCat = new Int32Array(INTEREST_SLOTS);
  readonly slotWeight = new Float64Array(INTEREST_SLOTS);
  /** daily churn probability by satisfaction bin, rebuilt each day (prepareChurn) */
  readonly churnTable = new Float64Array(CHURN_BINS);
}

/**
 * Interests: `held` (1 to INTEREST_SLOTS) distinct categories drawn by their
 * shares, with weights from a Dirichlet over them (concentration x categories
 * x share, so small concentrations give one dominant interest), strongest
 * first; the other slots are not held (weight 0, no need) until content
 * creates an interest there (discovery.ts). One gamma draw per interest
 * rather than one per category.
 */
function drawInterests(world: World, user: number, rng: Rng, held: number): void {
  const { cats } = world;
  const alpha = world.params.users.interestConcentration * cats.count;
  const alphaFloor = world.params.behaviour.users.interestAlphaFloor;
  const { slotCat, slotWeight } = world.scratch.users;
  let total = 0;
  for (let s = 0; s < held; s++) {
    let k: number;
    let isTaken: boolean;
    do {
      k = cats.draw(rng);
      isTaken = false;
      for (let r = 0; r < s; r++) if (slotCat[r] === k) isTaken = true;
    } while (isTaken);
    slotCat[s] = k;
    total += slotWeight[s] = gamma(rng, Math.max(alphaFloor, alpha * cats.share[k]));
  }
  const u = world.users;
  const base = user * INTEREST_SLOTS;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    if (s >= held) {
      // a slot not held: weight 0 and no need (discovery.ts fills it); its category is only a placeholder
      u.interestCat[base + s] = u.interestCat[base];
      u.interestWeight[base + s] = 0;
      continue;
    }
    let best = 0;
    for (let r = 1; r < held; r++) if (slotWeight[r] > slotWeight[best]) best = r;
    u.interestCat[base + s] = slotCat[best];
    u.interestWeight[base + s] = total > 0 ? slotWeight[best] / total : 1 / held;
    slotWeight[best] = -1;
  }
}

/** Bring one user onto the platform at internal day `day`; returns the id. */
export function addUser(world: World, rng: Rng, day: number): number {
  const u = world.users;
  const p = world.params.users;
  const b = world.params.behaviour.users;
  let id: number;
  if (u.freeCount > 0) id = u.freeIds[--u.freeCount];
  else if (u.count < u.capacity) {
    // beyond the arrays: they grow (copied; nothing holds them across arrivals)
    if (u.count >= u.allocated) u.reserve(u.count + 1);
    id = u.count++;
  } else return -1;
  const segDraw = rng();
  const shares = p.segmentShares;
  const shareTotal = shares.fan + shares.value + shares.casual;
  const segment = segDraw < shares.fan / shareTotal ? 0 : segDraw < (shares.fan + shares.value) / shareTotal ? 1 : 2;
  u.segment[id] = segment;
  u.hasChurned[id] = 0;
  const a = Math.min(0.98, Math.max(0.02, p.activityMean));
  u.activity[id] = beta(rng, b.activityBetaShape, (b.activityBetaShape * (1 - a)) / a);
  const psMean = segment === 0 ? p.priceSensitivity.fan : segment === 1 ? p.priceSensitivity.value : p.priceSensitivity.casual;
  // log-normal around the segment mean (mean-preserving), the tail clipped (model/bounds.ts reads the clip too)
  const ps = b.priceSensitivitySpread;
  u.priceSensitivity[id] = Math.min(b.priceSensitivityMaxMultiple * psMean, psMean * Math.exp(ps * normal(rng) - (ps * ps) / 2));
  // shoppers differ: a normal utility shift, centred so the mean purchase rate stays that of the intercept
  const sd = p.propensitySd;
  u.propensity[id] = sd * normal(rng) - (sd * sd) / 2;
  startTrust(world, id, Math.min(1, Math.max(0, p.trustStart + b.trustStartSd * normal(rng))));
  u.satisfaction[id] = p.satisfactionStart;
  const startShare = (world.params.demand.startInterestsMean - 1) / 2;
  drawInterests(world, id, rng, 1 + (rng() < startShare ? 1 : 0) + (rng() < startShare ? 1 : 0));
  const base = id * INTEREST_SLOTS;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    const cat = u.interestCat[base + s];
    u.needDay[base + s] = u.interestWeight[base + s] > 0 ? day + Math.floor(rng() * world.cats.replenishDays[cat]) : NEVER;
    u.lastMerchant[base + s] = -1;
    u.lastSatisfied[base + s] = 0;
    u.isDiscovered[base + s] = 0;
    resetReferencePrice(world, base + s);
  }
  u.adFatigue[id] = 0;
  u.joinedDay[id] = day;
  u.lastOrderDay[id] = NEVER;
  u.ordersInWindow[id] = 0;
  u.location[id] = (rng() * LOCATIONS) | 0;
  u.alive++;
  return id;
}

/** Churn lookup: daily probability by satisfaction bin, rebuilt each day (parameters may have changed). */
export function prepareChurn(world: World): void {
  const p = world.params.users;
  const { churnMaxPerDay, churnNeutralSatisfaction } = world.params.behaviour.users;
  const churnTable = world.scratch.users.churnTable;
  for (let b = 0; b < CHURN_BINS; b++) {
    const sat = (b + 0.5) / CHURN_BINS;
    churnTable[b] = Math.min(churnMaxPerDay, p.churnBasePerDay * Math.exp(p.churnSatisfactionWeight * (churnNeutralSatisfaction - sat)));
  }
}

/**
 * Churn: each user leaves with a probability from the table. The user's
 * repurchase-window counts are banked first, so the run's repurchase rate
 * still counts buyers who left.
 */
export function churnUsers(world: World, rng: Rng): void {
  prepareChurn(world);
  const u = world.users;
  const m = world.metrics;
  const countsInWindow = world.today.reportDay >= repurchaseWindowStart(world);
  const churnTable = world.scratch.users.churnTable;
  for (let id = 0; id < u.count; id++) {
    if (u.hasChurned[id]) continue;
    const bin = Math.min(CHURN_BINS - 1, (u.satisfaction[id] * CHURN_BINS) | 0);
    if (rng() >= churnTable[bin] * fatigueChurn(world, id)) continue;
    if (countsInWindow && u.ordersInWindow[id] >= 1) {
      m.churnedBuyers++;
      if (u.ordersInWindow[id] >= 2) m.churnedRepeaters++;
    }
    clearFollows(world, id);
    u.hasChurned[id] = 1;
    u.ordersInWindow[id] = 0;
    u.freeIds[u.freeCount++] = id;
    u.alive--;
    m.today[M.users_churned]++;
  }
}

/** First report day of the repurchase window: the last 365 days, or the whole run if shorter. */
export function repurchaseWindowStart(world: World): number {
  return Math.max(0, world.params.horizonDays - 365);
}

/** Interests drift slowly (life changes, outside the platform): a few users a day replace their weakest interest with a category drawn from the mix. */
export function driftInterests(world: World, rng: Rng): void {
  const u = world.users;
  const n = poisson(rng, u.alive * world.params.users.interestDriftPerDay);
  for (let i = 0; i < n; i++) {
    const id = (rng() * u.count) | 0;
    if (u.hasChurned[id]) continue;
    // the weakest interest held (a slot not held is discovery's to fill)
    let slot = -1;
    for (let s = 0; s < INTEREST_SLOTS; s++) {
      const idx = id * INTEREST_SLOTS + s;
      if (u.interestWeight[idx] > 0 && (slot < 0 || u.interestWeight[idx] < u.interestWeight[slot])) slot = idx;
    }
    if (slot < 0) continue;
    const cat = world.cats.draw(rng);
    let isHeld = false;
    for (let s = 0; s < INTEREST_SLOTS; s++) if (u.interestCat[id * INTEREST_SLOTS + s] === cat && u.interestWeight[id * INTEREST_SLOTS + s] > 0) isHeld = true;
    if (isHeld) continue;
    u.interestCat[slot] = cat;
    u.needDay[slot] = world.today.internalDay + Math.floor(rng() * world.cats.replenishDays[cat]);
    u.lastMerchant[slot] = -1;
    u.lastSatisfied[slot] = 0;
    u.isDiscovered[slot] = 0;
    resetReferencePrice(world, slot);
  }
}
