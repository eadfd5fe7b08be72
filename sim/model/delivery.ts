/**
 * Delivery time (scenario section `delivery`): every order takes some days to
 * arrive, and buyers judge the wait against what they expect, the platform's
 * usual delivery time. Expectation-confirmation (Oliver 1980): a delivery
 * faster than expected pleases, a slower one disappoints, in proportion to
 * the relative disconfirmation (expected - actual) / expected.
 *
 * An order's delivery time: the base time, spread uniformly by the order's
 * own draw, shorter when the merchant ships from the cloud warehouse
 * (levers.fulfilment, merchants.isFulfilled), not below a floor; plus the
 * delay of a shock hitting the buyer's region (model/shocks.ts). The day's
 * delivery days are summed in the metrics row and turned into the day's mean
 * (column delivery_days) by closeDelivery at the end of the day.
 */
import type { Rng } from "../engine/rng.js";
import { M } from "./metrics.js";
import { shockDelayDays } from "./shocks.js";
import type { World } from "./world.js";

/** Delivery time of an order of `user` from merchant `m`, in days (one draw of `rng`); booked in the day's sum. */
export function deliveryDays(world: World, rng: Rng, user: number, m: number): number {
  const d = world.params.delivery;
  let days = d.baseDays + d.spreadDays * (2 * rng() - 1);
  if (world.merchants.isFulfilled[m]) days -= d.warehouseDaysSaved;
  if (days < d.minDays) days = d.minDays;
  days += shockDelayDays(world, user);
  world.metrics.today[M.delivery_days] += days;
  return days;
}

/**
 * What a delivery of `days` adds to a purchase's experience (negative when
 * late): weight x (expected - actual) / expected, the relative delay counted
 * up to worstRelativeDelay.
 */
export function deliveryConfirmation(world: World, days: number): number {
  const d = world.params.delivery;
  let disconfirmation = (d.expectedDays - days) / d.expectedDays;
  if (disconfirmation < -d.worstRelativeDelay) disconfirmation = -d.worstRelativeDelay;
  return d.weight * disconfirmation;
}

/** End of day (model/day.ts closeDay): the day's sum of delivery days becomes the mean over its orders (0 on a day without orders). */
export function closeDelivery(world: World): void {
  const row = world.metrics.today;
  const orders = row[M.orders];
  row[M.delivery_days] = orders > 0 ? row[M.delivery_days] / orders : 0;
}
