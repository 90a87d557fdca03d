import "server-only";
import { sendJob } from "@/lib/jobs";

/**
 * After an upload held for the malware scan committed: the scan job runs now rather than at its
 * next minutely run. A failure to queue only delays the scan (the schedule picks the file up).
 */
export function wakeEvidenceScan(): void {
  sendJob("evidence-scan").catch((error: unknown) => console.error("[evidence] could not queue the scan job; the minutely run will scan:", error));
}
