"use server";

import type { ActionResult } from "@/lib/result";
import { createAction } from "@/lib/actions/validated-action";
import { deleteEvidence } from "@/lib/domain/evidence/delete-evidence";
import { releaseEvidenceObject } from "@/lib/storage/evidence-objects";
import { deleteEvidenceSchema } from "@/lib/validation/schemas/evidence";
import type { z } from "@/lib/validation/zod";

const deleteEvidenceRow = createAction(deleteEvidence, {
  schema: deleteEvidenceSchema,
  revalidate: (_input, data) => [`/enterprise/applications/${data.applicationId}`],
});

/** The owner removes a file while the application is editable; the bytes go once the row is gone. */
export async function deleteEvidenceAction(
  input: z.input<typeof deleteEvidenceSchema>,
): Promise<ActionResult<{ applicationId: string }>> {
  const result = await deleteEvidenceRow(input);
  if (!result.ok) return result;
  // The same bytes may back another row (keys are SHA-256): they go with the last row.
  await releaseEvidenceObject(result.data.storageKey);
  return { ok: true, data: { applicationId: result.data.applicationId } };
}
