/**
 * The platform's start of day (MODEL.md 1.3 step 1): apply the interventions
 * scheduled for today (and undo those whose `until` has come), then derive
 * today's constants from the levers: feed size, the feel of the feed, and the
 * budgets each lever may still spend today. Budgets in the scenario are at
 * platform scale; the world spends in sample RMB (divided by the user scale:
 * each simulated order stands for that many orders).
 */
import type { InterventionLog } from "../scenario/intervention-log.js";
import { prepareChoice } from "./choice.js";
import { startShocks } from "./shocks.js";
import type { World } from "./world.js";

function isInWindow(day: number, w: { startDay: number; endDay: number }): boolean {
  return day >= w.startDay && day <= w.endDay;
}

export function startDay(world: World, log: InterventionLog): void {
  const today = world.today;
  if (today.reportDay >= 0) log.step(world.params, today.reportDay);
  const lv = world.params.levers;
  const up = world.params.users;
  const pf = world.platform;
  const day = today.reportDay;
  const scale = world.res.userScale;

  let push = 0;
  today.campaignDiscount = 0;
  today.campaignLeft = 0;
  today.activeCampaign = -1;
  for (let i = 0; i < lv.campaigns.length; i++) {
    const c = lv.campaigns[i];
    if (day >= c.startDay && day < c.startDay + c.days) {
      push = c.trafficPush;
      today.activeCampaign = i;
      const left = c.budgetRmb > 0 ? c.budgetRmb / scale - (pf.campaignSpent[i] ?? 0) : Infinity;
      if (left > 0) {
        today.campaignDiscount = c.discount;
        today.campaignLeft = left;
      }
    }
  }
  // paid items come on top of the organic commerce load: a larger paid share is a heavier ad load
  // (discovery.ts then scales activity and session length by the day's content pull)
  today.paidShare = lv.paidTraffic.share;
  const commerceLoad = Math.min(1, (lv.commercialLoad * (1 + push)) / (1 - today.paidShare));
  today.commerceImpressions = up.impressionsPerSession * commerceLoad;
  today.activityMultiplier = 1 + up.campaignActivityResponse * push;
  // how the feed feels is measured from what users see (feed-value.ts, trust.ts feedDay)
  today.commerceShare = commerceLoad;
  today.entertainmentFelt = (1 - today.commerceShare) * up.entertainmentValue;
  today.feedLearning = up.feedSatisfactionLearning;
  const lr = world.params.trust.credibilityLearning;
  today.merchantLearning = 1 - Math.pow(1 - lr, world.res.perMerchant);
  today.creatorLearning = 1 - Math.pow(1 - lr, world.res.perCreator);

  const cs = lv.consumerSubsidy;
  const csLeftTotal = cs.totalBudgetRmb / scale - pf.consumerSubsidySpent;
  today.consumerSubsidyRate = cs.rate > 0 && csLeftTotal > 0 && isInWindow(day, cs) ? cs.rate : 0;
  today.consumerSubsidyLeft = Math.max(0, cs.dailyBudgetRmb > 0 ? Math.min(cs.dailyBudgetRmb / scale, csLeftTotal) : csLeftTotal);

  const cp = lv.coupons;
  const cpLeft = cp.totalBudgetRmb / scale - pf.couponSpent;
  today.couponValue = cp.valueRmb > 0 && cpLeft > 0 && isInWindow(day, cp) ? cp.valueRmb : 0;
  today.couponLeft = Math.max(0, cpLeft);

  const ts = lv.trafficSubsidy;
  today.trafficImpressionsLeft = Math.max(0, ts.budgetImpressions / scale - pf.trafficImpressionsSpent);
  today.isTrafficSubsidyOn = today.trafficImpressionsLeft > 0 && isInWindow(day, ts);
  today.isFeeReliefOn = isInWindow(day, lv.feeRelief) && lv.feeRelief.newMerchantDays > 0;
  today.windowStartDay = Math.max(0, world.params.horizonDays - 365);
  startShocks(world);
  prepareChoice(world);
}
