/**
 * Parameter paths read from the schema: leaves, their schemas, descriptions
 * and defaults, what may be scheduled, and the "did you mean" behind messages.
 */
import { describe, expect, it } from "vitest";
import { checkParameterPath, describeParameters, isSchedulable, leafSchemaAt, listLeafPaths } from "../../sim/scenario/interventions.js";
import { closestMatch } from "../../sim/scenario/suggest.js";

describe("leaf parameters", () => {
  it("lists leaves, lists included whole, groups excluded", () => {
    const paths = listLeafPaths();
    expect(paths).toContain("levers.consumerSubsidy.rate");
    expect(paths).toContain("users.segmentShares.fan");
    expect(paths).toContain("levers.campaigns");
    expect(paths).toContain("categories");
    expect(paths).not.toContain("levers.consumerSubsidy");
    expect(paths.some((p) => p.startsWith("levers.campaigns."))).toBe(false);
  });

  it("gives each leaf the schema that checks a value as given", () => {
    expect(leafSchemaAt("levers.paidTraffic.share")?.safeParse(0.5).success).toBe(true);
    expect(leafSchemaAt("levers.paidTraffic.share")?.safeParse(1.5).success).toBe(false);
    // the default is stripped: leaving the value out is not a valid intervention
    expect(leafSchemaAt("levers.paidTraffic.share")?.safeParse(undefined).success).toBe(false);
    expect(leafSchemaAt("levers.paidTraffic")).toBeUndefined();
    expect(leafSchemaAt("levers.nothing")).toBeUndefined();
  });

  it("describes every leaf with its default, borrowing the group's description when it has none", () => {
    const byPath = new Map(describeParameters().map((p) => [p.path, p]));
    expect(byPath.get("levers.takeRate")).toEqual({ path: "levers.takeRate", description: "platform commission on sales [share]", default: 0.05, isSchedulable: true });
    expect(byPath.get("users.segmentShares.fan")?.description).toMatch(/shares of fans.*\(fan\)$/);
    expect(byPath.get("users.segmentShares.fan")?.default).toBe(0.3);
    expect(describeParameters().every((p) => p.description.length > 0)).toBe(true);
  });

  it("keeps what the world is built from out of the schedule", () => {
    expect(isSchedulable("levers.consumerSubsidy.rate")).toBe(true);
    expect(isSchedulable("users.churnBasePerDay")).toBe(true);
    expect(isSchedulable("population.users")).toBe(false);
    expect(isSchedulable("horizonDays")).toBe(false);
    expect(isSchedulable("levers.nothing")).toBe(false);
  });
});

describe("checking a parameter path", () => {
  it("explains a path that goes past a leaf", () => {
    expect(checkParameterPath("levers.campaigns.0.days", "set")).toEqual({ ok: false, problem: "'levers.campaigns' is a list and has no parts", expected: "'levers.campaigns' set as a whole" });
  });

  it("refuses extends outside a file", () => {
    expect(checkParameterPath("extends", "set").ok).toBe(false);
  });

  it("lists the top-level names for a path that starts nowhere", () => {
    const check = checkParameterPath("lever.takeRate", "set");
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem).toBe("unknown parameter 'lever.takeRate' (did you mean 'levers.takeRate'?)");
      expect(check.expected).toMatch(/^a path starting with one of: name, description, /);
    }
  });
});

describe("closestMatch", () => {
  it("suggests a plausible typo and nothing for a far-off word", () => {
    expect(closestMatch("shar", ["share", "qualityWeight"])).toBe("share");
    expect(closestMatch("takerate", ["takeRate", "commercialLoad"])).toBe("takeRate");
    expect(closestMatch("banana", ["share", "qualityWeight"])).toBeUndefined();
    expect(closestMatch("x", [])).toBeUndefined();
  });

  it("suggests the one path with the same last part when the group is wrong", () => {
    expect(closestMatch("levers.subsidy.rate", ["levers.consumerSubsidy.rate", "levers.takeRate"])).toBe("levers.consumerSubsidy.rate");
  });
});
