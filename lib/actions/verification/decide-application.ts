"use server";

import { createAction } from "@/lib/actions/validated-action";
import { decideApplication } from "@/lib/domain/verification/decide-application";
import { decideSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const decideApplicationAction = createAction("application.decide", {
  schema: decideSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const { application, certificateId } = await decideApplication(tx, { ...input, actor: user });
    return { status: application.status, certificateId };
  },
});
