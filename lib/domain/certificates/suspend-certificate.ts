import "server-only";
import type { Tx } from "@/db";
import { changeCertificateStatus, type CertificateActor } from "./change-certificate-status";
import { mayManageCertificate } from "./certificate-access";

export type SuspendInput = { certificateId: string; expectedVersion: number; reason: string; actor: CertificateActor };

/** 暂停: the body or the region's regulator stops a valid certificate from being used, with a reason. */
export function suspendCertificate(tx: Tx, { certificateId, expectedVersion, reason, actor }: SuspendInput) {
  return changeCertificateStatus(tx, {
    certificateId,
    expectedVersion,
    from: ["valid"],
    to: "suspended",
    actor,
    authorize: (certificate) => mayManageCertificate(actor, certificate),
    action: "certificate.suspend",
    reason,
    notifyKind: "certificateSuspended",
  });
}
