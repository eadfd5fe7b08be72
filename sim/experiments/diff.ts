/** Leaf parameters whose values differ between two resolved scenarios (arrays compare whole). */
export interface ParameterDifference {
  path: string;
  value: unknown;
  baseline: unknown;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

export function diffParameters(scenario: unknown, baseline: unknown, prefix = ""): ParameterDifference[] {
  const out: ParameterDifference[] = [];
  if (isObject(scenario) && isObject(baseline)) {
    for (const key of Object.keys(scenario)) {
      if (prefix === "" && (key === "name" || key === "description")) continue;
      out.push(...diffParameters(scenario[key], baseline[key], prefix ? `${prefix}.${key}` : key));
    }
  } else if (JSON.stringify(scenario) !== JSON.stringify(baseline)) {
    out.push({ path: prefix, value: scenario, baseline });
  }
  return out;
}
