/**
 * What PRIM and CART share: the points as a table of parameter values with a
 * yes/no outcome, and a box over the parameters (a range per numeric
 * parameter, a set of values per categorical one) with its coverage (the
 * share of all yes points inside it), density (the share of yes among the
 * points inside) and mass (the share of all points inside).
 */

export type Parameter =
  | { name: string; kind: "numeric" }
  | { name: string; kind: "categorical"; values: string[] };

export interface Dataset {
  parameters: Parameter[];
  /** one row per point: a number per numeric parameter, a string per categorical one */
  x: (number | string)[][];
  y: boolean[];
}

export type Limit =
  | { kind: "numeric"; low: number; high: number }
  | { kind: "categorical"; values: string[] };

export interface BoxStats {
  coverage: number;
  density: number;
  mass: number;
  /** points inside */
  n: number;
  /** yes points inside */
  yes: number;
}

export function inLimit(limit: Limit, v: number | string): boolean {
  return limit.kind === "numeric" ? (v as number) >= limit.low && (v as number) <= limit.high : limit.values.includes(v as string);
}

export function inBox(limits: readonly Limit[], row: readonly (number | string)[]): boolean {
  return limits.every((l, j) => inLimit(l, row[j]));
}

/** The smallest box holding every point: each numeric parameter's min and max, every categorical value seen. */
export function fullBox(data: Dataset): Limit[] {
  return data.parameters.map((p, j): Limit => {
    if (p.kind === "categorical") return { kind: "categorical", values: p.values.filter((v) => data.x.some((row) => row[j] === v)) };
    const col = data.x.map((row) => row[j] as number);
    return { kind: "numeric", low: Math.min(...col), high: Math.max(...col) };
  });
}

export function statsOf(data: Dataset, indices: readonly number[]): BoxStats {
  const totalYes = data.y.filter(Boolean).length;
  const yes = indices.filter((i) => data.y[i]).length;
  return {
    coverage: totalYes > 0 ? yes / totalYes : NaN,
    density: indices.length > 0 ? yes / indices.length : NaN,
    mass: data.y.length > 0 ? indices.length / data.y.length : NaN,
    n: indices.length,
    yes,
  };
}

/** Indices of the points inside `limits`. */
export function pointsIn(data: Dataset, limits: readonly Limit[]): number[] {
  const out: number[] = [];
  data.x.forEach((row, i) => { if (inBox(limits, row)) out.push(i); });
  return out;
}

/** The parameters (by index) a box restricts: narrower than the full box. */
export function restrictedDims(limits: readonly Limit[], full: readonly Limit[]): number[] {
  const out: number[] = [];
  limits.forEach((l, j) => {
    const f = full[j];
    if (l.kind === "numeric" && f.kind === "numeric") {
      if (l.low > f.low || l.high < f.high) out.push(j);
    } else if (l.kind === "categorical" && f.kind === "categorical") {
      if (l.values.length < f.values.length) out.push(j);
    }
  });
  return out;
}
