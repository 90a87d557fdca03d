"use server";

import { createAction } from "@/lib/actions/validated-action";
import { reinstateCertificate } from "@/lib/domain/certificates/reinstate-certificate";
import { reinstateCertificateSchema } from "@/lib/validation/schemas/certificates";
import { certificatePaths } from "./paths";

export const reinstateCertificateAction = createAction("certificate.reinstate", {
  schema: reinstateCertificateSchema,
  run: async ({ user, input, tx }) => {
    const certificate = await reinstateCertificate(tx, { ...input, actor: user });
    return { number: certificate.number, status: certificate.status, version: certificate.version };
  },
  revalidate: (_input, data) => certificatePaths(data.number),
});
