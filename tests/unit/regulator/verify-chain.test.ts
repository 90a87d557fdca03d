import { describe, expect, it } from "vitest";
import { auditEventHash, GENESIS_HASH, type AuditContent } from "@/lib/audit/chain";
import { verifyChainSegment, type StoredAuditEvent } from "@/lib/audit/verify-chain";

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
