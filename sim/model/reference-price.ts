/**
 * Reference prices (MODEL.md 3.3, Reference prices): consumers judge a price
 * against what they have come to expect, formed from the prices they paid
 * before (Kalyanaram and Winer 1995), by exponential smoothing (Guadagni and
 * Little 1983); a price above the reference (a loss) weighs more than one
 * below it (a gain) (Hardie, Johnson and Fader 1993).
 *
 * The reference is a reference *discount*: per user and interest slot, r is
 * the smoothed share of the list price the user paid in the slot's category
 * (1: paid full price; 1 at arrival and when the slot's category changes).
 * An offer in one of the user's interest slots adds
 *   - referenceWeight x (lossAversion if x > 0, else 1) x x,
 *   x = ln(effective price / list price) - ln r
 * to the purchase utility (choice.ts evaluate), and each purchase in the slot
 * moves r toward the share paid (orders.ts placeOrder):
 *   r += smoothing x (effective / list - r).
 * Without a discount (effective = list, r = 1) the term is exactly 0, so a
 * run without discount programmes is unchanged. A subsidised offer is a
 * gain; subsidised purchases lower r; after the programme the full price
 * reads as a loss until purchases at it have moved r back (anchoring).
 * Owns users.refPrice and users.refLogPrice, tables.minLogShare and
 * minLogShareCoupon (their day's values, from bounds.ts).
 */
import type { Coefficients } from "./choice.js";
import type { World } from "./world.js";

/** Copy the day's reference-price parameters into the choice coefficients (choice.ts prepareChoice). */
export function prepareReferencePrices(world: World, coef: Coefficients): void {
  const p = world.params.prices;
  coef.referenceGain = p.referenceWeight;
  coef.referenceLoss = p.referenceWeight * p.lossAversion;
  coef.referenceSmoothing = p.smoothing;
}

/**
 * The reference term of the utility of an offer whose effective price is the
 * share `e^logShare` of its list price, for a user slot with reference log
 * share `refLog`: a gain below the reference, a loss (weighted by loss
 * aversion) above it. 0 when both are 0 (no discount, no memory of one).
 */
export function referenceUtility(coef: Coefficients, refLog: number, logShare: number): number {
  const x = logShare - refLog;
  return x > 0 ? -coef.referenceLoss * x : -coef.referenceGain * x;
}

/**
 * The largest reference term any offer can give a slot with reference log
 * share `refLog`, when no offer's effective log share of its list price is
 * below `lowestLogShare`: the gain at the deepest discount (a loss is never
 * positive). For the thinning bound (sessions.ts slotUtilityBound).
 */
export function referenceGainBound(coef: Coefficients, refLog: number, lowestLogShare: number): number {
  const g = refLog - lowestLogShare;
  return g > 0 ? coef.referenceGain * g : 0;
}

/** A purchase in interest slot `slotIndex` paying `share` of the list price moves its reference toward it. */
export function rememberPrice(world: World, slotIndex: number, share: number): void {
  const u = world.users;
  const old = u.refPrice[slotIndex];
  if (share === old) return; // (full price, full-price reference: nothing moves, and no log)
  u.refPrice[slotIndex] = old + world.choice.coef.referenceSmoothing * (share - old);
  u.refLogPrice[slotIndex] = Math.log(u.refPrice[slotIndex]); // the log of the stored (float) value, so the two agree
}

/** A slot whose category is new to the user has no memory of a discount: r = 1 (full price). */
export function resetReferencePrice(world: World, slotIndex: number): void {
  world.users.refPrice[slotIndex] = 1;
  world.users.refLogPrice[slotIndex] = 0;
}
