/** Values on the report pages: parameters in words (interventions, the no-end sentinel), intervals clipped at the bounds of what they measure. */
import { describe, expect, it } from "vitest";
import { parameterValueText } from "../../sim/report/parameter-text.js";

describe("parameter values on a page", () => {
  it("reads as a strategist would write them", () => {
    expect(parameterValueText("interventions", [{ at: 100, set: { "levers.paidTraffic.share": 0.06, "levers.coupons.endDay": 100000 }, note: "half the paid share" }, { at: 200, set: { "levers.takeRate": 0.03 } }]))
      .toBe("day 100: levers.paidTraffic.share = 0.06, levers.coupons.endDay = no end (half the paid share); day 200: levers.takeRate = 0.03");
    expect(parameterValueText("interventions", [])).toBe("none");
    expect(parameterValueText("levers.consumerSubsidy.endDay", 100000)).toBe("no end");
    expect(parameterValueText("levers.consumerSubsidy.endDay", 150)).toBe("150");
    expect(parameterValueText("levers.campaigns", [{ name: "double-11", startDay: 300, days: 12 }])).toBe('[ { name: double-11, startDay: 300, days: 12 } ]');
    expect(parameterValueText("levers.takeRate", undefined)).toBe("(not set)");
    expect(parameterValueText("levers.takeRate", 0.04)).toBe("0.04");
    expect(parameterValueText("x", "text")).toBe("text");
  });
});

describe("intervals on a page", () => {
  it("are clipped at the bound of what they measure, and say so", async () => {
    const { formatInterval } = await import("../../sim/io/format.js");
    expect(formatInterval([-0.0005, 0.002], "share")).toBe("0.00% to 0.20% (clipped at 0.00%)");
    expect(formatInterval([0.1, 0.3], "share")).toBe("10.0% to 30.0%");
    expect(formatInterval([-20, 500], "merchants")).toBe("0 to 500 (clipped at 0)");
    expect(formatInterval([-3e6, 5e6], "RMB")).toBe("-3M to 5M");
    expect(formatInterval([-0.5, 1.2], "x")).not.toContain("clipped");
  });
});
