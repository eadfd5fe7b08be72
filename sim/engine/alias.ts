/**
 * Walker's alias tables over slices of shared preallocated arrays: one draw
 * costs one random number and a comparison, O(1) whatever the number of
 * offers. Tables are rebuilt once a day from the traffic-allocation scores;
 * the arrays grow with the agents they range over (resize).
 */
import type { Rng } from "./rng.js";
import { grown } from "./world.js";

export class AliasTables {
  prob: Float64Array;
  alias: Int32Array;
  /** start and length of each table's slice */
  readonly start: Int32Array;
  readonly size: Int32Array;
  readonly total: Float64Array;
  private small: Int32Array;
  private large: Int32Array;
  private scaled: Float64Array;

  constructor(tables: number, capacity: number) {
    this.prob = new Float64Array(0);
    this.alias = new Int32Array(0);
    this.small = new Int32Array(0);
    this.large = new Int32Array(0);
    this.scaled = new Float64Array(0);
    this.start = new Int32Array(tables);
    this.size = new Int32Array(tables);
    this.total = new Float64Array(tables);
    this.resize(capacity);
  }

  /**
   * Room for `capacity` entries. The built tables are copied, so that they
   * stay valid if agents enter between a build and the draws (the day's
   * order builds in the morning and enters in the evening, but need not).
   * In shared memory every array stays shared, so a session thread is sent
   * it only when it is new (model/session-threads.ts).
   */
  resize(capacity: number): void {
    if (capacity <= this.prob.length) return;
    this.prob = grown(this.prob, capacity);
    this.alias = grown(this.alias, capacity);
    this.small = grown(this.small, capacity);
    this.large = grown(this.large, capacity);
    this.scaled = grown(this.scaled, capacity);
  }

  /**
   * Build table `t` over weights[start .. start+size). Allocates nothing.
   * A table whose weights are all zero is left empty (size 0).
   */
  build(t: number, weights: Float64Array, start: number, size: number): void {
    let total = 0;
    for (let i = 0; i < size; i++) total += weights[start + i];
    this.start[t] = start;
    this.total[t] = total;
    if (total <= 0 || size === 0) {
      this.size[t] = 0;
      return;
    }
    this.size[t] = size;
    const { prob, alias, small, large, scaled } = this;
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < size; i++) {
      const s = (weights[start + i] * size) / total;
      scaled[i] = s;
      if (s < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[--nl];
      prob[start + s] = scaled[s];
      alias[start + s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) {
      const l = large[--nl];
      prob[start + l] = 1;
      alias[start + l] = l;
    }
    while (ns > 0) {
      const s = small[--ns];
      prob[start + s] = 1;
      alias[start + s] = s;
    }
  }

  /** Draw an index (relative to the table's slice start plus start, i.e. absolute) or -1 if empty. */
  draw(t: number, rng: Rng): number {
    const size = this.size[t];
    if (size === 0) return -1;
    const x = rng() * size;
    const i = x | 0;
    const start = this.start[t];
    return x - i < this.prob[start + i] ? start + i : start + this.alias[start + i];
  }
}
