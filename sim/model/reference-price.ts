/**
 * Reference prices (MODEL.md 3.3, Reference prices): consumers judge a price
 * against the price they have come to expect, formed from the prices they
 * paid before (Kalyanaram and Winer 1995), by exponential smoothing
 * (Guadagni and Little 1983); a price above the reference (a loss) weighs
 * more than one below it (a gain) (Hardie, Johnson and Fader 1993).
 *
 * Each user keeps, per interest slot, a reference r relative to the
 * category's reference price (1 at arrival and when the slot's category
 * changes). An offer in one of the user's interest slots adds
 *   - referenceWeight x (lossAversion if x > 0, else 1) x x,
 *   x = ln(effective price / (category reference price x r))
 * to the purchase utility (choice.ts evaluate), and each purchase in the slot
 * moves r toward the effective relative price paid (orders.ts placeOrder):
 *   r += smoothing x (effective / category reference price - r).
 * A subsidised purchase so lowers r, and after the subsidy the regular price
 * reads as a loss until purchases at it have moved r back. Owns
 * users.refPrice and users.refLogPrice.
 */
import { INTEREST_SLOTS } from "../engine/world.js";
import type { Coefficients } from "./choice.js";
import { M } from "./metrics.js";
import type { World } from "./world.js";

/** Copy the day's reference-price parameters into the choice coefficients (choice.ts prepareChoice). */
export function prepareReferencePrices(world: World, coef: Coefficients): void {
  const p = world.params.prices;
  coef.referenceGain = p.referenceWeight;
  coef.referenceLoss = p.referenceWeight * p.lossAversion;
  coef.referenceSmoothing = p.smoothing;
}

/**
 * The reference term of the utility of an offer whose effective log price
 * relative to the category's reference is `logRelative`, for a user slot with
 * reference log price `refLog`: a gain below the reference, a loss (weighted
 * by loss aversion) above it.
 */
export function referenceUtility(coef: Coefficients, refLog: number, logRelative: number): number {
  const x = logRelative - refLog;
  return x > 0 ? -coef.referenceLoss * x : -coef.referenceGain * x;
}

/**
 * The largest reference term any offer can give a slot with reference log
 * price `refLog`, when no offer's effective log relative price is below
 * `lowestLogRelative`: the gain at the cheapest offer (a loss is never
 * positive). For the thinning bound (sessions.ts slotUtilityBound).
 */
export function referenceGainBound(coef: Coefficients, refLog: number, lowestLogRelative: number): number {
  const g = refLog - lowestLogRelative;
  return g > 0 ? coef.referenceGain * g : 0;
}

/** A purchase in interest slot `slotIndex` at `relativePrice` (effective price / category reference price) moves its reference toward it. */
export function rememberPrice(world: World, slotIndex: number, relativePrice: number): void {
  const u = world.users;
  const r = u.refPrice[slotIndex] + world.choice.coef.referenceSmoothing * (relativePrice - u.refPrice[slotIndex]);
  u.refPrice[slotIndex] = r;
  u.refLogPrice[slotIndex] = Math.log(u.refPrice[slotIndex]); // the log of the stored (float) value, so the two agree
}

/** A slot whose category is new to the user has no reference yet: the category's own (relative 1). */
export function resetReferencePrice(world: World, slotIndex: number): void {
  world.users.refPrice[slotIndex] = 1;
  world.users.refLogPrice[slotIndex] = 0;
}

/** End of day: the mean reference (relative to the categories' reference prices) over the interest slots of users on the platform. */
export function measureReferencePrices(world: World): void {
  const u = world.users;
  let sum = 0;
  let n = 0;
  for (let id = 0; id < u.count; id++) {
    if (u.hasChurned[id]) continue;
    const base = id * INTEREST_SLOTS;
    for (let s = 0; s < INTEREST_SLOTS; s++) sum += u.refPrice[base + s];
    n += INTEREST_SLOTS;
  }
  // with nobody on the platform there is no memory: the categories' own references
  world.metrics.today[M.reference_price_index] = n > 0 ? sum / n : 1;
}
