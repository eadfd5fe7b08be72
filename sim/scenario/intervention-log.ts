/**
 * Interventions applied to a scenario's parameters day by day: on a day, the
 * interventions whose `until` has come are undone first (their saved values
 * come back), then those whose `at` has come apply, each saving the values it
 * replaces, in list order (so a new intervention on the same day wins). The
 * model steps it every report day (model/platform.ts); the checks of meaning
 * replay it to see the levers on every day they change (scenario/checks.ts).
 */
import type { Intervention } from "./schema.js";
import { getPath, setPath } from "./paths.js";

export class InterventionLog {
  private readonly saved: (Map<string, unknown> | undefined)[];

  constructor(private readonly list: readonly Intervention[]) {
    this.saved = new Array(list.length);
  }

  /** Change `params` for report day `day`; returns the interventions undone and applied (indices). */
  step(params: object, day: number): { restored: number[]; applied: number[] } {
    const restored: number[] = [];
    const applied: number[] = [];
    this.list.forEach((iv, i) => {
      const values = this.saved[i];
      if (iv.until !== day || !values) return;
      for (const [path, value] of values) setPath(params, path, structuredClone(value));
      this.saved[i] = undefined;
      restored.push(i);
    });
    this.list.forEach((iv, i) => {
      if (iv.at !== day) return;
      const values = new Map<string, unknown>();
      for (const [path, value] of Object.entries(iv.set)) {
        values.set(path, structuredClone(getPath(params, path)));
        setPath(params, path, structuredClone(value));
      }
      this.saved[i] = values;
      applied.push(i);
    });
    return { restored, applied };
  }
}
