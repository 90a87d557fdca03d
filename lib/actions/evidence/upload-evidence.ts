"use server";

import { randomUUID } from "node:crypto";
import type { EvidenceScanStatus } from "@/lib/enums";
import type { ActionResult } from "@/lib/result";
import { createAction } from "@/lib/actions/validated-action";
import { getCurrentUser } from "@/lib/auth/current-user";
import { executeOperation } from "@/lib/domain/operation";
import { wakeEvidenceScan } from "@/lib/domain/evidence/evidence-scan-job";
import { recordEvidenceUpload } from "@/lib/domain/evidence/record-upload";
import { lockUploadTarget } from "@/lib/domain/evidence/upload-target";
import { checkEvidenceFile } from "@/lib/evidence/check-file";
import { cleanUploadName } from "@/lib/evidence/file-name";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { messageKey } from "@/lib/i18n/translate";
import { StorageUnavailableError } from "@/lib/storage";
import { confirmEvidenceObject, releaseEvidenceObject, storeEvidenceObject } from "@/lib/storage/evidence-objects";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { evidenceTargetSchema } from "@/lib/validation/schemas/evidence";
import { z } from "@/lib/validation/zod";

const storedFileSchema = evidenceTargetSchema.extend({
  id: z.uuid(),
  fileName: z.string().min(1),
  mimeType: z.string().min(1),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  storageKey: z.string().min(1),
});

/** The database half of an upload, run after the bytes are stored; not exported, so not callable from the browser. */
const recordStoredEvidence = createAction(recordEvidenceUpload, {
  schema: storedFileSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, `/verifier/applications/${input.applicationId}`],
});

function fileError(message: string): ActionResult<never> {
  return { ok: false, message: "errors.validation", fieldErrors: { file: [message] } };
}

/**
 * Attaches one evidence file (form fields: file, applicationId, lineId?,
 * inspectionId?). Who may is checked before the bytes are read; the type comes
 * from the content; the bytes are stored (under their SHA-256) before the row
 * is written and released again if the transaction fails, so a row never
 * points at nothing and a refusal leaves nothing stored. With a malware scanner configured the
 * file is held as pending and the scan job woken.
 */
export async function uploadEvidenceAction(formData: FormData): Promise<ActionResult<{ id: string; sha256: string; scanStatus: EvidenceScanStatus }>> {
  const parsed = evidenceTargetSchema.safeParse({
    applicationId: formData.get("applicationId"),
    lineId: formData.get("lineId"),
    inspectionId: formData.get("inspectionId"),
  });
  if (!parsed.success) return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
  // Refused callers are turned away before the upload is even read.
  const target = await executeOperation(lockUploadTarget, await getCurrentUser(), parsed.data);
  if (!target.ok) return { ok: false, message: target.error.message };

  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fileError("evidence.errors.fileRequired");
  if (file.size > MAX_EVIDENCE_BYTES) {
    return fileError(messageKey("evidence.errors.tooLarge", { maximum: MAX_EVIDENCE_BYTES / 1024 / 1024 }));
  }
  const uploadName = cleanUploadName(file.name);
  if (!uploadName) return fileError("evidence.errors.fileRequired");

  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = await checkEvidenceFile(bytes, uploadName);
  if (!checked.ok) return fileError(checked.message);
  const { mimeType, fileName } = checked;

  const id = randomUUID();
  let stored: { storageKey: string; sha256: string };
  try {
    stored = await storeEvidenceObject(bytes, mimeType);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error("[evidence] storing the upload failed:", error.message);
    return fileError("platform.storageUnavailable");
  }
  const result = await recordStoredEvidence({
    ...parsed.data,
    id,
    fileName,
    mimeType,
    sizeBytes: bytes.byteLength,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
  }).catch((error: unknown): ActionResult<never> => {
    console.error("[evidence] recording the upload failed:", error);
    return { ok: false, message: "errors.unexpected" };
  });
  if (result.ok) {
    await confirmEvidenceObject(stored.storageKey, bytes, mimeType);
    if (result.data.scanStatus === "pending") wakeEvidenceScan();
  } else await releaseEvidenceObject(stored.storageKey);
  return result;
}
