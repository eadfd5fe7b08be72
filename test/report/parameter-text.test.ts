/** Parameter values on the pages: interventions and lists in words, the "no end" sentinel as words, never raw JSON. */
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
