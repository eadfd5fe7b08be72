/**
 * Dotted parameter paths ("levers.consumerSubsidy.rate") into a scenario
 * object: read and write one leaf. Used by interventions and by --set.
 */
export function getPath(obj: unknown, path: string): unknown {
  let node: unknown = obj;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Write `value` at `path`; the parent objects must exist. */
export function setPath(obj: unknown, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = obj as Record<string, unknown>;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = node[keys[i]];
    if (next === null || typeof next !== "object") throw new Error(`no parameter group '${keys.slice(0, i + 1).join(".")}'`);
    node = next as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
