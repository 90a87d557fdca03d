import "server-only";
import { todayInShanghai } from "@/lib/certificates/validity";
import { queueDailyDigests } from "@/lib/domain/mail/queue-daily-digests";
import { executeOperation } from "@/lib/domain/operation";
import { systemActor } from "@/lib/policy";

/** The Shanghai calendar day before the one `now` falls in. */
function previousShanghaiDay(now: Date): string {
  return todayInShanghai(new Date(now.getTime() - 24 * 3_600_000));
}

/**
 * Queues yesterday's digest (Shanghai calendar) for every user who chose one. Idempotent per
 * user and day, so the timer runs it on every tick; a job scheduler can run it once a day.
 */
export async function sendDailyDigests(now = new Date()): Promise<{ day: string; queued: number }> {
  const day = previousShanghaiDay(now);
  const outcome = await executeOperation(queueDailyDigests, systemActor("mail-digest"), { day });
  if (!outcome.ok) throw outcome.error;
  return { day, queued: outcome.data.queued };
}
