"use server";

import { createAction } from "@/lib/actions/validated-action";
import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

/** Calculates the footprint of the current inventory and stores it as the latest result. */
export const calculateApplicationAction = createAction(calculateApplication, {
  schema: applicationIdSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, "/enterprise"],
});
