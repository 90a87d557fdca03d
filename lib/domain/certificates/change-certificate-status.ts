import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates, type Certificate, type CertificateStatus } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertDecision, decideOnCertificate, mayReachCertificate, type CertificatePermission, type UserActor } from "@/lib/policy";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { notify } from "@/lib/notifications/notify";
import { publishCertificateStatus } from "@/lib/domain/credentials/status-lists";
import { footprintFollowsStatus } from "@/lib/domain/footprints/publish-footprint";

type StatusChangeRequest = {
  certificateId: string;
  /** The version the user saw; a different current version is a conflict. */
  expectedVersion: number;
  /**
   * Stored statuses the UPDATE accepts (the guard against a concurrent change); the policy's
   * rule for `permission` decides which live statuses (expiry by date counted) allow it at all.
   */
  from: readonly CertificateStatus[];
  to: CertificateStatus;
  /** The permission the change needs (its scope: body, regulator of the region, …, and its statuses). */
  permission: CertificatePermission;
  /** Audit action, e.g. `certificate.suspend`. */
  action: string;
  reason: string | null;
  /** Notification to the enterprise (key of the notifications namespace). */
  notifyKind: string;
  /** Further columns to set in the same update. */
  set?: Partial<typeof certificates.$inferInsert>;
  data?: unknown;
};

/**
 * Reads the certificate and refuses unless the policy gives the actor `permission` on it (scope;
 * the operation asserted the role first, and the status is checked after the version, see
 * below); another's certificate is "not found" (no leak).
 */
export async function loadCertificateFor(
  tx: Tx,
  certificateId: string,
  actor: UserActor,
  permission: CertificatePermission,
): Promise<Certificate> {
  const [certificate] = await tx.select().from(certificates).where(eq(certificates.id, certificateId));
  if (!certificate || !mayReachCertificate(actor, permission, certificate)) throw new NotFoundError("certificates.errors.notFound");
  return certificate;
}

/**
 * The state part of the policy, after the version: a user who saw an older version is told
 * someone else changed it (whatever the status is now) rather than that the status forbids it.
 */
export function assertCertificateState(
  certificate: Certificate,
  expectedVersion: number,
  actor: UserActor,
  permission: CertificatePermission,
): CertificateStatus {
  const live = effectiveStatus(certificate.status, certificate.expiresOn, todayInShanghai());
  if (certificate.version !== expectedVersion) throw new ConflictError("certificates.errors.conflict");
  assertDecision(decideOnCertificate(actor, permission, { ...certificate, status: live }));
  return live;
}

/**
 * The guarded status change every certificate lifecycle operation goes through: one conditional
 * UPDATE on id + version + stored status, so of two concurrent changes exactly one succeeds; the
 * audit event and the enterprise's notification are written in the same transaction.
 */
export async function changeCertificateStatus(tx: Tx, actor: UserActor, request: StatusChangeRequest): Promise<Certificate> {
  const certificate = await loadCertificateFor(tx, request.certificateId, actor, request.permission);
  const live = assertCertificateState(certificate, request.expectedVersion, actor, request.permission);

  const [updated] = await tx
    .update(certificates)
    .set({
      ...request.set,
      status: request.to,
      statusReason: request.reason,
      statusChangedAt: new Date(),
      version: sql`${certificates.version} + 1`,
    })
    .where(
      and(
        eq(certificates.id, certificate.id),
        eq(certificates.version, request.expectedVersion),
        inArray(certificates.status, [...request.from]),
      ),
    )
    .returning();
  if (!updated) throw new ConflictError("certificates.errors.conflict");

  await recordAuditEvent(tx, actor, {
    action: request.action,
    entityType: "certificate",
    entityId: certificate.id,
    subjectOrganizationId: certificate.organizationId,
    region: certificate.region,
    productId: certificate.productId,
    applicationId: certificate.applicationId,
    certificateId: certificate.id,
    fromStatus: live,
    toStatus: request.to,
    reason: request.reason,
    data: request.data ?? null,
  });
  await notify(tx, {
    organizationId: certificate.organizationId,
    kind: request.notifyKind,
    certificateId: certificate.id,
    params: { number: certificate.number, ...(request.reason ? { reason: request.reason } : {}) },
  });
  await publishCertificateStatus(tx, updated);
  await footprintFollowsStatus(tx, updated, live);
  return updated;
}
