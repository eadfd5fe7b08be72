/**
 * Thinning bounds. A feed impression's purchase probability must be bounded
 * from above, per user and interest slot, without an exp per impression. The
 * offer-dependent part of utility, A_e - ps x logPrice_e, is a maximum of
 * lines in the user's price sensitivity ps, hence convex in ps: its values on
 * a grid, linearly interpolated, bound it from above (a chord lies above a
 * convex function). The bound is tight where it matters, since cheap offers
 * are rarely the best ones. The interpolation itself sits in the hot loop
 * (sessions.ts, boundSlots). The reference-price gain (reference-price.ts)
 * is bounded by the lowest share of its list price an offer of the category
 * can cost today: its log, without and with a coupon, is computed once per
 * category and day (finishBounds), so the hot loop reads no log. Owns
 * tables.envelope, maxCredibility, minLogPrice, minShare, minListRmb,
 * minLogShare, minLogShareCoupon.
 *
 * Two levels: candidates are drawn at the rate of the category's bound,
 * then each drawn offer is first held against a bound of its own (the same
 * terms with its seller's credibility, its utility part and lowest price,
 * and its fit: the records of tables.entryBound for feed entries and
 * merchantBound for paid and search offers, set
 * by feed.ts). The acceptance uniform above the offer's bound rejects it
 * without evaluating it: the same decision, since p is below that bound,
 * and most candidates end there (sessions.ts offerBound).
 */
import { PS_GRID } from "../engine/world.js";
import { PRICE_FLOOR_SHARE } from "./choice.js";
import type { World } from "./world.js";

export function resetBounds(world: World, k: number): void {
  const t = world.tables;
  t.envelope.fill(-1e9, k * PS_GRID, (k + 1) * PS_GRID);
  t.maxCredibility[k] = 0;
  t.minLogPrice[k] = 1e9;
  t.minShare[k] = 1;
  t.minListRmb[k] = Infinity;
  const p = world.params.users.priceSensitivity;
  // users' sensitivity is clipped at a multiple of the segment mean (users.ts addUser)
  t.psGridMax = world.params.behaviour.users.priceSensitivityMaxMultiple * Math.max(p.fan, p.value, p.casual);
}

/** Raise category k's envelope by an offer with utility part `a`, log relative price `logPrice`, seller credibility `credibility`. */
export function addOfferBound(world: World, k: number, a: number, logPrice: number, credibility: number): void {
  const t = world.tables;
  const step = t.psGridMax / (PS_GRID - 1);
  const base = k * PS_GRID;
  for (let j = 0; j < PS_GRID; j++) {
    const v = a - j * step * logPrice;
    if (v > t.envelope[base + j]) t.envelope[base + j] = v;
  }
  if (credibility > t.maxCredibility[k]) t.maxCredibility[k] = credibility;
  if (logPrice < t.minLogPrice[k]) t.minLogPrice[k] = logPrice;
}

/** An offer of category k costs at least `share` of its list price `listRmb` today, before any coupon. */
export function addOfferShare(world: World, k: number, share: number, listRmb: number): void {
  const t = world.tables;
  if (share < t.minShare[k]) t.minShare[k] = share;
  if (listRmb < t.minListRmb[k]) t.minListRmb[k] = listRmb;
}

/**
 * Category k's offers are all added: the lowest log share of the list price
 * today, and with a coupon of today's value. A coupon takes off most, as a
 * share, from the cheapest list price: no offer costs less than
 * max(floor, lowest share - coupon / lowest list price) of its list price.
 * (No offers: 0, and no gain.)
 */
export function finishBounds(world: World, k: number): void {
  const t = world.tables;
  const share = t.minShare[k];
  t.minLogShare[k] = share < 1 ? Math.log(share) : 0;
  const coupon = world.today.couponValue;
  t.minLogShareCoupon[k] = coupon > 0 && t.minListRmb[k] < Infinity
    ? Math.log(Math.max(PRICE_FLOOR_SHARE, share - coupon / t.minListRmb[k]))
    : t.minLogShare[k];
}
