"use server";

import { createAction } from "@/lib/actions/validated-action";
import { verifyLine } from "@/lib/domain/verification/verify-line";
import { verifyLineSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const verifyLineAction = createAction("line.verify", {
  schema: verifyLineSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const line = await verifyLine(tx, { ...input, actor: user });
    return { lineId: line.id };
  },
});
