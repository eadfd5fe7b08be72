/**
 * The message catalogue: every text in both languages, the same placeholders
 * in both, no key defined in two modules, a Chinese name for every KPI.
 */
import { describe, expect, it } from "vitest";
import { KPIS } from "../../sim/experiments/kpis.js";
import { ANALYSIS_KPIS } from "../../sim/experiments/sweep/sweep-kpis.js";
import { unitKind } from "../../sim/io/format.js";
import { holesOf } from "../../sim/i18n/core.js";
import { categoryName, KPI_LABELS_ZH, LANGS, MESSAGES, MODULES, t, unitWord } from "../../sim/i18n/index.js";
import { loadScenario } from "../../sim/scenario/load.js";

import { CJK, latinWords } from "./latin.js";

const LATIN_WORD = /[A-Za-z]{2,}/;

describe("the catalogue", () => {
  it("has every text in every language", () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      for (const lang of LANGS) expect(entry[lang].trim(), `${key} ${lang}`).not.toBe("");
    }
  });

  it("uses the same placeholders in every language", () => {
    for (const [key, entry] of Object.entries(MESSAGES)) expect(holesOf(entry["zh-CN"]), key).toEqual(holesOf(entry.en));
  });

  it("defines no key in two modules (a spread would keep only the last)", () => {
    const keys = MODULES.flatMap((m) => Object.keys(m));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it("has Chinese texts without English words other than the allowed names", () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(latinWords(entry["zh-CN"].replace(/\{\w+\}/g, " ")), key).toEqual([]);
    }
  });

  it("has English texts without Chinese characters", () => {
    for (const [key, entry] of Object.entries(MESSAGES)) expect(entry.en, key).not.toMatch(CJK);
  });

  it("fills placeholders and leaves a missing one visible", () => {
    expect(t("zh-CN", "format.days", { n: 30 })).toBe("30 天");
    expect(t("en", "format.range", { lo: "1", hi: "2" })).toBe("1 to 2");
  });
});

describe("KPI names", () => {
  it("every KPI in KPIS and of a sweep has a Chinese name, and every Chinese name a KPI", () => {
    const keys = [...new Set([...KPIS, ...ANALYSIS_KPIS].map((k) => k.key))];
    expect(keys.filter((k) => !KPI_LABELS_ZH[k])).toEqual([]);
    expect(Object.keys(KPI_LABELS_ZH).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("every unit word a KPI shows has a Chinese form", () => {
    const shown = [...KPIS, ...ANALYSIS_KPIS].filter((k) => ["money", "count", "score"].includes(unitKind(k.unit)));
    for (const k of shown) expect(unitWord(k.unit, "zh-CN"), `${k.key}: ${k.unit}`).not.toMatch(LATIN_WORD);
  });
});

describe("product categories", () => {
  it("every category of the baseline scenario (the schema's defaults) has a Chinese name", async () => {
    const { scenario } = await loadScenario("scenarios/baseline.yaml");
    const names = scenario.categories.map((c) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => categoryName(n, "zh-CN") === n)).toEqual([]);
    expect(names.map((n) => categoryName(n, "en"))).toEqual(names);
  });
});
