/**
 * Creators that grow (MODEL.md 3.3, Creators that grow): the daily growth
 * process of creators, in the literature's form of preferential attachment
 * with fitness (Bianconi and Barabási 2001), made sublinear (Krapivsky,
 * Redner and Leyvraz 2000), with fitness a creator's content quality that
 * rises with practice and investment and decays without practice.
 *
 * - Content quality (`growCreator`, from settleCreators): on a day a creator
 *   posts or goes live it gains qualityPracticeGain of its gap to 1; it
 *   spends qualityInvestmentShare of its commission (per real creator) on its
 *   content, which gains qualityInvestmentMaxGain x spend / (spend +
 *   qualityInvestmentHalfRmb) of the gap (diminishing returns); on a day
 *   without practice it loses qualityDecayPerDay of its distance to
 *   qualityFloor. All rates 0: quality stays as drawn.
 * - Earnings: a running mean of commission per real creator (RMB a day) and
 *   the days in a row it has stayed below the reservation earning, for exit;
 *   the expected earnings of recent entrants, for entry (creators.ts).
 * - Follows from content (`buildAttachmentTables`, `contentFollow`): an
 *   active user follows, with probability contentFollowPerUserDay a day, a
 *   creator posting today in one of its interests, drawn with weight
 *   content quality x (1 + platform followers / reachFollowersUnit)^attachmentExponent.
 * - Outputs (`closeCreatorDay`): creators by tier, mean content quality,
 *   followers gained by tier.
 *
 * Owns creators.quality (after entry), earningsRecent, lowEarningDays,
 * followersDayStart and tables.attach, attachWeight.
 */
import type { Rng } from "../engine/rng.js";
import { INTEREST_SLOTS } from "../engine/world.js";
import { creatorAccount, follow } from "./follows.js";
import { M, TIER_KEYS, tierOf } from "./metrics.js";
import type { World } from "./world.js";

/** Output columns of creators by tier and of followers gained by tier, in TIER_KEYS order. */
export const CREATOR_TIER_COLUMNS = TIER_KEYS.map((k) => M[`creators_tier_${k}` as keyof typeof M]);
export const FOLLOWER_GAIN_COLUMNS = TIER_KEYS.map((k) => M[`followers_gained_tier_${k}` as keyof typeof M]);

/**
 * A creator's day of growth, before its commission of the day is cleared:
 * content quality from practice, investment and decay; the running mean of
 * its earnings and its stretch below the reservation earning.
 */
export function growCreator(world: World, c: number): void {
  const cr = world.creators;
  const b = world.params.behaviour.creators;
  const earning = cr.commissionToday[c] * world.res.perCreator; // per real creator (RMB)
  let q = cr.quality[c];
  if (cr.isLive[c] || cr.hasVideo[c]) q += b.qualityPracticeGain * (1 - q);
  else q -= b.qualityDecayPerDay * (q - b.qualityFloor);
  const spend = b.qualityInvestmentShare * earning;
  if (spend > 0) q += ((b.qualityInvestmentMaxGain * spend) / (spend + b.qualityInvestmentHalfRmb)) * (1 - q);
  cr.quality[c] = q < 0 ? 0 : q > 1 ? 1 : q;
  cr.earningsRecent[c] += (earning - cr.earningsRecent[c]) / b.earningsMemoryDays;
  if (cr.earningsRecent[c] < world.params.creators.reservationEarningRmb) {
    if (cr.lowEarningDays[c] < 0xffff) cr.lowEarningDays[c]++;
  } else cr.lowEarningDays[c] = 0;
}

/**
 * What an entrant can expect to earn a day, per real creator: the commission
 * of the creators who entered within the last creators.newStageDays (at
 * least a day ago), over their days on the platform. With no such creator
 * yet there is no evidence, and the reservation earning is returned (neutral).
 */
export function expectedEntrantEarnings(world: World): number {
  const cr = world.creators;
  const day = world.today.internalDay;
  const window = world.params.creators.newStageDays;
  let earned = 0;
  let days = 0;
  for (let c = cr.count - 1; c >= 0; c--) {
    const age = day - cr.entryDay[c];
    if (age > window) break; // ids are given in entry order
    if (age < 1 || !cr.isActive[c]) continue;
    earned += (cr.commissionTotal[c] + cr.commissionToday[c]) * world.res.perCreator;
    days += age;
  }
  return days > 0 ? earned / days : world.params.creators.reservationEarningRmb;
}

/**
 * Once a day, after the feed tables (which group creators by category):
 * per category, today's posting creators weighted by fitness x attachment,
 * content quality x (1 + platform followers / reachFollowersUnit)^gamma, x
 * the creators a simulated creator stands for (as in the feed).
 */
export function buildAttachmentTables(world: World): void {
  const { tables: t, creators: cr, cats } = world;
  if (world.params.behaviour.creators.contentFollowPerUserDay <= 0) return;
  const gamma = world.params.behaviour.creators.attachmentExponent;
  const unit = world.params.behaviour.feed.reachFollowersUnit;
  const scale = world.res.creatorFollowerScale;
  const agents = world.res.creatorScale / world.res.userScale;
  for (let k = 0; k < cats.count; k++) {
    const start = t.creatorStart[k];
    const end = t.creatorStart[k + 1];
    for (let i = start; i < end; i++) {
      const c = t.creatorOrder[i];
      const posts = cr.productCount[c] > 0 && (cr.isLive[c] === 1 || cr.hasVideo[c] === 1);
      t.attachWeight[i] = posts ? agents * cr.quality[c] * (gamma > 0 ? Math.pow(1 + (cr.followers[c] * scale) / unit, gamma) : 1) : 0;
    }
    t.attach.build(k, t.attachWeight, start, end - start);
  }
}

/**
 * An active user's follow from content, decided once per session from its
 * own stream: with probability contentFollowPerUserDay, one of its interests
 * (by weight) and a creator posting in it today (attachment table).
 */
export function contentFollow(world: World, rng: Rng, id: number): void {
  const rate = world.params.behaviour.creators.contentFollowPerUserDay;
  if (!(rng() < rate)) return;
  const u = world.users;
  let x = rng();
  let s = 0;
  while (s < INTEREST_SLOTS - 1 && x >= u.interestWeight[id * INTEREST_SLOTS + s]) x -= u.interestWeight[id * INTEREST_SLOTS + s++];
  const k = u.interestCat[id * INTEREST_SLOTS + s];
  const i = world.tables.attach.draw(k, rng);
  if (i < 0) return;
  follow(world, id, creatorAccount(world.tables.creatorOrder[i]), rng());
}

/** Start of the day: each creator's followers, for the day's growth by tier. */
export function markCreatorDay(world: World): void {
  const cr = world.creators;
  for (let c = 0; c < cr.count; c++) cr.followersDayStart[c] = cr.followers[c];
}

/**
 * End of the day's row: active creators by tier (platform-scale followers),
 * their mean content quality, and the net followers gained by the creators
 * of each tier (tier at the start of the day; a creator that left today is
 * not counted). Gains are a balance that can be negative, so they are written
 * at platform scale (simulated follows x creatorFollowerScale x
 * creatorScale: each simulated creator stands for creatorScale creators with
 * that audience) and their columns are not scaled again.
 */
export function closeCreatorDay(world: World): void {
  const cr = world.creators;
  const row = world.metrics.today;
  const scale = world.res.creatorFollowerScale;
  const gainScale = scale * world.res.creatorScale;
  let quality = 0;
  for (let c = 0; c < cr.count; c++) {
    if (!cr.isActive[c]) continue;
    quality += cr.quality[c];
    row[CREATOR_TIER_COLUMNS[tierOf(cr.followers[c] * scale)]]++;
    row[FOLLOWER_GAIN_COLUMNS[tierOf(cr.followersDayStart[c] * scale)]] += (cr.followers[c] - cr.followersDayStart[c]) * gainScale;
  }
  row[M.creator_quality_mean] = cr.active > 0 ? quality / cr.active : 0;
}
