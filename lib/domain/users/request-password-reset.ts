import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/policy";
import { issueEmailLink, lastEmailTokenAt, PASSWORD_RESET_MINUTES } from "./email-tokens";
import { loadMailRecipient } from "./mail-recipient";

type RequestPasswordResetInput = { email: string; now?: Date };

/** One reset link a minute per account: a script cannot flood someone's inbox through the form. */
const RESEND_SECONDS = 60;

/**
 * Anyone may ask for a reset link for an email (they cannot sign in: that is the point). The
 * answer is the same whether an account has the email or not (no user enumeration, ASVS 5.0
 * V6.3.8); only an existing, enabled account is sent a link, valid 30 minutes and once.
 */
export async function requestPasswordReset(tx: Tx, _actor: Actor | null, input: RequestPasswordResetInput): Promise<{ requested: true }> {
  const now = input.now ?? new Date();
  const [account] = await tx
    .select({ id: users.id, role: users.role, organizationId: users.organizationId, region: organizations.region })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.email, input.email.trim().toLowerCase()));
  if (!account) return { requested: true };
  const loaded = await loadMailRecipient(tx, account.id);
  if (!loaded || loaded.disabled) return { requested: true };
  const last = await lastEmailTokenAt(tx, account.id, "password_reset");
  if (last && now.getTime() - last.getTime() < RESEND_SECONDS * 1000) return { requested: true };

  await issueEmailLink(
    tx,
    loaded.recipient,
    {
      purpose: "password_reset",
      lifetimeMinutes: PASSWORD_RESET_MINUTES,
      kind: "passwordReset",
      path: "/reset-password",
      lines: [{ key: "passwordReset.intro" }, { key: "passwordReset.expiry", params: { minutes: String(PASSWORD_RESET_MINUTES) } }],
    },
    now,
  );
  await recordAuditEvent(tx, null, {
    action: "user.requestPasswordReset",
    entityType: "user",
    entityId: account.id,
    subjectOrganizationId: account.organizationId,
    region: account.region,
  });
  return { requested: true };
}
