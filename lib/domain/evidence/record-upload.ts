import "server-only";
import type { Tx } from "@/db";
import type { EvidenceScanStatus } from "@/lib/enums";
import { evidenceFiles } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import { malwareScannerConfigured } from "@/lib/storage/clamd";
import type { EvidenceTarget } from "@/lib/validation/schemas/evidence";
import { lockUploadTarget } from "./upload-target";

type StoredEvidence = EvidenceTarget & {
  /** The evidence row's id, also the last segment of its storage key. */
  id: string;
  fileName: string;
  /** Detected from the content, never taken from the browser. */
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
};

/**
 * The database half of an evidence upload, after the bytes are stored: the
 * target is checked again under the row lock (the application may have been
 * submitted meanwhile), then the file's row and its audit event are written.
 * With a malware scanner configured (CLAMAV_SOCKET) the file is held as pending until the scan
 * job's verdict; without one it is not scanned and downloadable at once, as before scanning.
 */
export async function recordEvidenceUpload(tx: Tx, actor: Actor | null, input: StoredEvidence) {
  assertUserCan(actor, "evidence.upload");
  const application = await lockUploadTarget(tx, actor, input);
  const scanStatus: EvidenceScanStatus = malwareScannerConfigured() ? "pending" : "not_scanned";
  await tx.insert(evidenceFiles).values({
    id: input.id,
    applicationId: application.id,
    lineId: input.lineId ?? null,
    inspectionId: input.inspectionId ?? null,
    uploadedByOrganizationId: actor.organizationId,
    uploadedBy: actor.id,
    fileName: input.fileName,
    mimeType: input.mimeType,
    sizeBytes: input.sizeBytes,
    sha256: input.sha256,
    storageKey: input.storageKey,
    scanStatus,
  });
  await recordAuditEvent(tx, actor, {
    action: "evidence.upload",
    entityType: "evidence_file",
    entityId: input.id,
    subjectOrganizationId: application.organizationId,
    region: application.region,
    productId: application.productId,
    applicationId: application.id,
    data: {
      fileName: input.fileName,
      mimeType: input.mimeType,
      sizeBytes: input.sizeBytes,
      sha256: input.sha256,
      lineId: input.lineId ?? null,
      inspectionId: input.inspectionId ?? null,
      scanStatus,
    },
  });
  return { id: input.id, sha256: input.sha256, scanStatus };
}
