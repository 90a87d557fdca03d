import "server-only";
import type { Tx } from "@/db";
import { changeCertificateStatus, type CertificateActor } from "./change-certificate-status";
import { mayManageCertificate } from "./certificate-access";

export type ReinstateInput = { certificateId: string; expectedVersion: number; reason: string; actor: CertificateActor };

/** 恢复: a suspended certificate that has not expired in the meantime becomes valid again. */
export function reinstateCertificate(tx: Tx, { certificateId, expectedVersion, reason, actor }: ReinstateInput) {
  return changeCertificateStatus(tx, {
    certificateId,
    expectedVersion,
    from: ["suspended"],
    to: "valid",
    actor,
    authorize: (certificate) => mayManageCertificate(actor, certificate),
    action: "certificate.reinstate",
    reason: reason.trim() || null,
    notifyKind: "certificateReinstated",
  });
}
