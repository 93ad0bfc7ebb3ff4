// Runs beside the grader workers (npm run grader, and npm start's embedded worker): every pollMs
// it queues changed scores and sends what is due. Any number may run; rows are claimed, not shared.
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { claimScores, markScoreFailed, markScoreSent, queueChangedScores, sendScore } from "@/lib/lti/scores";

export type ScoreSender = { stop(): Promise<void> };

export function startScoreSender(options: { pollMs?: number; leaseMs?: number; log?: (m: string) => void } = {}): ScoreSender {
  const log = options.log ?? ((m: string) => console.log(`[lti] ${m}`));
  const pollMs = options.pollMs ?? getEnv().LTI_POLL_MS;
  const leaseMs = options.leaseMs ?? 60_000;
  let stopping = false;
  let wake: () => void = () => {};
  const loop = (async () => {
    while (!stopping) {
      try {
        const db = await getDb();
        // Nothing to do on a site without any LTI platform: one cheap count.
        if ((await db.ltiLineItem.count()) > 0) {
          await queueChangedScores(db);
          for (const s of await claimScores(db, 20, leaseMs)) {
            try {
              await sendScore(db, s.id);
              await markScoreSent(db, s.id);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              log(`score ${s.id} not sent (attempt ${s.attempts} of ${s.maxAttempts}): ${message}`);
              await markScoreFailed(db, s, message);
            }
          }
        }
      } catch (error) {
        log(`score passback unavailable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      wake();
      await loop;
    },
  };
}
