"use server";

import { eq } from "drizzle-orm";
import { evidenceFiles } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/actions/errors";
import type { ActionResult } from "@/lib/actions/result";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockEditableInventory } from "@/lib/domain/applications/own-application";
import { evidenceStorage } from "@/lib/storage";
import { deleteEvidenceSchema } from "@/lib/validation/schemas/evidence";
import type { z } from "@/lib/validation/zod";

type DeletedEvidence = { applicationId: string; storageKey: string };

const deleteEvidenceRow = createAction("evidence.upload", {
  schema: deleteEvidenceSchema,
  revalidate: (_input, data: DeletedEvidence) => [`/enterprise/applications/${data.applicationId}`],
  run: async ({ user, input, tx }): Promise<DeletedEvidence> => {
    const [file] = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.id, input.evidenceId));
    if (!file) throw new NotFoundError();
    const application = await lockEditableInventory(tx, user, file.applicationId);
    // The enterprise removes its own files, never a verification body's inspection record.
    if (file.uploadedByOrganizationId !== user.organizationId) throw new ForbiddenError();
    await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, file.id));
    await recordAuditEvent(tx, user, {
      action: "evidence.delete",
      entityType: "evidence_file",
      entityId: file.id,
      subjectOrganizationId: application.organizationId,
      region: application.region,
      productId: application.productId,
      applicationId: application.id,
      data: { fileName: file.fileName, sha256: file.sha256, lineId: file.lineId },
    });
    return { applicationId: application.id, storageKey: file.storageKey };
  },
});

/** The owner removes a file while the application is editable; the bytes go once the row is gone. */
export async function deleteEvidenceAction(
  input: z.input<typeof deleteEvidenceSchema>,
): Promise<ActionResult<{ applicationId: string }>> {
  const result = await deleteEvidenceRow(input);
  if (!result.ok) return result;
  await evidenceStorage()
    .delete(result.data.storageKey)
    .catch((error: unknown) => console.error("[evidence] removing a deleted file failed:", error));
  return { ok: true, data: { applicationId: result.data.applicationId } };
}
