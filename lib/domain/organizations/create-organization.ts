import "server-only";
import type { z } from "zod";
import type { Tx } from "@/db";
import { organizations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { createOrganizationSchema } from "@/lib/validation/schemas/organizations";

type CreateOrganizationValues = z.output<typeof createOrganizationSchema>;

/** The operator creates verification bodies and regulator bureaus (enterprises register themselves). */
export async function createOrganization(tx: Tx, actor: Actor | null, input: CreateOrganizationValues) {
  assertUserCan(actor, "organization.manage");
  const [organization] = await tx
    .insert(organizations)
    .values({
      kind: input.kind,
      name: input.name,
      nameEn: input.nameEn || null,
      region: input.region,
      district: input.district || null,
      accreditationNo: input.kind === "verification_body" ? input.accreditationNo || null : null,
    })
    .returning({ id: organizations.id });
  await recordAuditEvent(tx, actor, {
    action: "organization.create",
    entityType: "organization",
    entityId: organization.id,
    subjectOrganizationId: organization.id,
    region: input.region,
    data: { kind: input.kind, name: input.name },
  });
  return { organizationId: organization.id };
}
