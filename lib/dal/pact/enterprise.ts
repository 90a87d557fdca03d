import "server-only";
import crypto from "node:crypto";
import { and, asc, count, desc, eq, isNull, max, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { certificateCredentials, certificates, footprintRequests, pactEventDeliveries, pactPartners, productFootprints, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import type { FootprintDeprecationReason, FootprintRequestOutcome, PactDeliveryStatus } from "@/lib/enums";
import { buildProductFootprint, type FootprintGap, type FootprintStatus, type ProductFootprint } from "@/lib/pact/footprint";
import { FILTER_CRITERIA, type FilterCriterion } from "@/lib/pact/filters";
import type { PactUnit } from "@/lib/pact/units";
import { PACT_PATHS } from "@/lib/pact/vocabulary";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import type { InboxView } from "@/lib/validation/schemas/pact";
import { assertCan } from "@/lib/policy";

type PublishedFootprintRow = {
  id: string;
  certificateNumber: string;
  productName: string;
  productNameEn: string;
  status: FootprintStatus;
  deprecationReason: FootprintDeprecationReason | null;
  createdAt: Date;
  validityPeriodStart: string;
  validityPeriodEnd: string;
  pcfExcludingBiogenicUptake: string;
  declaredUnit: { amount: string; unit: PactUnit };
  precedingCount: number;
};

type UnpublishedCertificate = { certificateNumber: string; productName: string; productNameEn: string; gap: FootprintGap | "unsigned" | "pending" };

/**
 * The enterprise's PACT page: its certificates as published footprints (newest first, each with
 * the status it is served with), the certificates PACT cannot describe and why, and the addresses
 * a customer's system calls.
 */
export async function getPactFootprintsPage(user: CurrentUser) {
  assertCan(user, "footprint.read");
  const today = todayInShanghai();
  const rows = await db
    .select({
      id: productFootprints.id,
      document: productFootprints.document,
      createdAt: productFootprints.createdAt,
      deprecatedAt: productFootprints.deprecatedAt,
      deprecationReason: productFootprints.deprecationReason,
      certificateNumber: certificates.number,
      certificateStatus: certificates.status,
      expiresOn: certificates.expiresOn,
      productName: certificates.productName,
      productNameEn: certificates.productNameEn,
    })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .where(eq(productFootprints.organizationId, user.organizationId))
    .orderBy(desc(productFootprints.createdAt), desc(productFootprints.id));
  const footprints: PublishedFootprintRow[] = rows.map((row) => {
    const document = row.document as ProductFootprint;
    const deprecated = row.deprecatedAt !== null || row.certificateStatus !== "valid" || row.expiresOn < today;
    return {
      id: row.id,
      certificateNumber: row.certificateNumber,
      productName: row.productName,
      productNameEn: row.productNameEn,
      status: deprecated ? "Deprecated" : "Active",
      deprecationReason: row.deprecationReason ?? (row.expiresOn < today ? "expired" : null),
      createdAt: row.createdAt,
      validityPeriodStart: document.validityPeriodStart,
      validityPeriodEnd: document.validityPeriodEnd,
      pcfExcludingBiogenicUptake: document.pcf.pcfExcludingBiogenicUptake,
      declaredUnit: { amount: document.pcf.declaredUnitAmount, unit: document.pcf.declaredUnitOfMeasurement },
      precedingCount: document.precedingPfIds?.length ?? 0,
    };
  });

  const unpublishedRows = await db
    .select({ certificate: certificates, jws: certificateCredentials.jws })
    .from(certificates)
    .leftJoin(certificateCredentials, eq(certificateCredentials.certificateId, certificates.id))
    .leftJoin(productFootprints, eq(productFootprints.certificateId, certificates.id))
    .where(and(eq(certificates.organizationId, user.organizationId), isNull(productFootprints.id)))
    .orderBy(desc(certificates.issuedOn), desc(certificates.number));
  const baseUrl = platformBaseUrl();
  const unpublished: UnpublishedCertificate[] = unpublishedRows.map(({ certificate, jws }) => {
    const names = { certificateNumber: certificate.number, productName: certificate.productName, productNameEn: certificate.productNameEn };
    if (!jws) return { ...names, gap: "unsigned" };
    // The same build the publication ran: it names what PACT asks for that the certificate lacks.
    const built = buildProductFootprint({
      id: crypto.randomUUID(),
      precedingPfIds: [],
      certificate: { ...certificate, snapshot: certificate.snapshot as CertificateSnapshot },
      credentialJws: jws,
      createdAt: new Date(),
      baseUrl,
    });
    // One PACT can describe but not yet published waits for the start-up backfill.
    return { ...names, gap: built.ok ? "pending" : built.gap };
  });

  return {
    footprints,
    unpublished,
    endpoints: {
      footprints: `${baseUrl}${PACT_PATHS.footprints}`,
      events: `${baseUrl}${PACT_PATHS.events}`,
      token: `${baseUrl}/auth/token`,
      discovery: `${baseUrl}/.well-known/openid-configuration`,
    },
  };
}

export type PactFootprintsPage = Awaited<ReturnType<typeof getPactFootprintsPage>>;

/** The enterprise's partners (never their secrets), with how their replies are faring. */
export async function getPartnersPage(user: CurrentUser) {
  assertCan(user, "pactPartner.manage");
  const partners = await db
    .select({
      id: pactPartners.id,
      name: pactPartners.name,
      baseUrl: pactPartners.baseUrl,
      clientId: pactPartners.clientId,
      createdAt: pactPartners.createdAt,
      updatedAt: pactPartners.updatedAt,
      createdByName: users.name,
    })
    .from(pactPartners)
    .innerJoin(users, eq(users.id, pactPartners.createdBy))
    .where(and(eq(pactPartners.organizationId, user.organizationId), isNull(pactPartners.removedAt)))
    .orderBy(asc(pactPartners.name), asc(pactPartners.createdAt));
  const deliveries = await db
    .select({
      partnerId: pactEventDeliveries.partnerId,
      pending: count(sql`case when ${pactEventDeliveries.status} = 'pending' then 1 end`),
      lastDeliveredAt: max(pactEventDeliveries.deliveredAt),
    })
    .from(pactEventDeliveries)
    .where(eq(pactEventDeliveries.organizationId, user.organizationId))
    .groupBy(pactEventDeliveries.partnerId);
  const byPartner = new Map(deliveries.map((row) => [row.partnerId, row]));
  return {
    partners: partners.map((partner) => ({
      ...partner,
      pendingReplies: byPartner.get(partner.id)?.pending ?? 0,
      lastDeliveredAt: byPartner.get(partner.id)?.lastDeliveredAt ?? null,
    })),
  };
}

export type PartnersPage = Awaited<ReturnType<typeof getPartnersPage>>;

/** How many requests the inbox lists at once (newest first). */
const INBOX_PAGE_SIZE = 100;

export type InboxRequest = {
  id: string;
  receivedAt: Date;
  partnerName: string;
  source: string;
  eventId: string;
  criteria: { criterion: FilterCriterion; values: string[] }[];
  comment: string | null;
  outcome: FootprintRequestOutcome;
  matchedFootprints: number;
  /** Each request is answered by one reply event, queued with it. */
  reply: { status: PactDeliveryStatus; attempts: number; lastError: string | null; deliveredAt: Date | null; lastAttemptAt: Date | null };
};

function criteriaOf(data: Record<string, unknown>): InboxRequest["criteria"] {
  return FILTER_CRITERIA.flatMap((criterion) => {
    const value = data[criterion];
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((entry): entry is string => typeof entry === "string");
    return values.length > 0 ? [{ criterion, values }] : [];
  });
}

/**
 * The enterprise's inbox of incoming PACT footprint requests. "unfulfilled" lists what needs a
 * person: requests no certified footprint matched, and replies that could not be delivered.
 */
export async function getInboxPage(user: CurrentUser, view: InboxView) {
  assertCan(user, "footprintRequest.read");
  const needsAttention = or(eq(footprintRequests.outcome, "rejected"), eq(pactEventDeliveries.status, "abandoned"));
  const rows = await db
    .select({
      id: footprintRequests.id,
      receivedAt: footprintRequests.receivedAt,
      partnerName: pactPartners.name,
      source: footprintRequests.source,
      eventId: footprintRequests.eventId,
      criteria: footprintRequests.criteria,
      outcome: footprintRequests.outcome,
      matched: footprintRequests.matchedFootprintIds,
      replyStatus: pactEventDeliveries.status,
      attempts: pactEventDeliveries.attempts,
      lastError: pactEventDeliveries.lastError,
      deliveredAt: pactEventDeliveries.deliveredAt,
      lastAttemptAt: pactEventDeliveries.lastAttemptAt,
    })
    .from(footprintRequests)
    .innerJoin(pactPartners, eq(pactPartners.id, footprintRequests.partnerId))
    .innerJoin(pactEventDeliveries, eq(pactEventDeliveries.requestId, footprintRequests.id))
    .where(and(eq(footprintRequests.organizationId, user.organizationId), view === "unfulfilled" ? needsAttention : undefined))
    .orderBy(desc(footprintRequests.receivedAt), desc(footprintRequests.id))
    .limit(INBOX_PAGE_SIZE);
  const requests: InboxRequest[] = rows.map((row) => {
    const data = row.criteria as Record<string, unknown>;
    return {
      id: row.id,
      receivedAt: row.receivedAt,
      partnerName: row.partnerName,
      source: row.source,
      eventId: row.eventId,
      criteria: criteriaOf(data),
      comment: typeof data.comment === "string" && data.comment.trim() !== "" ? data.comment : null,
      outcome: row.outcome,
      matchedFootprints: row.matched.length,
      reply: { status: row.replyStatus, attempts: row.attempts, lastError: row.lastError, deliveredAt: row.deliveredAt, lastAttemptAt: row.lastAttemptAt },
    };
  });
  return { view, requests, limit: INBOX_PAGE_SIZE };
}

export type InboxPage = Awaited<ReturnType<typeof getInboxPage>>;
