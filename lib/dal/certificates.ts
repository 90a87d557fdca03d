import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { alias } from "drizzle-orm/pg-core";
import { applications, certificates, inventoryLines, supplierFootprintFlags, supplyRequests, type Certificate } from "@/db/schema";
import type { SupplierCertificateChange } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addDays, daysUntil, effectiveStatus, isSurveillanceOverdue, SURVEILLANCE_GRACE_DAYS, todayInShanghai } from "@/lib/certificates/validity";
import { isCertificateNumberFormat, normalizeCertificateNumber } from "@/lib/certificates/number";
import { snapshotText } from "@/lib/dal/certificate-snapshot-fields";
import { assertCan, isBodyStaff, mayReachCertificate, permittedOnCertificate, type CertificatePermission } from "@/lib/policy";

const LIST_COLUMNS = {
  id: certificates.id,
  number: certificates.number,
  productNameZh: certificates.productName,
  productNameEn: certificates.productNameEn,
  enterpriseName: certificates.enterpriseName,
  value: certificates.value,
  grade: certificates.grade,
  status: certificates.status,
  statusReason: certificates.statusReason,
  version: certificates.version,
  issuedOn: certificates.issuedOn,
  expiresOn: certificates.expiresOn,
  nextSurveillanceDue: certificates.nextSurveillanceDue,
  declaredUnit: snapshotText("inventory", "product", "declaredUnit"),
  declaredUnitAmount: snapshotText("inventory", "product", "declaredUnitAmount"),
  applicationId: certificates.applicationId,
  // What the policy reads to say what the viewer may do with the certificate.
  organizationId: certificates.organizationId,
  verificationBodyId: certificates.verificationBodyId,
  region: certificates.region,
};

const selectList = () => db.select(LIST_COLUMNS).from(certificates);
type ListRow = Awaited<ReturnType<typeof selectList>>[number];

/**
 * A row as the lists show it: live status, days to expiry, overdue surveillance of a certificate
 * still in force, and what the viewer may do with it now (the controls the list offers).
 */
function withLiveState(user: CurrentUser, row: ListRow, today: string) {
  const status = effectiveStatus(row.status, row.expiresOn, today);
  const permitted: CertificatePermission[] = [...permittedOnCertificate(user, { ...row, status })];
  return {
    ...row,
    status,
    daysUntilExpiry: daysUntil(row.expiresOn, today),
    surveillanceOverdue: (status === "valid" || status === "suspended") && isSurveillanceOverdue(row.nextSurveillanceDue, today),
    permitted,
  };
}

const supplierCertificates = alias(certificates, "supplier_certificate");

/** A supplier certificate a customer's certified footprint rests on that is no longer valid as it was used. */
export type SupplierDependency = { number: string; change: SupplierCertificateChange };

/**
 * Per customer application: the supplier certificates its lines were priced with (through a
 * fulfilled footprint request) that are now suspended, withdrawn or expired (their live status, so
 * a reinstated supplier drops off the list and an expiry shows before the flag job has run), or
 * that the flag job recorded as superseded by a newer version. Callers have scoped the
 * applications to the reader; the supplier certificate's number and status are public (its label page).
 */
async function supplierDependenciesOf(applicationIds: readonly string[], today: string): Promise<Map<string, SupplierDependency[]>> {
  const byApplication = new Map<string, SupplierDependency[]>();
  if (applicationIds.length === 0) return byApplication;
  const rows = await db
    .selectDistinct({
      applicationId: inventoryLines.applicationId,
      number: supplierCertificates.number,
      status: supplierCertificates.status,
      expiresOn: supplierCertificates.expiresOn,
      superseded: sql<boolean>`exists (select 1 from ${supplierFootprintFlags} where ${supplierFootprintFlags.applicationId} = ${inventoryLines.applicationId} and ${supplierFootprintFlags.certificateId} = ${supplierCertificates.id} and ${supplierFootprintFlags.change} = 'superseded')`,
    })
    .from(inventoryLines)
    .innerJoin(supplyRequests, eq(supplyRequests.id, inventoryLines.supplyRequestId))
    .innerJoin(supplierCertificates, eq(supplierCertificates.id, supplyRequests.fulfilledCertificateId))
    .where(inArray(inventoryLines.applicationId, [...applicationIds]))
    .orderBy(inventoryLines.applicationId, supplierCertificates.number);
  for (const row of rows) {
    const status = effectiveStatus(row.status, row.expiresOn, today);
    const change: SupplierCertificateChange | null =
      status === "suspended" || status === "withdrawn" || status === "expired" ? status : row.superseded ? "superseded" : null;
    if (change) (byApplication.get(row.applicationId) ?? byApplication.set(row.applicationId, []).get(row.applicationId)!).push({ number: row.number, change });
  }
  return byApplication;
}

/** The enterprise's own certificates, newest first, with whether a renewal was already opened. */
export async function listOwnCertificates(user: CurrentUser) {
  assertCan(user, "certificate.recertify");
  const today = todayInShanghai();
  const [rows, renewals] = await Promise.all([
    selectList().where(eq(certificates.organizationId, user.organizationId)).orderBy(desc(certificates.issuedOn)),
    db
      .select({ previousCertificateId: applications.previousCertificateId })
      .from(applications)
      .where(and(eq(applications.organizationId, user.organizationId), isNotNull(applications.previousCertificateId))),
  ]);
  const renewed = new Set(renewals.map((renewal) => renewal.previousCertificateId));
  const dependencies = await supplierDependenciesOf(rows.map((row) => row.applicationId), today);
  return rows.map((row) => ({ ...withLiveState(user, row, today), renewalOpened: renewed.has(row.id), supplierDependencies: dependencies.get(row.applicationId) ?? [] }));
}

export type OwnCertificateRow = Awaited<ReturnType<typeof listOwnCertificates>>[number];

const MANAGED_PAGE_SIZE = 25;

export type ManagedFilter = "all" | "overdue" | "suspended";

/** Stored columns of "in force with surveillance more than the grace period late" on `today`. */
function overdueCondition(today: string): SQL | undefined {
  const graceStart = addDays(today, -SURVEILLANCE_GRACE_DAYS);
  return and(
    inArray(certificates.status, ["valid", "suspended"]),
    gte(certificates.expiresOn, today),
    lt(certificates.nextSurveillanceDue, graceStart),
  );
}

/**
 * Certificates a body or regulator manages: the body's own, or every one of the regulator's
 * region. Paged; "overdue" lists the surveillance-overdue ones, oldest due first.
 */
export async function listManagedCertificates(user: CurrentUser, filter: ManagedFilter, page: number) {
  assertCan(user, "certificate.suspend");
  const today = todayInShanghai();
  const scope = isBodyStaff(user) ? eq(certificates.verificationBodyId, user.organizationId) : eq(certificates.region, user.region);
  const where = and(
    scope,
    filter === "overdue" ? overdueCondition(today) : undefined,
    filter === "suspended" ? and(eq(certificates.status, "suspended"), gte(certificates.expiresOn, today)) : undefined,
  );
  const [rows, [total], [overdue]] = await Promise.all([
    selectList()
      .where(where)
      .orderBy(...(filter === "overdue" ? [asc(certificates.nextSurveillanceDue)] : [desc(certificates.issuedOn)]), asc(certificates.number))
      .limit(MANAGED_PAGE_SIZE)
      .offset((page - 1) * MANAGED_PAGE_SIZE),
    db.select({ value: count() }).from(certificates).where(where),
    db.select({ value: count() }).from(certificates).where(and(scope, overdueCondition(today))),
  ]);
  const dependencies = await supplierDependenciesOf(rows.map((row) => row.applicationId), today);
  return {
    rows: rows.map((row) => ({ ...withLiveState(user, row, today), supplierDependencies: dependencies.get(row.applicationId) ?? [] })),
    total: total.value,
    overdueCount: overdue.value,
    pages: Math.max(1, Math.ceil(total.value / MANAGED_PAGE_SIZE)),
  };
}

export type ManagedCertificateList = Awaited<ReturnType<typeof listManagedCertificates>>;

/**
 * The certificate behind a PDF download, if the user may have it (owner, body, region's
 * regulator); null both when it does not exist and when it is not theirs.
 */
export async function findDownloadableCertificate(
  user: CurrentUser,
  rawNumber: string,
): Promise<(Pick<Certificate, "number" | "snapshot" | "snapshotSha256"> & { credentialSha256: string | null }) | null> {
  assertCan(user, "certificate.download");
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const [row] = await db
    .select({
      number: certificates.number,
      snapshot: certificates.snapshot,
      snapshotSha256: certificates.snapshotSha256,
      credentialSha256: sql<string | null>`(select encode(sha256(convert_to(cc.jws, 'UTF8')), 'hex') from certificate_credentials cc where cc.certificate_id = ${sql.raw(`"certificates"."id"`)})`,
      organizationId: certificates.organizationId,
      verificationBodyId: certificates.verificationBodyId,
      region: certificates.region,
    })
    .from(certificates)
    .where(eq(certificates.number, number));
  return row && mayReachCertificate(user, "certificate.download", row) ? row : null;
}

/** What a public label image is drawn from: labels are printed on products, so anyone may fetch one. */
export async function findLabelSource(rawNumber: string) {
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const [row] = await db
    .select({ number: certificates.number, snapshot: certificates.snapshot, snapshotSha256: certificates.snapshotSha256 })
    .from(certificates)
    .where(eq(certificates.number, number));
  return row ?? null;
}

/**
 * The certificate an approved application was issued, for the pages of both sides of the decision
 * (the holder's application page, the body's verification page). Callers have already scoped the
 * application to the reader; null before approval.
 */
export async function certificateOfApplication(applicationId: string) {
  const [row] = await db
    .select({ number: certificates.number, status: certificates.status, expiresOn: certificates.expiresOn, grade: certificates.grade })
    .from(certificates)
    .where(eq(certificates.applicationId, applicationId));
  if (!row) return null;
  const today = todayInShanghai();
  const dependencies = await supplierDependenciesOf([applicationId], today);
  return { number: row.number, grade: row.grade, status: effectiveStatus(row.status, row.expiresOn, today), supplierDependencies: dependencies.get(applicationId) ?? [] };
}

export type IssuedCertificate = NonNullable<Awaited<ReturnType<typeof certificateOfApplication>>>;
