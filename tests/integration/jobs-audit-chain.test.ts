/**
 * The daily audit-chain verification job (issue 12): every region's chains are verified; when
 * one breaks, that region's regulators — and no other — are notified and the alert is audited,
 * once however often the check runs. Only the platform runs it.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/db";
import { auditEvents, notifications } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { monitorAuditChains } from "@/lib/domain/audit/monitor-audit-chains";
import { executeOperation } from "@/lib/domain/operation";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import { systemActor } from "@/lib/policy";
import { actorFor } from "../support/certificate-fixtures";
import { createOrganization, createUser } from "../support/factories";

const REGION = "450000";
const OTHER_REGION = "460000";
const system = systemActor("audit-chain-verification");

async function asSuperuser(run: (tx: Tx) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await run(tx);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

async function alertsFor(organizationId: string) {
  return db.select().from(notifications).where(and(eq(notifications.organizationId, organizationId), sql`${notifications.kind} like 'auditChainBroken.%'`));
}

describe("daily audit chain verification", () => {
  it("alerts the regulators of the broken chain's region once, audited, and leaves other regions alone", async () => {
    const regulator = await createOrganization("regulator", { region: REGION, district: null });
    const otherRegulator = await createOrganization("regulator", { region: OTHER_REGION, district: null });
    const enterprise = await createOrganization("enterprise", { region: REGION, district: null });
    const ids: number[] = [];
    for (const step of ["one", "two", "three"]) {
      ids.push(await db.transaction((tx) => recordAuditEvent(tx, null, { action: "test.step", entityType: "test", entityId: step, subjectOrganizationId: enterprise.id, region: REGION })));
    }

    // Intact: nobody is alerted.
    const intact = await executeOperation(monitorAuditChains, system, {});
    expect(intact.ok && intact.data.find((check) => check.region === REGION)).toMatchObject({ broken: null, notified: 0 });
    expect(await alertsFor(regulator.id)).toHaveLength(0);

    await asSuperuser((tx) => tx.update(auditEvents).set({ reason: "rewritten" }).where(eq(auditEvents.id, ids[1])));
    try {
      // Twice, as a job and directly: one alert.
      await JOB_HANDLERS["audit-chain-verification"]!({ id: "daily", queue: "audit-chain-verification", data: {} });
      const again = await executeOperation(monitorAuditChains, system, {});
      expect(again.ok && again.data.find((check) => check.region === REGION)).toMatchObject({ broken: { id: ids[1], problem: "content" }, notified: 0 });

      const alerts = await alertsFor(regulator.id);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ kind: "auditChainBroken.content", params: { id: String(ids[1]) } });
      expect(await alertsFor(otherRegulator.id)).toHaveLength(0);
      const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "audit.chainBroken"), eq(auditEvents.subjectOrganizationId, regulator.id))).orderBy(auditEvents.id);
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({ region: REGION, data: { brokenId: ids[1], problem: "content" } });
    } finally {
      await asSuperuser((tx) => tx.update(auditEvents).set({ reason: null }).where(eq(auditEvents.id, ids[1])));
    }
  });

  it("is refused to people, the regulator included", async () => {
    const regulator = await createOrganization("regulator", { region: "470000", district: null });
    const user = await createUser("regulator", regulator.id);
    expect(await executeOperation(monitorAuditChains, await actorFor(user), {})).toMatchObject({ ok: false, error: { message: "errors.forbidden" } });
    expect(await executeOperation(monitorAuditChains, null, {})).toMatchObject({ ok: false });
  });
});
