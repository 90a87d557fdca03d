import "server-only";
import type { Tx } from "@/db";
import { assertUserCan, type Actor } from "@/lib/policy";
import { changeCertificateStatus } from "./change-certificate-status";

type ReinstateInput = { certificateId: string; expectedVersion: number; reason: string };

/** 恢复: a suspended certificate that has not expired in the meantime becomes valid again. */
export async function reinstateCertificate(tx: Tx, actor: Actor | null, { certificateId, expectedVersion, reason }: ReinstateInput) {
  assertUserCan(actor, "certificate.reinstate");
  return changeCertificateStatus(tx, actor, {
    certificateId,
    expectedVersion,
    from: ["suspended"],
    to: "valid",
    permission: "certificate.reinstate",
    action: "certificate.reinstate",
    reason: reason.trim() || null,
    notifyKind: "certificateReinstated",
  });
}
