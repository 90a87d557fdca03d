import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, evidenceFiles } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ForbiddenError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { assertCan, type Actor } from "@/lib/policy";

export type EvidenceScanVerdict =
  | { outcome: "clean" }
  | { outcome: "infected"; signature: string }
  /** The scanner gave no verdict (unreachable, timed out, refused the stream); the job retries. */
  | { outcome: "failed"; error: string };

type RecordEvidenceScanInput = { storageKey: string; verdict: EvidenceScanVerdict; now?: Date };

async function applicationOf(tx: Tx, applicationId: string) {
  const [application] = await tx
    .select({ id: applications.id, organizationId: applications.organizationId, region: applications.region, productId: applications.productId })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return application;
}

/** Kept short on the row: a scanner's error can be long, and the row shows it to the operator only. */
const MAX_DETAIL = 500;

/**
 * The scanner's verdict on one stored object, for every row that shares its bytes:
 * - clean: the rows waiting for it become downloadable (each audited);
 * - failed: they stay held (scan_failed) for the next round;
 * - infected: every row of those bytes is marked infected — whatever it was, since the bytes are
 *   about to be deleted (the caller removes the object after this commits) — each audited in
 *   its application's trail and its uploader notified. An infected row is never downloadable.
 * A verdict arriving after another runner's is harmless: clean and failed change only rows still
 * waiting, and infected rows stay infected.
 */
export async function recordEvidenceScan(tx: Tx, actor: Actor | null, { storageKey, verdict, now = new Date() }: RecordEvidenceScanInput) {
  assertCan(actor, "evidence.scan");
  if (actor.role !== "system") throw new ForbiddenError();
  const waiting = and(eq(evidenceFiles.storageKey, storageKey), inArray(evidenceFiles.scanStatus, ["pending", "scan_failed"]));
  if (verdict.outcome === "clean") {
    const cleared = await tx.update(evidenceFiles).set({ scanStatus: "clean", scannedAt: now, scanDetail: null }).where(waiting).returning();
    // Released for download: as much a fact of the file's history as its upload.
    for (const file of cleared) {
      const application = await applicationOf(tx, file.applicationId);
      await recordAuditEvent(tx, null, {
        action: "evidence.scanClean",
        entityType: "evidence_file",
        entityId: file.id,
        subjectOrganizationId: application.organizationId,
        region: application.region,
        productId: application.productId,
        applicationId: application.id,
        data: { fileName: file.fileName, sha256: file.sha256, job: actor.job },
      });
    }
    return { outcome: "clean" as const, files: cleared.length };
  }
  if (verdict.outcome === "failed") {
    const rows = await tx
      .update(evidenceFiles)
      .set({ scanStatus: "scan_failed", scanDetail: verdict.error.slice(0, MAX_DETAIL) })
      .where(waiting)
      .returning({ id: evidenceFiles.id });
    return { outcome: "failed" as const, files: rows.length };
  }

  const signature = verdict.signature.slice(0, MAX_DETAIL);
  const infected = await tx
    .update(evidenceFiles)
    .set({ scanStatus: "infected", scannedAt: now, scanDetail: signature })
    .where(and(eq(evidenceFiles.storageKey, storageKey), ne(evidenceFiles.scanStatus, "infected")))
    .returning();
  for (const file of infected) {
    const application = await applicationOf(tx, file.applicationId);
    await recordAuditEvent(tx, null, {
      action: "evidence.infected",
      entityType: "evidence_file",
      entityId: file.id,
      subjectOrganizationId: application.organizationId,
      region: application.region,
      productId: application.productId,
      applicationId: application.id,
      data: { fileName: file.fileName, sha256: file.sha256, signature, uploadedBy: file.uploadedBy, job: actor.job },
    });
    await notify(tx, {
      organizationId: file.uploadedByOrganizationId,
      userId: file.uploadedBy,
      kind: "evidenceInfected",
      applicationId: application.id,
      params: { fileName: file.fileName, signature },
    });
  }
  return { outcome: "infected" as const, files: infected.length };
}
