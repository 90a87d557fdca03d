import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { notifications, organizations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/dal/audit-trail";
import type { Operation } from "@/lib/domain/operation";
import { notify } from "@/lib/notifications/notify";
import { assertCan } from "@/lib/policy";

type MonitorAuditChainsInput = Record<string, never>;

type RegionChainCheck = { region: string; checked: number; broken: { id: number; problem: string } | null; notified: number };

/**
 * The platform's daily check of the audit trail: each region that has a regulator has its
 * chains verified (as its regulator's "verify chain" button does), and when one is broken its
 * regulators are notified and the alert is audited in their trail. A break already reported is
 * not reported again, so running the check twice alerts once.
 */
export const monitorAuditChains: Operation<MonitorAuditChainsInput, RegionChainCheck[]> = async (tx, actor) => {
  assertCan(actor, "audit.monitorChains");
  const regulators = await tx
    .select({ id: organizations.id, region: organizations.region })
    .from(organizations)
    .where(eq(organizations.kind, "regulator"))
    .orderBy(organizations.region, organizations.id);
  const regions = [...new Set(regulators.map((regulator) => regulator.region))];
  const results: RegionChainCheck[] = [];
  for (const region of regions) {
    const result = await verifyAuditChain(tx, undefined, { region });
    let notified = 0;
    if (result.broken) {
      const { id, problem } = result.broken;
      for (const regulator of regulators.filter((candidate) => candidate.region === region)) {
        const kind = `auditChainBroken.${problem}`;
        const [already] = await tx
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.organizationId, regulator.id), eq(notifications.kind, kind), sql`${notifications.params}->>'id' = ${String(id)}`))
          .limit(1);
        if (already) continue;
        await notify(tx, { organizationId: regulator.id, kind, params: { id: String(id), checked: String(result.checked) } });
        await recordAuditEvent(tx, null, {
          action: "audit.chainBroken",
          entityType: "audit_chain",
          entityId: "audit_events",
          subjectOrganizationId: regulator.id,
          region,
          data: { brokenId: id, problem, checked: result.checked, job: actor.role === "system" ? actor.job : null },
        });
        notified++;
      }
    }
    results.push({ region, checked: result.checked, broken: result.broken, notified });
  }
  return results;
};
