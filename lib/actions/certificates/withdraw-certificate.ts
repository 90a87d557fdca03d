"use server";

import { createAction } from "@/lib/actions/validated-action";
import { withdrawCertificate } from "@/lib/domain/certificates/withdraw-certificate";
import { withdrawCertificateSchema } from "@/lib/validation/schemas/certificates";
import { certificatePaths } from "./paths";

export const withdrawCertificateAction = createAction("certificate.withdraw", {
  schema: withdrawCertificateSchema,
  run: async ({ user, input, tx }) => {
    const certificate = await withdrawCertificate(tx, { ...input, actor: user });
    return { number: certificate.number, status: certificate.status, version: certificate.version };
  },
  revalidate: (_input, data) => certificatePaths(data.number),
});
