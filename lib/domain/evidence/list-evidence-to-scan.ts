import "server-only";
import { asc, inArray, min, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/policy";

type EvidenceToScan = { storageKey: string };

/**
 * The stored objects the malware scanner has yet to judge, for one round of the scan job: each
 * key once however many rows share its bytes (storage is by content), files never tried before
 * those whose scan failed (so one file the scanner keeps failing on cannot hold up new uploads),
 * then oldest first.
 */
export async function listEvidenceToScan(tx: Tx, actor: Actor | null, { limit }: { limit: number }): Promise<EvidenceToScan[]> {
  assertCan(actor, "evidence.scan");
  if (actor.role !== "system") throw new ForbiddenError();
  return tx
    .select({ storageKey: evidenceFiles.storageKey })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.scanStatus, ["pending", "scan_failed"]))
    .groupBy(evidenceFiles.storageKey)
    .orderBy(sql`bool_and(${evidenceFiles.scanStatus} = 'scan_failed')`, asc(min(evidenceFiles.createdAt)), asc(evidenceFiles.storageKey))
    .limit(limit);
}
