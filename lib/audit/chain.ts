import { createHash } from "node:crypto";

import { canonicalJson } from "@/lib/calc/snapshot";

export const GENESIS_HASH = "0".repeat(64);

/**
 * The chain of the events recorded before per-organization chains existed: one
 * chain over every region in id order, kept verbatim and closed by its head.
 */
export const LEGACY_CHAIN = "legacy";

/** The fields of an audit event covered by its hash. */
export type AuditContent = {
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorOrganizationId: string | null;
  /** Set only for an act through an API client (older events have no such field). */
  actorApiClientId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectOrganizationId?: string | null;
  region?: string | null;
  productId?: string | null;
  applicationId?: string | null;
  certificateId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: unknown;
};

const HASHED_FIELDS = [
  "occurredAt",
  "actorUserId",
  "actorRole",
  "actorOrganizationId",
  "action",
  "entityType",
  "entityId",
  "subjectOrganizationId",
  "region",
  "productId",
  "applicationId",
  "certificateId",
  "fromStatus",
  "toStatus",
  "reason",
  "data",
] as const;

/**
 * SHA-256 over the previous hash and this event's canonical content. The API client is hashed
 * only when there is one, so events recorded before it existed keep their hashes.
 */
export function auditEventHash(prevHash: string, content: AuditContent): string {
  const normalized: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) {
    const value = content[field];
    normalized[field] =
      field === "occurredAt" ? new Date(value as string).toISOString() : (value ?? null);
  }
  if (content.actorApiClientId) normalized.actorApiClientId = content.actorApiClientId;
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(normalized)).digest("hex");
}

/**
 * Which chain an event extends: one per region and organization (the
 * organization the event concerns, else the acting one; `-` when absent).
 * Derived from hashed content only, so an event moved to another chain is
 * detected without hashing the chain name itself.
 *
 * Why per organization rather than one global chain: appending locks the
 * chain's head until the transaction commits, so writers wait only for writers
 * of the same organization — a pilot's thousands of enterprises write in
 * parallel. A regulator verifies every chain of its region, which keeps the
 * guarantee the single chain gave (any edited, removed, reordered or inserted
 * event breaks a link or a head) without making every audited write in the
 * country queue behind one lock. Sealing free appends into Merkle batches
 * (as Certificate Transparency does) would scale further but leaves events
 * unprotected until a sealer runs, which the embedded demo has no process for.
 */
export function auditChainKey(content: Pick<AuditContent, "region" | "subjectOrganizationId" | "actorOrganizationId">): string {
  const organization = content.subjectOrganizationId ?? content.actorOrganizationId ?? "-";
  return `${content.region ?? "-"}/${organization}`;
}
