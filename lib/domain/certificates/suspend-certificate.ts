import "server-only";
import type { Tx } from "@/db";
import { assertUserCan, type Actor } from "@/lib/policy";
import { changeCertificateStatus } from "./change-certificate-status";

type SuspendInput = { certificateId: string; expectedVersion: number; reason: string };

/** 暂停: the body or the region's regulator stops a valid certificate from being used, with a reason. */
export async function suspendCertificate(tx: Tx, actor: Actor | null, { certificateId, expectedVersion, reason }: SuspendInput) {
  assertUserCan(actor, "certificate.suspend");
  return changeCertificateStatus(tx, actor, {
    certificateId,
    expectedVersion,
    from: ["valid"],
    to: "suspended",
    permission: "certificate.suspend",
    action: "certificate.suspend",
    reason,
    notifyKind: "certificateSuspended",
  });
}
