"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recordSurveillance } from "@/lib/domain/certificates/record-surveillance";
import { recordSurveillanceSchema } from "@/lib/validation/schemas/certificates";
import { certificatePaths } from "./paths";

export const recordSurveillanceAction = createAction("certificate.recordSurveillance", {
  schema: recordSurveillanceSchema,
  run: async ({ user, input, tx }) => {
    const certificate = await recordSurveillance(tx, { ...input, actor: user });
    return { number: certificate.number, status: certificate.status, version: certificate.version };
  },
  revalidate: (_input, data) => certificatePaths(data.number),
});
