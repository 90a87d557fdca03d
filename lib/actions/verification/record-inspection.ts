"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recordInspection } from "@/lib/domain/verification/record-inspection";
import { inspectionSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const recordInspectionAction = createAction("application.recordInspection", {
  schema: inspectionSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const inspection = await recordInspection(tx, { ...input, actor: user });
    return { inspectionId: inspection.id };
  },
});
