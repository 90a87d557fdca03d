import "server-only";
import type { Tx } from "@/db";
import { changeCertificateStatus, type CertificateActor } from "./change-certificate-status";
import { mayManageCertificate } from "./certificate-access";

export type WithdrawInput = { certificateId: string; expectedVersion: number; reason: string; actor: CertificateActor };

/** 撤销: final; a valid or suspended certificate can never be used again. */
export function withdrawCertificate(tx: Tx, { certificateId, expectedVersion, reason, actor }: WithdrawInput) {
  return changeCertificateStatus(tx, {
    certificateId,
    expectedVersion,
    from: ["valid", "suspended"],
    to: "withdrawn",
    actor,
    authorize: (certificate) => mayManageCertificate(actor, certificate),
    action: "certificate.withdraw",
    reason,
    notifyKind: "certificateWithdrawn",
  });
}
