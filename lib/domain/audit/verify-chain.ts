import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain, type ChainVerification } from "@/lib/dal/audit-trail";
import type { Operation } from "@/lib/domain/operation";
import { assertUserCan } from "@/lib/policy";

/** The check takes no parameters: a regulator verifies the chains of its own region. */
type VerifyAuditChainsInput = Record<string, never>;

/**
 * A regulator recomputes the hash chains of its region (each organization's,
 * and the pre-chain legacy chain) and gets the first broken link; the check
 * itself is recorded, with what it found.
 */
export const verifyAuditChains: Operation<VerifyAuditChainsInput, ChainVerification> = async (tx, actor) => {
  assertUserCan(actor, "audit.verifyChain");
  const result = await verifyAuditChain(tx, undefined, { region: actor.region });
  await recordAuditEvent(tx, actor, {
    action: "audit.verifyChain",
    entityType: "audit_chain",
    entityId: "audit_events",
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { checked: result.checked, brokenId: result.broken?.id ?? null, problem: result.broken?.problem ?? null },
  });
  return result;
};
