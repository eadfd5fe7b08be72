/**
 * Parameters' short labels (report/parameter-text.ts parameterLabel): sibling
 * paths get distinct labels in words, and the sweep charts use them where a
 * dotted path was cut to "levers.paidTraffic.…" in legends and axes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parameterLabel } from "../../sim/report/parameter-text.js";
import { isBuilt, removeTempDirs, sim, tempDir } from "./helpers.js";

describe("parameterLabel", () => {
  it("is the last two segments in words, without the levers group", () => {
    expect(parameterLabel("levers.paidTraffic.share")).toBe("paid traffic share");
    expect(parameterLabel("levers.takeRate")).toBe("take rate");
    expect(parameterLabel("levers.consumerSubsidy.dailyBudgetRmb")).toBe("consumer subsidy daily budget RMB");
    expect(parameterLabel("users.churnBasePerDay")).toBe("users churn base per day");
  });

  it("gives two sibling paths distinct labels that do not start alike with the cut prefix", () => {
    const a = parameterLabel("levers.paidTraffic.share");
    const b = parameterLabel("levers.paidTraffic.qualityWeight");
    expect(a).not.toBe(b);
    for (const label of [a, b]) expect(label).not.toMatch(/levers|\./);
  });

  it("takes more segments when two paths shown together would get one label", () => {
    const paths = ["creators.feeRelief.takeRate", "levers.feeRelief.takeRate"];
    const labels = paths.map((p) => parameterLabel(p, paths));
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]).toBe("creators fee relief take rate");
    // alone, the short form
    expect(parameterLabel(paths[1])).toBe("fee relief take rate");
  });
});

describe.runIf(isBuilt())("sweep charts label parameters in words", () => {
  afterAll(removeTempDirs);

  it("heatmap axes, the KPI-against-parameter legend and the tornado's bars use the labels; tooltips keep the path", () => {
    const out = join(tempDir("parameter-label"), "sweep");
    const r = sim(["sweep", "scenarios/baseline.yaml", "--param", "levers.paidTraffic.share=0.06,0.12", "--param", "levers.paidTraffic.qualityWeight=0.4,0.8",
      "--reps", "2", "--users", "2000", "--days", "30", "--threads", "1", "--kpi", "gmv_total", "--out", out, "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    const spec = (name: string) => JSON.parse(readFileSync(join(out, "charts", `${name}.vl.json`), "utf8"));
    const heatmap = spec("heatmap-gmv_total-levers_paidTraffic_share-levers_paidTraffic_qualityWeight");
    const rect = heatmap.layer[0].encoding;
    expect([rect.x.title, rect.y.title]).toEqual(["paid traffic share", "paid traffic quality weight"]);
    const vs = spec("kpi-gmv_total-vs-levers_paidTraffic_share");
    const line = vs.layer[1].encoding;
    expect(line.x.title).toBe("paid traffic share");
    expect(line.color.title).toBe("paid traffic quality weight");
    const tornado = spec("tornado-gmv_total");
    expect(tornado.data.values.map((v: { parameter: string }) => v.parameter).sort()).toEqual(["paid traffic quality weight", "paid traffic share"]);
    expect(tornado.data.values.map((v: { path: string }) => v.path).sort()).toEqual(["levers.paidTraffic.qualityWeight", "levers.paidTraffic.share"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("paid traffic quality weight");
  });
});
