import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endOpenSessions } from "@/lib/domain/sessions/end-sessions";
import { NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";

type EndUserSessionsInput = { userId: string };

/** The operator signs a user out everywhere (a lost laptop, a suspected takeover); the user is told. */
export async function endUserSessions(tx: Tx, actor: Actor | null, { userId }: EndUserSessionsInput) {
  assertUserCan(actor, "user.manage");
  const [target] = await tx
    .select({ organizationId: users.organizationId, region: organizations.region })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId))
    .for("update");
  if (!target) throw new NotFoundError();
  const ended = await endOpenSessions(tx, userId);
  await recordAuditEvent(tx, actor, {
    action: "user.endSessions",
    entityType: "user",
    entityId: userId,
    subjectOrganizationId: target.organizationId,
    region: target.region,
    data: { sessionsEnded: ended },
  });
  await notify(tx, { organizationId: target.organizationId, userId, kind: "account.sessionsEndedByOperator" });
  return { sessionsEnded: ended };
}
