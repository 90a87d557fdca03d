"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recommendApplication } from "@/lib/domain/verification/recommend-application";
import { recommendSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const recommendApplicationAction = createAction("application.recommend", {
  schema: recommendSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const updated = await recommendApplication(tx, { ...input, actor: user });
    return { status: updated.status };
  },
});
