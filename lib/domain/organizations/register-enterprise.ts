import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, users } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notify } from "@/lib/notifications/notify";
import { sendVerificationEmail } from "@/lib/domain/users/resend-verification";
import type { Locale } from "@/lib/i18n/config";
import { ROLE_HOME, type Actor } from "@/lib/policy";

type RegisterEnterpriseInput = {
  /** The contact person: the registering user. */
  name: string;
  email: string;
  /** The contact person's mainland mobile number, its 11 digits (signUpSchema normalizes it). */
  mobile: string;
  /** Agreed to the terms of use and the privacy policy: without it there is no account. */
  consent: boolean;
  /** Argon2 hash of the chosen password: the adapter hashes it before the transaction opens. */
  passwordHash: string;
  organizationName: string;
  creditCode: string;
  region: string;
  district?: string;
  /** The language the person registered in: their emails are written in it. */
  locale?: Locale;
};

/** The same whether the email was free or already had an account: sign-up is no email oracle. */
type RegisterEnterpriseResult = { redirectTo: string };

/**
 * Registers an enterprise and its first user; the form then signs that user in.
 *
 * The one operation open to anyone: an enterprise has no account before it
 * signs up, so the caller is normally anonymous and `actor` is not asked for
 * a permission. What guards it is the input (a valid unified social credit
 * code not yet registered) and the role it creates (always `enterprise`,
 * never a body, regulator or operator). The event is recorded as the new
 * user's own act, and the address is sent a link to confirm it. An email that
 * already has an account creates nothing and answers exactly like a new one;
 * the account holder is told instead.
 */
export async function registerEnterprise(
  tx: Tx,
  _actor: Actor | null,
  input: RegisterEnterpriseInput,
): Promise<RegisterEnterpriseResult> {
  // This is the one door to an account made by its holder, so consent is checked here too, not only by the form.
  if (!input.consent) throw new OperationError("errors.validation", { consent: ["validation.consentRequired"] });
  const [codeTaken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.creditCode, input.creditCode));
  if (codeTaken) throw new OperationError("errors.validation", { creditCode: ["validation.creditCodeTaken"] });
  const [holder] = await tx
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(eq(users.email, input.email));
  if (holder) {
    await notify(tx, { organizationId: holder.organizationId, userId: holder.id, kind: "account.signUpWithYourEmail" });
    return { redirectTo: ROLE_HOME.enterprise };
  }

  const [organization] = await tx
    .insert(organizations)
    .values({
      kind: "enterprise",
      name: input.organizationName,
      creditCode: input.creditCode,
      region: input.region,
      district: input.district || null,
    })
    .returning({ id: organizations.id });
  const [user] = await tx
    .insert(users)
    .values({
      organizationId: organization.id,
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      role: "enterprise",
      locale: input.locale ?? "zh-CN",
      mobile: input.mobile,
      // The transaction's time, the account's creation: the agreement is part of the same act.
      consentedAt: sql`now()`,
    })
    .returning({ id: users.id });
  await recordAuditEvent(
    tx,
    { id: user.id, role: "enterprise", organizationId: organization.id },
    {
      action: "organization.register",
      entityType: "organization",
      entityId: organization.id,
      subjectOrganizationId: organization.id,
      region: input.region,
      data: { name: input.organizationName, creditCode: input.creditCode, email: input.email },
    },
  );
  await sendVerificationEmail(tx, { userId: user.id, organizationId: organization.id, email: input.email, locale: input.locale ?? "zh-CN" });
  return { redirectTo: ROLE_HOME.enterprise };
}
