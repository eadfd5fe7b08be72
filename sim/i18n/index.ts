/**
 * The one message catalogue of every page and chart: `t(lang, key, params)`.
 * Each text lives here once, in every language; the modules split it by area.
 *
 *   import { t, type Lang } from "../i18n/index.js";
 *   t("zh-CN", "format.days", { n: 30 }) // "30 天"
 */
import { fill, type Catalogue, type Holes, type Lang, type Params } from "./core.js";
import { CHARTS } from "./charts.js";
import { COMPARE } from "./compare.js";
import { CALIBRATION } from "./calibration.js";
import { CHECK } from "./check.js";
import { DISCOVER } from "./discover.js";
import { ECONOMICS } from "./economics.js";
import { SANDBOX } from "./sandbox.js";
import { REPORT } from "./report.js";
import { SWEEP } from "./sweep.js";
import { FORMAT, UNIT_WORDS } from "./units.js";

export { isLang, LANGS, type Entry, type Lang } from "./core.js";
export { kpiLabel, KPI_LABELS_ZH } from "./kpis.js";
export { sandboxMessages } from "./sandbox.js";

export const MESSAGES = { ...UNIT_WORDS, ...FORMAT, ...REPORT, ...CHARTS, ...COMPARE, ...SWEEP, ...CHECK, ...DISCOVER, ...CALIBRATION, ...ECONOMICS, ...SANDBOX } as const satisfies Catalogue;
/** The modules, for the test that no key is defined twice (a spread would silently keep the last). */
export const MODULES: readonly Catalogue[] = [UNIT_WORDS, FORMAT, REPORT, CHARTS, COMPARE, SWEEP, CHECK, DISCOVER, CALIBRATION, ECONOMICS, SANDBOX];

export type MessageKey = keyof typeof MESSAGES;
/** The keys whose texts have no placeholder: what a table of labels may hold. */
export type PlainKey = { [K in MessageKey]: [Holes<(typeof MESSAGES)[K]["en"]>] extends [never] ? K : never }[MessageKey];
type ArgsOf<K extends MessageKey> = [Holes<(typeof MESSAGES)[K]["en"]>] extends [never] ? [] : [Params<(typeof MESSAGES)[K]["en"]>];

/** The text of `key` in `lang`, placeholders filled. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ArgsOf<K>): string {
  return fill(MESSAGES[key][lang], params[0]);
}

/** A unit word of summary.json (RMB, merchants, ...) in `lang`; an unknown unit stays as written. */
export function unitWord(unit: string, lang: Lang): string {
  const u = unit.trim();
  if (lang === "en") return u;
  const entry = Object.values(UNIT_WORDS).find((e) => e.en.toLowerCase() === u.toLowerCase());
  return entry ? entry[lang] : u;
}

/** The text of a key made from data ("category." + a name), or undefined when the catalogue has no such key. */
export function lookup(lang: Lang, key: string): string | undefined {
  return Object.hasOwn(MESSAGES, key) ? MESSAGES[key as MessageKey][lang] : undefined;
}

/** A product category in `lang`: the catalogue's name for the schema's default categories; a scenario's own category stays as it named it. */
export function categoryName(category: string, lang: Lang): string {
  return lookup(lang, `category.${category}`) ?? category;
}
