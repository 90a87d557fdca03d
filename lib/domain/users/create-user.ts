import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, users } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserRole } from "@/lib/enums";
import { assertUserCan, roleFitsOrganization, type Actor } from "@/lib/policy";

type CreateUserValues = {
  organizationId: string;
  name: string;
  email: string;
  role: UserRole;
  /** Argon2 hash of the chosen password: the adapter hashes it before the transaction opens. */
  passwordHash: string;
};

/** The operator creates a user in any organization, with a role that organization's kind allows. */
export async function createUser(tx: Tx, actor: Actor | null, input: CreateUserValues) {
  assertUserCan(actor, "user.manage");
  const [organization] = await tx
    .select({ kind: organizations.kind, region: organizations.region })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!organization) throw new OperationError("errors.validation", { organizationId: ["validation.choice"] });
  if (!roleFitsOrganization(organization.kind, input.role)) {
    throw new OperationError("errors.validation", { role: ["admin.errors.roleNotForOrganization"] });
  }
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw new OperationError("errors.validation", { email: ["validation.emailTaken"] });

  const [created] = await tx
    .insert(users)
    .values({
      organizationId: input.organizationId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      // The operator enters the address of someone they know: it counts as confirmed.
      emailVerifiedAt: new Date(),
    })
    .returning({ id: users.id });
  await recordAuditEvent(tx, actor, {
    action: "user.create",
    entityType: "user",
    entityId: created.id,
    subjectOrganizationId: input.organizationId,
    region: organization.region,
    toStatus: input.role,
    data: { email: input.email },
  });
  return { userId: created.id };
}
