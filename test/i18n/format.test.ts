/** Numbers by language: k/M/B in English (unchanged), 万 (10^4) and 亿 (10^8) in Chinese. */
import { describe, expect, it } from "vitest";
import {
  compactNumber, formatDifference, formatDifferenceInterval, formatInterval, formatP, formatPercentChange, formatValue,
} from "../../sim/io/format.js";

describe("compactNumber in Chinese", () => {
  it("uses 万 from 10,000 and 亿 from 100 million, three significant digits", () => {
    expect(compactNumber(12345, "zh-CN")).toBe("1.23万");
    expect(compactNumber(3.44e8, "zh-CN")).toBe("3.44亿");
    expect(compactNumber(29_900_000_000, "zh-CN")).toBe("299亿");
    expect(compactNumber(56_100, "zh-CN")).toBe("5.61万");
    expect(compactNumber(1.5e12, "zh-CN")).toBe("1.5万亿");
  });
  it("keeps the sign and leaves numbers below 1万 as they are", () => {
    expect(compactNumber(-12345, "zh-CN")).toBe("-1.23万");
    expect(compactNumber(-4.5e8, "zh-CN")).toBe("-4.5亿");
    expect(compactNumber(9999, "zh-CN")).toBe("1万");
    expect(compactNumber(9940, "zh-CN")).toBe("9940");
    expect(compactNumber(99_990_000, "zh-CN")).toBe("1亿");
    expect(compactNumber(2500, "zh-CN")).toBe("2500");
    expect(compactNumber(0.125, "zh-CN")).toBe("0.125");
    expect(compactNumber(0, "zh-CN")).toBe("0");
    expect(compactNumber(NaN, "zh-CN")).toBe("不适用");
  });
  it("does not change English", () => {
    expect(compactNumber(12345)).toBe("12.3k");
    expect(compactNumber(3.44e8, "en")).toBe("344M");
    expect(compactNumber(3.44e9)).toBe("3.44B");
    expect(compactNumber(NaN)).toBe("n/a");
  });
});

describe("KPI values in Chinese", () => {
  it("write the unit in Chinese after the number: 元, 家, 人, 分", () => {
    expect(formatValue(3.44e8, "RMB", "zh-CN")).toBe("3.44亿元");
    expect(formatValue(56_100, "merchants", "zh-CN")).toBe("5.61万家");
    expect(formatValue(36_700_000, "users", "zh-CN")).toBe("3670万人");
    expect(formatValue(-3, "points", "zh-CN")).toBe("-3.0分");
    expect(formatValue(0.451, "share", "zh-CN")).toBe("45.1%");
    expect(formatValue(2.31, "x", "zh-CN")).toBe("2.310×");
  });
  it("say intervals, clipping and differences in Chinese", () => {
    expect(formatInterval([-3e6, 5e8], "RMB", "zh-CN")).toBe("-300万 至 5亿");
    expect(formatInterval([-0.0005, 0.002], "share", "zh-CN")).toBe("0.00% 至 0.20%（截断于 0.00%）");
    expect(formatDifference(0.012, "share", "zh-CN")).toBe("+1.20 个百分点");
    expect(formatDifference(-1.2e9, "RMB", "zh-CN")).toBe("−12亿元");
    expect(formatDifferenceInterval([-6.57e9, 8.96e9], "RMB", "zh-CN")).toBe("−65.7亿 至 +89.6亿");
    expect(formatPercentChange(NaN, "zh-CN")).toBe("不适用");
    expect(formatP(NaN, "zh-CN")).toBe("不适用");
  });
  it("leave English as it was", () => {
    expect(formatValue(3.44e9, "RMB")).toBe("3.44B RMB");
    expect(formatValue(56_100, "merchants")).toBe("56.1k merchants");
    expect(formatInterval([-0.0005, 0.002], "share")).toBe("0.00% to 0.20% (clipped at 0.00%)");
    expect(formatDifference(0.012, "share")).toBe("+1.20 pp");
    expect(formatDifferenceInterval([-6.57e9, 8.96e9], "RMB")).toBe("−6.57B to +8.96B");
  });
});
