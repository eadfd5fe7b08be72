/**
 * Demand that content creates (MODEL.md, Discovery): "goods find people".
 * Users do not only buy what they came for. The content they watch (the
 * non-commerce items of the feed) comes partly from outside their interests;
 * an item can create a new interest, and with it a first need, at a rate that
 * rises with the category's content pull: the quality of the category's
 * creators and how much content there is per user, with saturation. The new
 * interest takes a share of the user's attention from the others (interests
 * that are not refreshed fade), its first need is due at once, and what the
 * user now wants reaches the shelf (search, stores) like any other need.
 * Interests a user buys in are reinforced (RecSim's interest evolution, Ie et
 * al. 2019: interests move toward what is consumed). The day's content pull
 * also sets how often users open the app and how long they stay.
 *
 * Owns world.content, users.isDiscovered, and the interest weights' changes
 * by discovery and purchase.
 */
import { poisson, type Rng } from "../engine/rng.js";
import { INTEREST_SLOTS, NEVER } from "../engine/world.js";
import { M } from "./metrics.js";
import { resetReferencePrice } from "./reference-price.js";
import type { World } from "./world.js";

/** The day's content pull by category, and what follows from it for every user. */
export class ContentState {
  /** pull of each category's content: quality x supply / (supply + half-saturation), 0..1 */
  readonly pull: Float64Array;
  /** cumulative share x pull, for drawing the category a discovery comes from */
  readonly cumulative: Float64Array;
  /** share-weighted mean pull of the platform's content */
  meanPull = 0;
  /** chance that an active user discovers a category today (before the draw of which) */
  discoveryProb = 0;
  /** today's factors on the chance of opening the app and on session length */
  activityFactor = 1;
  sessionFactor = 1;
  /** creators' quality sum and counts of accounts by category (work arrays) */
  readonly qualitySum: Float64Array;
  readonly creatorCount: Float64Array;
  readonly merchantCount: Float64Array;

  constructor(categories: number) {
    this.pull = new Float64Array(categories);
    this.cumulative = new Float64Array(categories);
    this.qualitySum = new Float64Array(categories);
    this.creatorCount = new Float64Array(categories);
    this.merchantCount = new Float64Array(categories);
  }
}

/**
 * Measure the day's content pull from the accounts on the platform, in
 * platform units (accounts per million users, so the pull does not depend on
 * the sample size), and derive today's discovery chance, activity and session
 * length. Runs after supply, before the users' day; scales
 * today.activityMultiplier and today.commerceImpressions (platform.ts set
 * them from the levers).
 */
export function measureContent(world: World): void {
  const c = world.content;
  const d = world.params.demand;
  const { creators: cr, merchants: mer, cats, res } = world;
  c.qualitySum.fill(0);
  c.creatorCount.fill(0);
  c.merchantCount.fill(0);
  for (let i = 0; i < cr.count; i++) {
    if (!cr.isActive[i]) continue;
    c.creatorCount[cr.mainCat[i]]++;
    c.qualitySum[cr.mainCat[i]] += cr.quality[i];
  }
  for (let m = 0; m < mer.count; m++) if (mer.isActive[m]) c.merchantCount[mer.cat[m]]++;
  const millionsOfUsers = (Math.max(1, world.users.alive) * res.userScale) / 1e6;
  let acc = 0;
  for (let k = 0; k < cats.count; k++) {
    const n = c.creatorCount[k];
    const quality = n > 0 ? c.qualitySum[k] / n : 0;
    const supply = (n * res.creatorScale + d.merchantContentWeight * c.merchantCount[k] * res.merchantScale) / millionsOfUsers;
    c.pull[k] = (quality * supply) / (supply + d.contentHalfSaturation);
    c.cumulative[k] = acc += cats.share[k] * c.pull[k];
  }
  c.meanPull = acc;
  const today = world.today;
  const relative = acc / d.contentPullReference;
  c.activityFactor = relative > 0 ? Math.pow(relative, d.activityContentElasticity) : 0;
  c.sessionFactor = relative > 0 ? Math.pow(relative, d.sessionContentElasticity) : 0;
  today.activityMultiplier *= c.activityFactor;
  today.commerceImpressions *= c.sessionFactor;
  // content items of the day outside the user's interests: the session's items that are not commerce
  const items = world.params.users.impressionsPerSession * c.sessionFactor * (1 - today.commerceShare) * d.exploreShare;
  c.discoveryProb = 1 - Math.exp(-items * d.discoveryPerItem * acc);
}

/**
 * An active user's content of the day may create a new interest: with the
 * day's discovery chance, a category drawn by share x pull. One already held
 * is only reinforced; a new one replaces the weakest interest, takes
 * discoveryWeight of the user's attention, and its first need is due now.
 */
export function discover(world: World, rng: Rng, id: number): void {
  const c = world.content;
  if (!(rng() < c.discoveryProb)) return;
  const x = rng() * c.meanPull;
  const cats = world.cats;
  let k = 0;
  while (k < cats.count - 1 && x >= c.cumulative[k]) k++;
  const u = world.users;
  const base = id * INTEREST_SLOTS;
  const weight = world.params.demand.discoveryWeight;
  let weakest = base;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    if (u.interestCat[base + s] === k && u.interestWeight[base + s] > 0) {
      reinforce(world, base + s, weight);
      return;
    }
    if (u.interestWeight[base + s] < u.interestWeight[weakest]) weakest = base + s;
  }
  // a slot not held (weight 0) is filled; when all are held the weakest interest gives way;
  // the others make room in proportion
  const others = 1 - u.interestWeight[weakest];
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    const idx = base + s;
    if (idx !== weakest) u.interestWeight[idx] = others > 0 ? (u.interestWeight[idx] * (1 - weight)) / others : (1 - weight) / (INTEREST_SLOTS - 1);
  }
  u.interestCat[weakest] = k;
  u.interestWeight[weakest] = weight;
  u.needDay[weakest] = world.today.internalDay;
  u.lastMerchant[weakest] = -1;
  u.lastSatisfied[weakest] = 0;
  u.isDiscovered[weakest] = 1;
  resetReferencePrice(world, weakest);
  world.metrics.today[M.interests_discovered]++;
}

/**
 * Interests fade: each day a few users (interestLossPerDay of them) lose their
 * weakest interest, unless it is their only one; its need goes with it, and
 * the others take its weight in proportion. With discovery this sets how many
 * interests, and so how many needs, users hold: more and better content keeps
 * more of them.
 */
export function loseInterests(world: World, rng: Rng): void {
  const u = world.users;
  const n = poisson(rng, u.alive * world.params.demand.interestLossPerDay);
  for (let i = 0; i < n; i++) {
    const id = (rng() * u.count) | 0;
    if (u.hasChurned[id]) continue;
    const base = id * INTEREST_SLOTS;
    let weakest = -1;
    let held = 0;
    for (let s = 0; s < INTEREST_SLOTS; s++) {
      if (u.interestWeight[base + s] <= 0) continue;
      held++;
      if (weakest < 0 || u.interestWeight[base + s] < u.interestWeight[weakest]) weakest = base + s;
    }
    if (held < 2) continue;
    const rest = 1 - u.interestWeight[weakest];
    for (let s = 0; s < INTEREST_SLOTS; s++) if (base + s !== weakest) u.interestWeight[base + s] /= rest;
    u.interestWeight[weakest] = 0;
    u.needDay[weakest] = NEVER;
    u.lastMerchant[weakest] = -1;
    u.lastSatisfied[weakest] = 0;
    u.isDiscovered[weakest] = 0;
    resetReferencePrice(world, weakest);
    world.metrics.today[M.interests_lost]++;
  }
}

/** The interest of slot `idx` gains `share` of its gap to 1; the user's other interests give way in proportion. */
export function reinforce(world: World, idx: number, share: number): void {
  const u = world.users;
  const base = idx - (idx % INTEREST_SLOTS);
  const w = u.interestWeight[idx];
  const next = w + share * (1 - w);
  const scale = w < 1 ? (1 - next) / (1 - w) : 0;
  for (let s = 0; s < INTEREST_SLOTS; s++) if (base + s !== idx) u.interestWeight[base + s] *= scale;
  u.interestWeight[idx] = next;
}

/**
 * Where an order's demand came from, counted as it is placed: the first
 * purchase of an interest content created (discovery), a need that was due
 * (restock), or neither (impulse, including offers outside the user's
 * interests). A purchase reinforces its interest.
 */
export function countDemandSource(world: World, slotIndex: number): void {
  const row = world.metrics.today;
  const u = world.users;
  if (slotIndex < 0) {
    row[M.orders_impulse]++;
    return;
  }
  if (u.isDiscovered[slotIndex]) {
    row[M.orders_discovered]++;
    u.isDiscovered[slotIndex] = 0;
  } else if (world.today.internalDay >= u.needDay[slotIndex]) row[M.orders_restock]++;
  else row[M.orders_impulse]++;
  reinforce(world, slotIndex, world.params.demand.purchaseReinforcement);
}
