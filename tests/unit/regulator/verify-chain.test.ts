import { describe, expect, it } from "vitest";
import { auditChainKey, auditEventHash, GENESIS_HASH, type AuditContent } from "@/lib/audit/chain";
import {
  ChainVerifier,
  checkChainEnd,
  verifyChainSegment,
  type ChainedAuditEvent,
  type StoredAuditEvent,
  type StoredChainHead,
} from "@/lib/audit/verify-chain";

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const content: AuditContent = {
      occurredAt: new Date(Date.UTC(2026, 0, i)).toISOString(),
      actorUserId: null,
      actorRole: "regulator",
      actorOrganizationId: null,
      action: "certificate.suspend",
      entityType: "certificate",
      entityId: `c-${i}`,
      region: "500000",
      fromStatus: "valid",
      toStatus: "suspended",
      reason: `reason ${i}`,
      data: { b: 1, a: [i] },
    };
    const hash = auditEventHash(prevHash, content);
    events.push({ ...content, occurredAt: new Date(content.occurredAt), id: i, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe("verifyChainSegment", () => {
  it("accepts an intact chain and returns the hash to continue from, batch after batch", () => {
    const events = chain(6);
    const first = verifyChainSegment(GENESIS_HASH, events.slice(0, 3));
    expect(first.broken).toBeNull();
    if (first.broken) return;
    expect(first.lastHash).toBe(events[2].hash);
    expect(verifyChainSegment(first.lastHash, events.slice(3))).toEqual({ broken: null, lastHash: events[5].hash });
  });

  it("reports the first row whose content was altered", () => {
    const events = chain(5);
    events[2] = { ...events[2], reason: "rewritten" };
    expect(verifyChainSegment(GENESIS_HASH, events).broken).toEqual({ id: 3, problem: "content" });
  });

  it("reports a removed or re-linked row as a broken link", () => {
    const events = chain(5);
    const withoutThird = [...events.slice(0, 2), ...events.slice(3)];
    expect(verifyChainSegment(GENESIS_HASH, withoutThird).broken).toEqual({ id: 4, problem: "link" });
  });

  it("detects a recomputed hash that no longer matches the next link", () => {
    const events = chain(4);
    const altered = { ...events[1], reason: "forged" };
    altered.hash = auditEventHash(altered.prevHash, { ...altered, occurredAt: altered.occurredAt.toString() });
    events[1] = { ...altered, occurredAt: events[1].occurredAt };
    expect(verifyChainSegment(GENESIS_HASH, events).broken).toEqual({ id: 3, problem: "link" });
  });
});

type Chain = { events: ChainedAuditEvent[]; head: StoredChainHead };

/** One organization's chain of `count` events, ids from `firstId`, as recordAuditEvent writes it. */
function organizationChain(region: string, organization: string, count: number, firstId: number): Chain {
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content: AuditContent = {
      occurredAt: new Date(Date.UTC(2026, 1, seq, 8)).toISOString(),
      actorUserId: null,
      actorRole: "enterprise",
      actorOrganizationId: organization,
      action: "product.update",
      entityType: "product",
      entityId: `p-${seq}`,
      subjectOrganizationId: organization,
      region,
      data: { seq },
    };
    const hash = auditEventHash(prevHash, content);
    events.push({ ...content, id: firstId + seq - 1, prevHash, hash, chain: auditChainKey(content), chainSeq: seq });
    prevHash = hash;
  }
  const last = events[events.length - 1];
  return { events, head: { lastSeq: count, lastHash: last.hash, lastEventId: last.id } };
}

/** Streams chains in (chain, seq) order, as the database does, each event with its chain's head. */
function verifyStream(chains: Chain[], stream: Array<{ event: ChainedAuditEvent; head: StoredChainHead | null }> | null = null) {
  const verifier = new ChainVerifier();
  const rows =
    stream ??
    [...chains]
      .sort((a, b) => (a.events[0].chain < b.events[0].chain ? -1 : 1))
      .flatMap((chain) => chain.events.map((event) => ({ event, head: chain.head })));
  for (const { event, head } of rows) {
    const broken = verifier.add(event, head);
    if (broken) return { checked: verifier.checked, broken };
  }
  return { checked: verifier.checked, broken: verifier.end() };
}

function rows(chain: Chain, events = chain.events) {
  return events.map((event) => ({ event, head: chain.head }));
}

describe("auditChainKey", () => {
  it("keys a chain by region and the organization the event concerns, else the acting one", () => {
    expect(auditChainKey({ region: "500000", subjectOrganizationId: "s", actorOrganizationId: "a" })).toBe("500000/s");
    expect(auditChainKey({ region: "500000", subjectOrganizationId: null, actorOrganizationId: "a" })).toBe("500000/a");
    expect(auditChainKey({ region: null, subjectOrganizationId: undefined, actorOrganizationId: null })).toBe("-/-");
  });
});

describe("ChainVerifier (one chain per region and organization)", () => {
  const east = () => organizationChain("500000", "org-a", 4, 10);
  const west = () => organizationChain("510000", "org-b", 3, 20);

  it("accepts intact chains streamed one after the other", () => {
    expect(verifyStream([east(), west()])).toEqual({ checked: 7, broken: null });
  });

  it("reports an edited event as content", () => {
    const a = east();
    a.events[1] = { ...a.events[1], reason: "rewritten" };
    expect(verifyStream([a, west()])).toEqual({ checked: 1, broken: { id: 11, problem: "content" } });
  });

  it("reports a deleted event as a broken link at the next one", () => {
    const a = east();
    expect(verifyStream([], rows(a, [a.events[0], a.events[2], a.events[3]]))).toEqual({ checked: 1, broken: { id: 12, problem: "link" } });
  });

  it("reports a deleted first event: the chain no longer starts at 1 from the genesis hash", () => {
    const a = east();
    expect(verifyStream([], rows(a, a.events.slice(1))).broken).toEqual({ id: 11, problem: "link" });
  });

  it("reports events deleted from the end of a chain as missing, naming the last event its head recorded", () => {
    const a = east();
    const b = west();
    expect(verifyStream([], [...rows(a, a.events.slice(0, 2)), ...rows(b)])).toEqual({ checked: 2, broken: { id: 13, problem: "missing" } });
    expect(verifyStream([], rows(b, b.events.slice(0, 2))).broken).toEqual({ id: 22, problem: "missing" });
    expect(checkChainEnd(null, b.head)).toEqual({ id: 22, problem: "missing" });
  });

  it("reports reordered events (swapped places in the chain) as a broken link", () => {
    const a = east();
    const swapped = [a.events[0], { ...a.events[2], chainSeq: 2 }, { ...a.events[1], chainSeq: 3 }, a.events[3]];
    expect(verifyStream([], rows(a, swapped)).broken).toEqual({ id: 12, problem: "link" });
  });

  it("reports an inserted event, even one hashed onto its predecessor, as a broken link after it", () => {
    const a = east();
    const forgedContent: AuditContent = { ...a.events[1], occurredAt: new Date(Date.UTC(2026, 1, 2, 9)).toISOString(), reason: "forged" };
    const forged: ChainedAuditEvent = { ...forgedContent, id: 99, chain: a.events[1].chain, chainSeq: 3, prevHash: a.events[1].hash, hash: auditEventHash(a.events[1].hash, forgedContent) };
    const renumbered = a.events.slice(2).map((event) => ({ ...event, chainSeq: event.chainSeq + 1 }));
    const stream = rows(a, [a.events[0], a.events[1], forged, ...renumbered]);
    expect(verifyStream([], stream)).toEqual({ checked: 3, broken: { id: 12, problem: "link" } });
  });

  it("reports an event appended past its chain's head as a broken link", () => {
    const a = east();
    const lastEvent = a.events[3];
    const content: AuditContent = { ...lastEvent, occurredAt: new Date(Date.UTC(2026, 2, 1)).toISOString() };
    const appended: ChainedAuditEvent = { ...content, id: 50, chain: lastEvent.chain, chainSeq: 5, prevHash: lastEvent.hash, hash: auditEventHash(lastEvent.hash, content) };
    expect(verifyStream([], rows(a, [...a.events, appended])).broken).toEqual({ id: 50, problem: "link" });
  });

  it("reports a last event replaced by a self-consistent forgery as content: it is not the one the head recorded", () => {
    const a = east();
    const third = a.events[2];
    const content: AuditContent = { ...a.events[3], occurredAt: a.events[3].occurredAt.toString(), reason: "forged" };
    a.events[3] = { ...a.events[3], ...content, hash: auditEventHash(third.hash, content) };
    expect(verifyStream([a]).broken).toEqual({ id: 13, problem: "content" });
  });

  it("reports an event moved into another organization's chain as a broken link", () => {
    const a = east();
    const b = west();
    const moved = { ...a.events[3], chain: b.events[0].chain, chainSeq: 4 };
    const headB = { ...b.head, lastSeq: 4, lastHash: moved.hash, lastEventId: moved.id };
    const stream = [...rows(a, a.events.slice(0, 3)), ...b.events.map((event) => ({ event, head: headB })), { event: moved, head: headB }];
    expect(verifyStream([], stream).broken).toEqual({ id: 13, problem: "missing" });
    expect(verifyStream([], [...b.events.map((event) => ({ event, head: headB })), { event: moved, head: headB }]).broken).toEqual({ id: 13, problem: "link" });
  });

  it("reports an event of a chain that has no head as a broken link", () => {
    const a = east();
    expect(verifyStream([], [{ event: a.events[0], head: null }])).toEqual({ checked: 0, broken: { id: 10, problem: "link" } });
  });

  it("continues a chain across batches: the verifier keeps its place between calls", () => {
    const a = organizationChain("500000", "org-a", 6, 1);
    const verifier = new ChainVerifier();
    for (const event of a.events.slice(0, 3)) expect(verifier.add(event, { ...a.head, lastSeq: 3 })).toBeNull();
    // A later batch reads a head that has moved on since: events appended in between.
    for (const event of a.events.slice(3)) expect(verifier.add(event, a.head)).toBeNull();
    expect(verifier.end()).toBeNull();
    expect(verifier.checked).toBe(6);
  });
});
