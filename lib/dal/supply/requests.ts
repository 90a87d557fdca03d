import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { applications, certificates, importedFootprints, inventoryLines, organizations, pactPartners, productFootprints, products, supplyRequests, users } from "@/db/schema";
import { unitDimension } from "@/lib/calc/units";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import type { SupplyRequestStatus } from "@/lib/enums";
import { assertCan, can, INVENTORY_EDITABLE_STATUSES } from "@/lib/policy";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { sharedFootprintSchema } from "@/lib/rules/shared-footprint";
import { parseSupplierChoice, type SupplyFilters } from "@/lib/validation/schemas/supply";
import { importedFootprintView } from "./imported-footprint";

const LIST_LIMIT = 200;

type SupplyRequestAction = "accept" | "decline" | "cancel" | "fulfil";

/** An open request past its due date is shown as expired before the platform's round records it. */
function shownStatus(status: SupplyRequestStatus, dueOn: string, today: string): SupplyRequestStatus {
  return (status === "pending" || status === "accepted") && dueOn < today ? "expired" : status;
}

/**
 * The enterprise's supply-chain requests: those it received from customers (its inbox) and those
 * it sent to suppliers (its outbox), filtered by direction, counterpart and state, newest first.
 * Each row carries what the viewer may do with it now. Neither side sees the other's inventory.
 */
export async function getSupplyRequestsPage(user: CurrentUser, filters: SupplyFilters) {
  assertCan(user, "supplyRequest.read");
  const today = todayInShanghai();
  const requester = alias(organizations, "requester");
  const supplier = alias(organizations, "supplier");
  const received = eq(supplyRequests.supplierOrganizationId, user.organizationId);
  const sent = eq(supplyRequests.requesterOrganizationId, user.organizationId);
  const conditions: (SQL | undefined)[] = [filters.direction === "received" ? received : filters.direction === "sent" ? sent : or(received, sent)];
  if (filters.status) conditions.push(eq(supplyRequests.status, filters.status));
  const counterparty = filters.counterparty ? parseSupplierChoice(filters.counterparty) : null;
  if (counterparty) {
    const { kind, id } = counterparty;
    conditions.push(
      kind === "partner"
        ? eq(supplyRequests.partnerId, id)
        : or(and(sent, eq(supplyRequests.supplierOrganizationId, id)), and(received, eq(supplyRequests.requesterOrganizationId, id))),
    );
  }
  const rows = await db
    .select({
      request: supplyRequests,
      requesterName: requester.name,
      requesterNameEn: requester.nameEn,
      supplierName: supplier.name,
      supplierNameEn: supplier.nameEn,
      partnerName: pactPartners.name,
      createdByName: users.name,
      received: importedFootprints,
    })
    .from(supplyRequests)
    .innerJoin(requester, eq(requester.id, supplyRequests.requesterOrganizationId))
    .leftJoin(supplier, eq(supplier.id, supplyRequests.supplierOrganizationId))
    .leftJoin(pactPartners, eq(pactPartners.id, supplyRequests.partnerId))
    .innerJoin(users, eq(users.id, supplyRequests.createdBy))
    .leftJoin(importedFootprints, eq(importedFootprints.id, supplyRequests.importedFootprintId))
    .where(and(...conditions))
    .orderBy(desc(supplyRequests.createdAt), desc(supplyRequests.id))
    .limit(LIST_LIMIT);

  const requests = rows.map(({ request, requesterName, requesterNameEn, supplierName, supplierNameEn, partnerName, createdByName, received }) => {
    const direction = request.requesterOrganizationId === user.organizationId ? ("sent" as const) : ("received" as const);
    const status = shownStatus(request.status, request.dueOn, today);
    const open = status === "pending" || status === "accepted";
    const actions: SupplyRequestAction[] = [];
    if (direction === "received" && can(user, "supplyRequest.answer")) {
      if (status === "pending") actions.push("accept");
      if (open) actions.push("fulfil", "decline");
    }
    if (direction === "sent" && can(user, "supplyRequest.send") && (request.status === "pending" || request.status === "accepted")) actions.push("cancel");
    return {
      id: request.id,
      version: request.version,
      direction,
      counterpartName: direction === "sent" ? (supplierName ?? partnerName ?? "") : requesterName,
      /** The organization's English name where it has one (a partner has one name). */
      counterpartNameEn: direction === "sent" ? supplierNameEn : requesterNameEn,
      viaPartner: request.partnerId !== null,
      productName: request.productName,
      productModel: request.productModel,
      partNumber: request.partNumber,
      declaredUnit: request.declaredUnit,
      quantityContext: request.quantityContext,
      dueOn: request.dueOn,
      message: request.message,
      status,
      declineReason: request.declineReason,
      // Stored JSON is read through its schema; a row it does not describe shows no footprint.
      shared: request.sharedFootprint ? (sharedFootprintSchema.safeParse(request.sharedFootprint).data ?? null) : null,
      // A partner's answer over PACT: the footprint it sent, kept as the requester's import (only the requester sees requests to partners).
      partnerFootprint: received
        ? {
            companyName: received.companyName,
            productName: received.productName,
            value: received.value,
            declaredUnit: received.declaredUnit,
            credentialVerdict: received.credentialVerdict,
            ...importedFootprintView(received)!,
          }
        : null,
      createdAt: request.createdAt,
      createdByName: direction === "sent" ? createdByName : null,
      actions,
    };
  });

  const answerable = requests.some((request) => request.actions.includes("fulfil"));
  const imports = await importedFootprintsOf(user);
  const usable = imports.length > 0 || requests.some((request) => request.direction === "sent" && (request.shared || request.partnerFootprint));
  const lines = usable && can(user, "inventory.edit") ? await editableLinesOf(user) : [];
  // Only lines whose quantity is of the footprint's kind: a footprint per kWh cannot price a kg.
  const linesFor = (unit: string | null) => {
    const dimension = unit ? unitDimension(unit) : null;
    return dimension ? lines.filter((line) => unitDimension(line.unit) === dimension) : [];
  };
  const unitOf = (request: (typeof requests)[number]) => (request.direction === "sent" ? (request.shared?.declaredUnit ?? request.partnerFootprint?.declaredUnit ?? null) : null);
  const withLines = requests.map((request) => ({ ...request, candidateLines: linesFor(unitOf(request)) }));
  return {
    requests: withLines,
    imports: imports.map((entry) => ({ ...entry, candidateLines: linesFor(entry.declaredUnit) })),
    mayImport: can(user, "supplierFootprint.import"),
    // Where a footprint may be fetched from: the enterprise's own active partners' hosts.
    importPartners: can(user, "supplierFootprint.import") ? await activePartnersOf(user) : [],
    filters,
    limit: LIST_LIMIT,
    counterparties: await counterpartiesOf(user),
    mayCreate: can(user, "supplyRequest.send"),
    footprints: answerable ? await activeFootprintsOf(user, today) : [],
  };
}

export type SupplyRequestsPage = Awaited<ReturnType<typeof getSupplyRequestsPage>>;
export type SupplyRequestRow = SupplyRequestsPage["requests"][number];
export type ImportedFootprintRow = SupplyRequestsPage["imports"][number];

/** The PACT footprints the enterprise imported itself (no other organization's), newest first. */
async function importedFootprintsOf(user: CurrentUser) {
  const rows = await db
    .select()
    .from(importedFootprints)
    .where(eq(importedFootprints.organizationId, user.organizationId))
    .orderBy(desc(importedFootprints.createdAt), desc(importedFootprints.id))
    .limit(LIST_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    companyName: row.companyName,
    productName: row.productName,
    value: row.value,
    declaredUnit: row.declaredUnit,
    fileName: row.fileName,
    credentialVerdict: row.credentialVerdict,
    createdAt: row.createdAt,
    ...importedFootprintView(row)!,
  }));
}

async function activePartnersOf(user: CurrentUser) {
  return db
    .select({ id: pactPartners.id, name: pactPartners.name, baseUrl: pactPartners.baseUrl })
    .from(pactPartners)
    .where(and(eq(pactPartners.organizationId, user.organizationId), isNull(pactPartners.removedAt)))
    .orderBy(asc(pactPartners.name));
}

/** Whom the enterprise may ask, and whom the filters name: other enterprises of the platform, and its own active partners. */
async function counterpartiesOf(user: CurrentUser) {
  const enterprises = await db
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(and(eq(organizations.kind, "enterprise"), ne(organizations.id, user.organizationId)))
    .orderBy(asc(organizations.name));
  const partners = await db
    .select({ id: pactPartners.id, name: pactPartners.name })
    .from(pactPartners)
    .where(and(eq(pactPartners.organizationId, user.organizationId), isNull(pactPartners.removedAt)))
    .orderBy(asc(pactPartners.name));
  return [
    ...enterprises.map((row) => ({ value: `organization:${row.id}`, name: row.name, nameEn: row.nameEn, kind: "organization" as const })),
    // A partner's name is the one its registering enterprise typed: there is no other language of it.
    ...partners.map((row) => ({ value: `partner:${row.id}`, name: row.name, nameEn: null, kind: "partner" as const })),
  ];
}

/** The enterprise's footprints it may answer with: not deprecated, certificate valid and unexpired. */
async function activeFootprintsOf(user: CurrentUser, today: string) {
  const rows = await db
    .select({
      id: productFootprints.id,
      certificateNumber: certificates.number,
      productName: certificates.productName,
      productNameEn: certificates.productNameEn,
      value: certificates.value,
      status: certificates.status,
      expiresOn: certificates.expiresOn,
      deprecatedAt: productFootprints.deprecatedAt,
      snapshot: certificates.snapshot,
    })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .where(and(eq(productFootprints.organizationId, user.organizationId), isNull(productFootprints.deprecatedAt), eq(certificates.status, "valid")))
    .orderBy(asc(certificates.productName), desc(productFootprints.createdAt));
  return rows
    .filter((row) => row.expiresOn >= today)
    .map((row) => {
      const product = (row.snapshot as CertificateSnapshot).inventory.product;
      return {
        id: row.id,
        certificateNumber: row.certificateNumber,
        productName: row.productName,
        productNameEn: row.productNameEn,
        value: row.value,
        declaredUnit: `${product.declaredUnitAmount} ${product.declaredUnit}`,
      };
    });
}

/** The lines of the enterprise's applications whose inventory it may still edit, to price with a shared footprint. */
async function editableLinesOf(user: CurrentUser) {
  return db
    .select({
      id: inventoryLines.id,
      applicationId: applications.id,
      description: inventoryLines.description,
      unit: inventoryLines.unit,
      productName: products.nameZh,
      productNameEn: products.nameEn,
      supplyRequestId: inventoryLines.supplyRequestId,
      importedFootprintId: inventoryLines.importedFootprintId,
    })
    .from(inventoryLines)
    .innerJoin(applications, eq(applications.id, inventoryLines.applicationId))
    .innerJoin(products, eq(products.id, applications.productId))
    .where(and(eq(applications.organizationId, user.organizationId), inArray(applications.status, INVENTORY_EDITABLE_STATUSES)))
    .orderBy(asc(products.nameZh), asc(inventoryLines.stage), asc(inventoryLines.position))
    .limit(500);
}
