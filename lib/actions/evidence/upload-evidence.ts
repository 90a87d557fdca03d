"use server";

import { createHash, randomUUID } from "node:crypto";
import { db } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import type { ActionResult } from "@/lib/actions/result";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { lockUploadTarget } from "@/lib/domain/evidence/upload-target";
import { detectEvidenceType } from "@/lib/evidence/detect-type";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { messageKey } from "@/lib/i18n/translate";
import { evidenceStorage } from "@/lib/storage";
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

/** The database half of an upload, run after the bytes are stored; not callable from the browser. */
const recordStoredEvidence = createAction("evidence.upload", {
  schema: storedFileSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, `/verifier/applications/${input.applicationId}`],
  run: async ({ user, input, tx }) => {
    // Checked again under the row lock: the application may have been submitted meanwhile.
    const application = await lockUploadTarget(tx, user, input);
    await tx.insert(evidenceFiles).values({
      id: input.id,
      applicationId: application.id,
      lineId: input.lineId ?? null,
      inspectionId: input.inspectionId ?? null,
      uploadedByOrganizationId: user.organizationId,
      uploadedBy: user.id,
      fileName: input.fileName,
      mimeType: input.mimeType,
      sizeBytes: input.sizeBytes,
      sha256: input.sha256,
      storageKey: input.storageKey,
    });
    await recordAuditEvent(tx, user, {
      action: "evidence.upload",
      entityType: "evidence_file",
      entityId: input.id,
      subjectOrganizationId: application.organizationId,
      region: application.region,
      productId: application.productId,
      applicationId: application.id,
      data: { fileName: input.fileName, mimeType: input.mimeType, sizeBytes: input.sizeBytes, sha256: input.sha256, lineId: input.lineId ?? null, inspectionId: input.inspectionId ?? null },
    });
    return { id: input.id, sha256: input.sha256 };
  },
});

function fileError(message: string): ActionResult<never> {
  return { ok: false, message: "errors.validation", fieldErrors: { file: [message] } };
}

/** The last path segment of a browser-supplied name, without control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
}

/**
 * Attaches one evidence file (form fields: file, applicationId, lineId?,
 * inspectionId?). Who may is checked before the bytes are read; the type comes
 * from the content; the file is written first and removed again if the
 * database transaction fails, so a refusal never leaves anything stored.
 */
export async function uploadEvidenceAction(formData: FormData): Promise<ActionResult<{ id: string; sha256: string }>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "errors.unauthenticated" };
  if (!can(user.role, "evidence.upload")) return { ok: false, message: "errors.forbidden" };

  const parsed = evidenceTargetSchema.safeParse({
    applicationId: formData.get("applicationId"),
    lineId: formData.get("lineId"),
    inspectionId: formData.get("inspectionId"),
  });
  if (!parsed.success) return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fileError("evidence.errors.fileRequired");
  if (file.size > MAX_EVIDENCE_BYTES) {
    return fileError(messageKey("evidence.errors.tooLarge", { maximum: MAX_EVIDENCE_BYTES / 1024 / 1024 }));
  }
  const fileName = cleanFileName(file.name);
  if (!fileName) return fileError("evidence.errors.fileRequired");

  try {
    // Refused callers are turned away before the upload is even read.
    await db.transaction((tx) => lockUploadTarget(tx, user, parsed.data));
  } catch (error) {
    if (error instanceof ActionError) return { ok: false, message: error.message };
    throw error;
  }

  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = await detectEvidenceType(bytes, fileName);
  if (!mimeType) return fileError("evidence.errors.type");

  const id = randomUUID();
  const storageKey = `${parsed.data.applicationId}/${id}`;
  const storage = evidenceStorage();
  await storage.put(storageKey, bytes);
  const result = await recordStoredEvidence({
    ...parsed.data,
    id,
    fileName,
    mimeType,
    sizeBytes: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    storageKey,
  }).catch((error: unknown): ActionResult<never> => {
    console.error("[evidence] recording the upload failed:", error);
    return { ok: false, message: "errors.unexpected" };
  });
  if (!result.ok) await storage.delete(storageKey);
  return result;
}
