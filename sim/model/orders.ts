/**
 * Orders (MODEL.md 1.3 step 4): the price after discounts and who pays them,
 * the merchant's and creator's books, delivery (true quality is seen only
 * now), returns and guarantee claims, then satisfaction, trust and
 * credibility, follows after good purchases and unfollows after bad ones, and
 * the user's need, merchant memory for repurchase and (reference-price.ts)
 * the share of the list price paid. Owns users.needDay,
 * lastMerchant, lastSatisfied, lastOrderDay, ordersInWindow and the day's
 * sales fields of merchants and creators.
 */
import type { Rng } from "../engine/rng.js";
import { CHANNEL, NEVER } from "../engine/world.js";
import { deliveryConfirmation, deliveryDays } from "./delivery.js";
import { creatorAccount, follow, isFollowing, storeAccount, unfollow } from "./follows.js";
import { M, tierOf } from "./metrics.js";
import { rememberPrice } from "./reference-price.js";
import { afterPurchase } from "./trust.js";
import { logOrder } from "./session-effects.js";
import { badPaidPurchase } from "./ad-fatigue.js";
import { countDemandSource } from "./discovery.js";
import type { World } from "./world.js";

/** The route an order came by, beyond its channel. */
export const ROUTE = { feed: 0, paid: 1, privateDomain: 2, store: 3, search: 4 } as const;

/**
 * Whether merchant `m`, met now, is the user's earlier merchant `last`. A
 * simulated merchant stands for merchantScale merchants: met again on
 * purpose (`isDeliberate`: the store, or a followed store's live room) it is
 * the same merchant; met again by chance (the feed, a search, a creator's
 * pick) it is one of the merchants it stands for, the same one with
 * probability 1 / merchantScale, as on the platform. Without this, repeats by
 * chance would grow as the sample, and so the merchants per category, shrinks.
 */
export function isSameMerchant(world: World, rng: Rng, m: number, last: number, isDeliberate: boolean): boolean {
  if (m !== last) return false;
  return isDeliberate || rng() * world.res.merchantScale < 1;
}

/**
 * Book an order of `user` for merchant `m`'s product, just accepted by the
 * choice model (`offer` holds its price parts). `slotIndex` is the user's
 * interest slot of the category (-1 if none), `creator` the creator it came
 * through (-1 if none).
 */
export function placeOrder(world: World, rng: Rng, user: number, m: number, slotIndex: number, channel: number, creator: number, route: number): void {
  const { users: u, merchants: mer, creators: cr, today, cats } = world;
  const lv = world.params.levers;
  const day = today.internalDay;
  const row = world.metrics.today;
  const cat = mer.cat[m];
  const offer = world.choice.offer;
  const price = offer.priceRmb;

  // who pays the discounts: the platform, within the chunk's share of its budgets (session-effects.ts)
  if (offer.consumerSubsidyRmb > 0) {
    today.consumerSubsidyLeft -= offer.consumerSubsidyRmb;
    row[M.subsidy_consumer] += offer.consumerSubsidyRmb;
  }
  if (offer.campaignRmb > 0) {
    today.campaignLeft -= offer.campaignRmb;
    row[M.subsidy_campaign] += offer.campaignRmb;
  }
  if (offer.couponRmb > 0) {
    today.couponLeft -= offer.couponRmb;
    row[M.subsidy_coupon] += offer.couponRmb;
  }

  // books: the merchant is paid the list price (the platform funds discounts); booked after the sessions
  let tier = -1;
  let commission = 0;
  if (creator >= 0) {
    commission = mer.commission[m] * price;
    tier = tierOf(cr.followers[creator] * world.res.creatorFollowerScale);
  }
  world.metrics.addOrder(channel, cat, tier, price);
  if (u.lastOrderDay[user] !== day) row[M.buyers]++;
  const isRepeat = slotIndex >= 0 && isSameMerchant(world, rng, m, u.lastMerchant[slotIndex], route === ROUTE.store || (route === ROUTE.privateDomain && creator < 0));
  if (isRepeat) {
    row[M.repeat_orders]++;
    const account = creator >= 0 ? creatorAccount(creator) : storeAccount(m);
    if (route === ROUTE.privateDomain || isFollowing(world, user, account) || isFollowing(world, user, storeAccount(m))) row[M.repeat_orders_private]++;
  }

  const experience = deliver(world, rng, user, m);
  const tp = world.params.trust;
  const isBad = experience < tp.badThreshold;

  // returns: a base rate by category, far more after a bad purchase; the guarantee
  // takes a covered bad purchase back without argument, a merchant may refuse otherwise
  let returnProb = cats.returnRate[cat] * (isBad ? tp.badReturnMultiplier : tp.goodReturnMultiplier);
  if (mer.isFulfilled[m]) returnProb *= 1 - lv.fulfilment.returnReduction;
  // a bad purchase draws both uniforms whether covered or not, so the draws after it stay paired
  // between scenarios that differ only in coverage (common random numbers)
  const coverDraw = isBad ? rng() : 1;
  const refuseDraw = isBad ? rng() : 1;
  const isCovered = coverDraw < lv.trustGuarantee.coverage;
  const isRefused = !isCovered && refuseDraw < tp.refusedReturnProb;
  let chargeBack = 0;
  if (isCovered) {
    // the platform pays the claim; a share of it may be charged back to the seller (per real merchant)
    chargeBack = lv.trustGuarantee.merchantShare * lv.trustGuarantee.costPerClaimRmb;
    row[M.guarantee_cost] += lv.trustGuarantee.costPerClaimRmb - chargeBack;
    returnProb = Math.max(returnProb, tp.coveredReturnProb);
  } else if (isRefused) returnProb = 0;
  const isReturned = rng() < returnProb;
  if (isReturned) world.metrics.addReturn(cat);
  // the seller's side of the order (books, claim charged back, fulfilment cost per real merchant, what it learns)
  logOrder(
    world, m, creator, price, channel === CHANNEL.selfBroadcast, route === ROUTE.paid, commission,
    offer.consumerSubsidyRmb, offer.campaignRmb, today.activeCampaign, offer.couponRmb, chargeBack, isReturned,
    mer.isFulfilled[m] ? lv.fulfilment.costPerOrderRmb : 0, experience, isBad,
  );

  // what the buyer is left with: a return costs effort unless the guarantee pays for it,
  // and a covered bad purchase is refunded and compensated
  let felt = experience;
  if (isCovered) felt = Math.max(felt, tp.coveredFeltExperience);
  else if (isReturned) felt -= world.params.users.returnHassle;
  afterPurchase(world, user, felt < 0 ? 0 : felt, isBad, isCovered, isRefused);
  if (isBad && route === ROUTE.paid) badPaidPurchase(world, user);

  // follows: after a satisfying purchase, often; after a bad one, unfollow
  if (!isBad) {
    if (creator >= 0 && rng() < world.params.creators.followProbAfterGoodPurchase) follow(world, user, creatorAccount(creator), rng());
    if (rng() < world.params.merchants.storeFollowProbAfterGoodPurchase) follow(world, user, storeAccount(m), rng());
  } else if (rng() < world.params.creators.unfollowProbAfterBadPurchase) {
    if (creator >= 0) unfollow(world, user, creatorAccount(creator));
    unfollow(world, user, storeAccount(m));
  }

  // where the demand came from (before the need is renewed); need and memory for repurchase;
  // festival buyers stock up (pull-forward)
  countDemandSource(world, slotIndex);
  if (slotIndex >= 0) {
    const up = world.params.users;
    const stock = today.campaignDiscount > 0 ? up.festivalStockUp : 1;
    const jitter = 1 - up.restockJitter + 2 * up.restockJitter * rng();
    u.needDay[slotIndex] = Math.min(NEVER - 1, day + Math.round(cats.replenishDays[cat] * stock * jitter));
    u.lastMerchant[slotIndex] = m;
    u.lastSatisfied[slotIndex] = isBad ? 0 : 1;
    rememberPrice(world, slotIndex, offer.effectiveRmb / offer.priceRmb); // the share of the list price paid
  }
  u.lastOrderDay[user] = day;
  if (today.reportDay >= today.windowStartDay) u.ordersInWindow[user]++;
}

/**
 * Delivery: the experience of a purchase, 0..1, from true quality (seen only
 * now) against what the buyer perceived, the seller's service (raised by
 * an agency or the cloud warehouse), and the delivery time against the
 * buyer's expectation (delivery.ts).
 */
function deliver(world: World, rng: Rng, user: number, m: number): number {
  const mer = world.merchants;
  const lv = world.params.levers;
  const tp = world.params.trust;
  const service = Math.min(1, mer.service[m] + (mer.isServed[m] ? lv.serviceProviders.serviceBoost : 0) + (mer.isFulfilled[m] ? lv.fulfilment.serviceBoost : 0));
  const q = mer.quality[m];
  const experience =
    tp.experienceBase + tp.experienceQuality * q + tp.experienceService * service +
    tp.experienceSurprise * (q - world.choice.offer.perceivedQuality) + tp.experienceNoise * (rng() - 0.5) +
    deliveryConfirmation(world, deliveryDays(world, rng, user, m));
  return experience < 0 ? 0 : experience > 1 ? 1 : experience;
}
