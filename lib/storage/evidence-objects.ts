/**
 * Evidence bytes are stored under their SHA-256 (`evidence/<hex>`): the same file uploaded twice
 * is stored once, and the key proves what the bytes are. Rows of evidence_files point at a key;
 * an object goes when the last row pointing at it goes.
 *
 * The order makes a row never point at nothing: the bytes are stored before the row is written,
 * and removed only when no row refers to them. Removing (release) and re-checking after an upload
 * (confirm) hold the same advisory lock on the key, so an upload of the same bytes committing
 * while another row's removal releases them cannot lose the object: either the release sees the
 * new row and keeps the object, or the upload sees the object gone and stores it again.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { objectStorage } from "./index";

export function evidenceObjectKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256 digest: ${sha256}`);
  return `evidence/${sha256}`;
}

async function lockKey(tx: Tx, storageKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`storage:${storageKey}`}, 0))`);
}

/** Stores an upload's bytes before its row is recorded; throws StorageUnavailableError. */
export async function storeEvidenceObject(bytes: Uint8Array, mimeType: string): Promise<{ storageKey: string; sha256: string }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = evidenceObjectKey(sha256);
  await objectStorage().put(storageKey, bytes, mimeType);
  return { storageKey, sha256 };
}

/**
 * After the upload's row committed: stores the bytes again if a concurrent release removed them.
 * Logged, not thrown: the upload itself succeeded and the row is there.
 */
export async function confirmEvidenceObject(storageKey: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const storage = objectStorage();
  try {
    await db.transaction(async (tx) => {
      await lockKey(tx, storageKey);
      if (!(await storage.exists(storageKey))) await storage.put(storageKey, bytes, mimeType);
    });
  } catch (error) {
    console.error(`[storage] could not confirm ${storageKey} after its upload:`, error);
  }
}

/**
 * The object of a deleted row, or of an upload whose row was not written: removed unless a row
 * still refers to it. A storage failure is logged, not thrown — the row is already gone, and an
 * object left behind costs space, not correctness.
 */
export async function releaseEvidenceObject(storageKey: string): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await lockKey(tx, storageKey);
      const [{ references }] = await tx
        .select({ references: count() })
        .from(evidenceFiles)
        .where(eq(evidenceFiles.storageKey, storageKey));
      if (references === 0) await objectStorage().delete(storageKey);
    });
  } catch (error) {
    console.error(`[storage] could not release ${storageKey}:`, error);
  }
}

/**
 * The bytes the malware scanner found infected (their rows already marked infected): deleted
 * unless a row of the same bytes is not marked infected — an upload of them that committed
 * meanwhile, waiting for its own scan, which will find them infected and remove them then.
 * Throws StorageUnavailableError, so the scan job fails and the operators hear of it; the bytes
 * are never served meanwhile (every infected row refuses downloads).
 */
export async function removeInfectedEvidenceObject(storageKey: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockKey(tx, storageKey);
    const [{ others }] = await tx
      .select({ others: count() })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.storageKey, storageKey), ne(evidenceFiles.scanStatus, "infected")));
    if (others > 0) return false;
    await objectStorage().delete(storageKey);
    return true;
  });
}
