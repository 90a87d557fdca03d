"use server";

import { createAction } from "@/lib/actions/validated-action";
import { reinstateCertificate } from "@/lib/domain/certificates/reinstate-certificate";
import { reinstateCertificateSchema } from "@/lib/validation/schemas/certificates";
import { certificatePaths } from "./paths";

export const reinstateCertificateAction = createAction(reinstateCertificate, {
  schema: reinstateCertificateSchema,
  result: (certificate) => ({ number: certificate.number, status: certificate.status, version: certificate.version }),
  revalidate: (_input, data) => certificatePaths(data.number),
  changedPublicCertificates: (_input, data) => [data.number],
});
