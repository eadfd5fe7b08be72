/**
 * Follows: each user holds a bounded set of followed accounts (creators and
 * stores) in FOLLOW_SLOTS slots; accounts hold only the count. This submodel
 * owns users.follows and the followers counts of creators and merchants.
 * An account is encoded as c+1 for creator c and -(m+1) for merchant m.
 * A user's slots are packed from the first (no holes), so a scan stops at the
 * first empty slot.
 */
import { FOLLOW_SLOTS } from "../engine/world.js";
import { logFollow } from "./session-effects.js";
import type { World } from "./world.js";

export const creatorAccount = (c: number): number => c + 1;
export const storeAccount = (m: number): number => -(m + 1);

export function isFollowing(world: World, user: number, account: number): boolean {
  const f = world.users.follows;
  const base = user * FOLLOW_SLOTS;
  for (let s = 0; s < FOLLOW_SLOTS; s++) {
    const a = f[base + s];
    if (a === account) return true;
    if (a === 0) return false;
  }
  return false;
}

/** An account's follower count changes (during the users' sessions, after them: session-effects.ts). */
function countDelta(world: World, account: number, delta: number): void {
  if (world.sessionEffects.active) logFollow(world, account, delta);
  else if (account > 0) world.creators.followers[account - 1] += delta;
  else world.merchants.followers[-account - 1] += delta;
}

/**
 * What a follow is worth to its follower, 0..1, when a slot must be freed:
 * a creator's content quality, a store's credibility (what each offers the
 * follower in its feed and live room).
 */
function followValue(world: World, account: number): number {
  return account > 0 ? world.creators.quality[account - 1] : world.merchants.credibility[-account - 1];
}

/**
 * Follow `account` unless already followed. When every slot is taken
 * (attention is bounded: an old follow fades), the follow replaces the least
 * valued followed account (followValue; the first of equals) with
 * probability behaviour.creators.followReplaceLeastValued, else a random
 * slot, both decided by the one uniform `u`: so an account keeps the
 * followers it serves well, and loses them by construction only to better
 * ones. O(FOLLOW_SLOTS), no allocation. Returns whether a follow was added.
 */
export function follow(world: World, user: number, account: number, u: number): boolean {
  const f = world.users.follows;
  const base = user * FOLLOW_SLOTS;
  let empty = -1;
  for (let s = 0; s < FOLLOW_SLOTS; s++) {
    const a = f[base + s];
    if (a === account) return false;
    if (a === 0) {
      if (empty < 0) empty = s;
      break;
    }
    if (empty < 0 && !isAccountActive(world, a)) empty = s; // a slot of an account that left is free
  }
  if (empty < 0) {
    const least = world.params.behaviour.creators.followReplaceLeastValued;
    if (u < least) {
      empty = 0;
      let lowest = followValue(world, f[base]);
      for (let s = 1; s < FOLLOW_SLOTS; s++) {
        const v = followValue(world, f[base + s]);
        if (v < lowest) {
          lowest = v;
          empty = s;
        }
      }
    } else empty = Math.min(FOLLOW_SLOTS - 1, (((u - least) / (1 - least)) * FOLLOW_SLOTS) | 0);
    if (isAccountActive(world, f[base + empty])) countDelta(world, f[base + empty], -1);
  }
  f[base + empty] = account;
  countDelta(world, account, 1);
  return true;
}

export function unfollow(world: World, user: number, account: number): void {
  const f = world.users.follows;
  const base = user * FOLLOW_SLOTS;
  for (let s = 0; s < FOLLOW_SLOTS; s++) {
    if (f[base + s] === account) {
      // keep the slots packed: the last follow moves into the hole
      let last = s;
      while (last + 1 < FOLLOW_SLOTS && f[base + last + 1] !== 0) last++;
      f[base + s] = f[base + last];
      f[base + last] = 0;
      countDelta(world, account, -1);
      return;
    }
  }
}

/** Drop every follow of a user (churn). */
export function clearFollows(world: World, user: number): void {
  const f = world.users.follows;
  const base = user * FOLLOW_SLOTS;
  for (let s = 0; s < FOLLOW_SLOTS; s++) {
    const a = f[base + s];
    if (a !== 0) {
      if (isAccountActive(world, a)) countDelta(world, a, -1);
      f[base + s] = 0;
    }
  }
}

/**
 * An account left the platform (ids are never reused): its count goes to
 * zero now, and its followers' slots are reclaimed lazily by `follow`, so an exit costs O(1), not a scan of every user.
 */
export function dropAccount(world: World, account: number): void {
  if (account > 0) world.creators.followers[account - 1] = 0;
  else world.merchants.followers[-account - 1] = 0;
}

/** Whether the followed account in a slot is still on the platform. */
export function isAccountActive(world: World, account: number): boolean {
  return account > 0 ? world.creators.isActive[account - 1] === 1 : world.merchants.isActive[-account - 1] === 1;
}
