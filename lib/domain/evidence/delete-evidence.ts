import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockEditableInventory } from "@/lib/domain/applications/own-application";

type DeleteEvidenceInput = { evidenceId: string };

/**
 * The owner removes one of its files while the application is editable. The
 * stored bytes are the adapter's to remove once this transaction commits.
 */
export async function deleteEvidence(tx: Tx, actor: Actor | null, { evidenceId }: DeleteEvidenceInput) {
  assertUserCan(actor, "evidence.delete");
  const [file] = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId));
  if (!file) throw new NotFoundError();
  const application = await lockEditableInventory(tx, actor, file.applicationId, "evidence.delete");
  // The enterprise removes its own files, never a verification body's inspection record.
  if (file.uploadedByOrganizationId !== actor.organizationId) throw new ForbiddenError();
  // Under the application's lock: of two concurrent deletions, the second finds nothing.
  const [deleted] = await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, file.id)).returning({ id: evidenceFiles.id });
  if (!deleted) throw new NotFoundError();
  await recordAuditEvent(tx, actor, {
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
}
