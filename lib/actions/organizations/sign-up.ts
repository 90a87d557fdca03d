"use server";

import { eq } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import { createPublicAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { signUpSchema } from "@/lib/validation/schemas/organizations";

type SignUpResult = { organizationId: string; userId: string; redirectTo: string };

/** Registers an enterprise and its first user; the form then signs that user in. */
export const signUpAction = createPublicAction({
  schema: signUpSchema,
  // Argon2 is slow on purpose: hash before the transaction opens.
  prepare: async (input) => ({ ...input, password: await hashPassword(input.password) }),
  run: async ({ input, tx }): Promise<SignUpResult> => {
    const fieldErrors: Record<string, string[]> = {};
    const [emailTaken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (emailTaken) fieldErrors.email = ["validation.emailTaken"];
    const [codeTaken] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.creditCode, input.creditCode));
    if (codeTaken) fieldErrors.creditCode = ["validation.creditCodeTaken"];
    if (Object.keys(fieldErrors).length) throw new ActionError("errors.validation", fieldErrors);

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
        passwordHash: input.password,
        role: "enterprise",
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
    return { organizationId: organization.id, userId: user.id, redirectTo: ROLE_HOME.enterprise };
  },
});
