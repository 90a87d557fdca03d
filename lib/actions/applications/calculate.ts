"use server";

import { ActionError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { lockEditableInventory } from "@/lib/domain/applications/own-application";
import { runCalculation } from "@/lib/domain/applications/run-calculation";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

/** Calculates the footprint of the current inventory and stores it as the latest result. */
export const calculateApplicationAction = createAction("application.calculate", {
  schema: applicationIdSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, "/enterprise"],
  run: async ({ user, input, tx }) => {
    await lockEditableInventory(tx, user, input.applicationId);
    const outcome = await runCalculation(tx, user, input.applicationId);
    if (!outcome.ok) throw new ActionError("applications.errors.calculationRefused");
    return { calculationId: outcome.calculation.id, result: outcome.result.result };
  },
});
