/**
 * The discovery page's charts: PRIM's coverage–density trade-off along the
 * peeling trajectory (colour: restricted parameters; the picked box ringed,
 * the box after pasting marked), and the chosen box's range of each
 * restricted numeric parameter within the range the sweep sampled.
 */
import type { TopLevelSpec } from "vega-lite";
import type { PrimResult } from "../../experiments/discover/prim.js";
import { CONFIG, SCHEMA, WIDTH } from "../charts/common.js";
import type { Discovery } from "./tables.js";

export interface DiscoverChart {
  name: string;
  caption: string;
  spec: TopLevelSpec;
}

const r4 = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null);

export function discoverCharts(d: Discovery): DiscoverChart[] {
  if (!d.prim) return [];
  const charts: DiscoverChart[] = [{ name: "prim-tradeoff", caption: `PRIM's peeling trajectory: each box's coverage (share of the satisfying points inside it) against its density (share of its points that satisfy). The ringed box is the one picked; the dashed line is the density threshold ${d.settings.threshold}.`, spec: tradeoff(d, d.prim) }];
  if (d.prim.chosen.restricted.some((j) => d.prim!.chosen.limits[j].kind === "numeric")) {
    charts.push({ name: "prim-ranges", caption: "The chosen PRIM box: each restricted parameter's range (blue) within the range the sweep sampled (grey).", spec: ranges(d, d.prim) });
  }
  return charts;
}

function tradeoff(d: Discovery, prim: PrimResult): TopLevelSpec {
  const values = prim.trajectory.map((b) => ({ box: b.index, coverage: r4(b.coverage), density: r4(b.density), mass: r4(b.mass), restricted: b.restricted.length }));
  const picked = prim.trajectory[prim.pickedIndex];
  const marks: object[] = [
    { box: picked.index, coverage: r4(picked.coverage), density: r4(picked.density), label: `picked: box ${picked.index}` },
  ];
  if (prim.pastes > 0) marks.push({ box: prim.chosen.index, coverage: r4(prim.chosen.coverage), density: r4(prim.chosen.density), label: `after ${prim.pastes} paste${prim.pastes === 1 ? "" : "s"}` });
  const x = { field: "coverage", type: "quantitative", title: "Coverage", scale: { domain: [0, 1] }, axis: { format: "~%" } };
  const y = { field: "density", type: "quantitative", title: "Density", scale: { domain: [0, 1] }, axis: { format: "~%" } };
  return {
    $schema: SCHEMA,
    title: { text: "Coverage against density along PRIM's peeling", subtitle: [`Points where ${d.where}: ${d.satisfied} of ${d.points}`, `Peel alpha ${d.settings.alpha}, minimum mass ${d.settings.minMass}; ${prim.trajectory.length} boxes`] },
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
          color: { field: "restricted", type: "ordinal", title: "Restricted", scale: { scheme: "viridis" } },
          tooltip: [{ field: "box" }, { field: "coverage", format: ".1%" }, { field: "density", format: ".1%" }, { field: "mass", format: ".1%" }, { field: "restricted", title: "restricted parameters" }],
        },
      },
      { data: { values: marks }, mark: { type: "point", size: 260, strokeWidth: 2, color: "#e4572e", filled: false }, encoding: { x, y, shape: { field: "label", type: "nominal", title: null, scale: { range: ["circle", "diamond"] } } } },
      { data: { values: marks }, mark: { type: "text", align: "left", dx: 12, dy: -10, fontSize: 11, color: "#e4572e" }, encoding: { x, y, text: { field: "label" } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

function ranges(d: Discovery, prim: PrimResult): TopLevelSpec {
  const values = prim.chosen.restricted.flatMap((j) => {
    const l = prim.chosen.limits[j];
    const f = prim.full[j];
    if (l.kind !== "numeric" || f.kind !== "numeric") return [];
    const span = f.high - f.low || 1;
    return [{ parameter: d.parameters[j].name, from: 0, to: 1, lowN: (l.low - f.low) / span, highN: (l.high - f.low) / span, low: r4(l.low), high: r4(l.high), fullLow: r4(f.low), fullHigh: r4(f.high), label: `${r4(l.low)} – ${r4(l.high)} (of ${r4(f.low)} – ${r4(f.high)})` }];
  });
  const y = { field: "parameter", type: "nominal", title: null, axis: { labelLimit: 320 } };
  return {
    $schema: SCHEMA,
    title: { text: "The chosen box's ranges", subtitle: [`Where ${d.where}: coverage ${(prim.chosen.coverage * 100).toFixed(0)}%, density ${(prim.chosen.density * 100).toFixed(0)}%`] },
    width: WIDTH - 280,
    height: { step: 34 },
    data: { values },
    encoding: { y },
    layer: [
      { mark: { type: "bar", color: "#e6e6e6", height: { band: 0.55 } }, encoding: { x: { field: "from", type: "quantitative", title: "Position within the sampled range", scale: { domain: [0, 1] }, axis: { format: "~%" } }, x2: { field: "to" } } },
      { mark: { type: "bar", color: "#4c78a8", height: { band: 0.55 } }, encoding: { x: { field: "lowN", type: "quantitative" }, x2: { field: "highN" }, tooltip: [{ field: "parameter" }, { field: "low" }, { field: "high" }, { field: "fullLow", title: "sampled from" }, { field: "fullHigh", title: "sampled to" }] } },
      { mark: { type: "text", align: "left", x: "width", dx: 8, fontSize: 11 }, encoding: { text: { field: "label" } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}
