import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { userSessions } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";

type EndSessionInput = { sessionId: string };

/** Sign-out: this session ends for good — its cookie, wherever it was copied, no longer works. */
export async function endSession(tx: Tx, actor: Actor | null, { sessionId }: EndSessionInput) {
  assertUserCan(actor, "account.manage");
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  if (ended.length === 0) return { ended: false };
  await recordAuditEvent(tx, actor, {
    action: "user.signOut",
    entityType: "user",
    entityId: actor.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
  });
  return { ended: true };
}
