/**
 * The certificate-expiry job (issue 12): the day after a certificate's validity ends, `expired`
 * is stored on it, audited, and its holder notified; the public page and registry read the
 * stored status. Run twice, it has one effect; only the platform may run it.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, certificates, notifications } from "@/db/schema";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { findPublicCertificate, searchRegistry } from "@/lib/dal/public-certificates";
import { expireCertificates } from "@/lib/domain/certificates/expire-certificates";
import { executeOperation } from "@/lib/domain/operation";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import type { JobRunner } from "@/lib/jobs";
import { inProcessRunner } from "@/lib/jobs/in-process-runner";
import { systemActor } from "@/lib/policy";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";

const system = systemActor("certificate-expiry");
const runners: JobRunner[] = [];

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
});

async function stored(certificateId: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, certificateId));
  return row;
}

async function effectsOn(certificateId: string) {
  return {
    audits: await db.select().from(auditEvents).where(and(eq(auditEvents.certificateId, certificateId), eq(auditEvents.action, "certificate.expire"))),
    notices: await db.select().from(notifications).where(and(eq(notifications.certificateId, certificateId), eq(notifications.kind, "certificateExpired"))),
  };
}

/** Rounds of the expiry job until one expires nothing; the numbers it expired. */
async function expireUntilDone(today: string): Promise<string[]> {
  const expired: string[] = [];
  for (;;) {
    const round = await executeOperation(expireCertificates, system, { today });
    if (!round.ok) throw round.error;
    if (round.data.expired.length === 0) return expired;
    expired.push(...round.data.expired);
  }
}

describe("certificate expiry", () => {
  it("stores expired the day after the validity ends — not on its last day — audited and notified once however often it runs", async () => {
    const { certificate } = await createIssuedCertificate();
    const lastDay = certificate.expiresOn;

    await executeOperation(expireCertificates, system, { today: lastDay });
    expect(await stored(certificate.id)).toMatchObject({ status: "valid", version: certificate.version });

    // Rounds take a batch at a time, and other files' certificates may be due too: run rounds as the job does.
    expect(await expireUntilDone(addDays(lastDay, 1))).toContain(certificate.number);
    expect(await expireUntilDone(addDays(lastDay, 1))).not.toContain(certificate.number);

    expect(await stored(certificate.id)).toMatchObject({ status: "expired", version: certificate.version + 1 });
    const { audits, notices } = await effectsOn(certificate.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ fromStatus: "valid", toStatus: "expired", actorRole: null, subjectOrganizationId: certificate.organizationId, region: certificate.region });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ organizationId: certificate.organizationId, params: { number: certificate.number, expiresOn: lastDay } });
  });

  it("expires a suspended certificate too, and the public page and registry read the stored status", async () => {
    const { certificate } = await createIssuedCertificate();
    await db.update(certificates).set({ status: "suspended", statusReason: "audit" }).where(eq(certificates.id, certificate.id));
    expect(await expireUntilDone(addDays(certificate.expiresOn, 1))).toContain(certificate.number);
    expect(await stored(certificate.id)).toMatchObject({ status: "expired", statusReason: null });

    // Stored: the date is no longer needed to see it (the page's guard reads today, before the expiry).
    expect(await findPublicCertificate(certificate.number)).toMatchObject({ status: "expired", statusReason: null });
    const registry = await searchRegistry({ q: certificate.number, status: "expired", page: 1 });
    expect(registry.rows.map((row) => row.number)).toEqual([certificate.number]);
    expect((await searchRegistry({ q: certificate.number, status: "valid", page: 1 })).rows).toHaveLength(0);
  });

  it("is refused to people: only the platform stores an expiry", async () => {
    const { certificate, reviewer } = await createIssuedCertificate();
    const outcome = await executeOperation(expireCertificates, await actorFor(reviewer), { today: addDays(certificate.expiresOn, 1) });
    expect(outcome).toMatchObject({ ok: false, error: { message: "errors.forbidden" } });
    expect(await executeOperation(expireCertificates, null, { today: addDays(certificate.expiresOn, 1) })).toMatchObject({ ok: false });
    expect(await stored(certificate.id)).toMatchObject({ status: "valid" });
    expect((await effectsOn(certificate.id)).audits).toHaveLength(0);
  });

  it("runs as a job at start (the catch-up of the daily schedule) on the in-process runner", async () => {
    const { certificate } = await createIssuedCertificate();
    // Its validity ended yesterday: reads already say expired by date, the row does not yet.
    await db.update(certificates).set({ expiresOn: addDays(todayInShanghai(), -1) }).where(eq(certificates.id, certificate.id));
    expect(await findPublicCertificate(certificate.number)).toMatchObject({ status: "expired" });
    const runner = inProcessRunner({ tickMs: 20 });
    runners.push(runner);
    await runner.start(JOB_HANDLERS);
    const expiryQueue = async () => (await runner.overview()).queues.find((queue) => queue.queue === "certificate-expiry");
    const deadline = Date.now() + 20_000;
    while ((await expiryQueue())?.counts.completed !== 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await expiryQueue()).toMatchObject({ counts: { completed: 1, failed: 0 }, cron: "5 0 * * *" });
    expect(await stored(certificate.id)).toMatchObject({ status: "expired" });
    expect((await effectsOn(certificate.id)).audits).toHaveLength(1);
  });
});
