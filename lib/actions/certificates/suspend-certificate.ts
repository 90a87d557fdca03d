"use server";

import { createAction } from "@/lib/actions/validated-action";
import { suspendCertificate } from "@/lib/domain/certificates/suspend-certificate";
import { suspendCertificateSchema } from "@/lib/validation/schemas/certificates";
import { certificatePaths } from "./paths";

export const suspendCertificateAction = createAction("certificate.suspend", {
  schema: suspendCertificateSchema,
  run: async ({ user, input, tx }) => {
    const certificate = await suspendCertificate(tx, { ...input, actor: user });
    return { number: certificate.number, status: certificate.status, version: certificate.version };
  },
  revalidate: (_input, data) => certificatePaths(data.number),
});
