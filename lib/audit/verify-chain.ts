import { auditChainKey, auditEventHash, GENESIS_HASH, type AuditContent } from "./chain";

/** An audit row as stored: the hashed content plus its id and the two hashes. */
export type StoredAuditEvent = Omit<AuditContent, "occurredAt"> & {
  id: number;
  occurredAt: Date | string;
  prevHash: string;
  hash: string;
};

/** A row of a per-organization chain: its place in the chain as well. */
export type ChainedAuditEvent = StoredAuditEvent & { chain: string; chainSeq: number };

/** A chain's head as stored: where its last event is and what it hashed to. */
export type StoredChainHead = { lastSeq: number; lastHash: string; lastEventId: number | null };

export type BrokenLink = {
  id: number;
  /**
   * `content`: the row no longer matches its hash (or is not the event its chain's head recorded);
   * `link`: it does not follow the previous event of its chain (removed, reordered, inserted or moved rows);
   * `missing`: the chain's head records event `id` as its last, and it is gone (rows removed from the end).
   */
  problem: "content" | "link" | "missing";
};

function contentMatchesHash(event: StoredAuditEvent, prevHash: string): boolean {
  const occurredAt = event.occurredAt instanceof Date ? event.occurredAt.toISOString() : event.occurredAt;
  // auditEventHash reads only the hashed fields, so id, chain and the hashes themselves are ignored.
  return auditEventHash(prevHash, { ...event, occurredAt }) === event.hash;
}

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
    if (!contentMatchesHash(event, expectedPrev)) return { broken: { id: event.id, problem: "content" } };
    expectedPrev = event.hash;
  }
  return { broken: null, lastHash: expectedPrev };
}

/** Whether a chain, having ended at `last` (or with no event at all), ends where its head says. */
export function checkChainEnd(
  last: { id: number; chainSeq: number; hash: string } | null,
  head: StoredChainHead,
): BrokenLink | null {
  const lastSeq = last?.chainSeq ?? 0;
  if (lastSeq < head.lastSeq) return { id: head.lastEventId ?? last?.id ?? 0, problem: "missing" };
  if (last && last.hash !== head.lastHash) return { id: last.id, problem: "content" };
  return null;
}

/**
 * Verifies many chains streamed as one sequence ordered by (chain, chainSeq),
 * each event with its chain's head as read in the same statement (a head and
 * the events it counts commit together, so they always agree in one snapshot).
 * Within a chain, events must number 1, 2, 3 … and each must hash its content
 * onto the previous event's hash; the last must be the one its head recorded.
 */
export class ChainVerifier {
  private current: { chain: string; id: number; chainSeq: number; hash: string; head: StoredChainHead } | null = null;
  /** Events found intact so far. */
  checked = 0;

  /** The next event of the stream; the first broken link found, or null. */
  add(event: ChainedAuditEvent, head: StoredChainHead | null): BrokenLink | null {
    if (this.current && this.current.chain !== event.chain) {
      const ended = this.end();
      if (ended) return ended;
    }
    // A row of a chain nobody opened, filed under another organization's chain, or past its chain's head.
    if (!head || auditChainKey(event) !== event.chain || event.chainSeq > head.lastSeq) {
      return { id: event.id, problem: "link" };
    }
    const expectedSeq = this.current ? this.current.chainSeq + 1 : 1;
    const expectedPrev = this.current ? this.current.hash : GENESIS_HASH;
    if (event.chainSeq !== expectedSeq || event.prevHash !== expectedPrev) return { id: event.id, problem: "link" };
    if (!contentMatchesHash(event, expectedPrev)) return { id: event.id, problem: "content" };
    this.current = { chain: event.chain, id: event.id, chainSeq: event.chainSeq, hash: event.hash, head };
    this.checked++;
    return null;
  }

  /** After the last event: the chain in progress must end where its head says. */
  end(): BrokenLink | null {
    const current = this.current;
    this.current = null;
    return current ? checkChainEnd(current, current.head) : null;
  }
}
