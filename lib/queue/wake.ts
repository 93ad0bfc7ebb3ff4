// Wakes grader workers when a job is queued: NOTIFY on PostgreSQL (workers LISTEN on any machine);
// in embedded mode the one worker lives in this process, so an in-process event does it.
import { EventEmitter } from "node:events";

export const JOB_CHANNEL = "grading_jobs";

const bus = ((globalThis as { __gradingBus?: EventEmitter }).__gradingBus ??= new EventEmitter());
bus.setMaxListeners(100);

export function onLocalWake(fn: () => void): () => void {
  bus.on("wake", fn);
  return () => bus.off("wake", fn);
}

export function wakeLocal(): void {
  bus.emit("wake");
}
