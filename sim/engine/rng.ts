/**
 * Seeded random streams. Each process of the model draws from its own stream,
 * derived from the replication seed and the stream's name, so adding a stream
 * never shifts the draws of another, and two scenarios on one seed share their
 * random numbers where their states agree (common random numbers).
 */
import seedrandom from "seedrandom";

/** A uniform source on [0, 1). */
export type Rng = () => number;

export class Streams {
  private readonly made = new Map<string, Rng>();
  constructor(readonly seed: number) {}

  /** The stream named `name`: the same name always returns the same generator. */
  get(name: string): Rng {
    let rng = this.made.get(name);
    if (!rng) {
      // xor128: about 2.6 ns a draw on the development machine; ARC4 (about 48 ns) stays out of the hot loop.
      rng = seedrandom.xor128(`${this.seed}:${name}`) as unknown as Rng;
      this.made.set(name, rng);
    }
    return rng;
  }
}

/** Seed of replication `rep` from the base seed: the same for every scenario (common random numbers). */
export function replicationSeed(baseSeed: number, rep: number): number {
  // splitmix-style integer hash, so neighbouring reps get unrelated seeds
  let z = (baseSeed * 0x9e3779b1 + rep * 0x85ebca6b + 0x27d4eb2f) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** A standard normal draw (Box-Muller, one of the pair). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A Poisson draw by inversion; for the small means of daily event counts (use normal() above ~30). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng();
  while (u > cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** A Beta(a, b) draw via two gamma draws (Marsaglia-Tsang); for initialisation only. */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** A Gamma(shape, 1) draw (Marsaglia-Tsang, with the boost for shape < 1). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A stream re-keyed cheaply for each (key, day), here each user's day: a
 * user draws the same numbers on the same day in two scenarios whatever
 * other users did, so common random numbers survive the first divergence
 * between scenarios (seedrandom's generators cannot be re-keyed per
 * user-day at this cost). splitmix32 over a hashed (seed, name, key, day).
 */
export class KeyedStream {
  private state = 0;
  private readonly base: number;
  /** the day's part of the key, hashed once a day (rekey is called for every user) */
  private day = NaN;
  private dayHash = 0;
  /** the uniform source: call rekey() before each user's day */
  readonly next: Rng;

  constructor(seed: number, name: string) {
    let h = mix32(seed ^ 0x5bd1e995);
    for (let i = 0; i < name.length; i++) h = mix32(h ^ name.charCodeAt(i));
    this.base = h;
    this.next = () => {
      this.state = (this.state + 0x9e3779b9) | 0;
      return (mix32(this.state) >>> 0) / 4294967296;
    };
  }

  rekey(key: number, day: number): void {
    if (day !== this.day) {
      this.day = day;
      this.dayHash = mix32(day * 0x2545f491 + 0x1b873593);
    }
    this.state = mix32(this.base ^ mix32(key + 0x632be5ab) ^ this.dayHash);
  }
}

function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}
