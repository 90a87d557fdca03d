"use server";

import { createAction } from "@/lib/actions/validated-action";
import { respondToFinding } from "@/lib/domain/verification/respond-to-finding";
import { respondToFindingSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const respondToFindingAction = createAction("finding.respond", {
  schema: respondToFindingSchema,
  revalidate: (_input, data: { applicationId: string }) => applicationPaths(data.applicationId),
  run: async ({ user, input, tx }) => respondToFinding(tx, { ...input, actor: user }),
});
