"use server";

import { z } from "@/lib/validation/zod";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/dal/audit-trail";

/** Recomputes the audit hash chain and reports the first broken link; the check itself is recorded. */
export const verifyAuditChainAction = createAction("audit.verifyChain", {
  schema: z.object({}),
  run: async ({ user, tx }) => {
    const result = await verifyAuditChain(tx);
    await recordAuditEvent(tx, user, {
      action: "audit.verifyChain",
      entityType: "audit_chain",
      entityId: "audit_events",
      subjectOrganizationId: user.organizationId,
      region: user.region,
      data: { checked: result.checked, brokenId: result.broken?.id ?? null, problem: result.broken?.problem ?? null },
    });
    return result;
  },
});
