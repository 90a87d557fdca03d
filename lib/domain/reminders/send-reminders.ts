import "server-only";
import { and, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { alias } from "drizzle-orm/pg-core";
import { applications, certificates, organizations, pactPartners, products, sentReminders, supplyRequests } from "@/db/schema";
import { addDays, daysUntil, isSurveillanceOverdue, SURVEILLANCE_GRACE_DAYS, todayInShanghai } from "@/lib/certificates/validity";
import { OPEN_SUPPLY_REQUEST_STATUSES, type ApplicationStatus } from "@/lib/enums";
import { notify, type NotificationInput } from "@/lib/notifications/notify";
import { assertCan, type Actor } from "@/lib/policy";
import { DEFAULT_STAGE_TARGET_DAYS } from "@/lib/validation/schemas/body-settings";

type SendRemindersInput = {
  /** Today in Asia/Shanghai (tests pass a date). */
  today?: string;
  /** The moment stage waits are measured to (tests pass one). */
  now?: Date;
};

/** Days before a certificate's expiry at which its holder is reminded. */
const EXPIRY_REMINDER_DAYS = [90, 30, 7] as const;
/** Days before a surveillance falls due at which holder and body are reminded. */
const SURVEILLANCE_DUE_REMINDER_DAYS = 30;

/**
 * Days before a footprint request's due date at which the supplier is reminded to answer (each
 * once). The requester hears only at the last one — "due tomorrow and still unanswered" is when it
 * can still chase the supplier or plan around a missing footprint; earlier notices would be noise.
 */
const SUPPLY_REQUEST_DUE_REMINDER_DAYS = [3, 1] as const;
const REQUESTER_SUPPLY_REMINDER_DAYS = 1;

const requesters = alias(organizations, "requester");
const suppliers = alias(organizations, "supplier");

/** Stages in which an application waits for someone: the body, or (changes requested) the enterprise. */
const WAITING_STAGES = ["submitted", "accepted", "in_review", "awaiting_decision", "changes_requested"] as const satisfies readonly ApplicationStatus[];

const DAY_MS = 24 * 60 * 60 * 1000;

type Reminder = { key: { kind: string; subjectId: string; occurrence: string }; recipients: NotificationInput[] };

/** Rows per insert: three parameters each, well inside PostgreSQL's 65,535. */
const REMINDER_BATCH = 1_000;

const keyOf = ({ kind, subjectId, occurrence }: Reminder["key"]) => `${kind}\u0000${subjectId}\u0000${occurrence}`;

/**
 * Records the reminders and notifies only for those not recorded before (the unique key of
 * `sent_reminders`), so each reminder goes out exactly once, whichever runner sends it. One insert
 * per batch: a daily run over a large register is mostly reminders already sent, and must not
 * cost a round trip each.
 */
async function remindOnce(tx: Tx, reminders: Reminder[]): Promise<number> {
  let sent = 0;
  for (let start = 0; start < reminders.length; start += REMINDER_BATCH) {
    const batch = reminders.slice(start, start + REMINDER_BATCH);
    const recorded = await tx
      .insert(sentReminders)
      .values(batch.map((reminder) => reminder.key))
      .onConflictDoNothing()
      .returning({ kind: sentReminders.kind, subjectId: sentReminders.subjectId, occurrence: sentReminders.occurrence });
    const fresh = new Set(recorded.map(keyOf));
    for (const reminder of batch) {
      if (!fresh.has(keyOf(reminder.key))) continue;
      for (const recipient of reminder.recipients) await notify(tx, recipient);
      sent++;
    }
  }
  return sent;
}

/**
 * The platform's daily reminders: certificates expiring in 90, 30 and 7 days (the holder);
 * surveillance due within 30 days, and overdue past its grace period (holder and body); and
 * applications waiting in one stage longer than their body's target (the body, or the
 * enterprise when the body waits for its answers); open footprint requests 3 and 1 days before
 * their due date (the supplier; the requester the day before). Each goes out once.
 */
export async function sendReminders(tx: Tx, actor: Actor | null, input: SendRemindersInput) {
  assertCan(actor, "reminder.send");
  const today = input.today ?? todayInShanghai();
  const now = input.now ?? new Date();
  const reminders: Reminder[] = [];

  const inForce = await tx
    .select({
      id: certificates.id,
      number: certificates.number,
      organizationId: certificates.organizationId,
      verificationBodyId: certificates.verificationBodyId,
      status: certificates.status,
      expiresOn: certificates.expiresOn,
      nextSurveillanceDue: certificates.nextSurveillanceDue,
    })
    .from(certificates)
    .where(
      and(
        inArray(certificates.status, ["valid", "suspended"]),
        gte(certificates.expiresOn, today),
        sql`(${certificates.expiresOn} <= ${addDays(today, Math.max(...EXPIRY_REMINDER_DAYS))} or ${certificates.nextSurveillanceDue} <= ${addDays(today, SURVEILLANCE_DUE_REMINDER_DAYS)})`,
      ),
    )
    .orderBy(certificates.id);

  for (const certificate of inForce) {
    const daysLeft = daysUntil(certificate.expiresOn, today);
    // The tightest threshold reached: a run missed at 90 days does not send a stale 90-day notice at 25.
    const threshold = [...EXPIRY_REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
    if (threshold !== undefined) {
      const params = { number: certificate.number, days: String(daysLeft), expiresOn: certificate.expiresOn };
      reminders.push({
        key: { kind: "certificate.expiry", subjectId: certificate.id, occurrence: `${certificate.expiresOn}:${threshold}` },
        recipients: [
          { organizationId: certificate.organizationId, kind: "reminders.certificateExpiry", certificateId: certificate.id, params },
        ],
      });
    }
    if (certificate.status !== "valid") continue;
    const due = certificate.nextSurveillanceDue;
    const daysToDue = daysUntil(due, today);
    const overdue = isSurveillanceOverdue(due, today);
    if (!overdue && (daysToDue > SURVEILLANCE_DUE_REMINDER_DAYS || daysToDue < 0)) continue;
    const kind = overdue ? "reminders.surveillanceOverdue" : "reminders.surveillanceDue";
    const params = { number: certificate.number, due, graceDays: String(SURVEILLANCE_GRACE_DAYS) };
    reminders.push({
      key: { kind: overdue ? "surveillance.overdue" : "surveillance.due", subjectId: certificate.id, occurrence: due },
      recipients: [
        { organizationId: certificate.organizationId, kind, certificateId: certificate.id, params },
        { organizationId: certificate.verificationBodyId, kind, certificateId: certificate.id, params },
      ],
    });
  }

  const waiting = await tx
    .select({
      id: applications.id,
      status: applications.status,
      organizationId: applications.organizationId,
      verificationBodyId: applications.verificationBodyId,
      stageEnteredAt: applications.stageEnteredAt,
      productEn: products.nameEn,
      targetDays: sql<number>`coalesce(${organizations.stageTargetDays}, ${DEFAULT_STAGE_TARGET_DAYS})`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.verificationBodyId))
    .innerJoin(products, eq(products.id, applications.productId))
    .where(
      and(
        inArray(applications.status, [...WAITING_STAGES]),
        isNotNull(applications.verificationBodyId),
        lte(applications.stageEnteredAt, sql`${now.toISOString()}::timestamptz - make_interval(days => coalesce(${organizations.stageTargetDays}, ${DEFAULT_STAGE_TARGET_DAYS}))`),
      ),
    )
    .orderBy(applications.id);
  for (const application of waiting) {
    const days = Math.floor((now.getTime() - application.stageEnteredAt.getTime()) / DAY_MS);
    const waitsForEnterprise = application.status === "changes_requested";
    const params = { productEn: application.productEn, days: String(days), target: String(application.targetDays) };
    reminders.push({
      key: { kind: "application.stage", subjectId: application.id, occurrence: `${application.status}:${application.stageEnteredAt.toISOString()}` },
      recipients: [
        {
          organizationId: waitsForEnterprise ? application.organizationId : application.verificationBodyId!,
          kind: waitsForEnterprise ? "reminders.changesAwaited" : `reminders.stageOverdue.${application.status}`,
          applicationId: application.id,
          params,
        },
      ],
    });
  }

  const openRequests = await tx
    .select({
      id: supplyRequests.id,
      dueOn: supplyRequests.dueOn,
      productName: supplyRequests.productName,
      requesterOrganizationId: supplyRequests.requesterOrganizationId,
      supplierOrganizationId: supplyRequests.supplierOrganizationId,
      requesterName: requesters.name,
      supplierName: sql<string>`coalesce(${suppliers.name}, ${pactPartners.name})`,
    })
    .from(supplyRequests)
    .innerJoin(requesters, eq(requesters.id, supplyRequests.requesterOrganizationId))
    .leftJoin(suppliers, eq(suppliers.id, supplyRequests.supplierOrganizationId))
    .leftJoin(pactPartners, eq(pactPartners.id, supplyRequests.partnerId))
    .where(
      and(
        inArray(supplyRequests.status, OPEN_SUPPLY_REQUEST_STATUSES),
        gte(supplyRequests.dueOn, today),
        lte(supplyRequests.dueOn, addDays(today, Math.max(...SUPPLY_REQUEST_DUE_REMINDER_DAYS))),
      ),
    )
    .orderBy(supplyRequests.id);
  for (const request of openRequests) {
    const daysLeft = daysUntil(request.dueOn, today);
    // As for expiry: the tightest threshold reached, so a missed run sends no stale 3-day notice.
    const threshold = [...SUPPLY_REQUEST_DUE_REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
    if (threshold === undefined) continue;
    const params = { product: request.productName, dueOn: request.dueOn, days: String(daysLeft), requester: request.requesterName, supplier: request.supplierName };
    const occurrence = `${request.dueOn}:${threshold}`;
    if (request.supplierOrganizationId) {
      reminders.push({
        key: { kind: "supplyRequest.due.supplier", subjectId: request.id, occurrence },
        recipients: [{ organizationId: request.supplierOrganizationId, kind: "reminders.supplyRequestDue", params }],
      });
    }
    if (threshold === REQUESTER_SUPPLY_REMINDER_DAYS) {
      reminders.push({
        key: { kind: "supplyRequest.due.requester", subjectId: request.id, occurrence },
        recipients: [{ organizationId: request.requesterOrganizationId, kind: "reminders.supplyRequestUnanswered", params }],
      });
    }
  }
  return { sent: await remindOnce(tx, reminders) };
}
