import { randomUUID } from "node:crypto";
import { wakeEvidenceScan } from "@/lib/domain/evidence/evidence-scan-job";
import { recordEvidenceUpload } from "@/lib/domain/evidence/record-upload";
import { lockUploadTarget } from "@/lib/domain/evidence/upload-target";
import { checkEvidenceFile } from "@/lib/evidence/check-file";
import { cleanUploadName } from "@/lib/evidence/file-name";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { messageKey } from "@/lib/i18n/translate";
import { ApiProblem, fieldProblemsOf } from "@/lib/http/api/problem";
import { apiJson, apiRoute, pathParams, perform, readFormBody } from "@/lib/http/api/route";
import { StorageUnavailableError } from "@/lib/storage";
import { confirmEvidenceObject, releaseEvidenceObject, storeEvidenceObject } from "@/lib/storage/evidence-objects";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";
import { evidenceTargetSchema } from "@/lib/validation/schemas/evidence";

export const dynamic = "force-dynamic";

function fileProblem(message: string): ApiProblem {
  return new ApiProblem("validation", message, [{ field: "file", message, in: "body" }]);
}

/**
 * Attaches an evidence file (multipart: `file`, optional `lineId`) to an editable application or
 * one of its lines. As on the application page: the caller is checked before the file is looked
 * at, the type comes from the content, and the stored bytes (kept under their SHA-256) are released
 * again if recording fails. `scanStatus` is `pending` while a configured malware scanner has yet to
 * judge the file (it cannot be downloaded until found clean), else `not_scanned`.
 */
export const POST = apiRoute<{ applicationId: string }>(async ({ request, actor, params }) => {
  const { applicationId } = pathParams(applicationIdSchema, params);
  const form = await readFormBody(request);
  const parsed = evidenceTargetSchema.safeParse({ applicationId, lineId: form.get("lineId") ?? undefined });
  if (!parsed.success) throw new ApiProblem("validation", "errors.validation", fieldProblemsOf(zodFieldErrors(parsed.error), "body"));
  const target = parsed.data;
  await perform(lockUploadTarget, actor, target);

  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw fileProblem("evidence.errors.fileRequired");
  if (file.size > MAX_EVIDENCE_BYTES) throw fileProblem(messageKey("evidence.errors.tooLarge", { maximum: MAX_EVIDENCE_BYTES / 1024 / 1024 }));
  const uploadName = cleanUploadName(file.name);
  if (!uploadName) throw fileProblem("evidence.errors.fileRequired");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = await checkEvidenceFile(bytes, uploadName);
  if (!checked.ok) throw fileProblem(checked.message);
  const { mimeType, fileName } = checked;

  const id = randomUUID();
  let stored: { storageKey: string; sha256: string };
  try {
    stored = await storeEvidenceObject(bytes, mimeType);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error("[evidence] storing the upload failed:", error.message);
    throw new ApiProblem("service-unavailable", undefined, [], { "Retry-After": "30" });
  }
  const { storageKey, sha256 } = stored;
  let recorded: Awaited<ReturnType<typeof recordEvidenceUpload>>;
  try {
    recorded = await perform(recordEvidenceUpload, actor, { ...target, id, fileName, mimeType, sizeBytes: bytes.byteLength, sha256, storageKey });
  } catch (error) {
    await releaseEvidenceObject(storageKey);
    throw error;
  }
  await confirmEvidenceObject(storageKey, bytes, mimeType);
  if (recorded.scanStatus === "pending") wakeEvidenceScan();
  return apiJson(
    { id, applicationId, lineId: target.lineId ?? null, fileName, mimeType, sizeBytes: bytes.byteLength, sha256, scanStatus: recorded.scanStatus },
    { status: 201 },
  );
});
