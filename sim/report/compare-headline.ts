/**
 * The few differences a strategy review starts from, as plain text for the
 * terminal (`sim compare` prints it on stdout, so it can be piped or pasted):
 * each scenario's GMV, repurchase rate, merchants over the mark, NPS and
 * platform net against the baseline, with the interval to read and whether the
 * difference survives the Holm correction.
 */
import { ALPHA, type Comparison, type KpiComparison } from "./compare.js";
import { formatDifference, formatDifferenceInterval, formatP, formatValue } from "../io/format.js";
import { t } from "../i18n/index.js";

/** KPI key and its short name on the terminal, in print order. */
export const HEADLINE_KPIS: readonly (readonly [string, string])[] = [
  ["gmv_total", "GMV"],
  ["repurchase_rate", "Repurchase rate"],
  ["merchants_over_mark", "Merchants over the mark"],
  ["nps_end", "NPS"],
  ["platform_net", "Platform net"],
];

const HEADER = ["KPI", "baseline", "scenario", "difference", "95% interval", "read", "survives Holm"];

function cells(name: string, r: KpiComparison): string[] {
  const survives = Number.isFinite(r.holmP) ? `${r.survivesHolm ? "yes" : "no"} (p ${formatP(r.holmP)})` : "n/a";
  return [
    name, formatValue(r.baselineMean, r.unit), formatValue(r.scenarioMean, r.unit), formatDifference(r.difference, r.unit),
    formatDifferenceInterval(r.ci95, r.unit), r.reading === "paired" ? "paired" : "Welch", survives,
  ];
}

/** Columns padded to their widest cell, two spaces apart. */
function alignedLines(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c]))).join("  ")}`);
}

/** One block per scenario; empty when none of the headline KPIs is in the comparison. */
export function headlineText(comparison: Comparison): string {
  const blocks = comparison.scenarios.map((scenario, i) => {
    const rows = comparison.rows.filter((r) => r.scenario === scenario);
    const chosen = HEADLINE_KPIS.flatMap(([key, name]) => {
      const row = rows.find((r) => r.kpi === key);
      return row ? [cells(name, row)] : [];
    });
    if (chosen.length === 0) return "";
    const pairing = comparison.pairings[i];
    const n = Math.max(0, ...rows.map((r) => r.n));
    const family = rows.filter((r) => Number.isFinite(r.pValue)).length;
    // the terminal speaks English; the words are the pages' (the catalogue's)
    const how = t("en", pairing.isPaired ? "compare.pairedBySeed" : pairing.sampleDifference ? "compare.unpairedSamples" : "compare.unpaired");
    const title = `${scenario} − ${comparison.baseline} (${how}, ${n} replications; Holm over ${family} KPIs at ${Math.round(ALPHA * 100)}%)`;
    return [title, ...alignedLines([HEADER, ...chosen])].join("\n");
  });
  return blocks.filter((b) => b !== "").join("\n\n");
}
