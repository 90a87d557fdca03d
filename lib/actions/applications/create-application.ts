"use server";

import { and, eq, notInArray } from "drizzle-orm";
import { applications, organizations, products } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { CLOSED_STATUSES } from "@/lib/domain/applications/rules";
import { createApplicationSchema } from "@/lib/validation/schemas/applications";

/** Opens a certification application for one of the enterprise's products (one open draft at a time). */
export const createApplicationAction = createAction("application.create", {
  schema: createApplicationSchema,
  revalidate: (input) => ["/enterprise", `/enterprise/products/${input.productId}`],
  run: async ({ user, input, tx }) => {
    const [product] = await tx.select().from(products).where(eq(products.id, input.productId)).for("update");
    if (!product || product.organizationId !== user.organizationId) throw new NotFoundError();
    const [open] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.productId, product.id), notInArray(applications.status, [...CLOSED_STATUSES])));
    if (open) throw new ConflictError("applications.errors.alreadyOpen");
    const [organization] = await tx.select().from(organizations).where(eq(organizations.id, product.organizationId));
    const [application] = await tx
      .insert(applications)
      .values({
        productId: product.id,
        organizationId: product.organizationId,
        categoryId: product.categoryId,
        region: organization.region,
        district: organization.district,
      })
      .returning({ id: applications.id });
    await recordAuditEvent(tx, user, {
      action: "application.create",
      entityType: "application",
      entityId: application.id,
      subjectOrganizationId: product.organizationId,
      region: organization.region,
      productId: product.id,
      applicationId: application.id,
      toStatus: "draft",
    });
    return { applicationId: application.id };
  },
});
