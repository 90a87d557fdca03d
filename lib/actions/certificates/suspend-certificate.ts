"use server";

import { createAction } from "@/lib/actions/validated-action";
import { suspendCertificate } from "@/lib/domain/certificates/suspend-certificate";
import { suspendCertificateSchema } from "@/lib/validation/schemas/certificates";
import { certificatePaths } from "./paths";

export const suspendCertificateAction = createAction(suspendCertificate, {
  schema: suspendCertificateSchema,
  result: (certificate) => ({ number: certificate.number, status: certificate.status, version: certificate.version }),
  revalidate: (_input, data) => certificatePaths(data.number),
  changedPublicCertificates: (_input, data) => [data.number],
});
