/**
 * CART (Breiman et al. 1984) for scenario discovery: a shallow classification
 * tree of the outcome on the parameters (ml-cart, Gini splits at midpoints),
 * each leaf read back as a box, the conditions on the path to it. The leaves
 * where yes is the majority are the tree's boxes of interest.
 *
 * A categorical parameter enters the tree as the position of its value in the
 * sweep's list of values, so a split keeps the values before or after a
 * position in that list.
 */
import { DecisionTreeClassifier, type TreeNode } from "ml-cart";
import { fullBox, restrictedDims, statsOf, type BoxStats, type Dataset, type Limit } from "./box.js";

export interface CartOptions {
  /** levels of splits at most */
  maxDepth?: number;
  /** a node with this many points or fewer is not split */
  minSamples?: number;
}

export const CART_DEFAULTS = { maxDepth: 3, minSamples: 3 } as const;

export interface CartBox extends BoxStats {
  /** leaf number, left to right */
  index: number;
  limits: Limit[];
  restricted: number[];
  /** yes is the majority of the leaf's points */
  isYes: boolean;
}

export interface CartResult {
  full: Limit[];
  leaves: CartBox[];
  /** the majority-yes leaves, densest first */
  boxes: CartBox[];
}

/** A leaf's path as a half-open interval [low, high) per encoded column. */
type Interval = { low: number; high: number };

export function cart(data: Dataset, options: CartOptions = {}): CartResult {
  const encoded = data.x.map((row) => row.map((v, j) => {
    const p = data.parameters[j];
    return p.kind === "categorical" ? p.values.indexOf(v as string) : (v as number);
  }));
  const tree = new DecisionTreeClassifier({ maxDepth: options.maxDepth ?? CART_DEFAULTS.maxDepth, minNumSamples: options.minSamples ?? CART_DEFAULTS.minSamples });
  tree.train(encoded, data.y.map((y) => (y ? 1 : 0)));
  const full = fullBox(data);
  const paths: Interval[][] = [];
  walk(tree.root, data.parameters.map(() => ({ low: -Infinity, high: Infinity })), paths);
  const leaves = paths.map((path, index): CartBox => {
    const limits = toLimits(data, full, path);
    // a leaf is the points the tree routes to it: those in its half-open intervals
    const indices = encoded.flatMap((row, i) => (row.every((v, j) => v >= path[j].low && v < path[j].high) ? [i] : []));
    const stats = statsOf(data, indices);
    return { index, limits, restricted: restrictedDims(limits, full), isYes: stats.yes * 2 > stats.n, ...stats };
  });
  const boxes = leaves.filter((l) => l.isYes).sort((a, b) => b.density - a.density || b.coverage - a.coverage);
  return { full, leaves, boxes };
}

function walk(node: TreeNode, path: Interval[], out: Interval[][]): void {
  if (!node.left || !node.right || node.splitColumn === undefined || node.splitValue === undefined) {
    out.push(path);
    return;
  }
  const j = node.splitColumn;
  const v = node.splitValue;
  walk(node.left, path.map((iv, k) => (k === j ? { low: iv.low, high: Math.min(iv.high, v) } : iv)), out);
  walk(node.right, path.map((iv, k) => (k === j ? { low: Math.max(iv.low, v), high: iv.high } : iv)), out);
}

/** A leaf's intervals as a box: numeric bounds clipped to the data, categorical positions back to values. */
function toLimits(data: Dataset, full: Limit[], path: Interval[]): Limit[] {
  return path.map((iv, j): Limit => {
    const f = full[j];
    const p = data.parameters[j];
    if (f.kind === "categorical" && p.kind === "categorical") {
      return { kind: "categorical", values: f.values.filter((v) => { const k = p.values.indexOf(v); return k >= iv.low && k < iv.high; }) };
    }
    if (f.kind !== "numeric") throw new Error("box and parameter kinds differ");
    // the split value is a midpoint between two data values: report it as the bound
    return { kind: "numeric", low: Math.max(f.low, iv.low), high: Math.min(f.high, iv.high) };
  });
}
