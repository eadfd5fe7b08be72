/**
 * What a commerce item in the feed is worth to the user who sees it, per
 * category, measured once a day from the items the feed will actually show:
 * the organic entries weighted by their traffic share, and the paid slots
 * weighted by the auction's, each valued by its seller's credibility, which
 * is the running average of the experience of that seller's buyers
 * (trust.ts). Paid traffic that puts worse sellers in front of users, or a
 * feed crowded with poorly rated rooms, lowers the value users feel
 * (trust.ts feedDay); nothing here reads a lever setting except the share
 * of slots that are paid. Owns tables.feedValue and tables.paidUnwanted (what
 * a paid item is not worth: ad-fatigue.ts).
 */
import { ENTRY } from "../engine/world.js";
import type { World } from "./world.js";

export function measureFeedValue(world: World): void {
  const { tables: t, creators: cr, merchants: mer, cats } = world;
  const paidShare = world.today.paidShare;
  const targeting = world.params.levers.paidTraffic.targeting;
  // a mistargeted paid item is one of the bidders' items anywhere, seen by someone with little interest in it
  let bidValue = 0;
  let bidWeight = 0;
  for (let k = 0; k < cats.count; k++) {
    const start = t.paid.start[k];
    for (let i = start; i < start + t.paid.size[k]; i++) {
      bidValue += t.paidWeight[i] * mer.credibility[t.merchantOrder[i]];
      bidWeight += t.paidWeight[i];
    }
  }
  const offTargetValue = world.params.users.offInterestRelevance * (bidWeight > 0 ? bidValue / bidWeight : 0);
  for (let k = 0; k < cats.count; k++) {
    let organic = 0;
    let organicWeight = 0;
    const start = t.feed.start[k];
    for (let i = start; i < start + t.feed.size[k]; i++) {
      const kind = t.feedKind[i];
      const src = t.feedSource[i];
      const credibility = kind === ENTRY.creatorLive || kind === ENTRY.creatorVideo ? cr.credibility[src] : mer.credibility[src];
      organic += t.feedWeight[i] * credibility;
      organicWeight += t.feedWeight[i];
    }
    let paid = 0;
    let paidWeight = 0;
    const paidStart = t.paid.start[k];
    for (let i = paidStart; i < paidStart + t.paid.size[k]; i++) {
      paid += t.paidWeight[i] * mer.credibility[t.merchantOrder[i]];
      paidWeight += t.paidWeight[i];
    }
    const organicValue = organicWeight > 0 ? organic / organicWeight : 0;
    // a category where nobody bids has no paid items to judge: its slots count as organic
    const paidValue = paidWeight > 0 ? paid / paidWeight : organicValue;
    const paidItemValue = targeting * paidValue + (1 - targeting) * offTargetValue;
    t.feedValue[k] = (1 - paidShare) * organicValue + paidShare * paidItemValue;
    t.paidUnwanted[k] = 1 - paidItemValue;
  }
}
