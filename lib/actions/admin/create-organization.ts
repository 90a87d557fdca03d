"use server";

import { organizations } from "@/db/schema";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createOrganizationSchema } from "@/lib/validation/schemas/organizations";

/** The operator creates verification bodies and regulator bureaus. */
export const createOrganizationAction = createAction("organization.manage", {
  schema: createOrganizationSchema,
  revalidate: () => ["/admin"],
  run: async ({ user, input, tx }) => {
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
    await recordAuditEvent(tx, user, {
      action: "organization.create",
      entityType: "organization",
      entityId: organization.id,
      subjectOrganizationId: organization.id,
      region: input.region,
      data: { kind: input.kind, name: input.name },
    });
    return { organizationId: organization.id };
  },
});
