/**
 * A session thread (session-threads.ts): a shell of one replication's world
 * that, each morning, takes the day's state, runs its chunks of the users'
 * sessions and answers with their effects; each evening it sums its chunks'
 * readings (trust.ts). It waits and reads synchronously
 * (Atomics, receiveMessageOnPort) and never returns to its event loop; the
 * replication terminates it.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { KeyedStream } from "../engine/rng.js";
import type { Scenario } from "../scenario/schema.js";
import { beginSessions, SESSION_CHUNKS, ownsChunk } from "./session-effects.js";
import { applyState, SIGNAL, type DayAnswer, type DayOrder } from "./session-threads.js";
import { runChunks } from "./sessions.js";
import { readChunks } from "./trust.js";
import { createWorld } from "./world.js";

const { params, seed, port, signal, thread } = workerData as { params: Scenario; seed: number; port: MessagePort; signal: Int32Array; thread: number };
const world = createWorld(params, seed, { shell: true });
// the users' days draw from streams keyed by user and day: the same numbers on any thread
const userDays = new KeyedStream(seed, "user-days");
const contentFollows = new KeyedStream(seed, "content-follows");
let mornings = 0;
Atomics.store(signal, SIGNAL * thread + 2, 1);
Atomics.notify(signal, SIGNAL * thread + 2);
for (;;) {
  Atomics.wait(signal, SIGNAL * thread, mornings);
  mornings = Atomics.load(signal, SIGNAL * thread);
  const message = receiveMessageOnPort(port);
  let answer: DayAnswer;
  try {
    if (message === undefined) throw new Error("woken without the day's order");
    const order = message.message as DayOrder;
    applyState(world, order.state);
    if (order.kind === "readings") {
      const sums = world.scratch.sessions.readings;
      readChunks(world, sums, order.thread, order.threads);
      answer = { chunks: [], thinning: { candidates: 0, evaluated: 0, accepted: 0, violations: 0 }, readings: sums.slice() };
    } else {
      (world as { params: Scenario }).params = order.params;
      const th = world.scratch.sessions.thinning;
      th.candidates = th.evaluated = th.accepted = th.violations = 0;
      beginSessions(world);
      runChunks(world, order.starts, order.thread, order.threads, userDays, contentFollows);
      const chunks = [];
      for (let k = 0; k < SESSION_CHUNKS; k++) if (ownsChunk(k, order.thread, order.threads)) chunks.push(world.sessionEffects.result(k));
      answer = { chunks, thinning: { ...th } };
    }
  } catch (e) {
    answer = { chunks: [], thinning: { candidates: 0, evaluated: 0, accepted: 0, violations: 0 }, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(answer);
  Atomics.add(signal, SIGNAL * thread + 1, 1);
  Atomics.notify(signal, SIGNAL * thread + 1);
}
