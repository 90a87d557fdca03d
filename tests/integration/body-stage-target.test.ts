/**
 * A verification body's stage target (issue 12): its reviewer sets how many days an application
 * may wait in one stage before the reminders job reminds whoever must act; bounded, audited, its
 * own body only; the reminders job then measures waits against it.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, notifications, organizations } from "@/db/schema";
import { setStageTargetAction } from "@/lib/actions/verifier/set-stage-target";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getBodySettings } from "@/lib/dal/body-settings";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import { DEFAULT_STAGE_TARGET_DAYS } from "@/lib/validation/schemas/body-settings";
import { actAs, createApplication, createOrganization, createUser } from "../support/factories";
import { databaseError } from "../support/regulator-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

async function targetOf(bodyId: string) {
  const [body] = await db.select({ stageTargetDays: organizations.stageTargetDays }).from(organizations).where(eq(organizations.id, bodyId));
  return body.stageTargetDays;
}

async function settingsAs(user: Parameters<typeof actAs>[0]) {
  actAs(user);
  return getBodySettings((await getCurrentUser())!);
}

describe("a body's stage target", () => {
  it("is set by the body's reviewer, audited, and shown to the body's staff", async () => {
    const body = await createOrganization("verification_body");
    const reviewer = await createUser("reviewer", body.id);
    const verifier = await createUser("verifier", body.id);
    expect(await settingsAs(verifier)).toMatchObject({ stageTargetDays: null, defaultStageTargetDays: DEFAULT_STAGE_TARGET_DAYS, mayEdit: false });

    actAs(reviewer);
    expect(await setStageTargetAction({ stageTargetDays: "30" })).toEqual({ ok: true, data: { stageTargetDays: 30 } });
    expect(await targetOf(body.id)).toBe(30);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "organization.setStageTarget"), eq(auditEvents.entityId, body.id))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ actorUserId: reviewer.id, subjectOrganizationId: body.id, fromStatus: null, toStatus: "30", data: { previous: null, stageTargetDays: 30 } });
    expect(await settingsAs(reviewer)).toMatchObject({ stageTargetDays: 30, mayEdit: true });
    expect(await settingsAs(verifier)).toMatchObject({ stageTargetDays: 30, mayEdit: false });

    // Empty: back to the platform default.
    actAs(reviewer);
    expect(await setStageTargetAction({ stageTargetDays: "" })).toEqual({ ok: true, data: { stageTargetDays: null } });
    expect(await targetOf(body.id)).toBeNull();
  });

  it.each([
    ["0", "validation.min"],
    ["181", "validation.max"],
    ["2.5", "verifier.settings.wholeDays"],
    ["two weeks", "verifier.settings.wholeDays"],
  ])("refuses %s next to the field, changing nothing", async (typed, message) => {
    const body = await createOrganization("verification_body", { stageTargetDays: 20 });
    actAs(await createUser("reviewer", body.id));
    const result = await setStageTargetAction({ stageTargetDays: typed });
    expect(result).toMatchObject({ ok: false, fieldErrors: { stageTargetDays: [expect.stringContaining(message)] } });
    expect(await targetOf(body.id)).toBe(20);
  });

  it("is bounded by the database too", async () => {
    const body = await createOrganization("verification_body");
    await expect(databaseError(db.update(organizations).set({ stageTargetDays: 0 }).where(eq(organizations.id, body.id)))).resolves.toMatch(/organizations_stage_target_days_ck/);
    await expect(databaseError(db.update(organizations).set({ stageTargetDays: 181 }).where(eq(organizations.id, body.id)))).resolves.toMatch(/organizations_stage_target_days_ck/);
  });

  it("is refused to everyone but the body's reviewer; another body's reviewer sets only its own", async () => {
    const body = await createOrganization("verification_body", { stageTargetDays: 20 });
    for (const role of ["verifier", "enterprise", "regulator", "admin"] as const) {
      actAs(await createUser(role, role === "verifier" ? body.id : undefined));
      expect(await setStageTargetAction({ stageTargetDays: "40" })).toEqual({ ok: false, message: "errors.forbidden" });
    }
    actAs(null);
    expect(await setStageTargetAction({ stageTargetDays: "40" })).toEqual({ ok: false, message: "errors.unauthenticated" });
    const otherBody = await createOrganization("verification_body");
    actAs(await createUser("reviewer", otherBody.id));
    expect(await setStageTargetAction({ stageTargetDays: "40" })).toMatchObject({ ok: true });
    expect(await targetOf(body.id)).toBe(20);
    expect(await targetOf(otherBody.id)).toBe(40);
    expect(await settingsAs(await createUser("enterprise"))).toBeNull();
  });

  it("is what the reminders job measures a body's waiting applications against", async () => {
    const enterprise = await createOrganization("enterprise");
    const strictBody = await createOrganization("verification_body");
    const defaultBody = await createOrganization("verification_body");
    actAs(await createUser("reviewer", strictBody.id));
    expect(await setStageTargetAction({ stageTargetDays: "5" })).toMatchObject({ ok: true });

    // Six days in one stage: past the strict body's 5, within the default 14.
    const entered = new Date(Date.now() - 6 * DAY_MS - 60_000);
    const waitingAt = async (verificationBodyId: string) => {
      const application = await createApplication(enterprise.id, { verificationBodyId, status: "submitted" });
      await db.update(applications).set({ stageEnteredAt: entered }).where(eq(applications.id, application.id));
      return application;
    };
    const late = await waitingAt(strictBody.id);
    const onTime = await waitingAt(defaultBody.id);

    const runReminders = () => JOB_HANDLERS.reminders!({ id: crypto.randomUUID(), queue: "reminders", data: {} });
    await runReminders();
    await runReminders();
    const noticesOf = (applicationId: string) => db.select().from(notifications).where(eq(notifications.applicationId, applicationId));
    expect(await noticesOf(late.id)).toEqual([
      expect.objectContaining({ kind: "reminders.stageOverdue.submitted", organizationId: strictBody.id, params: expect.objectContaining({ days: "6", target: "5" }) }),
    ]);
    expect(await noticesOf(onTime.id)).toEqual([]);
  });
});
