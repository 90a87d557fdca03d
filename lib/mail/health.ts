import "server-only";
import { outboxBacklog } from "@/lib/dal/mail-outbox";
import type { ServiceProbe } from "@/lib/service-health";
import { mailRelayConfigured } from "./transport";

/** A due message waiting longer than this means the sender or the relay is stuck. */
const STUCK_AFTER_SECONDS = 15 * 60;

/**
 * `/api/health`'s mail entry: without a relay "not_configured" (mail is kept in the outbox);
 * with one, the backlog, and degraded when due mail has waited more than 15 minutes.
 */
export const mailProbe: ServiceProbe = async () => {
  const backlog = await outboxBacklog();
  if (!mailRelayConfigured()) return { status: "not_configured", ...backlog };
  return { status: backlog.queueLagSeconds > STUCK_AFTER_SECONDS ? "degraded" : "ok", ...backlog };
};
