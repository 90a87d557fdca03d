import "server-only";
import { executeOperation } from "@/lib/domain/operation";
import { listEvidenceToScan } from "@/lib/domain/evidence/list-evidence-to-scan";
import { recordEvidenceScan, type EvidenceScanVerdict } from "@/lib/domain/evidence/record-evidence-scan";
import { systemActor } from "@/lib/policy";
import { objectStorage } from "@/lib/storage";
import { clamdAddressFromEnv, scanStream, ScannerUnavailableError, type ClamdAddress } from "@/lib/storage/clamd";
import { removeInfectedEvidenceObject } from "@/lib/storage/evidence-objects";

const JOB = "evidence-scan";
/** Objects scanned per round; a job keeps taking rounds while they come back full and clean of failures. */
const SCAN_BATCH = 20;

type ScanRound = { attempted: number; clean: number; infected: number; failed: number };

/**
 * The verdict on one stored object; a scanner or storage that cannot answer is a failed scan.
 * `scannerDown`: clamd itself could not be reached (not merely this file refused).
 */
async function verdictOn(address: ClamdAddress, storageKey: string): Promise<EvidenceScanVerdict & { scannerDown?: boolean }> {
  let stored;
  try {
    stored = await objectStorage().get(storageKey);
  } catch (error) {
    return { outcome: "failed", error: `storage: ${error instanceof Error ? error.message : String(error)}` };
  }
  // A row always points at stored bytes (lib/storage/evidence-objects.ts); missing ones are an
  // operator's matter, never "clean".
  if (!stored) return { outcome: "failed", error: "storage: the stored bytes are missing" };
  try {
    const verdict = await scanStream(address, stored.body);
    return verdict.infected ? { outcome: "infected", signature: verdict.signature } : { outcome: "clean" };
  } catch (error) {
    if (error instanceof ScannerUnavailableError) return { outcome: "failed", error: error.message, scannerDown: !error.answered };
    throw error;
  }
}

/**
 * One round of the malware scan, as the platform (`systemActor`): every stored object some
 * evidence waits on is streamed from storage to clamd and the verdict recorded on all rows of
 * those bytes; infected bytes are then deleted from storage. Without CLAMAV_SOCKET there is
 * nothing to do (uploads are then not held). Safe to run from several processes at once: a
 * verdict recorded twice has one effect.
 */
export async function scanWaitingEvidence(): Promise<ScanRound> {
  const round: ScanRound = { attempted: 0, clean: 0, infected: 0, failed: 0 };
  // A malformed CLAMAV_SOCKET throws here: the job fails and the operators are told.
  const address = clamdAddressFromEnv();
  if (!address) return round;
  const actor = systemActor(JOB);
  const waiting = await executeOperation(listEvidenceToScan, actor, { limit: SCAN_BATCH });
  if (!waiting.ok) throw waiting.error;
  for (const { storageKey } of waiting.data) {
    round.attempted++;
    const { scannerDown, ...verdict } = await verdictOn(address, storageKey);
    const recorded = await executeOperation(recordEvidenceScan, actor, { storageKey, verdict });
    if (!recorded.ok) throw recorded.error;
    if (verdict.outcome === "clean") round.clean++;
    else if (verdict.outcome === "failed") {
      round.failed++;
      console.error(`[evidence] scan of ${storageKey} failed, to be retried: ${verdict.error}`);
      // With clamd unreachable the other files would only wait out the same timeout: they stay
      // pending for the retry.
      if (scannerDown) break;
    } else {
      round.infected++;
      const removed = await removeInfectedEvidenceObject(storageKey);
      console.warn(
        `[evidence] ${storageKey} is infected (${verdict.signature}): ${recorded.data.files} file(s) marked; bytes ${removed ? "deleted" : "kept for a newer upload's own scan"}`,
      );
    }
  }
  return round;
}

/** The job: rounds until the backlog is done; a round with failed scans fails the job, so it is retried with backoff. */
export async function runEvidenceScanJob(): Promise<ScanRound> {
  const total: ScanRound = { attempted: 0, clean: 0, infected: 0, failed: 0 };
  for (;;) {
    const round = await scanWaitingEvidence();
    total.attempted += round.attempted;
    total.clean += round.clean;
    total.infected += round.infected;
    total.failed += round.failed;
    if (round.failed > 0) throw new Error(`evidence scan: ${round.failed} of ${round.attempted} file(s) could not be scanned; retried`);
    if (round.attempted < SCAN_BATCH) return total;
  }
}
