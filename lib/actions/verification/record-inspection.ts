"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recordInspection } from "@/lib/domain/verification/record-inspection";
import { inspectionSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const recordInspectionAction = createAction(recordInspection, {
  schema: inspectionSchema,
  result: (inspection) => ({ inspectionId: inspection.id }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
