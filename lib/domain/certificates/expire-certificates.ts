import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { todayInShanghai } from "@/lib/certificates/validity";
import { publishCertificateStatus } from "@/lib/domain/credentials/status-lists";
import { footprintFollowsStatus } from "@/lib/domain/footprints/publish-footprint";
import { notify } from "@/lib/notifications/notify";
import { assertCan, type Actor } from "@/lib/policy";

type ExpireCertificatesInput = {
  /** Today in Asia/Shanghai (tests pass a date); a certificate expires the day after `expiresOn`. */
  today?: string;
  /** Certificates per transaction; the job repeats until none is left. */
  limit?: number;
};

const DEFAULT_BATCH = 100;

/**
 * Stores `expired` on the certificates in force (valid or suspended) whose validity has ended,
 * each audited, announced to its holder, and followed by its credential's status list and its
 * PACT footprint. Reads already show such a certificate as expired by its date; this makes the
 * stored row say so too. Idempotent: an expired certificate is never picked again, and rows
 * another runner holds are skipped, not waited for.
 */
export async function expireCertificates(tx: Tx, actor: Actor | null, input: ExpireCertificatesInput) {
  assertCan(actor, "certificate.expire");
  const today = input.today ?? todayInShanghai();
  const due = await tx
    .select()
    .from(certificates)
    .where(and(inArray(certificates.status, ["valid", "suspended"]), lt(certificates.expiresOn, today)))
    .orderBy(certificates.expiresOn, certificates.id)
    .limit(input.limit ?? DEFAULT_BATCH)
    .for("update", { skipLocked: true });
  const expired: string[] = [];
  for (const certificate of due) {
    const [updated] = await tx
      .update(certificates)
      .set({ status: "expired", statusReason: null, statusChangedAt: new Date(), version: sql`${certificates.version} + 1` })
      .where(and(eq(certificates.id, certificate.id), eq(certificates.version, certificate.version)))
      .returning();
    if (!updated) continue;
    await recordAuditEvent(tx, null, {
      action: "certificate.expire",
      entityType: "certificate",
      entityId: certificate.id,
      subjectOrganizationId: certificate.organizationId,
      region: certificate.region,
      productId: certificate.productId,
      applicationId: certificate.applicationId,
      certificateId: certificate.id,
      fromStatus: certificate.status,
      toStatus: "expired",
      reason: null,
      data: { expiresOn: certificate.expiresOn, job: actor.role === "system" ? actor.job : null },
    });
    await notify(tx, {
      organizationId: certificate.organizationId,
      kind: "certificateExpired",
      certificateId: certificate.id,
      params: { number: certificate.number, expiresOn: certificate.expiresOn },
    });
    await publishCertificateStatus(tx, updated);
    await footprintFollowsStatus(tx, updated, certificate.status);
    expired.push(certificate.number);
  }
  return { expired };
}
