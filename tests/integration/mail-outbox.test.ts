/**
 * Issue 12, email: mail is an outbox row written in the transaction of the change that causes
 * it, and `deliverPendingMail` hands it to a real SMTP server on loopback — once, retried with
 * backoff when the relay refuses, given up (audited) after the last attempt, and kept as
 * "not sent: no relay" without SMTP_URL. The operator reads the outbox, links withheld.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, mailOutbox } from "@/db/schema";
import { getOutboxMessage, listOutbox, OUTBOX_PAGE_SIZE, WITHHELD_SECRET } from "@/lib/dal/mail-outbox";
import { claimPendingMail } from "@/lib/domain/mail/claim-pending-mail";
import { executeOperation } from "@/lib/domain/operation";
import { MAIL_NO_RELAY_ERROR, MAIL_UNKNOWN_ERROR } from "@/lib/enums";
import { ForbiddenError } from "@/lib/errors";
import { deliverPendingMail } from "@/lib/mail/deliver";
import { mailProbe } from "@/lib/mail/health";
import { smtpTransportFromEnv } from "@/lib/mail/transport";
import { sealSecret } from "@/lib/keys/key-encryption";
import { MAIL_MAX_ATTEMPTS } from "@/lib/notifications/mail-schedule";
import { notify } from "@/lib/notifications/notify";
import { mailSecretContext, onMailQueued, queueMail } from "@/lib/notifications/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/notifications/mail-message";
import { systemActor } from "@/lib/policy";
import { createUser } from "../support/factories";
import { startLoopbackSmtp, type LoopbackSmtp } from "../support/smtp-server";

let smtp: LoopbackSmtp;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const relay = () => smtpTransportFromEnv({ SMTP_URL: smtp.url });
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function verifiedUser(overrides: Parameters<typeof createUser>[2] = {}) {
  return createUser("enterprise", undefined, { emailVerifiedAt: new Date(), ...overrides });
}

async function rowsOf(userId: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.userId, userId));
}

/** Drains every message due now (other tests' rows too), so each test starts from an empty queue. */
async function drain(now?: Date) {
  while ((await deliverPendingMail({ transport: null, now })).attempted > 0);
}

describe("the outbox", () => {
  it("is written in the notification's transaction: a rolled-back change leaves no mail", async () => {
    const user = await verifiedUser();
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rowsOf(user.id)).toHaveLength(0);
  });

  it("without a relay keeps the message, marked 'not sent: no relay' — never dropped", async () => {
    await drain();
    const user = await verifiedUser({ locale: "en" });
    await db.transaction((tx) => notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" }));
    const round = await deliverPendingMail({ transport: null });
    expect(round).toMatchObject({ attempted: 1, held: 1, sent: 0 });
    const [row] = await rowsOf(user.id);
    expect(row).toMatchObject({ status: "no_relay", lastError: "not sent: no relay", recipient: user.email, locale: "en" });
    expect(row.textBody).toContain("The platform operator signed you out of all your sessions.");
  });

  it("with a relay sends each message once, to its recipient, in their language, as text and HTML", async () => {
    await drain();
    const before = smtp.received.length;
    const zh = await verifiedUser({ locale: "zh-CN" });
    const en = await verifiedUser({ locale: "en" });
    for (const user of [zh, en]) {
      await db.transaction((tx) => notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" }));
    }
    // Two runners at once: each message is claimed by one of them.
    const rounds = await Promise.all([deliverPendingMail({ transport: relay() }), deliverPendingMail({ transport: relay() })]);
    expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(2);
    expect((await deliverPendingMail({ transport: relay() })).attempted).toBe(0);
    const arrived = (await smtp.waitFor(before + 2)).slice(before);
    expect(arrived).toHaveLength(2);
    const toZh = arrived.find((mail) => mail.to.includes(zh.email))!;
    const toEn = arrived.find((mail) => mail.to.includes(en.email))!;
    expect(toZh.language).toBe("zh-CN");
    expect(toZh.subject).toBe("碳标签平台：您有一条新通知");
    expect(toZh.text).toContain("平台运营方已让您退出全部会话。");
    expect(toEn.language).toBe("en");
    expect(toEn.subject).toBe("CarbonLabel: a new notification");
    expect(toEn.text).toContain("The platform operator signed you out of all your sessions.");
    expect(toEn.html).toContain("The platform operator signed you out of all your sessions.");
    expect((await rowsOf(en.id))[0]).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("retries a refused message with backoff recorded on the row, then sends it", async () => {
    // Earlier files leave retries due within minutes; the round at +2 min must find only ours.
    await drain(later(2));
    const before = smtp.received.length;
    const user = await verifiedUser();
    await db.transaction((tx) => notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" }));
    smtp.refuseNext(1);
    expect(await deliverPendingMail({ transport: relay() })).toMatchObject({ attempted: 1, failed: 1 });
    const [failed] = await rowsOf(user.id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toContain("451");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: nothing is tried.
    expect((await deliverPendingMail({ transport: relay() })).attempted).toBe(0);
    expect(await deliverPendingMail({ transport: relay(), now: later(2) })).toMatchObject({ attempted: 1, sent: 1 });
    await smtp.waitFor(before + 1);
    expect((await rowsOf(user.id))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives a message up after its last attempt and records it in the audit trail", async () => {
    await drain(later(MAIL_MAX_ATTEMPTS * 300));
    const user = await verifiedUser();
    await db.transaction((tx) => notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" }));
    const down = { send: async () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })) };
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      expect((await deliverPendingMail({ transport: down, now: later(attempt * 300) })).failed).toBe(1);
    }
    const [row] = await rowsOf(user.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAIL_MAX_ATTEMPTS });
    expect(row.lastError).toContain("ECONNREFUSED");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "mail.abandon"), eq(auditEvents.entityId, row.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);
    expect((await deliverPendingMail({ transport: down, now: later(100_000) })).attempted).toBe(0);
  });

  it("puts a sealed secret into the link only when sending, and erases it after", async () => {
    await drain();
    const before = smtp.received.length;
    const user = await verifiedUser({ locale: "en" });
    const id = crypto.randomUUID();
    await db.transaction(async (tx) => {
      await queueMail(
        tx,
        { userId: user.id, organizationId: user.organizationId, email: user.email, locale: "en" },
        { kind: "passwordReset", lines: [{ key: "passwordReset.intro" }], linkPath: `/reset-password?token=${SECRET_PLACEHOLDER}` },
        { sealedSecret: sealSecret(Buffer.from("s3cret/token"), mailSecretContext(id)) },
      );
      await tx.update(mailOutbox).set({ id }).where(eq(mailOutbox.userId, user.id));
    });
    const [queued] = await rowsOf(user.id);
    expect(queued.textBody).not.toContain("s3cret");
    await deliverPendingMail({ transport: relay() });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.text).toContain("/reset-password?token=s3cret%2Ftoken");
    const [sent] = await rowsOf(user.id);
    expect(sent.sealedSecret).toBeNull();
  });

  it("wakes this process's sender after the commit that queued mail, not before", async () => {
    const user = await verifiedUser();
    const woken = vi.fn();
    onMailQueued(woken);
    try {
      await executeOperation(
        async (tx) => {
          await notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" });
          expect(woken).not.toHaveBeenCalled();
        },
        null,
        {},
      );
      expect(woken).toHaveBeenCalledTimes(1);
      await executeOperation(async () => undefined, null, {});
      expect(woken).toHaveBeenCalledTimes(1);
    } finally {
      onMailQueued(undefined);
    }
  });

  it("is claimed only by the platform", async () => {
    const admin = await createUser("admin");
    const outcome = await executeOperation(claimPendingMail, { ...admin, region: "310000" } as never, { limit: 1, leaseSeconds: 60 });
    expect(outcome.ok).toBe(false);
    expect((await executeOperation(claimPendingMail, systemActor("test"), { limit: 0, leaseSeconds: 60 })).ok).toBe(true);
  });
});

describe("the health check's mail entry", () => {
  it("is not configured without a relay, and degraded once due mail waits a quarter of an hour", async () => {
    await drain();
    const previous = process.env.SMTP_URL;
    try {
      delete process.env.SMTP_URL;
      expect(await mailProbe()).toMatchObject({ status: "not_configured", pending: 0, queueLagSeconds: 0 });
      process.env.SMTP_URL = smtp.url;
      expect(await mailProbe()).toMatchObject({ status: "ok", pending: 0 });
      const user = await verifiedUser();
      await db.transaction((tx) => notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" }));
      await db.update(mailOutbox).set({ createdAt: later(-20), nextAttemptAt: later(-20) }).where(eq(mailOutbox.userId, user.id));
      const stuck = await mailProbe();
      expect(stuck).toMatchObject({ status: "degraded", pending: 1 });
      expect(stuck.queueLagSeconds).toBeGreaterThanOrEqual(1199);
    } finally {
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
      await drain();
    }
  });
});

describe("the operator's outbox page", () => {
  it("pages through the messages newest first, with counts by state, and withholds links", async () => {
    const admin = await createUser("admin");
    const actor = { ...admin, organizationKind: "operator" as const, organizationName: "Operator", region: "310000", district: null };
    const user = await verifiedUser();
    const id = crypto.randomUUID();
    await db.transaction(async (tx) => {
      for (let index = 0; index < OUTBOX_PAGE_SIZE + 1; index++) {
        await notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "account.sessionsEndedByOperator" });
      }
      await queueMail(
        tx,
        { userId: user.id, organizationId: user.organizationId, email: user.email, locale: "en" },
        { kind: "passwordReset", lines: [{ key: "passwordReset.intro" }], linkPath: `/reset-password?token=${SECRET_PLACEHOLDER}` },
        { sealedSecret: sealSecret(Buffer.from("hidden"), mailSecretContext(id)) },
      );
    });
    const first = await listOutbox(actor, {});
    expect(first.page).toBe(1);
    expect(first.items).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    expect(first.total).toBe(Object.values(first.byStatus).reduce((a, b) => a + b, 0));
    expect((await listOutbox(actor, { page: "2" })).page).toBe(2);
    expect((await listOutbox(actor, { page: "not a number" })).page).toBe(1);
    expect((await listOutbox(actor, { page: "9999" })).page).toBe(first.pageCount);

    const [reset] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.userId, user.id), eq(mailOutbox.kind, "passwordReset")));
    const message = await getOutboxMessage(actor, reset.id);
    expect(message?.textBody).toContain(`/reset-password?token=${WITHHELD_SECRET}`);
    expect(message?.textBody).not.toContain(SECRET_PLACEHOLDER);
    // The operator reads what the message is and its language in words, never the stored codes.
    expect(message).toMatchObject({ kind: "passwordReset", locale: "en", language: "en", error: null });
    const errorOf = async (lastError: string) => {
      await db.update(mailOutbox).set({ lastError }).where(eq(mailOutbox.id, reset.id));
      return (await getOutboxMessage(actor, reset.id))?.error;
    };
    expect(await errorOf(MAIL_NO_RELAY_ERROR)).toEqual({ code: "noRelay" });
    expect(await errorOf(MAIL_UNKNOWN_ERROR)).toEqual({ code: "unknown" });
    expect(await errorOf("550 5.1.1 mailbox unavailable")).toEqual({ code: "relay", reply: "550 5.1.1 mailbox unavailable" });
    await db.update(mailOutbox).set({ kind: "retiredKind", locale: "fr" }).where(eq(mailOutbox.id, reset.id));
    expect(await getOutboxMessage(actor, reset.id)).toMatchObject({ kind: null, language: null });
    expect(await getOutboxMessage(actor, "not-a-uuid")).toBeNull();
    expect(await getOutboxMessage(actor, crypto.randomUUID())).toBeNull();
    await db.delete(mailOutbox).where(inArray(mailOutbox.userId, [user.id]));
  });

  it("is the operator's only", async () => {
    const user = await verifiedUser();
    const actor = { ...user, organizationKind: "enterprise" as const, organizationName: "E", region: "310000", district: null };
    await expect(listOutbox(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOutboxMessage(actor, crypto.randomUUID())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
