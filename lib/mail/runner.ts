import "server-only";
import { sendJob } from "@/lib/jobs";
import { onMailQueued } from "@/lib/notifications/outbox";

/**
 * Outgoing email runs on the job system (`mail-delivery`, `mail-digest` in lib/jobs/queues.ts):
 * a commit that queued mail sends the delivery job at once; its minutely schedule retries what
 * fell due. A failed send only delays the message: the rows wait for the next run.
 */
export function startMailDelivery(): void {
  onMailQueued(() => {
    sendJob("mail-delivery").catch((error: unknown) => console.error("[mail] could not queue the delivery job; the minutely run will send it:", error));
  });
}
