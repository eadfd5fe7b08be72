/**
 * Shocks (a lockdown, a logistics breakdown, a regional disaster): dated
 * events of the scenario's `shocks` list. While a shock is on, users whose
 * location falls in its region get their deliveries later (model/delivery.ts)
 * and open the app less often (model/sessions.ts reads shockActivity); on its
 * first day a share of the active merchants closes for good, by the same exit
 * as merchants in distress (model/merchants.ts exitMerchant).
 *
 * Users carry a location, uniform on 0..LOCATIONS-1 (users.ts addUser); a
 * shock's region is the lowest round(regionShare x LOCATIONS) locations, so
 * overlapping shocks hit the same users first (delays add, demand factors
 * multiply). Today's effect per location is computed once at the start of
 * the day (startShocks), so the hot loops only look it up. Owns ShockState.
 */
import { LOCATIONS, regionLocations } from "../engine/world.js";
import { EXIT, exitMerchant } from "./merchants.js";
import type { World } from "./world.js";

/** Today's effect of the shocks, by location: written by startShocks, read per user. */
export class ShockState {
  /** factor on the chance of opening the app (1: no shock) */
  readonly activity = new Float32Array(LOCATIONS).fill(1);
  /** extra delivery days */
  readonly delayDays = new Float32Array(LOCATIONS);
}

/**
 * The platform's start of day (model/platform.ts startDay): today's delays
 * and demand factors by location, and the closures of shocks that start today.
 */
export function startShocks(world: World): void {
  const state = world.shocks;
  const shocks = world.params.shocks;
  const day = world.today.reportDay;
  state.activity.fill(1);
  state.delayDays.fill(0);
  for (let i = 0; i < shocks.length; i++) {
    const s = shocks[i];
    if (day < s.startDay || day >= s.startDay + s.days) continue;
    const hit = regionLocations(s.regionShare);
    const factor = 1 - s.demandDrop;
    for (let l = 0; l < hit; l++) {
      state.activity[l] *= factor;
      state.delayDays[l] += s.deliveryDelayDays;
    }
    if (day === s.startDay && s.merchantClosureShare > 0) closeMerchants(world, s.merchantClosureShare);
  }
}

/**
 * Each active merchant closes with probability `share` (a simulated merchant
 * stands for many, so the platform loses that share of its merchants), counted
 * in merchants_exited like any exit.
 */
function closeMerchants(world: World, share: number): void {
  const rng = world.streams.get("shocks");
  const mer = world.merchants;
  for (let m = 0; m < mer.count; m++) if (mer.isActive[m] && rng() < share) exitMerchant(world, m, EXIT.shock);
}

/** Factor on user `id`'s chance of opening the app today (1 when no shock hits the user's region). */
export function shockActivity(world: World, id: number): number {
  return world.shocks.activity[world.users.location[id]];
}

/** Extra delivery days of an order to user `id` today (0 when no shock hits the user's region). */
export function shockDelayDays(world: World, id: number): number {
  return world.shocks.delayDays[world.users.location[id]];
}
