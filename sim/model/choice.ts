/**
 * Choice (MODEL.md 3.3): a user who meets an offer buys with a logit
 * probability on
 *   intercept[segment] + the user's propensity + interest x fit + quality x perceived quality
 *   + credibility x trust + brand + following (private domain) + liveliness
 *   (casual users, live rooms) + need due - bought recently + live demo value
 *   + live selling skill + loyalty (satisfying earlier merchant) + search intent
 *   - price sensitivity x log(effective price / reference price)
 *   - the reference-price term (reference-price.ts: the share of the list
 *     price to pay against the share the user has paid before in the
 *     category; offers in an interest slot only).
 * Effective price includes the consumer subsidy, campaign discount and coupon
 * that would apply now. `evaluate` leaves the offer's price parts in
 * `world.choice.offer` (one preallocated object: no allocation per
 * evaluation) for orders.ts.
 */
import { INTEREST_SLOTS, NEVER, SEGMENT } from "../engine/world.js";
import { maxCreatorFit } from "./feed.js";
import { prepareReferencePrices, referenceUtility } from "./reference-price.js";
import type { World } from "./world.js";

/** Coefficients, copied from params once a day so the hot loop reads plain fields. */
export class Coefficients {
  interceptFan = 0; interceptValue = 0; interceptCasual = 0;
  interest = 0; quality = 0; qualityNoise = 0; credibilityTrust = 0; brand = 0;
  following = 0; fanFollowing = 0; liveliness = 0; needDue = 0; notDue = 0;
  liveDemo = 0; skill = 0; loyalty = 0; searchIntent = 0;
  subsidyMinBrand = 0; couponNewDays = 0; couponLapsedDays = 0;
  /** reference prices (reference-price.ts): utility per log unit of a gain, of a loss; smoothing weight per purchase */
  referenceGain = 0; referenceLoss = 0; referenceSmoothing = 0;
  /** interest coefficient x the largest creator fit: the interest term's bound */
  interestBound = 0;
}

/** The last evaluated offer: its price parts (RMB) and what the user perceived. */
export class EvaluatedOffer {
  priceRmb = 0; consumerSubsidyRmb = 0; campaignRmb = 0; couponRmb = 0; perceivedQuality = 0;
  /** the price the buyer pays: list price less the discounts, floored (PRICE_FLOOR_SHARE) */
  effectiveRmb = 0;
}

/** The choice model's state on the world: today's coefficients, the last offer evaluated, the slot interestIn found. */
export class ChoiceState {
  readonly coef = new Coefficients();
  readonly offer = new EvaluatedOffer();
  /** the interest slot index found by the last interestIn (-1: not among the user's interests) */
  foundSlot = -1;
}

/** The lowest price an order can have, as a share of the list price, whatever the discounts. */
export const PRICE_FLOOR_SHARE = 0.1;

export function prepareChoice(world: World): void {
  const coef = world.choice.coef;
  const c = world.params.choice;
  coef.interestBound = c.interest * maxCreatorFit(world);
  coef.interceptFan = c.intercept.fan;
  coef.interceptValue = c.intercept.value;
  coef.interceptCasual = c.intercept.casual;
  coef.interest = c.interest;
  coef.quality = c.quality;
  coef.qualityNoise = c.qualityNoise;
  coef.credibilityTrust = c.credibilityTrust;
  coef.brand = c.brand;
  coef.following = c.following;
  coef.fanFollowing = c.fanFollowing;
  coef.liveliness = c.liveliness;
  coef.needDue = c.needDue;
  coef.notDue = c.notDue;
  coef.liveDemo = c.liveDemo;
  coef.skill = c.skill;
  coef.loyalty = c.loyalty;
  coef.searchIntent = c.searchIntent;
  const lv = world.params.levers;
  coef.subsidyMinBrand = lv.consumerSubsidy.minBrand;
  coef.couponNewDays = lv.coupons.newUserDays;
  coef.couponLapsedDays = lv.coupons.lapsedDays;
  prepareReferencePrices(world, coef);
}

export function intercept(coef: Coefficients, segment: number): number {
  return segment === SEGMENT.fan ? coef.interceptFan : segment === SEGMENT.value ? coef.interceptValue : coef.interceptCasual;
}

/** Whether a user may use a coupon today: new without orders, or lapsed. */
export function isCouponEligible(world: World, user: number): boolean {
  const coef = world.choice.coef;
  const u = world.users;
  const day = world.today.internalDay;
  const last = u.lastOrderDay[user];
  if (last === NEVER) return day - u.joinedDay[user] < coef.couponNewDays;
  return day - last >= coef.couponLapsedDays;
}

/** Need term of a user's interest slot: + when due, - when bought recently. */
export function needTerm(world: World, slotIndex: number): number {
  const coef = world.choice.coef;
  return world.today.internalDay >= world.users.needDay[slotIndex] ? coef.needDue : -coef.notDue;
}

/** The user's interest weight in `cat`; its slot index (-1 when not among the interests the user holds) goes to world.choice.foundSlot. */
export function interestIn(world: World, user: number, cat: number): number {
  const u = world.users;
  const base = user * INTEREST_SLOTS;
  for (let s = 0; s < INTEREST_SLOTS; s++) {
    if (u.interestCat[base + s] === cat && u.interestWeight[base + s] > 0) {
      world.choice.foundSlot = base + s;
      return u.interestWeight[base + s];
    }
  }
  world.choice.foundSlot = -1;
  return 0;
}

/**
 * Purchase probability of `user` for merchant `m`'s product, met through a
 * seller with credibility `credibility`. `fit` scales the interest term (a
 * niche creator's audience matches closely); `liveTerm` carries liveliness,
 * demo and skill for live rooms (0 otherwise); `bonus` carries following,
 * loyalty and search intent; `slotIndex` is the user's interest slot or -1.
 * `noise` is a uniform draw for the perceived-quality noise.
 */
export function evaluate(
  world: World, user: number, m: number, interestWeight: number, slotIndex: number,
  fit: number, credibility: number, liveTerm: number, bonus: number, noise: number,
): number {
  const u = world.users;
  const mer = world.merchants;
  const today = world.today;
  const { coef, offer } = world.choice;
  const cat = mer.cat[m];
  const price = mer.priceRmb[m];
  let subsidy = 0;
  if (today.consumerSubsidyRate > 0 && mer.brand[m] >= coef.subsidyMinBrand) {
    subsidy = price * today.consumerSubsidyRate;
    if (subsidy > today.consumerSubsidyLeft) subsidy = 0;
  }
  let campaign = price * today.campaignDiscount;
  if (campaign > today.campaignLeft) campaign = 0;
  let coupon = 0;
  if (today.couponValue > 0 && today.couponValue <= today.couponLeft && isCouponEligible(world, user)) coupon = today.couponValue;
  const effective = Math.max(PRICE_FLOOR_SHARE * price, price - subsidy - campaign - coupon);
  // buyers perceive what the listing claims (merchants.ts claims), blurred; the truth shows on delivery
  const perceived = mer.quality[m] + mer.claims[m] + coef.qualityNoise * clampNoise(noise);
  offer.priceRmb = price;
  offer.consumerSubsidyRmb = subsidy;
  offer.campaignRmb = campaign;
  offer.couponRmb = coupon;
  offer.effectiveRmb = effective;
  offer.perceivedQuality = perceived;
  let reference = 0;
  if (slotIndex >= 0) {
    // the share of the list price paid against the slot's reference share (no log without a discount)
    const logShare = effective === price ? 0 : Math.log(effective / price);
    reference = referenceUtility(coef, u.refLogPrice[slotIndex], logShare);
  }
  const utility =
    intercept(coef, u.segment[user]) +
    u.propensity[user] +
    coef.interest * interestWeight * fit +
    coef.quality * perceived +
    coef.credibilityTrust * credibility * u.trust[user] +
    coef.brand * mer.brand[m] +
    (slotIndex >= 0 ? needTerm(world, slotIndex) : 0) +
    liveTerm +
    bonus -
    u.priceSensitivity[user] * Math.log(effective / world.cats.refPriceRmb[cat]) +
    reference;
  return 1 / (1 + Math.exp(-utility));
}

/**
 * Perceived-quality noise is uniform with unit variance (a draw u in [0,1)
 * gives (2u - 1) x sqrt 3): one random number, and bounded at sqrt 3 sd, so
 * the thinning bound holds.
 */
export const NOISE_CLIP = Math.sqrt(3);
function clampNoise(u: number): number {
  return (2 * u - 1) * NOISE_CLIP;
}

/** Live-room term: liveliness for casual users, the category's demo value, the seller's selling skill. */
export function liveTerm(coef: Coefficients, segment: number, liveliness: number, demo: number, skill: number): number {
  return (segment === SEGMENT.casual ? coef.liveliness * liveliness : 0) + coef.liveDemo * demo + coef.skill * skill;
}

/**
 * An upper bound of the logistic function on a grid, for thinning: the value
 * at the grid point above x, so upperLogistic(x) >= 1/(1+exp(-x)) always, and
 * no exp is computed per user.
 */
const GRID_MIN = -16;
const GRID_PER_UNIT = 32;
const GRID_STEP = 1 / GRID_PER_UNIT;
const GRID_SIZE = 32 * 32 + 2;
const upperTable = Float64Array.from({ length: GRID_SIZE }, (_, i) => 1 / (1 + Math.exp(-(GRID_MIN + i * GRID_STEP))));
export function upperLogistic(x: number): number {
  if (x <= GRID_MIN) return upperTable[0] ;
  const i = Math.ceil((x - GRID_MIN) * GRID_PER_UNIT);
  return i >= GRID_SIZE ? 1 : upperTable[i];
}
