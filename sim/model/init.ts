/**
 * Initialisation (MODEL.md 3.1): users with Dirichlet interests; merchants
 * whose quality, price and brand are correlated; creators whose platform-scale
 * followers are log-normal (a thousand to tens of millions), with follow edges
 * sampled from users interested in the creator's category so that counts and
 * edges agree. The warm-up then runs before day 0 (simulate.ts).
 */
import { normal, poisson, type Rng } from "../engine/rng.js";
import { INTEREST_SLOTS } from "../engine/world.js";
import { addCreator } from "./creators.js";
import { creatorAccount, follow, storeAccount } from "./follows.js";
import { addMerchant } from "./merchants.js";
import { measureTrustAndNps } from "./trust.js";
import { addUser } from "./users.js";
import type { World } from "./world.js";

export function initWorld(world: World): void {
  const rng = world.streams.get("init");
  const { params, cats } = world;
  const b = params.behaviour.init;
  // incumbents joined long ago (internal day 0); their needs fall due from the first day on
  for (let i = 0; i < params.population.users; i++) {
    const id = addUser(world, rng, world.today.internalDay);
    if (id >= 0) {
      world.users.joinedDay[id] = 0;
      world.users.adFatigue[id] = -1; // lived with the platform's ads for years: set on first exposure (ad-fatigue.ts)
    }
  }

  const merchantsByCat = cats.allocate(world.res.merchants);
  for (let k = 0; k < cats.count; k++) for (let i = 0; i < merchantsByCat[k]; i++) addIncumbentMerchant(world, rng, k);

  // users by their strongest interest, to sample followers who care about the category
  const u = world.users;
  const bucketStart = new Int32Array(cats.count + 1);
  for (let id = 0; id < u.count; id++) bucketStart[u.interestCat[id * INTEREST_SLOTS] + 1]++;
  for (let k = 0; k < cats.count; k++) bucketStart[k + 1] += bucketStart[k];
  const fill = bucketStart.slice(0, cats.count);
  const bucket = new Int32Array(u.count);
  for (let id = 0; id < u.count; id++) bucket[fill[u.interestCat[id * INTEREST_SLOTS]]++] = id;
  const pickFollower = (k: number): number => {
    const size = bucketStart[k + 1] - bucketStart[k];
    if (size > 0 && rng() < b.followerInterestAffinity) return bucket[bucketStart[k] + ((rng() * size) | 0)];
    return (rng() * u.count) | 0;
  };

  const cp = params.creators;
  for (let i = 0; i < world.res.creators; i++) {
    const c = addCreator(world, rng);
    if (c < 0) break;
    world.creators.entryDay[c] = 0;
    world.creators.stage[c] = 2; // settled by settleCreators on the first day
    const followersPlatform = cp.followerMedianPlatform * Math.exp(cp.followerLogSd * normal(rng));
    const target = Math.min(u.count, Math.round(followersPlatform / world.res.creatorFollowerScale));
    const k = world.creators.mainCat[c];
    for (let j = 0, tries = 0; j < target && tries < 3 * target; tries++) if (follow(world, pickFollower(k), creatorAccount(c), rng())) j++;
  }
  const mer = world.merchants;
  for (let m = 0; m < mer.count; m++) {
    // store followers per simulated merchant shrink as merchants are sampled finer, so each user follows as many stores
    const n = poisson(rng, (b.storeFollowsPerBrand * mer.brand[m] * mer.brand[m]) / world.res.perMerchant);
    for (let j = 0; j < n; j++) follow(world, pickFollower(mer.cat[m]), storeAccount(m), rng());
  }
  // promoters and detractors of day 0's users, for the first day's word of mouth
  measureTrustAndNps(world);
}

/** A merchant on the platform since long before day 0: more cash, some already broadcasting with some practice. */
function addIncumbentMerchant(world: World, rng: Rng, cat: number): void {
  const m = addMerchant(world, rng, cat, false, true);
  if (m < 0) return;
  const mer = world.merchants;
  const b = world.params.behaviour.init;
  const brandOffset = world.params.behaviour.merchants.adoptionBrandOffset;
  mer.entryDay[m] = 0;
  mer.cashRmb[m] *= b.incumbentCashMultiple;
  mer.cashMark[m] = mer.cashRmb[m]; // the larger cash is a stock, not a first day's profit to reinvest (merchant-strategy.ts)
  if (rng() < (world.params.merchants.selfBroadcastStartShare * (brandOffset + mer.brand[m])) / b.incumbentBroadcastNormaliser) {
    mer.isSelfBroadcaster[m] = 1;
    mer.liveSkill[m] = Math.min(1, b.incumbentLiveSkillMin + b.incumbentLiveSkillRange * rng());
  }
}
