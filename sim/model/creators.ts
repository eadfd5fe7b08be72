/**
 * Creators (MODEL.md 3.3): earn commission, grow (creator-growth.ts: content
 * quality, earnings), change stage at follower thresholds, leave after long
 * stretches without earnings or with recent earnings below the reservation
 * earning, and enter with the platform's attractiveness, its cold-start
 * support and the expected earnings of recent entrants. Owns
 * creators.isActive, stage, lastEarningDay, skill.
 */
import { normal, poisson, type Rng } from "../engine/rng.js";
import { STAGE } from "../engine/world.js";
import { creatorAccount, dropAccount } from "./follows.js";
import { attractiveness } from "./merchants.js";
import { expectedEntrantEarnings, growCreator } from "./creator-growth.js";
import { M } from "./metrics.js";
import { reserveCreators, type World } from "./world.js";

/** Add one creator; `followers` is a simulated count (edges are made by init). Returns the id or -1 when full. */
export function addCreator(world: World, rng: Rng): number {
  const cr = world.creators;
  const p = world.params.creators;
  const b = world.params.behaviour.creatorTraits;
  if (cr.count >= cr.capacity) {
    world.platform.entriesRefusedFull++;
    return -1;
  }
  if (cr.count >= cr.allocated) reserveCreators(world, cr.count + 1);
  const c = cr.count++;
  const isNiche = rng() < p.nicheShare;
  cr.isActive[c] = 1;
  cr.mainCat[c] = world.cats.draw(rng);
  // verticality stays within 0..1: the largest audience fit (feed.ts maxCreatorFit) relies on it
  cr.verticality[c] = clamp01(isNiche ? b.nicheVerticalityMin + b.nicheVerticalityRange * rng() : b.generalistVerticalityRange * rng());
  cr.quality[c] = clamp01(b.qualityMean + b.qualitySd * normal(rng));
  cr.skill[c] = clamp01(b.skillMean + b.skillSd * normal(rng));
  cr.credibility[c] = clamp01(b.credibilityBase + b.credibilityQuality * cr.quality[c]);
  cr.followers[c] = 0;
  cr.followersStart[c] = 0;
  cr.followersDayStart[c] = 0;
  cr.earningsRecent[c] = 0;
  cr.lowEarningDays[c] = 0;
  cr.startTier[c] = 255;
  cr.entryDay[c] = world.today.internalDay;
  cr.lastEarningDay[c] = world.today.internalDay;
  cr.stage[c] = STAGE.new;
  cr.active++;
  return c;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function settleCreators(world: World): void {
  const cr = world.creators;
  const p = world.params.creators;
  const learning = world.params.behaviour.creators.skillLearningPerLiveDay;
  const day = world.today.internalDay;
  const belowDays = p.exitBelowReservationDays;
  for (let c = 0; c < cr.count; c++) {
    if (!cr.isActive[c]) continue;
    // the threshold is per real creator: a simulated creator's commission is shared by the creators it stands for
    if (cr.commissionToday[c] * world.res.perCreator >= p.minDailyEarningRmb) cr.lastEarningDay[c] = day;
    growCreator(world, c);
    cr.commissionTotal[c] += cr.commissionToday[c];
    cr.commissionToday[c] = 0;
    // selling skill grows with practice in the live room
    if (cr.isLive[c]) cr.skill[c] += learning * (1 - cr.skill[c]);
    const followersPlatform = cr.followers[c] * world.res.creatorFollowerScale;
    if (followersPlatform >= p.establishedFollowersPlatform) cr.stage[c] = STAGE.established;
    else if (followersPlatform >= p.growingFollowersPlatform || day - cr.entryDay[c] >= p.newStageDays) cr.stage[c] = STAGE.growing;
    else cr.stage[c] = STAGE.new;
    // leave after a long idle stretch, or after a long stretch whose recent earnings stayed below the reservation
    if (day - cr.lastEarningDay[c] > p.exitAfterIdleDays || (belowDays > 0 && cr.lowEarningDays[c] > belowDays)) {
      cr.isActive[c] = 0;
      cr.active--;
      dropAccount(world, creatorAccount(c));
      world.metrics.today[M.creators_exited]++;
    }
  }
}

/**
 * New creators: a flow that follows the platform's pull, raised by cold-start
 * support, and the earnings an entrant can expect (those of recent entrants,
 * E, per creator) against the reservation earning R: with weight w =
 * behaviour.entry.creatorEarningsWeight, x (1 - w + w x 2E / (E + R)), which
 * is 1 when E = R, falls toward 1 - w as E falls and rises toward 1 + w.
 */
export function enterCreators(world: World, rng: Rng): void {
  const p = world.params.creators;
  const lv = world.params.levers;
  const entry = world.params.behaviour.entry;
  const support = world.today.isTrafficSubsidyOn ? Math.min(1, lv.trafficSubsidy.newCreatorBoost / entry.supportBoostSaturation) : 0;
  const w = entry.creatorEarningsWeight;
  const earnings = w > 0 ? expectedEntrantEarnings(world) : 0;
  const pull = w > 0 ? 1 - w + (w * 2 * earnings) / (earnings + p.reservationEarningRmb) : 1;
  const expected = ((world.creators.active * p.entryPerDayPerThousand) / 1000) * attractiveness(world, entry.creatorGrowthElasticity) * (1 + p.entrySupportWeight * support) * pull;
  const n = poisson(rng, expected);
  for (let i = 0; i < n; i++) {
    if (addCreator(world, rng) < 0) {
      world.platform.entriesRefusedFull += n - i - 1; // the rest would be refused too
      break;
    }
    world.metrics.today[M.creators_new]++;
  }
}
