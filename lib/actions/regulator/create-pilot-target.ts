"use server";

import { eq } from "drizzle-orm";
import { pilotTargets, productCategories } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { pilotTargetSchema } from "@/lib/validation/schemas/regulator";

/** The bureau sets a pilot target for its own region. */
export const createPilotTargetAction = createAction("target.manage", {
  schema: pilotTargetSchema,
  revalidate: () => ["/regulator"],
  run: async ({ user, input, tx }) => {
    if (input.categoryId) {
      const [category] = await tx.select({ id: productCategories.id }).from(productCategories).where(eq(productCategories.id, input.categoryId));
      if (!category) throw new ActionError("errors.validation", { categoryId: ["validation.choice"] });
    }
    const [target] = await tx
      .insert(pilotTargets)
      .values({
        regulatorId: user.organizationId,
        region: user.region,
        categoryId: input.categoryId ?? null,
        title: input.title,
        metric: input.metric,
        targetCount: input.targetCount,
        deadline: input.deadline,
        createdBy: user.id,
      })
      .returning({ id: pilotTargets.id });
    await recordAuditEvent(tx, user, {
      action: "target.create",
      entityType: "pilot_target",
      entityId: target.id,
      subjectOrganizationId: user.organizationId,
      region: user.region,
      data: { title: input.title, metric: input.metric, targetCount: input.targetCount, deadline: input.deadline },
    });
    return { id: target.id };
  },
});
