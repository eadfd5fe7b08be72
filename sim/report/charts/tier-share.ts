import type { TopLevelSpec } from "vega-lite";
import { meanInterval } from "../../stats/mean-interval.js";
import type { RunMeta, TierRow } from "../read-report.js";
import { sig } from "../series.js";
import { configFor, HEIGHT, SCHEMA, shareAxis, tierLabel, title } from "./common.js";
import { t, type Lang } from "../../i18n/index.js";

/** Share of creator-driven GMV by creator tier (follower count): bars at the mean over replications, whiskers at the 95% interval. */
export function tierShare(byTier: readonly TierRow[], meta: RunMeta, lang: Lang = "en"): TopLevelSpec {
  const tiers: string[] = [];
  for (const row of byTier) if (!tiers.includes(row.tier)) tiers.push(row.tier);
  const values = tiers.map((tier) => {
    const m = meanInterval(byTier.filter((r) => r.tier === tier).map((r) => r.gmvShare));
    return { tier: tierLabel(tier, lang), share: sig(m.mean), lo: sig(m.ci95[0]), hi: sig(m.ci95[1]) };
  });
  const x = { field: "tier", type: "ordinal" as const, sort: tiers.map((tier) => tierLabel(tier, lang)), axis: { title: t(lang, "tier-share.axis"), labelAngle: 0 } };
  return {
    $schema: SCHEMA,
    title: title(t(lang, "tier-share.title"), meta, t(lang, "tier-share.note"), lang),
    width: { step: 100 },
    height: HEIGHT,
    data: { values },
    encoding: { x },
    layer: [
      { mark: { type: "bar", color: "#4c78a8", width: { band: 0.7 } }, encoding: { y: { field: "share", type: "quantitative", axis: shareAxis(t(lang, "tier-share.share")) } } },
      {
        mark: { type: "errorbar", ticks: { size: 14, color: "#222" }, color: "#222" },
        encoding: { y: { field: "lo", type: "quantitative", title: t(lang, "tier-share.share") }, y2: { field: "hi" } },
      },
      {
        mark: { type: "text", dy: -8, fontSize: 10, color: "#333" },
        encoding: { y: { field: "hi", type: "quantitative", title: t(lang, "tier-share.share") }, text: { field: "share", type: "quantitative", format: ".1%" } },
      },
    ],
    config: configFor(lang),
  };
}
