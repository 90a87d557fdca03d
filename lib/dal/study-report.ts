import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import {
  applications,
  calculations,
  certificates,
  certificateStudyReports,
  emissionFactors,
  organizations,
  productCategories,
  submissions,
  type Application,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isCertificateNumberFormat, normalizeCertificateNumber } from "@/lib/certificates/number";
import type { StudyReportBasis, StudyReportData, StudyReportFactor } from "@/lib/certificates/study-report-data";
import { todayInShanghai } from "@/lib/certificates/validity";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { loadInventorySnapshot } from "@/lib/dal/inventory-snapshot";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertCan, assertDecision, decideOnApplication, isInventoryEditable, mayReachCertificate } from "@/lib/policy";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import type { InventorySnapshot } from "@/lib/rules/inventory-snapshot";
import { buildStudyReportData, certificateStudyReportData } from "@/lib/rules/study-report";
import { z } from "@/lib/validation/zod";

const uuid = z.uuid();

/** The report frozen with a certificate (its bytes), or the data to render one now. */
type StudyReportDownload =
  | { kind: "stored"; pdf: Uint8Array; sha256: string; fileName: string }
  | { kind: "render"; data: StudyReportData; fileName: string };

/** Citation details of database factors (database, region, year, version), by id; rows are never edited. */
export async function loadFactorCitations(executor: DbOrTx, factorIds: readonly string[]): Promise<StudyReportFactor[]> {
  if (factorIds.length === 0) return [];
  return executor
    .select({
      id: emissionFactors.id,
      factorKey: emissionFactors.factorKey,
      version: emissionFactors.version,
      nameZh: emissionFactors.nameZh,
      nameEn: emissionFactors.nameEn,
      value: emissionFactors.value,
      unit: emissionFactors.unit,
      source: emissionFactors.source,
      region: emissionFactors.region,
      year: emissionFactors.year,
      gwpBasis: emissionFactors.gwpBasis,
    })
    .from(emissionFactors)
    .where(inArray(emissionFactors.id, [...new Set(factorIds)]))
    .orderBy(asc(emissionFactors.factorKey), asc(emissionFactors.version));
}

/** The database factors an inventory snapshot's lines use. */
export function snapshotFactorIds(inventory: InventorySnapshot): string[] {
  return inventory.lines.flatMap((line) => (line.factor ? [line.factor.id] : []));
}

function reportFileName(name: string): string {
  return `${name}-study-report.pdf`;
}

/** A certificate's frozen report, or (issued before reports were frozen) the data to rebuild it from its snapshot. */
async function certificateReport(certificate: { id: string; number: string; snapshot: unknown }): Promise<StudyReportDownload> {
  const [stored] = await db.select().from(certificateStudyReports).where(eq(certificateStudyReports.certificateId, certificate.id));
  const fileName = reportFileName(certificate.number);
  if (stored) return { kind: "stored", pdf: stored.pdf, sha256: stored.sha256, fileName };
  const snapshot = certificate.snapshot as CertificateSnapshot;
  const factors = await loadFactorCitations(db, snapshotFactorIds(snapshot.inventory));
  return { kind: "render", data: certificateStudyReportData(snapshot, factors, publicLabelUrl(platformBaseUrl(), certificate.number)), fileName };
}

/** The footprint a document of an application describes, and what it rests on. */
export type FootprintSource = {
  inventory: InventorySnapshot;
  basis: StudyReportBasis;
  /** Set once certified: the certificate whose snapshot froze the inventory. */
  certificate: { id: string; number: string; snapshot: CertificateSnapshot } | null;
};

/**
 * What an application's documents rest on: the certificate's snapshot once certified; else the
 * owner's calculation of the inventory as it is now (while it may still edit); else the latest
 * submission. Refused (conflict) when there is no calculated footprint of that inventory.
 */
export async function footprintSource(user: CurrentUser, application: Application): Promise<FootprintSource> {
  if (application.status === "certified") {
    const [certificate] = await db
      .select({ id: certificates.id, number: certificates.number, snapshot: certificates.snapshot })
      .from(certificates)
      .where(eq(certificates.applicationId, application.id));
    if (certificate) {
      const snapshot = certificate.snapshot as CertificateSnapshot;
      return { inventory: snapshot.inventory, basis: { kind: "certificate", number: certificate.number }, certificate: { ...certificate, snapshot } };
    }
  }
  const ownerEditing = user.organizationId === application.organizationId && isInventoryEditable(application.status);
  if (ownerEditing) {
    const [calculation] = application.latestCalculationId
      ? await db
          .select({ inventoryRevision: calculations.inventoryRevision, createdAt: calculations.createdAt })
          .from(calculations)
          .where(eq(calculations.id, application.latestCalculationId))
      : [];
    // Only a calculation of the inventory as it is now describes it.
    if (!calculation || calculation.inventoryRevision !== application.inventoryRevision) {
      throw new ConflictError("reports.errors.notCalculated");
    }
    const inventory = await loadInventorySnapshot(db, application.id);
    return { inventory, basis: { kind: "calculation", calculatedOn: todayInShanghai(calculation.createdAt) }, certificate: null };
  }
  const [submission] = await db
    .select({ round: submissions.round, snapshot: submissions.snapshot, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(eq(submissions.applicationId, application.id))
    .orderBy(desc(submissions.round))
    .limit(1);
  if (!submission) throw new ConflictError("reports.errors.notCalculated");
  return {
    inventory: submission.snapshot as InventorySnapshot,
    basis: { kind: "submission", round: submission.round, submittedOn: todayInShanghai(submission.submittedAt) },
    certificate: null,
  };
}

/** The application behind a document download, if the user may have the document; refuses otherwise. */
export async function documentApplication(
  user: CurrentUser,
  applicationId: string,
  permission: "application.studyReport" | "application.batteryDeclaration",
): Promise<Application> {
  assertCan(user, permission);
  if (!uuid.safeParse(applicationId).success) throw new NotFoundError();
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!application) throw new NotFoundError();
  assertDecision(decideOnApplication(user, permission, application));
  return application;
}

/**
 * The CFP study report of an application, for its owner and the body it is entrusted to, from
 * the calculated state onwards: the frozen report once certified; else rendered now from the
 * owner's fresh calculation (while it may still edit) or from the latest submission.
 * Another tenant's application is "not found"; one without a calculated footprint a conflict.
 */
export async function getApplicationStudyReport(user: CurrentUser, applicationId: string): Promise<StudyReportDownload> {
  const application = await documentApplication(user, applicationId, "application.studyReport");
  const { inventory, basis, certificate } = await footprintSource(user, application);
  if (certificate) return certificateReport(certificate);

  const [owner] = await db
    .select({ name: organizations.name, nameEn: organizations.nameEn, creditCode: organizations.creditCode })
    .from(organizations)
    .where(eq(organizations.id, application.organizationId));
  const [category] = await db
    .select({ nameZh: productCategories.nameZh, nameEn: productCategories.nameEn })
    .from(productCategories)
    .where(eq(productCategories.id, inventory.product.categoryId));
  if (!owner || !category) throw new NotFoundError();
  const factors = await loadFactorCitations(db, snapshotFactorIds(inventory));
  const data = buildStudyReportData({
    inventory,
    category,
    enterprise: owner,
    factors,
    basis,
    reportDate: todayInShanghai(),
    verification: null,
  });
  return { kind: "render", data, fileName: reportFileName(inventory.product.model) };
}

/** A certificate's study report, for whoever may download the certificate (holder, body, region's regulator). */
export async function findCertificateStudyReport(user: CurrentUser, rawNumber: string): Promise<StudyReportDownload | null> {
  assertCan(user, "certificate.download");
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const [certificate] = await db
    .select({
      id: certificates.id,
      number: certificates.number,
      snapshot: certificates.snapshot,
      organizationId: certificates.organizationId,
      verificationBodyId: certificates.verificationBodyId,
      region: certificates.region,
    })
    .from(certificates)
    .where(eq(certificates.number, number));
  if (!certificate || !mayReachCertificate(user, "certificate.download", certificate)) return null;
  return certificateReport(certificate);
}
