"use server";

import { eq } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { createUserSchema, ROLES_BY_ORGANIZATION_KIND } from "@/lib/validation/schemas/organizations";

/** The operator creates a user in any organization, with a role that organization's kind allows. */
export const createUserAction = createAction("user.manage", {
  schema: createUserSchema,
  prepare: async (input) => ({ ...input, password: await hashPassword(input.password) }),
  revalidate: () => ["/admin"],
  run: async ({ user, input, tx }) => {
    const [organization] = await tx
      .select({ kind: organizations.kind, region: organizations.region })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!organization) throw new ActionError("errors.validation", { organizationId: ["validation.choice"] });
    if (!ROLES_BY_ORGANIZATION_KIND[organization.kind].includes(input.role)) {
      throw new ActionError("errors.validation", { role: ["admin.errors.roleNotForOrganization"] });
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw new ActionError("errors.validation", { email: ["validation.emailTaken"] });

    const [created] = await tx
      .insert(users)
      .values({
        organizationId: input.organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: input.password,
      })
      .returning({ id: users.id });
    await recordAuditEvent(tx, user, {
      action: "user.create",
      entityType: "user",
      entityId: created.id,
      subjectOrganizationId: input.organizationId,
      region: organization.region,
      toStatus: input.role,
      data: { email: input.email },
    });
    return { userId: created.id };
  },
});
