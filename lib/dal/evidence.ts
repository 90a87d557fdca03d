import "server-only";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { applications, evidenceFiles, organizations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whose evidence a user may read: the owning enterprise, the verification body
 * the application is entrusted to, and the regulator of the application's
 * region. Null = nobody of this kind of organization.
 */
function evidenceScope(user: CurrentUser): SQL | null {
  switch (user.organizationKind) {
    case "enterprise":
      return eq(applications.organizationId, user.organizationId);
    case "verification_body":
      return eq(applications.verificationBodyId, user.organizationId);
    case "regulator":
      return eq(applications.region, user.region);
    default:
      return null;
  }
}

/**
 * The evidence of one application the user may see, oldest first; `lineId`
 * narrows it to one inventory line, `null` to the application-level files.
 */
export async function listEvidence(user: CurrentUser, applicationId: string, options: { lineId?: string | null } = {}) {
  assertCan(user, "evidence.download");
  const scope = evidenceScope(user);
  if (!scope) return [];
  const lineFilter =
    options.lineId === undefined ? undefined : options.lineId === null ? isNull(evidenceFiles.lineId) : eq(evidenceFiles.lineId, options.lineId);
  return db
    .select({
      id: evidenceFiles.id,
      lineId: evidenceFiles.lineId,
      inspectionId: evidenceFiles.inspectionId,
      fileName: evidenceFiles.fileName,
      mimeType: evidenceFiles.mimeType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      scanStatus: evidenceFiles.scanStatus,
      // The signature ClamAV named, for an infected file only (a failed scan's error is the operator's).
      infectedBy: sql<string | null>`case when ${evidenceFiles.scanStatus} = 'infected' then ${evidenceFiles.scanDetail} end`,
      createdAt: evidenceFiles.createdAt,
      uploaderName: users.name,
      uploaderOrganizationId: evidenceFiles.uploadedByOrganizationId,
      uploaderOrganization: organizations.name,
    })
    .from(evidenceFiles)
    .innerJoin(applications, eq(applications.id, evidenceFiles.applicationId))
    .innerJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .innerJoin(organizations, eq(organizations.id, evidenceFiles.uploadedByOrganizationId))
    .where(and(eq(evidenceFiles.applicationId, applicationId), scope, lineFilter))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
}

/**
 * One evidence file for download, or null when it does not exist or the user
 * may not see it: the two are indistinguishable on purpose. The caller refuses
 * the bytes of a file the malware scan holds or found infected (`scanStatus`).
 */
export async function findDownloadableEvidence(user: CurrentUser, evidenceId: string) {
  assertCan(user, "evidence.download");
  const scope = evidenceScope(user);
  // A malformed id cannot name a file (and would be a uuid cast error in SQL).
  if (!scope || !UUID.test(evidenceId)) return null;
  const [file] = await db
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      mimeType: evidenceFiles.mimeType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      storageKey: evidenceFiles.storageKey,
      scanStatus: evidenceFiles.scanStatus,
    })
    .from(evidenceFiles)
    .innerJoin(applications, eq(applications.id, evidenceFiles.applicationId))
    .where(and(eq(evidenceFiles.id, evidenceId), scope));
  return file ?? null;
}
