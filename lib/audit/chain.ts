import { createHash } from "node:crypto";

import { canonicalJson } from "@/lib/calc/snapshot";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event covered by its hash. */
export type AuditContent = {
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorOrganizationId: string | null;
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

/** SHA-256 over the previous hash and this event's canonical content. */
export function auditEventHash(prevHash: string, content: AuditContent): string {
  const normalized: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) {
    const value = content[field];
    normalized[field] =
      field === "occurredAt" ? new Date(value as string).toISOString() : (value ?? null);
  }
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(normalized)).digest("hex");
}
