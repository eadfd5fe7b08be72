/**
 * The platform-economics chart and the programme marks every time chart
 * carries (report/charts/platform-economics.ts, report/charts/programme.ts).
 */
import type { Catalogue } from "./core.js";

export const ECONOMICS = {
  "caption.platform-economics": {
    en: "What the platform earns and keeps: its revenue (commission and ads) and ad revenue per day, and its cumulative net, revenue less the subsidies it pays out and the cost of guarantee claims, with the day from which the net stays at or above zero.",
    "zh-CN": "平台赚多少、留多少：每天的平台收入（佣金与广告）和广告收入，以及累计净收入（收入减去支出的补贴和保障赔付），并标出累计净收入此后不再低于零的回本日。",
  },
  "economics.title": { en: "Platform economics", "zh-CN": "平台收支" },
  "economics.revenue": { en: "Platform revenue (commission and ads)", "zh-CN": "平台收入（佣金与广告）" },
  "economics.adRevenue": { en: "of which ad revenue", "zh-CN": "其中广告收入" },
  "economics.revenuePanel": { en: "Revenue, RMB {unit}", "zh-CN": "收入（元，{unit}）" },
  "economics.netAxis": { en: "RMB since day 0", "zh-CN": "自第 0 天起累计（元）" },
  "economics.netPanel": { en: "Cumulative platform net, RMB: revenue less paid-out subsidies and guarantee claims", "zh-CN": "平台累计净收入（元）：收入减去支出的补贴与保障赔付" },
  "economics.breakEvenMark": { en: "break-even, day {day}", "zh-CN": "回本日：第 {day} 天" },
  "economics.noBreakEven": { en: "no break-even in the run: the cumulative net ends below 0", "zh-CN": "运行期内未回本：累计净收入期末仍低于 0" },
  "economics.breakEven": { en: "break-even on day {day} (the cumulative net stays at or above 0 from then on)", "zh-CN": "第 {day} 天回本（此后累计净收入不再低于 0）" },
  "economics.neverNegative": { en: "the cumulative net never fell below 0", "zh-CN": "累计净收入从未低于 0" },
  "economics.totals": {
    en: "Over the run, mean over replications: revenue {revenue} RMB (ads {ads}), paid-out subsidies and guarantee claims {costs} RMB;",
    "zh-CN": "运行期间（重复实验均值）：收入 {revenue} 元（其中广告 {ads}），支出的补贴与保障赔付 {costs} 元；",
  },
  "economics.net": { en: "net {net}; {even}", "zh-CN": "净收入 {net}；{even}" },
  "economics.netValue": { en: "{mean} RMB [95%: {lo}, {hi}]", "zh-CN": "{mean} 元［95%：{lo}，{hi}］" },
  "economics.note": {
    en: "Lines: mean over replications; bands: 95% interval; fee relief is revenue not taken, so not subtracted again",
    "zh-CN": "线：重复实验均值；带：95% 置信区间；佣金减免是未收取的收入，不再重复扣减",
  },

  "programme.consumerSubsidy": { en: "consumer subsidy", "zh-CN": "消费补贴" },
  "programme.coupons": { en: "coupons", "zh-CN": "优惠券" },
  "programme.trafficSubsidy": { en: "traffic subsidy", "zh-CN": "流量扶持" },
  "programme.feeRelief": { en: "fee relief", "zh-CN": "佣金减免" },
  "programme.day": { en: "day {day}", "zh-CN": "第 {day} 天" },
  "programme.days": { en: "days {from}–{to}", "zh-CN": "第 {from}–{to} 天" },
  "programme.window": { en: "{label} {days}", "zh-CN": "{label}（{days}）" },
  "programme.separator": { en: "; ", "zh-CN": "；" },
  "programme.shaded": { en: "Shaded: programme days ({windows})", "zh-CN": "阴影：计划实施期（{windows}）" },
  "programme.rules": { en: "grey lines: interventions (day {days})", "zh-CN": "灰线：干预（第 {days} 天）" },
  "programme.intervention": { en: "intervention {n}: {what}", "zh-CN": "干预 {n}：{what}" },
  "programme.interventionEnds": { en: "intervention {n} ends: {what}", "zh-CN": "干预 {n} 结束：{what}" },
} as const satisfies Catalogue;
