/**
 * The users' day (MODEL.md 1.3 step 3), in fixed chunks of users whose
 * effects on shared state are applied after the sessions in chunk order
 * (session-effects.ts), so chunks can run on several threads
 * (session-threads.ts). Each active user, visited from a random starting id
 * of its chunk so that no user is always first to the chunk's budgets, has:
 *  - a feed session: commerce impressions drawn by interest, filled from the
 *    organic or the paid table; each can lead to a purchase (logit) or a follow;
 *  - visits to followed accounts that are live (the private domain);
 *  - for needs that are due: a revisit of a satisfying store, or a search in
 *    the mall (the shelf).
 * Thinning: the purchase probability of a feed impression is bounded from
 * above per interest slot (`upperLogistic` on a utility bound), candidate
 * events are drawn as a Poisson count under the bound, and each is accepted
 * with p / bound, so a user-day costs O(events), not O(impressions), and the
 * result is exact. Every draw of a user's day comes from a stream keyed by the
 * user and the day (engine/rng.ts KeyedStream).
 */
import type { KeyedStream, Rng } from "../engine/rng.js";
import { CHANNEL, ENTRY, ENTRY_BOUND, FOLLOW_SLOTS, INTEREST_SLOTS, PRODUCT_SLOTS, PS_GRID, SEGMENT } from "../engine/world.js";
import { PRICE_FLOOR_SHARE, type Coefficients, evaluate, interestIn, intercept, isCouponEligible, liveTerm, upperLogistic } from "./choice.js";
import { creatorFit, creatorLiveliness, maxCreatorFit } from "./feed.js";
import { creatorAccount, follow, isFollowing, storeAccount } from "./follows.js";
import { M } from "./metrics.js";
import { referenceGainBound } from "./reference-price.js";
import { ROUTE, isSameMerchant, placeOrder } from "./orders.js";
import { shockActivity } from "./shocks.js";
import { feedDay, READINGS } from "./trust.js";
import { fatigueActivity, fatigueKeep, paidAttention, seeAds } from "./ad-fatigue.js";
import { discover } from "./discovery.js";
import { contentFollow } from "./creator-growth.js";
import { SESSION_CHUNKS, beginSessions, chunkStart, enterChunk, finishSessions, leaveChunk, ownsChunk } from "./session-effects.js";
import type { World } from "./world.js";

/**
 * The users' day's working state, made once with the world: the current
 * user's slot bounds and rates, the user's part of the bounds, the segments'
 * base utilities, and the thinning counts (a test reads them: a bound that
 * is exceeded or not a number is a bug).
 */
export class SessionScratch {
  readonly slotBound = new Float64Array(INTEREST_SLOTS);
  readonly slotRate = new Float64Array(INTEREST_SLOTS);
  readonly slotUb = new Float64Array(INTEREST_SLOTS);
  /** the part of slotUb that is the same for every offer: all but credibility and the offer envelope (entry bounds) */
  readonly slotRest = new Float64Array(INTEREST_SLOTS);
  readonly segmentBase = new Float64Array(3);
  /** the current user's part of the slot bounds (prepareUserBound), read per slot */
  userBase = 0;
  userCredTrust = 0;
  userGridIndex = 0;
  userGridFrac = 0;
  userPs = 0;
  userHasCoupon = false;
  /**
   * interests the user holds: the interest term uses weight x held (intensity), so a
   * user's attention spread over more interests does not make each less wanted
   */
  userHeld = 1;
  /** the user's largest interest weight: a creator's fit is a match, its category's weight over this (feed.ts creatorFit) */
  userMaxWeight = 1;
  /** the user's interest-weighted unwanted share of paid items today (seeFeed, for ad-fatigue.ts seeAds) */
  userUnwanted = 0;
  readonly thinning = { candidates: 0, evaluated: 0, accepted: 0, violations: 0 };
  /** where the users' commerce impressions by category are counted: the current chunk's (session-effects.ts) */
  impressions: Float64Array = new Float64Array(0);
  /** each chunk's random start (runSessions) */
  readonly chunkFirst = new Float64Array(SESSION_CHUNKS);
  /** each chunk's sums of the day's readings (trust.ts measureTrustAndNps) */
  readonly readings = new Float64Array(SESSION_CHUNKS * READINGS);
}

export function runSessions(world: World, order: Rng, userDays: KeyedStream, contentFollows: KeyedStream): void {
  if (world.users.count === 0) return;
  // each chunk starts at a random id of its own, so that no user is always first to the chunk's budgets
  const starts = world.scratch.sessions.chunkFirst;
  for (let k = 0; k < SESSION_CHUNKS; k++) starts[k] = order();
  beginSessions(world);
  const threads = world.sessionThreads;
  threads?.dispatch(world, starts);
  runChunks(world, starts, 0, threads?.count ?? 1, userDays, contentFollows);
  threads?.collect(world);
  finishSessions(world);
}

/**
 * The chunks of thread `thread` of `threads` (session-threads.ts), each
 * from its own random start (`starts`, uniforms); with `reverse` (tests) last
 * to first.
 */
export function runChunks(world: World, starts: Float64Array, thread: number, threads: number, userDays: KeyedStream, contentFollows: KeyedStream): void {
  const n = world.users.count;
  const reverse = world.sessionEffects.reverse;
  for (let j = 0; j < SESSION_CHUNKS; j++) {
    const k = reverse ? SESSION_CHUNKS - 1 - j : j;
    if (!ownsChunk(k, thread, threads)) continue;
    const lo = chunkStart(n, k);
    const hi = chunkStart(n, k + 1);
    enterChunk(world, k);
    runChunk(world, lo, hi, lo + ((starts[k] * (hi - lo)) | 0), userDays, contentFollows);
    leaveChunk(world, k);
  }
}

/** The users' days of ids [lo, hi), from `first` on and round. */
function runChunk(world: World, lo: number, hi: number, first: number, userDays: KeyedStream, contentFollows: KeyedStream): void {
  const u = world.users;
  const today = world.today;
  const row = world.metrics.today;
  const nc = today.commerceImpressions;
  const activity = today.activityMultiplier;
  const followRate = nc * world.params.creators.followProbPerExposure;
  const rng = userDays.next;
  const day = today.internalDay;
  prepareSegmentBase(world);
  // the day's working state, read once here and handed down (the hot helpers take it, not the world's fields)
  const sc = world.scratch.sessions;
  const coef = world.choice.coef;
  const keep = fatigueKeep(world);
  // follows from content draw from their own keyed stream, so the users' days keep their draws
  const follows = world.params.behaviour.creators.contentFollowPerUserDay > 0 ? contentFollows : undefined;
  for (let k = lo; k < hi; k++) {
    let id = first + k - lo;
    if (id >= hi) id -= hi - lo;
    if (u.hasChurned[id]) continue;
    // each user's day draws from its own keyed stream: common random numbers per user and day
    userDays.rekey(id, day);
    if (rng() >= u.activity[id] * activity * fatigueActivity(world, id) * shockActivity(world, id)) continue;
    row[M.dau]++;
    feedDay(world, id, seeFeed(world, sc, id, nc));
    seeAds(world, id, nc, sc.userUnwanted, keep);
    discover(world, rng, id);
    let orders = row[M.orders];
    let buyRate = boundSlots(world, sc, coef, id, nc);
    let total = buyRate + followRate;
    if (Number.isNaN(total)) sc.thinning.violations++; // a bound that is not a number is a bug: tests read this
    // candidate events in session time [0, 1): exponential gaps at the bounding rate; an
    // order can raise trust and so the bound, which is then recomputed for the rest of
    // the session (the process is memoryless), keeping the thinning exact
    let time = 0;
    for (;;) {
      const u = rng();
      const left = 1 - time;
      if (!(u < total * left)) break; // also ends a session whose rate is not a number // P(no event in what is left) = exp(-total x left) >= 1 - total x left
      const gap = -Math.log(1 - u) / total;
      if (gap >= left) break;
      time += gap;
      const x = rng() * total;
      if (x < buyRate) feedCandidate(world, sc, coef, rng, id, pickSlot(sc.slotRate, x));
      else followCandidate(world, sc, rng, id);
      if (row[M.orders] !== orders) {
        orders = row[M.orders];
        buyRate = boundSlots(world, sc, coef, id, nc);
        total = buyRate + followRate;
      }
    }
    privateDomain(world, coef, rng, id);
    shelf(world, sc, coef, rng, id, orders); // orders when the slot bounds were last computed
    if (follows !== undefined) {
      follows.rekey(id, day);
      contentFollow(world, follows.next, id);
    }
  }
}

/**
 * Per interest slot: the bound of a purchase probability and the candidate
 * rate. Hot: runs for every active user-day.
 */
function boundSlots(world: World, sc: SessionScratch, coef: Coefficients, id: number, nc: number): number {
  const u = world.users;
  const { slotUb, slotBound, slotRate } = sc;
  prepareUserBound(world, sc, coef, id);
  let rate = 0;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    const idx = id * INTEREST_SLOTS + s;
    const w = u.interestWeight[idx];
    if (w === 0) {
      // a slot not held (discovery.ts): no impressions, no purchases, no need
      slotUb[s] = slotBound[s] = slotRate[s] = 0;
      continue;
    }
    const ub = slotUtilityBound(world, sc, coef, idx, s);
    slotUb[s] = ub;
    const pb = upperLogistic(ub + coef.interestBound * w * sc.userHeld); // no creator fits better than maxCreatorFit
    slotBound[s] = pb;
    rate += slotRate[s] = nc * w * pb;
  }
  return rate;
}

/**
 * The day's commerce impressions of a user, by interest (for paid spend and
 * subsidy accounting), and what they were worth to the user: the
 * interest-weighted value of the categories' feed items (trust.ts feedDay);
 * and, for the ad memory, how unwanted their paid items were (sc.userUnwanted).
 */
function seeFeed(world: World, sc: SessionScratch, id: number, nc: number): number {
  const u = world.users;
  const impressions = sc.impressions;
  const value = world.tables.feedValue;
  const paidUnwanted = world.tables.paidUnwanted;
  let commerce = 0;
  let unwanted = 0;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    const cat = u.interestCat[id * INTEREST_SLOTS + s];
    const w = u.interestWeight[id * INTEREST_SLOTS + s];
    impressions[cat] += nc * w;
    commerce += w * value[cat];
    unwanted += w * paidUnwanted[cat];
  }
  sc.userUnwanted = unwanted;
  return commerce;
}


function prepareUserBound(world: World, sc: SessionScratch, coef: Coefficients, id: number): void {
  const u = world.users;
  const segmentBase = sc.segmentBase;
  const trust = u.trust[id];
  const ps = u.priceSensitivity[id];
  const x = (ps / world.tables.psGridMax) * (PS_GRID - 1);
  let j = x | 0;
  if (j >= PS_GRID - 1) j = PS_GRID - 2;
  sc.userBase = segmentBase[u.segment[id]] + u.propensity[id];
  sc.userCredTrust = coef.credibilityTrust * trust;
  sc.userGridIndex = j;
  sc.userGridFrac = x - j;
  sc.userPs = ps;
  sc.userHasCoupon = world.today.couponValue > 0 && isCouponEligible(world, id);
  let held = 0;
  let most = 0;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    const w = u.interestWeight[id * INTEREST_SLOTS + s];
    if (w > 0) held++;
    if (w > most) most = w;
  }
  sc.userHeld = held;
  sc.userMaxWeight = most > 0 ? most : 1;
}

/**
 * Upper bound of the utility of any offer of the slot's category today for
 * the prepared user, without the interest term (the caller adds interest x
 * its largest fit) and channel bonuses: intercept (and liveliness for casual
 * users), need, credibility x trust at the category's most credible seller,
 * the offer envelope at the user's price sensitivity
 * (bounds.ts), what a coupon can add, and the largest reference-price gain
 * (reference-price.ts): at the lowest share of its list price an offer of
 * the category can cost today (subsidy, campaign discount, the coupon if the
 * user has one, the floor; bounds.ts finishBounds, once a day).
 */
function slotUtilityBound(world: World, sc: SessionScratch, coef: Coefficients, idx: number, s: number): number {
  const u = world.users;
  const t = world.tables;
  const today = world.today;
  const cat = u.interestCat[idx];
  const e = cat * PS_GRID + sc.userGridIndex;
  const env = t.envelope;
  const base = sc.userBase + (today.internalDay >= u.needDay[idx] ? coef.needDue : -coef.notDue);
  let ub = base + sc.userCredTrust * t.maxCredibility[cat] + env[e] + sc.userGridFrac * (env[e + 1] - env[e]);
  let rest = base;
  if (sc.userHasCoupon && t.minLogPrice[cat] < 1e8) {
    // (a category with no merchant today has no offers, and no coupon gain)
    // a coupon lowers the price most, relatively, for the cheapest offer
    const minPrice = Math.exp(t.minLogPrice[cat]) * world.cats.refPriceRmb[cat];
    const gain = sc.userPs * Math.log(minPrice / Math.max(PRICE_FLOOR_SHARE * minPrice, minPrice - today.couponValue));
    ub += gain;
    rest += gain;
  }
  const reference = referenceGainBound(coef, u.refLogPrice[idx], sc.userHasCoupon ? t.minLogShareCoupon[cat] : t.minLogShare[cat]);
  sc.slotRest[s] = rest + reference;
  return ub + reference;
}

/**
 * An offer's own bound (bounds.ts): the slot's bound with the offer's seller
 * credibility, utility part and lowest log relative price in place of the
 * category's best, and the offer's interest coefficient x fit (`interest`) in
 * place of the largest; `w` is the interest intensity, `bonus` what the
 * channel adds (search intent, loyalty).
 */
function offerBound(sc: SessionScratch, s: number, credibility: number, a: number, logPrice: number, interest: number, w: number, bonus: number): number {
  return upperLogistic(sc.slotRest[s] + sc.userCredTrust * credibility + a - sc.userPs * logPrice + interest * w + bonus + BOUND_SLACK);
}
/** rounding room between an offer's bound and evaluate's utility, summed in another order */
const BOUND_SLACK = 1e-9;

/** Per segment, the day's intercept plus what a live room can add for it (liveliness counts for casual users). */
function prepareSegmentBase(world: World): void {
  const coef = world.choice.coef;
  const base = world.scratch.sessions.segmentBase;
  for (let seg = 0; seg < 3; seg++) base[seg] = intercept(coef, seg) + (seg === SEGMENT.casual ? coef.liveliness : 0);
}

function pickSlot(slotRate: Float64Array, x: number): number {
  let s = 0;
  while (s < INTEREST_SLOTS - 1 && x >= slotRate[s]) x -= slotRate[s++];
  return s;
}

/**
 * A candidate purchase in the feed: draw the offer, accept with p / bound.
 * The acceptance uniform is first held against the offer's own bound
 * (offerBound, >= p): above it the candidate is rejected without evaluating
 * the offer, which decides exactly as evaluating would, since p is lower still.
 */
function feedCandidate(world: World, sc: SessionScratch, coef: Coefficients, rng: Rng, id: number, s: number): void {
  const u = world.users;
  const t = world.tables;
  const cr = world.creators;
  const mer = world.merchants;
  const idx = id * INTEREST_SLOTS + s;
  if (sc.slotRate[s] === 0) return; // a slot not held, met only by rounding
  const cat = u.interestCat[idx];
  const w = u.interestWeight[idx] * sc.userHeld;
  const bound = sc.slotBound[s];
  if (world.today.paidShare > 0 && rng() < world.today.paidShare) {
    // a paid slot reaches someone interested in the advertised category only as often as the
    // ad system's targeting manages; a mistargeted one is seen, billed and not bought from
    if (rng() >= world.params.levers.paidTraffic.targeting) return;
    const i = t.paid.draw(cat, rng);
    if (i < 0) return;
    const m = t.merchantOrder[i];
    const cred = mer.credibility[m];
    const noise = rng();
    sc.thinning.candidates++;
    const x = rng() * bound;
    const r = i * ENTRY_BOUND;
    const own = offerBound(sc, s, cred, t.merchantBound[r] + t.merchantBound[r + 1], t.merchantBound[r + 2], coef.interest, w, 0);
    if (x >= own) return;
    let channel: number = CHANNEL.shortVideo;
    let live = 0;
    if (mer.isLive[m]) {
      channel = CHANNEL.selfBroadcast;
      live = liveTerm(coef, u.segment[id], mer.liveSkill[m], world.cats.liveDemo[cat], mer.liveSkill[m]);
    }
    // ad blindness (ad-fatigue.ts): p only falls, the bound holds
    const p = evaluate(world, id, m, w, idx, 1, cred, live, 0, noise) * paidAttention(world, id);
    accept(world, sc, rng, id, m, idx, channel, -1, ROUTE.paid, p, own, bound, x);
    return;
  }
  const i = t.feed.draw(cat, rng);
  if (i < 0) return;
  const src = t.feedSource[i];
  const kind = t.feedKind[i];
  const isCreator = kind === ENTRY.creatorLive || kind === ENTRY.creatorVideo;
  const pick = isCreator ? (rng() * cr.productCount[src]) | 0 : 0;
  const cred = isCreator ? cr.credibility[src] : mer.credibility[src];
  const noise = rng();
  sc.thinning.candidates++;
  const x = rng() * bound;
  const r = i * ENTRY_BOUND;
  const own = offerBound(sc, s, cred, t.entryBound[r], t.entryBound[r + 2], t.entryBound[r + 1], w, 0);
  if (x >= own) return;
  const seg = u.segment[id];
  const demo = world.cats.liveDemo[cat];
  let m = src;
  let creator = -1;
  let fit = 1;
  let live = 0;
  let channel: number = CHANNEL.shortVideo;
  if (isCreator) {
    creator = src;
    m = cr.products[src * PRODUCT_SLOTS + pick];
    fit = creatorFit(world, cr.verticality[src], u.interestWeight[idx] / sc.userMaxWeight);
    if (kind === ENTRY.creatorLive) {
      channel = CHANNEL.creatorLive;
      live = liveTerm(coef, seg, creatorLiveliness(world, src), demo, cr.skill[src]);
    }
  } else if (kind === ENTRY.merchantLive) {
    channel = CHANNEL.selfBroadcast;
    live = liveTerm(coef, seg, mer.liveSkill[m], demo, mer.liveSkill[m]);
  }
  const p = evaluate(world, id, m, w, idx, fit, cred, live, 0, noise);
  accept(world, sc, rng, id, m, idx, channel, creator, ROUTE.feed, p, own, bound, x);
}

/** The thinned decision on an evaluated candidate: `x` is the acceptance uniform x the bound; p above either bound is a bug (tests read the count). */
function accept(
  world: World, sc: SessionScratch, rng: Rng, id: number, m: number, idx: number, channel: number, creator: number, route: number,
  p: number, own: number, bound: number, x: number,
): void {
  sc.thinning.evaluated++;
  if (p > own || p > bound) sc.thinning.violations++;
  if (x < p) {
    sc.thinning.accepted++;
    placeOrder(world, rng, id, m, idx, channel, creator, route);
  }
}

/** A candidate follow from a feed exposure: more likely when the match is high. */
function followCandidate(world: World, sc: SessionScratch, rng: Rng, id: number): void {
  const u = world.users;
  const t = world.tables;
  let x = rng();
  let s = 0;
  while (s < INTEREST_SLOTS - 1 && x >= u.interestWeight[id * INTEREST_SLOTS + s]) x -= u.interestWeight[id * INTEREST_SLOTS + s++];
  const idx = id * INTEREST_SLOTS + s;
  const i = t.feed.draw(u.interestCat[idx], rng);
  if (i < 0) return;
  const src = t.feedSource[i];
  const kind = t.feedKind[i];
  const isCreator = kind === ENTRY.creatorLive || kind === ENTRY.creatorVideo;
  const w = u.interestWeight[idx];
  const accept = w * (isCreator ? creatorFit(world, world.creators.verticality[src], w / sc.userMaxWeight) / maxCreatorFit(world) : world.params.merchants.storeFollowRelativeToCreator);
  if (rng() < accept) follow(world, id, isCreator ? creatorAccount(src) : storeAccount(src), rng());
}

/** Followers of a live account visit its room: the private-domain channel. */
function privateDomain(world: World, coef: Coefficients, rng: Rng, id: number): void {
  const u = world.users;
  const cr = world.creators;
  const mer = world.merchants;
  const visitProb = world.params.creators.privateVisitProb;
  const seg = u.segment[id];
  const bonus = coef.following + (seg === SEGMENT.fan ? coef.fanFollowing : 0);
  const held = world.scratch.sessions.userHeld; // prepared for this user by the session (boundSlots)
  const most = world.scratch.sessions.userMaxWeight;
  for (let f = 0; f < FOLLOW_SLOTS; f++) {
    const a = u.follows[id * FOLLOW_SLOTS + f];
    if (a === 0) break; // slots are packed
    // accounts that left are never live (supply clears isLive), so no check is needed here;
    // follow() reclaims their slots
    if (a > 0) {
      const c = a - 1;
      if (!cr.isLive[c] || rng() >= visitProb) continue;
      const m = cr.products[c * PRODUCT_SLOTS + ((rng() * cr.productCount[c]) | 0)];
      const interest = interestIn(world, id, mer.cat[m]);
      const w = interest * held;
      const idx = world.choice.foundSlot;
      const live = liveTerm(coef, seg, creatorLiveliness(world, c), world.cats.liveDemo[mer.cat[m]], cr.skill[c]);
      const p = evaluate(world, id, m, w, idx, creatorFit(world, cr.verticality[c], interest / most), cr.credibility[c], live, bonus, rng());
      if (rng() < p) placeOrder(world, rng, id, m, idx, CHANNEL.creatorLive, c, ROUTE.privateDomain);
    } else {
      const m = -a - 1;
      if (!mer.isLive[m] || rng() >= visitProb) continue;
      const w = interestIn(world, id, mer.cat[m]) * held;
      const idx = world.choice.foundSlot;
      const live = liveTerm(coef, seg, mer.liveSkill[m], world.cats.liveDemo[mer.cat[m]], mer.liveSkill[m]);
      const p = evaluate(world, id, m, w, idx, 1, mer.credibility[m], live, bonus, rng());
      if (rng() < p) placeOrder(world, rng, id, m, idx, CHANNEL.selfBroadcast, -1, ROUTE.privateDomain);
    }
  }
}

/**
 * Due needs go to the shelf: first a revisit of the satisfying merchant of
 * last time (through its store, or its live room when followed and live),
 * else a search in the mall, ranked by the search table.
 */
function shelf(world: World, sc: SessionScratch, coef: Coefficients, rng: Rng, id: number, ordersAtBounds: number): void {
  let ordersAtStart = ordersAtBounds;
  const u = world.users;
  const slotUb = sc.slotUb;
  const mer = world.merchants;
  const day = world.today.internalDay;
  const ms = world.params.levers.mallSearch;
  const row = world.metrics.today;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    const idx = id * INTEREST_SLOTS + s;
    if (day < u.needDay[idx]) continue;
    const w = u.interestWeight[idx] * sc.userHeld; // intensity (SessionScratch.userHeld)
    const last = u.lastMerchant[idx];
    const hasGoodStore = last >= 0 && u.lastSatisfied[idx] === 1 && mer.isActive[last] === 1;
    if (hasGoodStore && rng() < ms.storeRevisitProb) {
      row[M.store_visits]++;
      const viaLive = mer.isLive[last] === 1 && isFollowing(world, id, storeAccount(last));
      const live = viaLive ? liveTerm(coef, u.segment[id], mer.liveSkill[last], world.cats.liveDemo[mer.cat[last]], mer.liveSkill[last]) : 0;
      const bonus = coef.loyalty + (viaLive ? coef.following : 0);
      const p = evaluate(world, id, last, w, idx, 1, mer.credibility[last], live, bonus, rng());
      if (rng() < p) placeOrder(world, rng, id, last, idx, viaLive ? CHANNEL.selfBroadcast : CHANNEL.mallSearch, -1, viaLive ? ROUTE.privateDomain : ROUTE.store);
    } else {
      // one uniform decides both: a search happens when it is under searchProb, and (thinning)
      // only searches under searchProb x bound can convert (p <= bound), so only those are looked at
      const search = rng();
      if (search >= ms.searchProb) continue;
      row[M.searches]++;
      // the slot's bound from the start of the session holds unless an order since then moved trust or needs
      if (row[M.orders] !== ordersAtStart) {
        prepareUserBound(world, sc, coef, id);
        for (let r = 0; r < INTEREST_SLOTS; r++) slotUb[r] = slotUtilityBound(world, sc, coef, id * INTEREST_SLOTS + r, r);
        ordersAtStart = row[M.orders];
      }
      const bound = upperLogistic(slotUb[s] + coef.interest * w + coef.searchIntent + (u.lastSatisfied[idx] === 1 ? coef.loyalty : 0));
      if (search >= ms.searchProb * bound) continue;
      const i = world.tables.search.draw(u.interestCat[idx], rng);
      if (i < 0) continue;
      const m = world.tables.merchantOrder[i];
      const bonus = coef.searchIntent + (u.lastSatisfied[idx] === 1 && isSameMerchant(world, rng, m, last, false) ? coef.loyalty : 0);
      const cred = mer.credibility[m];
      const noise = rng();
      sc.thinning.candidates++;
      const x = rng() * bound;
      const t = world.tables;
      const r = i * ENTRY_BOUND;
      const own = offerBound(sc, s, cred, t.merchantBound[r], t.merchantBound[r + 2], coef.interest, w, bonus);
      if (x >= own) continue;
      accept(world, sc, rng, id, m, idx, CHANNEL.mallSearch, -1, ROUTE.search, evaluate(world, id, m, w, idx, 1, cred, 0, bonus, noise), own, bound, x);
    }
  }
}
