/**
 * Merchants (MODEL.md 3.3): daily profit and cash, exit after sustained
 * distress, self-broadcast adoption (spreading by the returns peers observe
 * and by platform support) and abandonment, paid-traffic budgets that move
 * toward what returned most, and entry that follows the platform's recent GMV
 * and growth, raised by support policies. Owns merchants.isActive, cash,
 * budgets, isSelfBroadcaster, programme flags, and the industry-belt cohort.
 */
import { normal, poisson, type Rng } from "../engine/rng.js";
import { FIRST_DAY } from "../engine/world.js";
import { dropAccount, storeAccount } from "./follows.js";
import { M } from "./metrics.js";
import { simulatedMerchants } from "../scenario/resolution.js";
import { capacityUpkeep, growMerchant, marginOf, startStrategy } from "./merchant-strategy.js";
import { gmvSlot, reserveMerchants, type World } from "./world.js";

/** Add one merchant of category `cat`; returns its id, or -1 when full or refused by governance. */
export function addMerchant(world: World, rng: Rng, cat: number, isBelt: boolean, isIncumbent = false): number {
  const mer = world.merchants;
  const p = world.params.merchants;
  const b = world.params.behaviour.merchantTraits;
  if (mer.count >= mer.capacity) {
    world.platform.entriesRefusedFull++;
    return -1;
  }
  const isBrand = !isBelt && rng() < p.brandShare;
  const brand = clamp01(isBelt ? b.beltBrandRange * rng() : isBrand ? b.brandMin + b.brandRange * rng() : b.nonBrandRange * rng());
  const quality = clamp01(isBelt ? b.beltQualityMean + b.beltQualitySd * normal(rng) : b.qualityBase + b.qualityBrand * brand + b.qualitySd * normal(rng));
  if (!isIncumbent && quality < world.params.levers.governance.entryQualityFloor) return -1;
  if (mer.count >= mer.allocated) reserveMerchants(world, mer.count + 1);
  const m = mer.count++;
  const k = cat;
  const spread = world.cats.priceSpread[k];
  const logLevel = isBelt
    ? b.beltLogPrice + b.beltPriceSpreadFactor * spread * normal(rng)
    : b.priceBrand * (brand - b.priceBrandPivot) + b.priceQuality * (quality - b.priceQualityPivot) + b.priceSpreadFactor * spread * normal(rng);
  mer.isActive[m] = 1;
  mer.cat[m] = k;
  mer.priceRmb[m] = world.cats.refPriceRmb[k] * Math.exp(logLevel);
  mer.quality[m] = quality;
  // poor goods oversell: claims overstate quality, more the worse the goods
  mer.claims[m] = b.claimMax * (1 - quality) * rng();
  mer.brand[m] = brand;
  mer.service[m] = clamp01(b.serviceBase + b.serviceBrand * brand + b.serviceSd * normal(rng));
  mer.credibility[m] = clamp01(b.credibilityBase + b.credibilityBrand * brand);
  mer.complaintRate[m] = b.complaintStart;
  // log-normal around the mean, mean-preserving
  const cs = b.commissionSpread;
  mer.commission[m] = Math.min(b.commissionMax, Math.max(b.commissionMin, p.commissionMean * Math.exp(cs * normal(rng) - (cs * cs) / 2)));
  mer.isSelfBroadcaster[m] = 0;
  mer.liveSkill[m] = clamp01(b.liveSkillStart + b.liveSkillStartRange * rng());
  mer.followers[m] = 0;
  mer.paidBudgetRmb[m] = 0;
  mer.paidReturnRecent[m] = 0;
  mer.paidSpendRecent[m] = 0;
  mer.cashRmb[m] = p.startCashRmb * (1 + b.startCashBrand * brand);
  mer.distressDays[m] = 0;
  mer.entryDay[m] = world.today.internalDay;
  mer.isBelt[m] = isBelt ? 1 : 0;
  mer.programmeDraw[m] = rng();
  startStrategy(world, m);
  mer.active++;
  return m;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Why a merchant leaves: the column that counts it beside merchants_exited (a shock's closures count only there). */
export const EXIT = { losses: M.merchants_exited_losses, governance: M.merchants_exited_governance, idle: M.merchants_exited_idle, shock: -1 } as const;

/** Merchant `m` leaves for good: its store is unfollowed, and the exit is counted in merchants_exited and by its cause (EXIT). */
export function exitMerchant(world: World, m: number, cause: number): void {
  const mer = world.merchants;
  mer.isActive[m] = 0;
  mer.active--;
  dropAccount(world, storeAccount(m));
  world.metrics.today[M.merchants_exited]++;
  if (cause >= 0) world.metrics.today[cause]++;
}

/** Today's warehouse membership: a fixed draw against the programme's current share (service providers: service-providers.ts). */
export function assignProgrammes(world: World): void {
  const mer = world.merchants;
  const lv = world.params.levers;
  for (let m = 0; m < mer.count; m++) {
    mer.isFulfilled[m] = 1 - mer.programmeDraw[m] < lv.fulfilment.share ? 1 : 0;
  }
}

/**
 * Per-category sums of the day's settlement that self-broadcast adoption
 * reads: one per world (world.scratch.merchants), made with it, so that no
 * state outlives a replication or is shared between worlds.
 */
export class MerchantScratch {
  /** live GMV of live self-broadcasters, then (adoptSelfBroadcast) the adoption factor */
  readonly liveRatio: Float64Array;
  readonly liveCount: Float64Array;
  /** net sales of merchants who do not self-broadcast */
  readonly plainSales: Float64Array;
  readonly plainCount: Float64Array;

  constructor(categories: number) {
    this.liveRatio = new Float64Array(categories);
    this.liveCount = new Float64Array(categories);
    this.plainSales = new Float64Array(categories);
    this.plainCount = new Float64Array(categories);
  }
}

/**
 * The day's books of every merchant, self-broadcast and paid-traffic
 * adaptation, and exits. A merchant's cash, costs and cumulative sales are
 * per real merchant: its simulated sales (sample RMB) times `perMerchant`
 * (scenario/resolution.ts), so costs and the sales mark mean the same at any
 * sample size and merchant resolution.
 */
export function settleMerchants(world: World, rng: Rng): void {
  const { merchants: mer, today } = world;
  const p = world.params.merchants;
  const lv = world.params.levers;
  const row = world.metrics.today;
  const day = today.internalDay;
  const perMerchant = world.res.perMerchant;
  const b = world.params.behaviour.merchants;
  const { liveRatio, liveCount, plainSales, plainCount } = world.scratch.merchants;
  liveRatio.fill(0);
  liveCount.fill(0);
  plainSales.fill(0);
  plainCount.fill(0);
  for (let m = 0; m < mer.count; m++) {
    if (!mer.isActive[m]) continue;
    const k = mer.cat[m];
    const net = mer.salesToday[m] - mer.returnsToday[m];
    const isRelieved = today.isFeeReliefOn && day - mer.entryDay[m] < lv.feeRelief.newMerchantDays;
    const take = mer.isBelt[m] ? Math.min(lv.takeRate, lv.industryBelt.takeRate) : isRelieved ? Math.min(lv.takeRate, lv.feeRelief.takeRate) : lv.takeRate;
    if (net > 0) {
      row[M.subsidy_fee] += (lv.takeRate - take) * net;
      row[M.platform_revenue] += take * net;
    }
    const liveCost = mer.isLive[m] ? p.selfBroadcastCostPerDayRmb : 0;
    let agencyFee = 0;
    if (mer.isServed[m]) {
      if (lv.serviceProviders.platformFunded) row[M.subsidy_service] += lv.serviceProviders.feePerDayRmb / perMerchant;
      else agencyFee = lv.serviceProviders.feePerDayRmb;
    }
    const margin = marginOf(world, m);
    const tradingProfit = net * margin - take * net - mer.commissionToday[m] - b.returnCostShare * mer.returnsToday[m];
    mer.cashRmb[m] += tradingProfit * perMerchant - liveCost - p.fixedCostPerDayRmb - capacityUpkeep(world, m) - agencyFee;

    // self-broadcast: keep going while the live room pays for itself
    if (mer.isSelfBroadcaster[m] && mer.isLive[m]) {
      const liveProfit = mer.liveGmvToday[m] * perMerchant * (margin - take) - liveCost;
      mer.liveLossDays[m] = liveProfit < 0 ? mer.liveLossDays[m] + 1 : 0;
      if (mer.liveLossDays[m] > p.selfBroadcastAbandonAfterDays) mer.isSelfBroadcaster[m] = 0;
      liveRatio[k] += mer.liveGmvToday[m];
      liveCount[k]++;
    } else if (!mer.isSelfBroadcaster[m]) {
      plainSales[k] += net;
      plainCount[k]++;
    }

    // paid traffic: move the budget toward its return over the last weeks (a merchant judges
    // its ads on their recent record, not on one day's few orders); start from a share of sales
    const spend = mer.paidSpendRmb[m];
    const memory = 1 / b.roiMemoryDays;
    mer.paidReturnRecent[m] += memory * (mer.paidGmvToday[m] * (margin - take - mer.commission[m] * b.roiCommissionShare) - mer.paidReturnRecent[m]);
    mer.paidSpendRecent[m] += memory * (spend - mer.paidSpendRecent[m]);
    if (spend > 0) {
      const roi = mer.paidReturnRecent[m] / mer.paidSpendRecent[m];
      const step = Math.max(-1, Math.min(1, roi - 1));
      mer.paidBudgetRmb[m] *= 1 + p.paidTrafficAdaptation * step;
    } else if (net > 0) {
      mer.paidBudgetRmb[m] += p.paidTrafficAdaptation * (p.paidTrafficBudgetShare * net - mer.paidBudgetRmb[m]);
    }
    if (mer.cashRmb[m] < 0) mer.paidBudgetRmb[m] *= b.brokeBudgetFactor;

    // growth (reinvestment, brand, run rate), then exit: distress, governance's removal, no sales
    growMerchant(world, m, net);
    mer.distressDays[m] = mer.cashRmb[m] < p.cashFloorRmb ? mer.distressDays[m] + 1 : 0;
    const removal = lv.governance.removalComplaintRate;
    mer.removalDays[m] = removal > 0 && mer.complaintRate[m] > removal ? mer.removalDays[m] + 1 : 0;
    if (mer.distressDays[m] >= p.exitAfterDistressDays) exitMerchant(world, m, EXIT.losses);
    else if (removal > 0 && mer.removalDays[m] >= lv.governance.removalAfterDays) exitMerchant(world, m, EXIT.governance);
    else if (mer.idleDays[m] >= world.params.behaviour.merchantStrategy.idleExitDays) exitMerchant(world, m, EXIT.idle);
    mer.salesToday[m] = 0;
    mer.returnsToday[m] = 0;
    mer.ordersToday[m] = 0;
    mer.commissionToday[m] = 0;
    mer.liveGmvToday[m] = 0;
    mer.paidGmvToday[m] = 0;
  }
  adoptSelfBroadcast(world, rng);
}

/**
 * Adoption spreads by observed returns: the live GMV of a category's live
 * rooms against the sales of its merchants who do not broadcast, and by the
 * platform's push (levers.selfBroadcast.support).
 */
function adoptSelfBroadcast(world: World, rng: Rng): void {
  const mer = world.merchants;
  const p = world.params.merchants;
  const b = world.params.behaviour.merchants;
  const { liveRatio, liveCount, plainSales, plainCount } = world.scratch.merchants;
  const support = 1 + world.params.levers.selfBroadcast.support;
  // service providers incubate hosts: their clients adopt more readily
  const served = 1 + world.params.levers.serviceProviders.adoptionBoost;
  for (let k = 0; k < world.cats.count; k++) {
    const live = liveCount[k] > 0 ? liveRatio[k] / liveCount[k] : 0;
    const plain = plainCount[k] > 0 ? plainSales[k] / plainCount[k] : 0;
    liveRatio[k] = Math.sqrt(Math.max(b.adoptionRatioMin, Math.min(b.adoptionRatioMax, plain > 0 ? live / plain : 1)));
  }
  // the same pass counts the day's merchants past the mark and broadcasting (entrants, later today, are neither)
  let overMark = 0;
  let broadcasting = 0;
  for (let m = 0; m < mer.count; m++) {
    if (!mer.isActive[m]) continue;
    if (!mer.isSelfBroadcaster[m] && rng() < p.selfBroadcastAdoptionPerDay * support * liveRatio[mer.cat[m]] * (b.adoptionBrandOffset + mer.brand[m]) * (mer.isServed[m] ? served : 1)) {
      mer.isSelfBroadcaster[m] = 1;
      mer.liveLossDays[m] = 0;
    }
    if (365 * mer.salesRunRate[m] >= p.salesMarkRmbPlatform) overMark++;
    broadcasting += mer.isSelfBroadcaster[m];
  }
  world.metrics.today[M.merchants_over_mark] = overMark;
  world.metrics.today[M.merchants_self_broadcasting] = broadcasting;
}

/**
 * Platform attractiveness: recent GMV growth (the last window over the one
 * before, behaviour.entry.gmvWindowDays: 4 weeks) and GMV per merchant against day 0.
 */
export function attractiveness(world: World, elasticity: number): number {
  const b = world.params.behaviour.entry;
  const ring = world.platform.gmvRing;
  const window = Math.min(b.gmvWindowDays, ring.length >> 1); // the ring holds two windows
  const day = world.today.internalDay;
  let recent = 0;
  let before = 0;
  // entry runs before closeDay stores today's GMV: the last window is day-1 .. day-window
  for (let i = 1; i <= window; i++) {
    recent += ring[gmvSlot(world.platform, day - i)];
    before += ring[gmvSlot(world.platform, day - window - i)];
  }
  const growth = before > 0 && day - FIRST_DAY > 2 * window ? Math.max(b.growthMin, Math.min(b.growthMax, recent / before)) : 1;
  const perMerchant = recent / window / Math.max(1, world.merchants.active);
  const ref = world.platform.gmvReferencePerMerchant;
  const level = ref > 0 ? Math.max(b.levelMin, Math.min(b.levelMax, perMerchant / ref)) : 1;
  return Math.pow(growth, elasticity) * Math.sqrt(level);
}

/** New merchants: a flow that follows the platform's pull and the support for new merchants. */
export function enterMerchants(world: World, rng: Rng): void {
  const lv = world.params.levers;
  const today = world.today;
  const p = world.params.merchants;
  let support = 0;
  if (today.isFeeReliefOn && lv.feeRelief.newMerchantDays > 0 && lv.takeRate > 0) support += Math.max(0, (lv.takeRate - lv.feeRelief.takeRate) / lv.takeRate);
  if (today.isTrafficSubsidyOn) support += Math.min(1, lv.trafficSubsidy.newMerchantBoost / world.params.behaviour.entry.supportBoostSaturation);
  const expected = (world.merchants.active * p.entryPerDayPerThousand) / 1000 * attractiveness(world, p.entryGrowthElasticity) * (1 + p.entrySupportWeight * support);
  const n = poisson(rng, expected);
  for (let i = 0; i < n; i++) if (addMerchant(world, rng, world.cats.draw(rng), false) >= 0) world.metrics.today[M.merchants_new]++;
  const belt = lv.industryBelt;
  if (belt.merchants > 0 && today.reportDay === belt.day) {
    const k = Math.max(0, world.cats.names.indexOf(belt.category));
    const count = simulatedMerchants(world.params, belt.merchants);
    for (let i = 0; i < count; i++) if (addMerchant(world, rng, k, true) >= 0) world.metrics.today[M.merchants_new]++;
  }
}
