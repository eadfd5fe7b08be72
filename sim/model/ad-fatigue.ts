/**
 * Paid traffic's history with users (MODEL.md, Ad fatigue). Merchants' budgets
 * buy reach at once, and the platform is paid at once; what the paid items do
 * to the users who see them builds up over months. Each user remembers the
 * unwanted paid items of their days on the app: the paid items seen, weighed
 * by how unwanted they were (a mistargeted item is one of the bidders' items
 * anywhere; a targeted one is as unwanted as its seller's buyers rate it
 * poorly: feed-value.ts), plus the bad purchases made through them. The
 * memory is a running mean with a half-life of months; it makes the user
 * buy less from paid items (ad blindness), lowers their chance of opening the
 * app and raises their churn. This is the form of
 * Hohnhold, O'Brien and Tang (2015: users learn ad blindness from the ads
 * they saw) and of the long ad-load experiment of Goli et al. (2025: the
 * long-run response of activity to ad load is several times the first
 * month's). Owns users.adFatigue.
 */
import type { World } from "./world.js";

/** The memory's weight on one more day, from its half-life in days on the app. */
export function fatigueKeep(world: World): number {
  return Math.pow(0.5, 1 / world.params.ads.fatigueHalfLifeDays);
}

/**
 * An active user's day: the paid items seen (a share paidShare of the
 * commerce items) weighed by how unwanted they are in each of the user's
 * interest categories, into the running memory. An incumbent (never exposed
 * in the simulation, adFatigue < 0) has lived with the platform's ad load for
 * years: their memory starts at today's level. `unwanted` is the user's
 * interest-weighted sum of tables.paidUnwanted over their categories
 * (sessions.ts seeFeed finds it as it counts the impressions).
 */
export function seeAds(world: World, id: number, commerceItems: number, unwanted: number, keep: number): void {
  const u = world.users;
  const items = unwanted * (commerceItems * world.today.paidShare);
  const f = u.adFatigue[id];
  u.adFatigue[id] = f < 0 ? items : keep * f + (1 - keep) * items;
}

/** A bad purchase through a paid item is remembered as badPaidPurchase unwanted items of that day. */
export function badPaidPurchase(world: World, id: number): void {
  const u = world.users;
  if (u.adFatigue[id] < 0) u.adFatigue[id] = 0;
  u.adFatigue[id] += (1 - fatigueKeep(world)) * world.params.ads.badPaidPurchase;
}

/** The factor of a user's chance of opening the app, from their memory of unwanted paid items. */
export function fatigueActivity(world: World, id: number): number {
  const f = world.users.adFatigue[id];
  const factor = 1 - world.params.ads.activityPerFatigue * (f > 0 ? f : 0);
  return factor > 0 ? factor : 0;
}

/**
 * Ad blindness: the share of a paid item's usual purchase probability left
 * for a user with this memory of unwanted paid items (a factor at most 1, so
 * the thinning bound of sessions.ts holds).
 */
export function paidAttention(world: World, id: number): number {
  const f = world.users.adFatigue[id];
  return 1 / (1 + world.params.ads.blindnessPerFatigue * (f > 0 ? f : 0));
}

/** The factor of a user's churn chance, from their memory of unwanted paid items. */
export function fatigueChurn(world: World, id: number): number {
  const f = world.users.adFatigue[id];
  return 1 + world.params.ads.churnPerFatigue * (f > 0 ? f : 0);
}
