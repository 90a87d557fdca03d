import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { z } from "@/lib/validation/zod";
import type { mailPreferencesSchema } from "@/lib/validation/schemas/account";

type MailPreferencesValues = z.output<typeof mailPreferencesSchema>;

/** The user chooses how notifications reach them by email (off, at once, daily digest) and the language of their emails. */
export async function setMailPreferences(tx: Tx, actor: Actor | null, input: MailPreferencesValues) {
  assertUserCan(actor, "account.manage");
  const [before] = await tx.select({ mailPreference: users.mailPreference, locale: users.locale }).from(users).where(eq(users.id, actor.id)).for("update");
  await tx.update(users).set({ mailPreference: input.mailPreference, locale: input.locale }).where(eq(users.id, actor.id));
  await recordAuditEvent(tx, actor, {
    action: "user.setMailPreferences",
    entityType: "user",
    entityId: actor.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    fromStatus: before?.mailPreference,
    toStatus: input.mailPreference,
    data: { locale: input.locale },
  });
  return { mailPreference: input.mailPreference, locale: input.locale };
}
