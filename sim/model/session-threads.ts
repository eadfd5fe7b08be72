/**
 * One replication's users' sessions on several threads. The users of a day
 * are in chunks fixed by their number (session-effects.ts) whose effects on
 * shared state are applied in chunk order after the sessions, so a chunk
 * may run on any thread: chunk k runs on thread k mod T, thread 0 being the
 * replication's own. The other threads each hold a shell of the world: the
 * agents' arrays are shared memory (engine/world.ts grown), and the rest of
 * what a session reads (tables, today, the choice coefficients, content,
 * shocks, parameters) is sent each morning. A thread answers with its
 * chunks' logs, metrics and impressions. Everything is synchronous (Atomics
 * and receiveMessageOnPort), so the day loop stays one plain loop, and the
 * tables are the same for any number of threads.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Scenario } from "../scenario/schema.js";
import { ownsChunk, SESSION_CHUNKS, type ChunkResult } from "./session-effects.js";
import { READINGS } from "./trust.js";
import type { World } from "./world.js";

/** The parts of the world the sessions read, sent to the session threads (paths from the world). */
export const MIRRORED = ["users", "creators", "merchants", "tables", "content", "shocks", "today", "choice.coef"] as const;

/** One value of the world's state at a path: a typed array (shared memory, or a copy) or a plain value. */
export type StateEntry = [path: string, value: unknown];

/** What a session thread is told: each morning, to run its chunks; each evening, to sum its chunks' readings (trust.ts). */
export type DayOrder =
  | { kind: "sessions"; state: StateEntry[]; params: Scenario; starts: Float64Array; thread: number; threads: number }
  | { kind: "readings"; state: StateEntry[]; thread: number; threads: number };

/** What it answers: per chunk it ran, its effects (session-effects.ts ChunkResult). */
export interface DayAnswer {
  chunks: ChunkResult[];
  /** the readings' sums (READINGS per chunk; its own chunks filled) */
  readings?: Float64Array;
  thinning: { candidates: number; evaluated: number; accepted: number; violations: number };
  error?: string;
}

/**
 * The state under `root` at `path`: shared arrays only when their memory is
 * new to the receiver (`sent`), other typed arrays copied, numbers and
 * booleans as they are.
 */
export function collectState(root: object, path: string, sent: Map<string, ArrayBufferLike>, into: StateEntry[]): void {
  for (const [key, v] of Object.entries(root)) {
    const p = `${path}.${key}`;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof SharedArrayBuffer) {
        if (sent.get(p) === v.buffer) continue;
        sent.set(p, v.buffer);
      }
      into.push([p, v]);
    } else if (typeof v === "number" || typeof v === "boolean") into.push([p, v]);
    else if (v !== null && typeof v === "object" && !Array.isArray(v)) collectState(v as object, p, sent, into);
  }
}

/** Set the world's state from entries (a session thread's shell). */
export function applyState(world: World, state: StateEntry[]): void {
  for (const [path, value] of state) {
    const keys = path.split(".");
    let o = world as unknown as Record<string, unknown>;
    for (let i = 0; i < keys.length - 1; i++) o = o[keys[i]] as Record<string, unknown>;
    o[keys[keys.length - 1]] = value;
  }
}

/** Numbers of the shared signal per thread: mornings sent, days answered, ready. */
export const SIGNAL = 3;
const START_TIMEOUT_MS = 60_000;

interface SessionThread {
  worker: Worker;
  port: MessagePort;
  sent: Map<string, ArrayBufferLike>;
}

/** Threads 1..T-1 of one replication's sessions. */
export class SessionThreads {
  private readonly threads: SessionThread[] = [];
  /** per thread t, at SIGNAL x t: mornings sent, days answered, and 1 once the thread is ready */
  private readonly signal: Int32Array;

  constructor(params: Scenario, seed: number, readonly count: number) {
    this.signal = new Int32Array(new SharedArrayBuffer(4 * SIGNAL * count));
    for (let t = 1; t < count; t++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(new URL("./session-worker.js", import.meta.url), {
        workerData: { params, seed, port: port2, signal: this.signal, thread: t },
        transferList: [port2],
      });
      worker.unref();
      this.threads.push({ worker, port: port1, sent: new Map() });
    }
    // a thread that cannot start (its code failed to load) would leave the day waiting for ever
    for (let t = 1; t < count; t++) {
      if (Atomics.wait(this.signal, SIGNAL * t + 2, 0, START_TIMEOUT_MS) === "timed-out" && Atomics.load(this.signal, SIGNAL * t + 2) === 0) {
        this.close();
        throw new Error(`session thread ${t} did not start within ${START_TIMEOUT_MS / 1000} s`);
      }
    }
  }

  /** Send the morning's state to every thread and let it run its chunks. */
  dispatch(world: World, starts: Float64Array): void {
    for (let i = 0; i < this.threads.length; i++) {
      const t = i + 1;
      const th = this.threads[i];
      const state: StateEntry[] = [];
      for (const name of MIRRORED) {
        let o = world as unknown as Record<string, unknown>;
        for (const key of name.split(".")) o = o[key] as Record<string, unknown>;
        collectState(o, name, th.sent, state);
      }
      this.post(t, { kind: "sessions", state, params: world.params, starts, thread: t, threads: this.count });
    }
  }

  /** Let every thread sum its chunks' readings over today's users (trust.ts measureTrustAndNps). */
  dispatchReadings(world: World): void {
    for (let i = 0; i < this.threads.length; i++) {
      const state: StateEntry[] = [];
      collectState(world.users, "users", this.threads[i].sent, state);
      collectState(world.tables.nps, "tables.nps", this.threads[i].sent, state);
      this.post(i + 1, { kind: "readings", state, thread: i + 1, threads: this.count });
    }
  }

  /** Wait for every thread's readings, into `sums` (READINGS per chunk). */
  collectReadings(sums: Float64Array): void {
    for (let i = 0; i < this.threads.length; i++) {
      const t = i + 1;
      const answer = this.answer(t);
      const got = answer.readings!;
      for (let k = 0; k < SESSION_CHUNKS; k++) if (ownsChunk(k, t, this.count)) for (let j = 0; j < READINGS; j++) sums[k * READINGS + j] = got[k * READINGS + j];
    }
  }

  private post(t: number, order: DayOrder): void {
    this.threads[t - 1].port.postMessage(order);
    Atomics.add(this.signal, SIGNAL * t, 1);
    Atomics.notify(this.signal, SIGNAL * t);
  }

  /** Thread t's answer to its last order (waiting for it). */
  private answer(t: number): DayAnswer {
    const expected = Atomics.load(this.signal, SIGNAL * t);
    for (;;) {
      const answered = Atomics.load(this.signal, SIGNAL * t + 1);
      if (answered === expected) break;
      Atomics.wait(this.signal, SIGNAL * t + 1, answered);
    }
    const message = receiveMessageOnPort(this.threads[t - 1].port);
    if (message === undefined) throw new Error(`session thread ${t} answered without its chunks`);
    const answer = message.message as DayAnswer;
    if (answer.error !== undefined) throw new Error(`session thread ${t}: ${answer.error}`);
    return answer;
  }

  /** Wait for every thread's chunks, and put their effects in this world's chunk logs. */
  collect(world: World): void {
    const fx = world.sessionEffects;
    for (let i = 0; i < this.threads.length; i++) {
      const answer = this.answer(i + 1);
      for (const c of answer.chunks) fx.receive(c);
      const th = world.scratch.sessions.thinning;
      th.candidates += answer.thinning.candidates;
      th.evaluated += answer.thinning.evaluated;
      th.accepted += answer.thinning.accepted;
      th.violations += answer.thinning.violations;
    }
  }

  close(): void {
    for (const th of this.threads) void th.worker.terminate();
  }
}
