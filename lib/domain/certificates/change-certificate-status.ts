import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates, type Certificate, type CertificateStatus } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { notify } from "@/lib/notifications/notify";

export type CertificateActor = Pick<CurrentUser, "id" | "role" | "organizationId" | "region">;

export type StatusChangeRequest = {
  certificateId: string;
  /** The version the user saw; a different current version is a conflict. */
  expectedVersion: number;
  /** Live statuses (expiry by date counted) the change is allowed from. */
  from: readonly CertificateStatus[];
  to: CertificateStatus;
  actor: CertificateActor;
  /** Who may do it to this certificate (body, regulator of the region, …). */
  authorize: (certificate: Certificate) => boolean;
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
 * Reads the certificate and refuses unless the actor may act on it and its live status allows
 * the change; another's certificate is "not found" (no leak).
 */
export async function loadCertificateFor(
  tx: Tx,
  certificateId: string,
  authorize: (certificate: Certificate) => boolean,
): Promise<Certificate> {
  const [certificate] = await tx.select().from(certificates).where(eq(certificates.id, certificateId));
  if (!certificate || !authorize(certificate)) throw new NotFoundError("certificates.errors.notFound");
  return certificate;
}

/**
 * The guarded status change every certificate lifecycle operation goes through: one conditional
 * UPDATE on id + version + stored status, so of two concurrent changes exactly one succeeds; the
 * audit event and the enterprise's notification are written in the same transaction.
 */
export async function changeCertificateStatus(tx: Tx, request: StatusChangeRequest): Promise<Certificate> {
  const certificate = await loadCertificateFor(tx, request.certificateId, request.authorize);
  const live = effectiveStatus(certificate.status, certificate.expiresOn, todayInShanghai());
  if (certificate.version !== request.expectedVersion) throw new ConflictError("certificates.errors.conflict");
  if (!request.from.includes(live)) throw new ConflictError("certificates.errors.notAllowedInStatus");

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

  await recordAuditEvent(tx, request.actor, {
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
  return updated;
}
