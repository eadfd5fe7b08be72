import type { TopLevelSpec } from "vega-lite";
import { meanInterval } from "../../stats/mean-interval.js";
import type { RunMeta, TierRow } from "../read-report.js";
import { sig } from "../series.js";
import { CONFIG, HEIGHT, SCHEMA, shareAxis, title } from "./common.js";

/** Share of creator-driven GMV by creator tier (follower count): bars at the mean over replications, whiskers at the 95% interval. */
export function tierShare(byTier: readonly TierRow[], meta: RunMeta): TopLevelSpec {
  const tiers: string[] = [];
  for (const row of byTier) if (!tiers.includes(row.tier)) tiers.push(row.tier);
  const values = tiers.map((tier) => {
    const m = meanInterval(byTier.filter((r) => r.tier === tier).map((r) => r.gmvShare));
    return { tier, share: sig(m.mean), lo: sig(m.ci95[0]), hi: sig(m.ci95[1]) };
  });
  const x = { field: "tier", type: "ordinal" as const, sort: tiers, axis: { title: "Creator tier (followers, platform scale)", labelAngle: 0 } };
  return {
    $schema: SCHEMA,
    title: title("GMV share by creator tier", meta, "Share of the GMV sold by creators in each tier; bars: mean over replications, whiskers: 95% interval"),
    width: { step: 100 },
    height: HEIGHT,
    data: { values },
    encoding: { x },
    layer: [
      { mark: { type: "bar", color: "#4c78a8", width: { band: 0.7 } }, encoding: { y: { field: "share", type: "quantitative", axis: shareAxis("Share of GMV") } } },
      {
        mark: { type: "errorbar", ticks: { size: 14, color: "#222" }, color: "#222" },
        encoding: { y: { field: "lo", type: "quantitative", title: "Share of GMV" }, y2: { field: "hi" } },
      },
      {
        mark: { type: "text", dy: -8, fontSize: 10, color: "#333" },
        encoding: { y: { field: "hi", type: "quantitative", title: "Share of GMV" }, text: { field: "share", type: "quantitative", format: ".1%" } },
      },
    ],
    config: CONFIG,
  };
}
