// Sends the outbox with nodemailer through SMTP_URL, as SMTP_FROM. Runs beside the grader
// workers (npm run grader, and the embedded worker of npm start): any number may run, each claims
// its own rows. Wakes when a mail is queued in this process, and polls for the others.
import nodemailer from "nodemailer";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { claimMail, markFailed, markSent, onMailQueued } from "@/lib/mail/outbox";

export type MailSender = { stop(): Promise<void> };

export function startMailSender(options: { pollMs?: number; leaseMs?: number; log?: (m: string) => void } = {}): MailSender | undefined {
  const env = getEnv();
  if (!env.SMTP_URL || !env.SMTP_FROM) return undefined;
  const log = options.log ?? ((m: string) => console.log(`[mail] ${m}`));
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const pollMs = options.pollMs ?? 5000;
  const leaseMs = options.leaseMs ?? 60_000;
  let stopping = false;
  let wake: () => void = () => {};
  let woken = false;
  const off = onMailQueued(() => {
    woken = true;
    wake();
  });
  const loop = (async () => {
    while (!stopping) {
      woken = false;
      try {
        const db = await getDb();
        for (const mail of await claimMail(db, 10, leaseMs)) {
          try {
            await transport.sendMail({ from: env.SMTP_FROM, to: mail.to, subject: mail.subject, text: mail.text });
            await markSent(db, mail.id);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            log(`sending to ${mail.to} failed (attempt ${mail.attempts} of ${mail.maxAttempts}): ${message}`);
            await markFailed(db, mail, message);
          }
        }
      } catch (error) {
        log(`outbox unavailable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (stopping || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  log(`sending mail through ${new URL(env.SMTP_URL).host} as ${env.SMTP_FROM}`);
  return {
    stop: async () => {
      stopping = true;
      off();
      wake();
      await loop;
      transport.close();
    },
  };
}
