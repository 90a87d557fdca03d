import { auditEventHash, type AuditContent } from "./chain";

/** An audit row as stored: the hashed content plus its id and the two hashes. */
export type StoredAuditEvent = Omit<AuditContent, "occurredAt"> & {
  id: number;
  occurredAt: Date | string;
  prevHash: string;
  hash: string;
};

export type BrokenLink = {
  id: number;
  /** `content`: the row no longer matches its hash; `link`: it does not point at the previous row's hash. */
  problem: "content" | "link";
};

/**
 * Checks consecutive events (in id order) against the hash of the event before
 * them. Returns the first broken link, or the last hash to continue from.
 */
export function verifyChainSegment(
  previousHash: string,
  events: readonly StoredAuditEvent[],
): { broken: BrokenLink } | { broken: null; lastHash: string } {
  let expectedPrev = previousHash;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) return { broken: { id: event.id, problem: "link" } };
    const occurredAt = event.occurredAt instanceof Date ? event.occurredAt.toISOString() : event.occurredAt;
    // auditEventHash reads only the hashed fields, so id and the hashes themselves are ignored.
    if (auditEventHash(expectedPrev, { ...event, occurredAt }) !== event.hash) {
      return { broken: { id: event.id, problem: "content" } };
    }
    expectedPrev = event.hash;
  }
  return { broken: null, lastHash: expectedPrev };
}
