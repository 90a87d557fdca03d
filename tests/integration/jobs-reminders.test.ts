/**
 * The reminders job (issue 12): certificate expiry at 90, 30 and 7 days, surveillance due and
 * overdue, applications waiting in one stage longer than the body's target (a per-body setting
 * with a default) — each sent exactly once however often the job runs. Only the platform runs it.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, notifications, sentReminders } from "@/db/schema";
import { addDays } from "@/lib/certificates/validity";
import { executeOperation } from "@/lib/domain/operation";
import { sendReminders } from "@/lib/domain/reminders/send-reminders";
import { systemActor } from "@/lib/policy";
import { DEFAULT_STAGE_TARGET_DAYS } from "@/lib/validation/schemas/body-settings";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { createApplication, createOrganization } from "../support/factories";

const system = systemActor("reminders");
const DAY_MS = 24 * 60 * 60 * 1000;

async function remind(today: string, now = new Date()) {
  const outcome = await executeOperation(sendReminders, system, { today, now });
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}

async function noticesAbout(where: { certificateId?: string; applicationId?: string }) {
  return db
    .select({ kind: notifications.kind, organizationId: notifications.organizationId, params: notifications.params })
    .from(notifications)
    .where(where.certificateId ? eq(notifications.certificateId, where.certificateId) : eq(notifications.applicationId, where.applicationId!))
    .orderBy(notifications.createdAt, notifications.id);
}

describe("reminders", () => {
  it("reminds the holder 90, 30 and 7 days before expiry, each once, and never a stale threshold", async () => {
    const { certificate } = await createIssuedCertificate();
    const expiry = certificate.expiresOn;
    const expiryNotices = async () => (await noticesAbout({ certificateId: certificate.id })).filter((notice) => notice.kind === "reminders.certificateExpiry");

    await remind(addDays(expiry, -91));
    expect(await expiryNotices()).toHaveLength(0);
    await remind(addDays(expiry, -90));
    await remind(addDays(expiry, -90));
    await remind(addDays(expiry, -60));
    expect(await expiryNotices()).toEqual([expect.objectContaining({ organizationId: certificate.organizationId, params: { number: certificate.number, days: "90", expiresOn: expiry } })]);

    // A run missed at 30 days: at 25 the 30-day reminder goes (once), then the 7-day one.
    await remind(addDays(expiry, -25));
    await remind(addDays(expiry, -24));
    await remind(addDays(expiry, -7));
    await remind(addDays(expiry, -3));
    expect((await expiryNotices()).map((notice) => notice.params?.days)).toEqual(["90", "25", "7"]);
    const keys = await db.select({ occurrence: sentReminders.occurrence }).from(sentReminders).where(and(eq(sentReminders.subjectId, certificate.id), eq(sentReminders.kind, "certificate.expiry")));
    expect(keys.map((key) => key.occurrence).sort()).toEqual([`${expiry}:30`, `${expiry}:7`, `${expiry}:90`]);
  });

  it("reminds holder and body when surveillance falls due and when it is overdue, each once", async () => {
    const { certificate, body } = await createIssuedCertificate();
    const due = certificate.nextSurveillanceDue;
    const surveillanceNotices = async () => (await noticesAbout({ certificateId: certificate.id })).filter((notice) => notice.kind.startsWith("reminders.surveillance"));

    await remind(addDays(due, -31));
    expect(await surveillanceNotices()).toHaveLength(0);
    await remind(addDays(due, -30));
    await remind(addDays(due, -2));
    const dueNotices = await surveillanceNotices();
    expect(dueNotices.map((notice) => [notice.kind, notice.organizationId]).sort()).toEqual(
      [
        ["reminders.surveillanceDue", body.id],
        ["reminders.surveillanceDue", certificate.organizationId],
      ].sort(),
    );
    // Within the grace period after the due date: nothing more; past it: overdue, once.
    await remind(addDays(due, 10));
    expect(await surveillanceNotices()).toHaveLength(2);
    await remind(addDays(due, 31));
    await remind(addDays(due, 32));
    expect((await surveillanceNotices()).filter((notice) => notice.kind === "reminders.surveillanceOverdue")).toHaveLength(2);
  });

  it("reminds the body of an application waiting in one stage past its target (the default, or its own), once per stage", async () => {
    const enterprise = await createOrganization("enterprise");
    const defaultBody = await createOrganization("verification_body");
    const patientBody = await createOrganization("verification_body", { stageTargetDays: 30 });
    const now = new Date();
    const entered = new Date(now.getTime() - (DEFAULT_STAGE_TARGET_DAYS + 1) * DAY_MS);
    const inStage = async (verificationBodyId: string, status: "submitted" | "changes_requested") => {
      const application = await createApplication(enterprise.id, { verificationBodyId, status });
      await db.update(applications).set({ stageEnteredAt: entered }).where(eq(applications.id, application.id));
      return application;
    };
    const waiting = await inStage(defaultBody.id, "submitted");
    const withinTarget = await inStage(patientBody.id, "submitted");
    const answersAwaited = await inStage(defaultBody.id, "changes_requested");
    const today = now.toISOString().slice(0, 10);

    await remind(today, now);
    await remind(today, now);
    expect(await noticesAbout({ applicationId: waiting.id })).toEqual([
      expect.objectContaining({ kind: "reminders.stageOverdue.submitted", organizationId: defaultBody.id, params: expect.objectContaining({ days: String(DEFAULT_STAGE_TARGET_DAYS + 1), target: String(DEFAULT_STAGE_TARGET_DAYS) }) }),
    ]);
    expect(await noticesAbout({ applicationId: withinTarget.id })).toHaveLength(0);
    expect(await noticesAbout({ applicationId: answersAwaited.id })).toEqual([expect.objectContaining({ kind: "reminders.changesAwaited", organizationId: enterprise.id })]);

    // The patient body's own target passes; and a new stage is a new wait, reminded again once.
    await remind(today, new Date(entered.getTime() + 31 * DAY_MS));
    expect(await noticesAbout({ applicationId: withinTarget.id })).toHaveLength(1);
    await db.update(applications).set({ status: "accepted", stageEnteredAt: entered }).where(eq(applications.id, waiting.id));
    await remind(today, now);
    await remind(today, now);
    expect((await noticesAbout({ applicationId: waiting.id })).map((notice) => notice.kind)).toEqual(["reminders.stageOverdue.submitted", "reminders.stageOverdue.accepted"]);
  });

  it("is refused to people", async () => {
    const { reviewer, certificate } = await createIssuedCertificate();
    expect(await executeOperation(sendReminders, await actorFor(reviewer), { today: addDays(certificate.expiresOn, -90) })).toMatchObject({ ok: false, error: { message: "errors.forbidden" } });
    expect(await executeOperation(sendReminders, null, {})).toMatchObject({ ok: false });
    expect(await noticesAbout({ certificateId: certificate.id })).toHaveLength(1); // the issuance notice only
  });
});
