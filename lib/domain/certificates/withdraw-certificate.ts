import "server-only";
import type { Tx } from "@/db";
import { assertUserCan, type Actor } from "@/lib/policy";
import { changeCertificateStatus } from "./change-certificate-status";

type WithdrawInput = { certificateId: string; expectedVersion: number; reason: string };

/** 撤销: final; a valid or suspended certificate can never be used again. */
export async function withdrawCertificate(tx: Tx, actor: Actor | null, { certificateId, expectedVersion, reason }: WithdrawInput) {
  assertUserCan(actor, "certificate.withdraw");
  return changeCertificateStatus(tx, actor, {
    certificateId,
    expectedVersion,
    from: ["valid", "suspended"],
    to: "withdrawn",
    permission: "certificate.withdraw",
    action: "certificate.withdraw",
    reason,
    notifyKind: "certificateWithdrawn",
  });
}
