/**
 * The discovery page's charts: PRIM's coverage–density trade-off along the
 * peeling trajectory (colour: restricted parameters; the picked box ringed,
 * the box after pasting marked), and the chosen box's range of each
 * restricted numeric parameter within the range the sweep sampled.
 */
import type { TopLevelSpec } from "vega-lite";
import type { PrimResult } from "../../experiments/discover/prim.js";
import { configFor, SCHEMA, WIDTH } from "../charts/common.js";
import { t, type Lang, type PlainKey } from "../../i18n/index.js";
import type { Discovery } from "./tables.js";

export interface DiscoverChart {
  name: string;
  caption: string;
  spec: TopLevelSpec;
}

const r4 = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null);

/** A tooltip line: titled by its field name in English, by the catalogue otherwise. */
function tip(field: string, lang: Lang, key: PlainKey, extra: object = {}) {
  return lang === "en" ? { field, ...extra } : { field, title: t(lang, key), ...extra };
}

export function discoverCharts(d: Discovery, lang: Lang = "en"): DiscoverChart[] {
  if (!d.prim) return [];
  const charts: DiscoverChart[] = [{ name: "prim-tradeoff", caption: t(lang, "discover.caption.tradeoff", { threshold: d.settings.threshold }), spec: tradeoff(d, d.prim, lang) }];
  if (d.prim.chosen.restricted.some((j) => d.prim!.chosen.limits[j].kind === "numeric")) {
    charts.push({ name: "prim-ranges", caption: t(lang, "discover.caption.ranges"), spec: ranges(d, d.prim, lang) });
  }
  return charts;
}

function tradeoff(d: Discovery, prim: PrimResult, lang: Lang): TopLevelSpec {
  const values = prim.trajectory.map((b) => ({ box: b.index, coverage: r4(b.coverage), density: r4(b.density), mass: r4(b.mass), restricted: b.restricted.length }));
  const picked = prim.trajectory[prim.pickedIndex];
  const marks: object[] = [
    { box: picked.index, coverage: r4(picked.coverage), density: r4(picked.density), label: t(lang, "discover.picked", { n: picked.index }) },
  ];
  if (prim.pastes > 0) marks.push({ box: prim.chosen.index, coverage: r4(prim.chosen.coverage), density: r4(prim.chosen.density), label: t(lang, prim.pastes === 1 ? "discover.paste.one" : "discover.paste.many", { n: prim.pastes }) });
  const x = { field: "coverage", type: "quantitative", title: t(lang, "discover.th.coverage"), scale: { domain: [0, 1] }, axis: { format: "~%" } };
  const y = { field: "density", type: "quantitative", title: t(lang, "discover.th.density"), scale: { domain: [0, 1] }, axis: { format: "~%" } };
  return {
    $schema: SCHEMA,
    title: {
      text: t(lang, "discover.tradeoff.title"),
      subtitle: [
        t(lang, "discover.tradeoff.points", { where: d.where, satisfied: d.satisfied, points: d.points }),
        t(lang, "discover.tradeoff.settings", { alpha: d.settings.alpha, minMass: d.settings.minMass, boxes: prim.trajectory.length }),
      ],
    },
    width: WIDTH - 160,
    height: 320,
    layer: [
      { data: { values: [{ threshold: d.settings.threshold }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#999" }, encoding: { y: { field: "threshold", type: "quantitative" } } },
      { data: { values }, mark: { type: "line", color: "#bbb", strokeWidth: 1 }, encoding: { x, y, order: { field: "box", type: "quantitative" } } },
      {
        data: { values },
        mark: { type: "circle", size: 60, opacity: 0.9 },
        encoding: {
          x, y,
          color: { field: "restricted", type: "ordinal", title: t(lang, "discover.restricted"), scale: { scheme: "viridis" } },
          tooltip: [
            tip("box", lang, "discover.box"), tip("coverage", lang, "discover.th.coverage", { format: ".1%" }), tip("density", lang, "discover.th.density", { format: ".1%" }),
            tip("mass", lang, "discover.mass", { format: ".1%" }), { field: "restricted", title: t(lang, "discover.restrictedParameters") },
          ],
        },
      },
      { data: { values: marks }, mark: { type: "point", size: 260, strokeWidth: 2, color: "#e4572e", filled: false }, encoding: { x, y, shape: { field: "label", type: "nominal", title: null, scale: { range: ["circle", "diamond"] } } } },
      { data: { values: marks }, mark: { type: "text", align: "left", dx: 12, dy: -10, fontSize: 11, color: "#e4572e" }, encoding: { x, y, text: { field: "label" } } },
    ],
    config: configFor(lang),
  } as TopLevelSpec;
}

function ranges(d: Discovery, prim: PrimResult, lang: Lang): TopLevelSpec {
  const values = prim.chosen.restricted.flatMap((j) => {
    const l = prim.chosen.limits[j];
    const f = prim.full[j];
    if (l.kind !== "numeric" || f.kind !== "numeric") return [];
    const span = f.high - f.low || 1;
    return [{ parameter: d.parameters[j].name, from: 0, to: 1, lowN: (l.low - f.low) / span, highN: (l.high - f.low) / span, low: r4(l.low), high: r4(l.high), fullLow: r4(f.low), fullHigh: r4(f.high), label: t(lang, "discover.ranges.label", { low: String(r4(l.low)), high: String(r4(l.high)), fullLow: String(r4(f.low)), fullHigh: String(r4(f.high)) }) }];
  });
  const y = { field: "parameter", type: "nominal", title: null, axis: { labelLimit: 320 } };
  return {
    $schema: SCHEMA,
    title: { text: t(lang, "discover.ranges.title"), subtitle: [t(lang, "discover.ranges.note", { where: d.where, coverage: (prim.chosen.coverage * 100).toFixed(0), density: (prim.chosen.density * 100).toFixed(0) })] },
    width: WIDTH - 280,
    height: { step: 34 },
    data: { values },
    encoding: { y },
    layer: [
      { mark: { type: "bar", color: "#e6e6e6", height: { band: 0.55 } }, encoding: { x: { field: "from", type: "quantitative", title: t(lang, "discover.ranges.axis"), scale: { domain: [0, 1] }, axis: { format: "~%" } }, x2: { field: "to" } } },
      { mark: { type: "bar", color: "#4c78a8", height: { band: 0.55 } }, encoding: { x: { field: "lowN", type: "quantitative" }, x2: { field: "highN" }, tooltip: [
        tip("parameter", lang, "sweep.tooltip.parameter"), tip("low", lang, "discover.low"), tip("high", lang, "discover.high"),
        { field: "fullLow", title: t(lang, "discover.sampledFrom") }, { field: "fullHigh", title: t(lang, "discover.sampledTo") },
      ] } },
      { mark: { type: "text", align: "left", x: "width", dx: 8, fontSize: 11 }, encoding: { text: { field: "label" } } },
    ],
    config: configFor(lang),
  } as TopLevelSpec;
}
