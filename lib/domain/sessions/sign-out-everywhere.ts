import "server-only";
import type { Tx } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import { endOpenSessions } from "./end-sessions";

/** "Sign out everywhere" from the user's own security settings: every session, this one included. */
export async function signOutEverywhere(tx: Tx, actor: Actor | null) {
  assertUserCan(actor, "account.manage");
  const ended = await endOpenSessions(tx, actor.id);
  await recordAuditEvent(tx, actor, {
    action: "user.signOutEverywhere",
    entityType: "user",
    entityId: actor.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { sessionsEnded: ended },
  });
  return { sessionsEnded: ended };
}
