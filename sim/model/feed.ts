/**
 * Traffic allocation (MODEL.md 3.3): once a day, per category, the alias
 * tables over today's offers are rebuilt from the allocation score
 *   channel weight x inclusive reach x quality and credibility signals
 *   x (1 + traffic subsidy boost) x governance demotion,
 * so that one draw in a session costs O(1). Public-domain reach has
 * diminishing returns to followers (popularityExponent < 1: "inclusive").
 * Also built here: the paid table (auction of bid and quality), the search
 * table (ranking by quality and fit), and the product-selection table that
 * creators pick products from (commission and fit). After the users' day,
 * `settleImpressions` turns impressions into paid spend and subsidy use.
 */
import { ENTRY, ENTRY_BOUND, PRODUCT_SLOTS, type Tables } from "../engine/world.js";
import { addOfferBound, addOfferShare, finishBounds, resetBounds } from "./bounds.js";
import { NOISE_CLIP, PRICE_FLOOR_SHARE } from "./choice.js";
import { standingOf } from "./merchant-strategy.js";
import { M } from "./metrics.js";
import type { World } from "./world.js";

/** Governance: sellers whose complaint rate is high lose traffic. */
export function demotion(world: World, complaintRate: number): number {
  const b = world.params.behaviour.feed;
  const excess = complaintRate - b.complaintThreshold;
  return excess > 0 ? Math.exp(-world.params.levers.governance.strength * b.demotionSteepness * excess) : 1;
}

/** Public-domain reach of an account with `followersPlatform` platform-scale followers: diminishing returns. */
function reachOf(world: World, followersPlatform: number): number {
  return Math.pow(1 + followersPlatform / world.params.behaviour.feed.reachFollowersUnit, world.params.levers.popularityExponent);
}

/** Creator reach in the public domain: diminishing returns to platform-scale followers. */
export function creatorReach(world: World, c: number): number {
  return reachOf(world, world.creators.followers[c] * world.res.creatorFollowerScale);
}

/** Liveliness of a creator's room, 0..1: big audiences make lively rooms. */
export function creatorLiveliness(world: World, c: number): number {
  const full = Math.log10(world.params.behaviour.feed.livelinessFullFollowersPlatform);
  return Math.min(1, Math.log10(1 + world.creators.followers[c] * world.res.creatorFollowerScale) / full);
}

/**
 * Fit of a creator to a viewer, a match between its vertical and the
 * viewer's interests: with v the creator's verticality, s the viewer's match
 * (the viewer's interest weight in the creator's category over their
 * strongest interest's, 0..1: 1 for those whose strongest interest it is)
 * and w = fitMatchWeight,
 *   fit = creatorFitBase + v x (1 - w + w x s) + w x (1 - v) x generalistFit.
 * At w = 1 a niche expert (v near 1) fits its own audience (s = 1) best and
 * others less, a generalist fits everyone at about generalistFit (reaches
 * wider); at w = 0 fit is base + v for every viewer. No exp or log: it is
 * read per evaluated offer. Never above maxCreatorFit (v, s, generalistFit
 * are all within 0..1), which the thinning bounds rely on.
 */
export function creatorFit(world: World, verticality: number, match: number): number {
  const b = world.params.behaviour.feed;
  const w = b.fitMatchWeight;
  return b.creatorFitBase + verticality * (1 - w + w * match) + w * (1 - verticality) * b.generalistFit;
}

/** A creator's largest fit over viewers (a viewer whose strongest interest is its category): the feed entry's own bound. */
export function creatorFitBound(world: World, verticality: number): number {
  return creatorFit(world, verticality, 1);
}

/** The largest fit a creator can have (verticality is at most 1: creators.ts clips it), to scale a fit to 0..1. */
export function maxCreatorFit(world: World): number {
  return world.params.behaviour.feed.creatorFitBase + 1;
}

function boostFor(world: World, isNewCreator: boolean, isNewMerchant: boolean, isLiveMerchant: boolean, isBelt: boolean, isGrowing = false): number {
  if (!world.today.isTrafficSubsidyOn) return 0;
  const t = world.params.levers.trafficSubsidy;
  return (isNewCreator ? t.newCreatorBoost : 0) + (isNewMerchant ? t.newMerchantBoost : 0) + (isLiveMerchant ? t.selfBroadcastBoost : 0) + (isBelt ? t.beltBoost : 0) + (isGrowing ? t.growingMerchantBoost : 0);
}

/** Incubation: a merchant whose annual sales run rate has reached the programme's floor but not yet the sales mark. */
function isGrowing(world: World, m: number): boolean {
  const annual = 365 * world.merchants.salesRunRate[m];
  return annual >= world.params.levers.trafficSubsidy.growingMinAnnualSalesRmb && annual < world.params.merchants.salesMarkRmbPlatform;
}

/** Offer part of utility that depends on the product only (for bounds): quality as claimed, with the noise at its limit, and brand. */
function productBound(world: World, m: number): number {
  const mer = world.merchants;
  const coef = world.choice.coef;
  return coef.quality * (mer.quality[m] + mer.claims[m] + coef.qualityNoise * NOISE_CLIP) + coef.brand * mer.brand[m];
}

/**
 * Add merchant m's product, offered in category k with utility part `a` by a
 * seller of credibility `credibility`, to the category's bounds: at the
 * lowest price it can have today (campaign discount, consumer subsidy, the
 * floor; a coupon is bounded per user), relative to the category's reference
 * price for the envelope, as a share of its list price for the
 * reference-price gain. Returns the offer's lowest log relative price (an
 * entry's own bound, bounds.ts).
 */
function addOffer(world: World, k: number, a: number, m: number, credibility: number): number {
  const mer = world.merchants;
  const today = world.today;
  const discount = today.campaignDiscount + (mer.brand[m] >= world.choice.coef.subsidyMinBrand ? today.consumerSubsidyRate : 0);
  const share = Math.max(PRICE_FLOOR_SHARE, 1 - discount);
  const logPrice = Math.log((mer.priceRmb[m] * share) / world.cats.refPriceRmb[mer.cat[m]]);
  addOfferBound(world, k, a, logPrice, credibility);
  addOfferShare(world, k, share, mer.priceRmb[m]);
  return logPrice;
}

/**
 * Active agents grouped by category, in id order within a category: a
 * counting sort, one pass over the agents instead of one per category.
 * `order` gets the ids, `start` the categories' offsets (categories + 1).
 */
function groupByCategory(count: number, isActive: Uint8Array, catOf: Uint8Array, order: Int32Array, start: Int32Array, fill: Int32Array): void {
  start.fill(0);
  for (let i = 0; i < count; i++) if (isActive[i]) start[catOf[i] + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  fill.set(start.subarray(0, fill.length));
  for (let i = 0; i < count; i++) if (isActive[i]) order[fill[catOf[i]]++] = i;
}

/** An organic entry's own thinning bound (bounds.ts): utility part `a`, lowest log relative price, interest coefficient x fit. */
function setEntryBound(t: Tables, n: number, a: number, logPrice: number, interest: number): void {
  const r = n * ENTRY_BOUND;
  t.entryBound[r] = a;
  t.entryBound[r + 1] = interest;
  t.entryBound[r + 2] = logPrice;
}

export function buildFeedTables(world: World): void {
  const { tables: t, creators: cr, merchants: mer, cats } = world;
  const coef = world.choice.coef;
  const lv = world.params.levers;
  const b = world.params.behaviour.feed;
  const day = world.today.internalDay;
  const newDays = lv.trafficSubsidy.newDays;
  // a store's followers at platform scale: merchants sampled finer share the follows of users
  const storeFollowerScale = world.res.storeFollowerScale;
  // an entry speaks for every account its simulated agent stands for: creators and merchants
  // sampled at different scales share the feed as the real accounts would (per user scale)
  const creatorAgents = world.res.creatorScale / world.res.userScale;
  const merchantAgents = world.res.merchantScale / world.res.userScale;
  groupByCategory(cr.count, cr.isActive, cr.mainCat, t.creatorOrder, t.creatorStart, t.groupFill);
  let n = 0;
  for (let k = 0; k < cats.count; k++) {
    const start = n;
    resetBounds(world, k);
    // skill <= 1; liveliness is added per user (casual users only)
    const liveBound = world.choice.coef.liveDemo * cats.liveDemo[k] + world.choice.coef.skill;
    for (let i = t.creatorStart[k]; i < t.creatorStart[k + 1]; i++) {
      const c = t.creatorOrder[i];
      if (cr.productCount[c] === 0) continue;
      const signal = (b.qualityOffset + cr.quality[c]) * (b.credibilityOffset + cr.credibility[c]) * (1 + b.generalistReachBonus - b.generalistReachBonus * cr.verticality[c]);
      const reach = creatorReach(world, c);
      const boost = boostFor(world, day - cr.entryDay[c] < newDays, false, false, false);
      const live = cr.isLive[c] ? liveBound : 0;
      // the creator's entries bound their products at once: the best utility part, the lowest price
      let a = -Infinity;
      let logPrice = Infinity;
      for (let j = 0; j < cr.productCount[c]; j++) {
        const m = cr.products[c * PRODUCT_SLOTS + j];
        const aj = productBound(world, m);
        if (aj > a) a = aj;
        const lp = addOffer(world, k, aj + live, m, cr.credibility[c]);
        if (lp < logPrice) logPrice = lp;
      }
      const interest = coef.interest * creatorFitBound(world, cr.verticality[c]);
      if (cr.isLive[c]) {
        t.feedKind[n] = ENTRY.creatorLive;
        t.feedSource[n] = c;
        t.feedWeight[n] = creatorAgents * lv.channelWeights.creatorLive * reach * signal * (1 + boost);
        t.feedBoostShare[n] = boost / (1 + boost);
        setEntryBound(t, n, a + liveBound, logPrice, interest);
        n++;
      }
      if (cr.hasVideo[c]) {
        t.feedKind[n] = ENTRY.creatorVideo;
        t.feedSource[n] = c;
        t.feedWeight[n] = creatorAgents * lv.channelWeights.shortVideo * Math.sqrt(reach) * signal * (1 + boost);
        t.feedBoostShare[n] = boost / (1 + boost);
        setEntryBound(t, n, a, logPrice, interest);
        n++;
      }
    }
    // the category's active merchants, as buildMerchantTables grouped them this morning
    for (let i = t.merchantStart[k]; i < t.merchantStart[k + 1]; i++) {
      const m = t.merchantOrder[i];
      // standing relative to the category's mean: growth shifts traffic between merchants, not from creators to merchants
      const signal = (b.qualityOffset + mer.quality[m]) * (b.credibilityOffset + mer.credibility[m]) * demotion(world, mer.complaintRate[m]) * (t.standing[i] / world.scratch.strategy.standingMean[k]);
      const reach = reachOf(world, mer.followers[m] * storeFollowerScale);
      const isNew = day - mer.entryDay[m] < newDays;
      const growing = isGrowing(world, m);
      // a merchant's offers: its live room when live, its product video always; a paid slot shows the same
      const a = productBound(world, m);
      const liveA = mer.isLive[m] ? liveBound : 0;
      const logPrice = addOffer(world, k, a + liveA, m, mer.credibility[m]);
      const r = i * ENTRY_BOUND;
      t.merchantBound[r] = a;
      t.merchantBound[r + 1] = liveA;
      t.merchantBound[r + 2] = logPrice;
      if (mer.isLive[m]) {
        const boost = boostFor(world, false, isNew, true, mer.isBelt[m] === 1, growing);
        t.feedKind[n] = ENTRY.merchantLive;
        t.feedSource[n] = m;
        t.feedWeight[n] = merchantAgents * lv.channelWeights.selfBroadcast * reach * signal * (b.merchantLiveSkillOffset + mer.liveSkill[m]) * (1 + boost);
        t.feedBoostShare[n] = boost / (1 + boost);
        setEntryBound(t, n, a + liveA, logPrice, coef.interest);
        n++;
      }
      const boost = boostFor(world, false, isNew, false, mer.isBelt[m] === 1, growing);
      t.feedKind[n] = ENTRY.merchantVideo;
      t.feedSource[n] = m;
      t.feedWeight[n] = merchantAgents * lv.channelWeights.shortVideo * b.merchantVideoWeight * signal * (1 + boost);
      t.feedBoostShare[n] = boost / (1 + boost);
      setEntryBound(t, n, a, logPrice, coef.interest);
      n++;
    }
    finishBounds(world, k);
    t.feed.build(k, t.feedWeight, start, n - start);
  }
}

/** Paid, search and selection tables over merchants, grouped by category; run before supply. */
export function buildMerchantTables(world: World): void {
  const { tables: t, merchants: mer, cats } = world;
  const lv = world.params.levers;
  const qw = lv.paidTraffic.qualityWeight;
  const rq = lv.mallSearch.rankingQuality;
  const cw = world.params.creators.commissionWeight;
  const b = world.params.behaviour.feed;
  const paidExponent = b.auctionQualityExponent * qw;
  const searchExponent = b.searchSharpnessBase + b.searchSharpnessRange * rq;
  groupByCategory(mer.count, mer.isActive, mer.cat, t.merchantOrder, t.merchantStart, t.groupFill);
  for (let k = 0; k < cats.count; k++) {
    const start = t.merchantStart[k];
    const n = t.merchantStart[k + 1];
    const size = n - start;
    // paid: the auction weighs the bid against quality
    for (let i = start; i < n; i++) {
      const m = t.merchantOrder[i];
      const q = (b.qualityOffset + mer.quality[m]) * (b.credibilityOffset + mer.credibility[m]) * demotion(world, mer.complaintRate[m]);
      t.paidWeight[i] = Math.pow(mer.paidBudgetRmb[m], b.auctionBidExponent) * Math.pow(q, paidExponent);
    }
    t.paid.build(k, t.paidWeight, start, size);
    // a merchant's standing (capacity and price competitiveness, merchant-strategy.ts) in search, selection
    // and the feed; the feed reads it again after supply, relative to the category's mean
    let capacitySum = 0;
    for (let i = start; i < n; i++) {
      const w = standingOf(world, t.merchantOrder[i]);
      t.standing[i] = w;
      capacitySum += w;
    }
    world.scratch.strategy.standingMean[k] = size > 0 ? capacitySum / size : 1;
    // search: ranking quality sharpens the tilt toward good, well-served, trusted stores
    for (let i = start; i < n; i++) {
      const m = t.merchantOrder[i];
      const q = (b.qualityOffset + mer.quality[m]) * (b.searchServiceOffset + mer.service[m]) * (b.credibilityOffset + mer.credibility[m]) * demotion(world, mer.complaintRate[m]);
      t.merchantWeight[i] = Math.pow(q, searchExponent) * (1 + b.searchBrandTilt * mer.brand[m]) * t.standing[i];
    }
    t.search.build(k, t.merchantWeight, start, size);
    // selection: creators pick products by expected commission and fit
    for (let i = start; i < n; i++) {
      const m = t.merchantOrder[i];
      const commissionPerOrder = (mer.commission[m] * mer.priceRmb[m]) / cats.refPriceRmb[k];
      t.merchantWeight[i] = Math.pow(commissionPerOrder, cw) * (b.selectionQualityOffset + mer.quality[m]) * (b.credibilityOffset + mer.credibility[m]) * demotion(world, mer.complaintRate[m]) * t.standing[i];
    }
    t.selection.build(k, t.merchantWeight, start, size);
  }
}

/**
 * After the users' day: expected impressions of each entry from the day's
 * commerce impressions per category; traffic-subsidy impressions used and
 * merchants' paid spend follow from them. Paid impressions are sold by
 * proportional share (Kelly 1997): a merchant's share of a category's paid
 * impressions is its share of the auction weight, and the category's price
 * per impression clears the market, the bidders' budgets over the paid
 * impressions, never below the reserve price
 * (merchants.costPerThousandImpressionsRmb); a merchant pays its impressions
 * at that price, at most its budget. So a merchant that holds most of a
 * category's paid traffic pays about its whole budget for it, and a larger
 * budget buys it little more: budgets cannot run away.
 */
export function settleImpressions(world: World): void {
  const { tables: t, merchants: mer, cats } = world;
  mer.paidSpendRmb.fill(0);
  const paidShare = world.today.paidShare;
  const reserve = world.params.merchants.costPerThousandImpressionsRmb / 1000;
  const today = world.metrics.today;
  let subsidised = 0;
  let adRevenue = 0;
  for (let k = 0; k < cats.count; k++) {
    const total = t.impressions[k];
    const organic = total * (1 - paidShare);
    const size = t.feed.size[k];
    const start = t.feed.start[k];
    const W = t.feed.total[k];
    if (size > 0 && W > 0) for (let i = start; i < start + size; i++) subsidised += (organic * t.feedWeight[i] * t.feedBoostShare[i]) / W;
    const paidSize = t.paid.size[k];
    const PW = t.paid.total[k];
    const paid = total * paidShare;
    if (paidSize > 0 && PW > 0 && paid > 0) {
      today[M.paid_impressions] += paid;
      const paidStart = t.paid.start[k];
      let budgets = 0;
      for (let i = paidStart; i < paidStart + paidSize; i++) if (t.paidWeight[i] > 0) budgets += mer.paidBudgetRmb[t.merchantOrder[i]];
      const price = Math.max(reserve, budgets / paid);
      for (let i = paidStart; i < paidStart + paidSize; i++) {
        const m = t.merchantOrder[i];
        const spend = Math.min(mer.paidBudgetRmb[m], (paid * t.paidWeight[i] * price) / PW);
        mer.paidSpendRmb[m] = spend;
        mer.cashRmb[m] -= spend * world.res.perMerchant; // a merchant's cash is per real merchant (merchants.ts)
        adRevenue += spend;
      }
    }
    t.impressions[k] = 0;
  }
  today[M.ad_revenue] += adRevenue;
  today[M.platform_revenue] += adRevenue;
  if (world.today.isTrafficSubsidyOn) {
    const used = Math.min(subsidised, world.today.trafficImpressionsLeft);
    world.platform.trafficImpressionsSpent += used;
    today[M.subsidy_traffic_impressions] += used;
    // priced like paid traffic: impressions the platform gave away instead of selling
    today[M.subsidy_traffic_rmb] += (used * world.params.levers.trafficSubsidy.cpmRmb) / 1000;
  }
}
