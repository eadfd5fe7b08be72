/**
 * Thinning bounds. A feed impression's purchase probability must be bounded
 * from above, per user and interest slot, without an exp per impression. The
 * offer-dependent part of utility, A_e - ps x logPrice_e, is a maximum of
 * lines in the user's price sensitivity ps, hence convex in ps: its values on
 * a grid, linearly interpolated, bound it from above (a chord lies above a
 * convex function). The bound is tight where it matters, since cheap offers
 * are rarely the best ones. The interpolation itself sits in the hot loop
 * (sessions.ts, boundSlots). Owns tables.envelope, maxCredibility, minLogPrice.
 */
import { PS_GRID } from "../engine/world.js";
import type { World } from "./world.js";

export function resetBounds(world: World, k: number): void {
  const t = world.tables;
  t.envelope.fill(-1e9, k * PS_GRID, (k + 1) * PS_GRID);
  t.maxCredibility[k] = 0;
  t.minLogPrice[k] = 1e9;
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
