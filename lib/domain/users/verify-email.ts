import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { OperationError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { spendEmailToken } from "./email-tokens";

type VerifyEmailInput = { token: string; now?: Date };

/**
 * Confirms an address with the link sent at sign-up: anyone holding the link may (it is the
 * proof), once and before it expires. Confirming an address already confirmed changes nothing.
 */
export async function verifyEmail(tx: Tx, _actor: Actor | null, input: VerifyEmailInput) {
  const now = input.now ?? new Date();
  const userId = await spendEmailToken(tx, input.token, "verify_email", now);
  if (!userId) throw new OperationError("security.verifyEmail.invalidLink");
  const [verified] = await tx
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .returning({ organizationId: users.organizationId, email: users.email });
  if (verified) {
    const [organization] = await tx.select({ region: organizations.region }).from(organizations).where(eq(organizations.id, verified.organizationId));
    await recordAuditEvent(tx, null, {
      action: "user.verifyEmail",
      entityType: "user",
      entityId: userId,
      subjectOrganizationId: verified.organizationId,
      region: organization.region,
      data: { email: verified.email },
    });
  }
  return { verified: true };
}
