/**
 * Merchants' strategy and growth (MODEL.md 3.3, "Merchants that adapt and
 * grow"). Each merchant sets its price, its product quality and the
 * commission it offers creators, and adapts them from its own results:
 *
 * - Learning by hill climbing with noise. Every `reviewDays` (on staggered
 *   days) a merchant compares its profit per day over the period with the
 *   period before. If profit held up, it takes another step in the same
 *   direction on each lever; if it fell, it takes the last step back and
 *   tries a new direction at random. Better goods cost more to make (unit
 *   cost x exp(elasticity x quality change)), a higher price sells less, a
 *   higher commission wins creators' slots and costs margin: each step has a
 *   price.
 * - Imitation of successful peers (replicator-like): at a review, with
 *   probability `imitationProb`, a merchant looks at one random peer of its
 *   category and, if the peer earns more per unit of capacity, moves part of
 *   the way toward the peer's price, quality and commission.
 * - Reinvestment (Gibrat's law): a share of each day's profit buys capacity
 *   (assortment, stock, staff), which depreciates and costs upkeep; a
 *   merchant's weight in search, in creators' product selection and in the
 *   feed rises as capacity^exponent, so sales grow in proportion to size and
 *   sizes become heavy-tailed through the process, not a drawn distribution.
 * - Brand: a merchant that reinvests and sells good goods builds brand
 *   strength (white label to brand); goods below the pivot erode it.
 * - Exit by cause: sustained losses (merchants.ts), governance removal of
 *   persistent complaints, and stores that close after long without a sale.
 *
 * A simulated merchant stands for merchantScale merchants that follow the
 * same strategy; its books here are per real merchant (perMerchant), so the
 * rules and the size bands mean the same at any sample size.
 */
import type { Rng } from "../engine/rng.js";
import { M } from "./metrics.js";
import type { World } from "./world.js";

/** Annual sales bands of the size distribution, per merchant [RMB/year]. */
export const SIZE_BANDS = [100_000, 1_000_000, 10_000_000] as const;
const BAND_COLUMNS = [M.merchants_band_lt100k, M.merchants_band_100k_1m, M.merchants_band_1m_10m, M.merchants_band_gt10m] as const;

/** A new merchant's strategy state: capacity 1, its goods' unit cost from the category's margin, no trial step yet. */
export function startStrategy(world: World, m: number): void {
  const mer = world.merchants;
  mer.unitCostRmb[m] = mer.priceRmb[m] * (1 - world.cats.grossMargin[mer.cat[m]]);
  mer.capacityUnits[m] = 1;
  mer.priceStep[m] = 0;
  mer.qualityStep[m] = 0;
  mer.commissionStep[m] = 0;
  mer.profitPeriod[m] = 0;
  mer.profitRate[m] = 0;
  mer.salesRunRate[m] = 0;
  mer.cashMark[m] = mer.cashRmb[m];
  mer.idleDays[m] = 0;
  mer.removalDays[m] = 0;
}

/** The merchant's gross margin on its list price today: its price against its unit cost. */
export function marginOf(world: World, m: number): number {
  const mer = world.merchants;
  return 1 - mer.unitCostRmb[m] / mer.priceRmb[m];
}

/** The daily upkeep of capacity beyond the first unit, per merchant [RMB]. */
export function capacityUpkeep(world: World, m: number): number {
  const extra = world.merchants.capacityUnits[m] - 1;
  return extra > 0 ? extra * world.params.behaviour.merchantStrategy.capacityUpkeepPerDayRmb : 0;
}

/**
 * A merchant's standing in search, creators' product selection and the feed:
 * capacity^exponent (a wider assortment and more stock are found more often)
 * x (price / category reference)^-priceRankExponent (the platform's ranking
 * favours competitive prices, and creators expect cheaper goods to convert
 * better with their audience).
 */
export function standingOf(world: World, m: number): number {
  const mer = world.merchants;
  const relPrice = mer.priceRmb[m] / world.cats.refPriceRmb[mer.cat[m]];
  return Math.pow(mer.capacityUnits[m], world.params.behaviour.merchantStrategy.capacityExponent) * Math.pow(relPrice, -world.params.behaviour.feed.priceRankExponent);
}

/**
 * The day's growth of an active merchant after its books are settled (cash
 * holds today's result): today's profit (the change of cash since the last
 * mark) counts toward the review period; a share of a profit is reinvested
 * into capacity; capacity depreciates; brand builds or erodes; the sales run
 * rate and the days without a sale move. `netSample` is today's net sales in sample RMB.
 */
export function growMerchant(world: World, m: number, netSample: number): void {
  const mer = world.merchants;
  const s = world.params.behaviour.merchantStrategy;
  const profit = mer.cashRmb[m] - mer.cashMark[m];
  mer.profitPeriod[m] += profit;
  let invested = 0;
  if (profit > 0 && s.reinvestShare > 0) {
    invested = s.reinvestShare * profit;
    mer.cashRmb[m] -= invested;
    mer.capacityUnits[m] += invested / s.capacityCostRmb;
  }
  if (mer.capacityUnits[m] > 1) mer.capacityUnits[m] -= s.capacityDepreciationPerDay * (mer.capacityUnits[m] - 1);
  mer.cashMark[m] = mer.cashRmb[m];

  const q = mer.quality[m];
  const pivot = s.brandQualityPivot;
  if (invested > 0 && q > pivot) mer.brand[m] += s.brandBuildPerDay * ((q - pivot) / (1 - pivot)) * (1 - mer.brand[m]);
  else if (q < pivot) mer.brand[m] -= s.brandDecayPerDay * ((pivot - q) / pivot) * mer.brand[m];

  const perMerchantSales = netSample * world.res.perMerchant;
  mer.salesRunRate[m] += (perMerchantSales - mer.salesRunRate[m]) / s.runRateMemoryDays;
  // a store is idle while its run rate promises fewer than one order per real merchant in idleExitDays (an expected
  // count, not the simulated merchant's own days without a sale, which grow as merchants are sampled finer)
  const expectedOrders = (mer.salesRunRate[m] / mer.priceRmb[m]) * s.idleExitDays;
  mer.idleDays[m] = expectedOrders >= 1 ? 0 : Math.min(0xffff, mer.idleDays[m] + 1);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Move merchant m's quality to `q`: the unit cost of its goods follows. */
function setQuality(world: World, m: number, q: number): void {
  const mer = world.merchants;
  const next = clamp(q, 0, 1);
  mer.unitCostRmb[m] *= Math.exp(world.params.behaviour.merchantStrategy.qualityCostElasticity * (next - mer.quality[m]));
  mer.quality[m] = next;
}

function setLogPrice(world: World, m: number, logPrice: number): void {
  const mer = world.merchants;
  const range = world.params.behaviour.merchantStrategy.priceRangeLog;
  const ref = world.cats.refPriceRmb[mer.cat[m]];
  mer.priceRmb[m] = ref * Math.exp(clamp(logPrice - Math.log(ref), -range, range));
}

function setCommission(world: World, m: number, c: number): void {
  const b = world.params.behaviour.merchantTraits;
  world.merchants.commission[m] = clamp(c, b.commissionMin, b.commissionMax);
}

/**
 * The day's reviews: merchants whose review falls today compare their
 * profit with the last period's, imitate a better peer now and then, and
 * take their next trial step. Runs after the books are settled, before entry.
 */
export function reviewStrategies(world: World, rng: Rng): void {
  const mer = world.merchants;
  const s = world.params.behaviour.merchantStrategy;
  const t = world.tables;
  const day = world.today.internalDay;
  const period = s.reviewDays;
  for (let m = 0; m < mer.count; m++) {
    if (!mer.isActive[m] || (day + m) % period !== 0) continue;
    const rate = mer.profitPeriod[m] / period;
    const isFirst = mer.priceStep[m] === 0 && mer.qualityStep[m] === 0 && mer.commissionStep[m] === 0;
    const isWorse = !isFirst && rate < mer.profitRate[m];
    mer.profitRate[m] = rate;
    mer.profitPeriod[m] = 0;
    // draws are made whatever the outcome, so that two scenarios stay paired (common random numbers)
    const uPrice = rng();
    const uQuality = rng();
    const uCommission = rng();
    const uImitate = rng();
    const uPeer = rng();
    let logPrice = Math.log(mer.priceRmb[m]);
    let quality = mer.quality[m];
    let commission = mer.commission[m];
    if (isWorse) {
      // take the last step back
      logPrice -= mer.priceStep[m];
      quality -= mer.qualityStep[m];
      commission -= mer.commissionStep[m];
    }
    if (isFirst || isWorse) {
      mer.priceStep[m] = uPrice < 0.5 ? -s.priceStep : s.priceStep;
      mer.qualityStep[m] = uQuality < 0.5 ? -s.qualityStep : s.qualityStep;
      mer.commissionStep[m] = uCommission < 0.5 ? -s.commissionStep : s.commissionStep;
    }
    // imitation: a random peer of the category (as grouped this morning) that earns more per unit of capacity
    if (uImitate < s.imitationProb) {
      const k = mer.cat[m];
      const size = t.merchantStart[k + 1] - t.merchantStart[k];
      const peer = size > 0 ? t.merchantOrder[t.merchantStart[k] + Math.min(size - 1, (uPeer * size) | 0)] : m;
      if (peer !== m && mer.isActive[peer] && mer.profitRate[peer] / mer.capacityUnits[peer] > rate / mer.capacityUnits[m]) {
        const w = s.imitationWeight;
        logPrice += w * (Math.log(mer.priceRmb[peer]) - logPrice);
        quality += w * (mer.quality[peer] - quality);
        commission += w * (mer.commission[peer] - commission);
      }
    }
    setLogPrice(world, m, logPrice + mer.priceStep[m]);
    setQuality(world, m, quality + mer.qualityStep[m]);
    setCommission(world, m, commission + mer.commissionStep[m]);
  }
}

/** Per-world scratch: run rates to sort for the top-1% share (as long as the merchants' arrays); per category, the mean capacity weight of its merchants today. */
export class StrategyScratch {
  rates: Float64Array;
  readonly standingMean: Float64Array;
  constructor(merchants: number, categories: number) {
    this.rates = new Float64Array(merchants);
    this.standingMean = new Float64Array(categories);
  }

  /** Room for `merchants` merchants, grown with the merchants' arrays (model/world.ts); the rates are refilled each day, so not copied. */
  resize(merchants: number): void {
    if (merchants > this.rates.length) this.rates = new Float64Array(merchants);
  }
}

/**
 * The day's readings of the merchant population: merchants by annual sales
 * band (the run rate x 365, per merchant; counted at platform scale by the
 * metrics), the share of sales of the top 1% of merchants, and the mean
 * price index (price over the category's reference), quality, commission,
 * brand, capacity and paid-traffic budget (per merchant, RMB a day).
 */
export function measureMerchants(world: World): void {
  const mer = world.merchants;
  const row = world.metrics.today;
  const rates = world.scratch.strategy.rates;
  let n = 0;
  let total = 0;
  let price = 0;
  let quality = 0;
  let commission = 0;
  let brand = 0;
  let capacity = 0;
  let budget = 0;
  for (let m = 0; m < mer.count; m++) {
    if (!mer.isActive[m]) continue;
    const annual = 365 * mer.salesRunRate[m];
    let band = 0;
    while (band < SIZE_BANDS.length && annual >= SIZE_BANDS[band]) band++;
    row[BAND_COLUMNS[band]]++;
    rates[n++] = annual;
    total += annual;
    price += mer.priceRmb[m] / world.cats.refPriceRmb[mer.cat[m]];
    quality += mer.quality[m];
    commission += mer.commission[m];
    brand += mer.brand[m];
    capacity += mer.capacityUnits[m];
    budget += mer.paidBudgetRmb[m] * world.res.perMerchant;
  }
  if (n === 0) return;
  row[M.merchant_price_index] = price / n;
  row[M.merchant_quality_mean] = quality / n;
  row[M.merchant_commission_mean] = commission / n;
  row[M.merchant_brand_mean] = brand / n;
  row[M.merchant_capacity_mean] = capacity / n;
  row[M.merchant_ad_budget_mean] = budget / n;
  // the top 1% of merchants: every simulated merchant stands for as many, so the top 1% of them (a fraction of the last one)
  const sorted = rates.subarray(0, n).sort();
  const top = 0.01 * n;
  let sum = 0;
  let i = n - 1;
  for (let taken = 0; taken + 1 <= top; taken++, i--) sum += sorted[i];
  const frac = top - Math.floor(top);
  if (i >= 0) sum += frac * sorted[i];
  row[M.merchants_top1_share] = total > 0 ? sum / total : 0;
}
