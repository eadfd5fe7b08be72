/**
 * Units and the small words of formatted numbers. KPI units in summary.json
 * stay English (unitKind parses them); a page shows them through unitWord.
 */
import type { Catalogue } from "./core.js";

/** The unit words summary.json uses, by their English text. */
export const UNIT_WORDS = {
  "unit.RMB": { en: "RMB", "zh-CN": "元" },
  "unit.merchants": { en: "merchants", "zh-CN": "家" },
  "unit.users": { en: "users", "zh-CN": "人" },
  "unit.impressions": { en: "impressions", "zh-CN": "次曝光" },
  "unit.points": { en: "points", "zh-CN": "分" },
  "unit.creators": { en: "creators", "zh-CN": "位达人" },
  "unit.orders": { en: "orders", "zh-CN": "单" },
  "unit.day": { en: "day", "zh-CN": "天" },
  "unit.RMB/day": { en: "RMB/day", "zh-CN": "元/天" },
  "unit.orders/day": { en: "orders/day", "zh-CN": "单/天" },
} as const satisfies Catalogue;

export const FORMAT = {
  "format.na": { en: "n/a", "zh-CN": "不适用" },
  "format.range": { en: "{lo} to {hi}", "zh-CN": "{lo} 至 {hi}" },
  "format.clipped": { en: " (clipped at {bounds})", "zh-CN": "（截断于 {bounds}）" },
  "format.and": { en: " and ", "zh-CN": " 和 " },
  "format.pp": { en: "{value} pp", "zh-CN": "{value} 个百分点" },
  "format.days": { en: "{n} days", "zh-CN": "{n} 天" },
  "format.seconds": { en: "{n} s", "zh-CN": "{n} 秒" },
  "format.mb": { en: "{n} MB", "zh-CN": "{n} MB" },
  "format.yes": { en: "yes", "zh-CN": "是" },
  "format.no": { en: "no", "zh-CN": "否" },
} as const satisfies Catalogue;
