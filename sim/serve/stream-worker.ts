/**
 * Worker thread of the sandbox: one replication, whose finished days are
 * posted on `port` as they come (platform scale, one row of COLUMNS a day),
 * so the page can draw the run while it goes on. The result at the end is
 * the same ReplicationResult `sim run` gets for the same scenario and seed.
 */
import type { MessagePort } from "node:worker_threads";
import { COLUMNS } from "../model/metrics.js";
import { columnFactors, runReplication, type ReplicationResult } from "../model/simulate.js";
import type { Scenario } from "../scenario/schema.js";

export interface StreamTask {
  scenario: Scenario;
  rep: number;
  seed: number;
  port: MessagePort;
  /** post at most this often, in milliseconds (and at the last day) */
  everyMs: number;
}

/** A batch of finished days: `rows` holds (lastDay - firstDay + 1) rows of COLUMNS, platform scale. */
export interface DaysMessage {
  firstDay: number;
  rows: Float64Array;
}

export default function runStreamTask(task: StreamTask): ReplicationResult {
  const cols = COLUMNS.length;
  const { horizonDays } = task.scenario;
  let factors: Float64Array | undefined;
  let firstUnsent = 0;
  let lastPost = performance.now();
  const result = runReplication(task.scenario, task.rep, task.seed, (world, day) => {
    if (day < 0) return;
    const isLast = day === horizonDays - 1;
    const now = performance.now();
    if (!isLast && now - lastPost < task.everyMs) return;
    factors ??= columnFactors(world);
    const rows = world.metrics.series.slice(firstUnsent * cols, (day + 1) * cols);
    for (let i = 0; i < rows.length; i++) rows[i] *= factors[i % cols];
    const message: DaysMessage = { firstDay: firstUnsent, rows };
    task.port.postMessage(message, [rows.buffer]);
    firstUnsent = day + 1;
    lastPost = now;
  });
  task.port.close();
  return result;
}
