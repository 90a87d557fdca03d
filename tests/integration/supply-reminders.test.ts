/**
 * Reminders before a footprint request's due date (issue 14): the supplier 3 days and 1 day
 * before, the requester the day before while it is still unanswered — in-app and by email through
 * the outbox, each exactly once however often the reminders job runs. A request answered,
 * declined or cancelled is not reminded; one past its due date is the expiry job's, which the
 * platform now runs daily (and at start).
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, mailOutbox, notifications, pactPartners, sentReminders, supplyRequests } from "@/db/schema";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { executeOperation } from "@/lib/domain/operation";
import { sendReminders } from "@/lib/domain/reminders/send-reminders";
import { acceptSupplyRequest } from "@/lib/domain/supply-requests/accept-supply-request";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { declineSupplyRequest } from "@/lib/domain/supply-requests/decline-supply-request";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import type { JobRunner } from "@/lib/jobs";
import { inProcessRunner } from "@/lib/jobs/in-process-runner";
import { systemActor } from "@/lib/policy";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "../support/certificate-fixtures";
import { createUser } from "../support/factories";

const system = systemActor("reminders");

async function remind(today: string) {
  const outcome = await executeOperation(sendReminders, system, { today, now: new Date() });
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}

async function sentRequest(dueOn: string) {
  const customer = await createUser("enterprise", undefined, { emailVerifiedAt: new Date(), mailPreference: "immediate" });
  const supplier = await createUser("enterprise", undefined, { emailVerifiedAt: new Date(), mailPreference: "immediate" });
  const [customerActor, supplierActor] = [await actorFor(customer), await actorFor(supplier)];
  const input = createSupplyRequestSchema.parse({
    supplier: `organization:${supplier.organizationId}`,
    productName: `NCM 811 cathode ${dueOn}`,
    declaredUnit: "kg",
    dueOn,
  });
  const outcome = await executeOperation(createSupplyRequest, customerActor, input);
  if (!outcome.ok) throw outcome.error;
  return { customer, supplier, customerActor, supplierActor, requestId: outcome.data.requestId };
}

async function remindersTo(organizationIds: string[]) {
  return db
    .select({ kind: notifications.kind, organizationId: notifications.organizationId, params: notifications.params })
    .from(notifications)
    .where(and(inArray(notifications.organizationId, organizationIds), inArray(notifications.kind, ["reminders.supplyRequestDue", "reminders.supplyRequestUnanswered"])))
    // Notices of one run share their transaction's timestamp: ordered by kind within it.
    .orderBy(notifications.createdAt, notifications.kind);
}

describe("footprint request reminders", () => {
  it("reminds the supplier 3 and 1 days before the due date and the requester the day before, each once, in-app and by email", async () => {
    const dueOn = addDays(todayInShanghai(), 20);
    const { customer, supplier, requestId } = await sentRequest(dueOn);
    const both = [customer.organizationId, supplier.organizationId];
    const mailTo = async (userId: string) => (await db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.userId, userId))).length;
    // The request itself mailed the supplier; what follows counts the reminders only.
    const [supplierMailBefore, customerMailBefore] = [await mailTo(supplier.id), await mailTo(customer.id)];

    await remind(addDays(dueOn, -4));
    expect(await remindersTo(both)).toHaveLength(0);

    await remind(addDays(dueOn, -3));
    await remind(addDays(dueOn, -3));
    await remind(addDays(dueOn, -2));
    expect(await remindersTo(both)).toEqual([
      expect.objectContaining({ kind: "reminders.supplyRequestDue", organizationId: supplier.organizationId, params: expect.objectContaining({ dueOn, days: "3" }) }),
    ]);

    await remind(addDays(dueOn, -1));
    await remind(addDays(dueOn, -1));
    await remind(dueOn);
    const notices = await remindersTo(both);
    expect(notices.map((notice) => [notice.kind, notice.organizationId])).toEqual([
      ["reminders.supplyRequestDue", supplier.organizationId],
      ["reminders.supplyRequestDue", supplier.organizationId],
      ["reminders.supplyRequestUnanswered", customer.organizationId],
    ]);
    const unanswered = notices[2];
    expect(unanswered.params).toEqual(expect.objectContaining({ supplier: expect.any(String), dueOn }));
    expect(unanswered.params?.supplier).not.toBe("");

    const keys = await db.select({ kind: sentReminders.kind, occurrence: sentReminders.occurrence }).from(sentReminders).where(eq(sentReminders.subjectId, requestId));
    expect(keys.map((key) => `${key.kind}@${key.occurrence}`).sort()).toEqual(
      [`supplyRequest.due.requester@${dueOn}:1`, `supplyRequest.due.supplier@${dueOn}:1`, `supplyRequest.due.supplier@${dueOn}:3`].sort(),
    );

    // One email per reminder to each side's verified, "immediate" user.
    expect((await mailTo(supplier.id)) - supplierMailBefore).toBe(2);
    expect((await mailTo(customer.id)) - customerMailBefore).toBe(1);
  });

  it("a run missed at 3 days sends the 1-day reminder only, and an accepted request is still reminded", async () => {
    const dueOn = addDays(todayInShanghai(), 21);
    const { customer, supplier, supplierActor, requestId } = await sentRequest(dueOn);
    const accepted = await executeOperation(acceptSupplyRequest, supplierActor, { requestId, expectedVersion: 1 });
    if (!accepted.ok) throw accepted.error;

    await remind(addDays(dueOn, -1));
    const notices = await remindersTo([customer.organizationId, supplier.organizationId]);
    expect(notices.map((notice) => [notice.kind, notice.params?.days])).toEqual([
      ["reminders.supplyRequestDue", "1"],
      ["reminders.supplyRequestUnanswered", "1"],
    ]);
  });

  it("reminds nobody of a declined request, nor of one past its due date", async () => {
    const dueOn = addDays(todayInShanghai(), 22);
    const declined = await sentRequest(dueOn);
    const outcome = await executeOperation(declineSupplyRequest, declined.supplierActor, { requestId: declined.requestId, expectedVersion: 1, reason: "We do not make this grade." });
    if (!outcome.ok) throw outcome.error;
    await remind(addDays(dueOn, -3));
    await remind(addDays(dueOn, -1));
    expect(await remindersTo([declined.customer.organizationId, declined.supplier.organizationId])).toHaveLength(0);

    const late = await sentRequest(addDays(todayInShanghai(), 23));
    await remind(addDays(todayInShanghai(), 24));
    expect(await remindersTo([late.customer.organizationId, late.supplier.organizationId])).toHaveLength(0);
  });

  it("reminds the requester of a request to a PACT partner the day before, naming the partner", async () => {
    const customer = await createUser("enterprise");
    const [partner] = await db
      .insert(pactPartners)
      .values({ id: crypto.randomUUID(), organizationId: customer.organizationId, name: "Cell maker host", baseUrl: "https://pact.cells.example.com", clientId: "c", sealedClientSecret: "x", createdBy: customer.id })
      .returning();
    const dueOn = addDays(todayInShanghai(), 24);
    const outcome = await executeOperation(
      createSupplyRequest,
      await actorFor(customer),
      createSupplyRequestSchema.parse({ supplier: `partner:${partner.id}`, productName: "LFP cells", declaredUnit: "kWh", dueOn }),
    );
    if (!outcome.ok) throw outcome.error;
    await remind(addDays(dueOn, -3));
    expect(await remindersTo([customer.organizationId])).toHaveLength(0);
    await remind(addDays(dueOn, -1));
    await remind(addDays(dueOn, -1));
    expect(await remindersTo([customer.organizationId])).toEqual([
      expect.objectContaining({ kind: "reminders.supplyRequestUnanswered", params: expect.objectContaining({ supplier: "Cell maker host", product: "LFP cells", dueOn }) }),
    ]);
  });

  it("is refused to people", async () => {
    const person = await actorFor(await createUser("enterprise"));
    const outcome = await executeOperation(sendReminders, person, { today: todayInShanghai() });
    expect(outcome.ok).toBe(false);
  });
});

describe("footprint request expiry job", () => {
  const runners: JobRunner[] = [];
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  });

  it("runs at start (the catch-up of its daily schedule) and expires an open request past its due date, audited, both sides told", async () => {
    const { customer, supplier, requestId } = await sentRequest(addDays(todayInShanghai(), 5));
    // Its due date passed yesterday.
    await db.update(supplyRequests).set({ dueOn: addDays(todayInShanghai(), -1) }).where(eq(supplyRequests.id, requestId));
    const runner = inProcessRunner({ tickMs: 20 });
    runners.push(runner);
    await runner.start(JOB_HANDLERS);
    const expiryQueue = async () => (await runner.overview()).queues.find((queue) => queue.queue === "supply-request-expiry");
    const deadline = Date.now() + 20_000;
    while ((await expiryQueue())?.counts.completed !== 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await expiryQueue()).toMatchObject({ counts: { completed: 1, failed: 0 }, cron: "10 0 * * *" });

    const [request] = await db.select().from(supplyRequests).where(eq(supplyRequests.id, requestId));
    expect(request.status).toBe("expired");
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, requestId), eq(auditEvents.action, "supplyRequest.expire"))).orderBy(auditEvents.id);
    expect(audits).toHaveLength(1);
    const told = await db
      .select({ organizationId: notifications.organizationId })
      .from(notifications)
      .where(and(inArray(notifications.organizationId, [customer.organizationId, supplier.organizationId]), eq(notifications.kind, "supply.expired")));
    expect(told.map((row) => row.organizationId).sort()).toEqual([customer.organizationId, supplier.organizationId].sort());
  });
});
