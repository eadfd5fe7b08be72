/**
 * What `sim discover` finds, as data: the run (expression, counts, options,
 * PRIM and CART results) and its tables: discovery.csv (PRIM's peeling
 * trajectory, one row per box), discovery-boxes.csv (the chosen boxes, one row
 * per restricted parameter) and discovery.json (the expression, the counts and
 * the chosen boxes).
 */
import type { Limit, Parameter } from "../../experiments/discover/box.js";
import type { CartBox, CartResult } from "../../experiments/discover/cart.js";
import type { PrimBox, PrimResult } from "../../experiments/discover/prim.js";
import { csvLine } from "../../io/csv.js";

export type DiscoverMethod = "prim" | "cart" | "both";

export interface DiscoverySettings {
  method: DiscoverMethod;
  threshold: number;
  alpha: number;
  minMass: number;
  maxDepth: number;
}

export interface Discovery {
  /** the sweep's name and folder */
  sweepName: string;
  sweepDir: string;
  where: string;
  /** where the point means came from */
  source: "points.csv" | "runs.csv";
  parameters: Parameter[];
  /** design points used, and how many satisfy the expression */
  points: number;
  satisfied: number;
  settings: DiscoverySettings;
  prim?: PrimResult;
  cart?: CartResult;
  version: string;
}

const line = (fields: (string | number | boolean)[]): string => csvLine(fields);
const tidy = (x: number): number | string => (Number.isFinite(x) ? Number(x.toPrecision(12)) : "");

/** A limit's low and high as CSV fields; a categorical one lists its values in `low` (separated by |), `high` empty. */
function bounds(l: Limit): [number | string, number | string] {
  return l.kind === "numeric" ? [tidy(l.low), tidy(l.high)] : [l.values.join("|"), ""];
}

export function discoveryCsv(d: Discovery, prim: PrimResult): string {
  const names = d.parameters.map((p) => p.name);
  let text = line(["box", "coverage", "density", "mass", "points", "restricted_dims", "picked", ...names.flatMap((n) => [`${n}_low`, `${n}_high`])]);
  for (const b of prim.trajectory) {
    text += line([b.index, tidy(b.coverage), tidy(b.density), tidy(b.mass), b.n, b.restricted.length, b.index === prim.pickedIndex, ...b.limits.flatMap(bounds)]);
  }
  return text;
}

export function boxesCsv(d: Discovery): string {
  let text = line(["method", "box", "parameter", "low", "high", "coverage", "density"]);
  const rows = (method: string, box: string, b: PrimBox | CartBox): void => {
    for (const j of b.restricted) text += line([method, box, d.parameters[j].name, ...bounds(b.limits[j]), tidy(b.coverage), tidy(b.density)]);
  };
  if (d.prim) rows("prim", String(d.prim.chosen.index), d.prim.chosen);
  if (d.cart) for (const b of d.cart.boxes) rows("cart", `leaf ${b.index}`, b);
  return text;
}

function boxJson(d: Discovery, b: PrimBox | CartBox): object {
  return {
    coverage: b.coverage, density: b.density, mass: b.mass, points: b.n, satisfied: b.yes,
    restricted: b.restricted.map((j) => {
      const l = b.limits[j];
      return l.kind === "numeric" ? { parameter: d.parameters[j].name, low: l.low, high: l.high } : { parameter: d.parameters[j].name, values: l.values };
    }),
  };
}

export function discoveryJson(d: Discovery): string {
  const json = {
    format: "livecommerce-sim discovery 1",
    version: d.version,
    sweep: d.sweepName,
    where: d.where,
    source: d.source,
    points: d.points,
    satisfied: d.satisfied,
    settings: d.settings,
    prim: d.prim && {
      rule: d.prim.rule === "threshold" ? `of the boxes on the peeling trajectory with density >= ${d.settings.threshold}, the one with the highest coverage (ties: the densest), then pasted` : `no box reaches density ${d.settings.threshold}: the densest box, then pasted`,
      trajectoryBoxes: d.prim.trajectory.length,
      pickedBox: d.prim.pickedIndex,
      pastes: d.prim.pastes,
      chosen: boxJson(d, d.prim.chosen),
    },
    cart: d.cart && { leaves: d.cart.leaves.length, boxes: d.cart.boxes.map((b) => ({ leaf: b.index, ...boxJson(d, b) })) },
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}
