/** Worker thread: one replication per task, with its own world. */
import { runReplication, type ReplicationResult } from "../model/simulate.js";
import type { Scenario } from "../scenario/schema.js";

export interface ReplicationTask {
  scenario: Scenario;
  rep: number;
  seed: number;
  /** threads for the replication's users' sessions (model/session-threads.ts): the same tables on any number */
  sessionThreads?: number;
}

export default function runTask(task: ReplicationTask): ReplicationResult {
  return runReplication(task.scenario, task.rep, task.seed, undefined, undefined, task.sessionThreads);
}
