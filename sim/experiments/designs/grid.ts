/**
 * Full factorial grid: every combination of every parameter's values. The
 * first parameter varies slowest, so points read like nested loops.
 */
import type { DesignPoint, ParameterSpec, ParamValue } from "./types.js";

/** Every combination of the parameters' values; each parameter must be a list of values. */
export function gridDesign(params: readonly ParameterSpec[]): DesignPoint[] {
  if (params.length === 0) return [{ values: {} }];
  const lists = params.map((p) => {
    if (p.kind !== "values") throw new Error(`grid: '${p.path}' is a distribution; a grid needs a list of values or from/to/step`);
    return p.values;
  });
  let rows: ParamValue[][] = [[]];
  for (const list of lists) rows = rows.flatMap((row) => list.map((v) => [...row, v]));
  return rows.map((row) => ({ values: Object.fromEntries(params.map((p, i) => [p.path, row[i]])) }));
}

/** How many points the grid has, without building it. */
export function gridSize(params: readonly ParameterSpec[]): number {
  return params.reduce((n, p) => n * (p.kind === "values" ? p.values.length : NaN), 1);
}
