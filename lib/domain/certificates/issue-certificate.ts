import "server-only";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  applications,
  benchmarks,
  certificates,
  organizations,
  productCategories,
  submissions,
  users,
  type ApplicationStatus,
  type Certificate,
} from "@/db/schema";
import { ActionError, ConflictError, NotFoundError } from "@/lib/actions/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { Decimal } from "@/lib/calc/decimal";
import { canonicalDigest } from "@/lib/calc/digest";
import { gradeFor } from "@/lib/certificates/grade";
import { generateCertificateNumber } from "@/lib/certificates/number";
import { certificateRegionCode } from "@/lib/certificates/region-code";
import { expiryDateFor, nextSurveillanceDue, todayInShanghai } from "@/lib/certificates/validity";
import type { InventorySnapshot } from "@/lib/domain/applications/inventory-snapshot";
import { notify } from "@/lib/notifications/notify";
import { recordCertificateStageEmissions } from "@/lib/regulator/stage-emissions";
import type { CertificateSnapshot } from "./certificate-snapshot";
import { violatedUniqueConstraint } from "./unique-violation";

/**
 * The approval may call this just before or just after its own transition to `certified`,
 * inside the same transaction; anything earlier or later is refused.
 */
const ISSUABLE_STATUSES: readonly ApplicationStatus[] = ["awaiting_decision", "certified"];

/** 30^6 suffixes make a collision rare; a few fresh draws make a failure practically impossible. */
const NUMBER_ATTEMPTS = 5;

export type IssueCertificateRequest = {
  applicationId: string;
  actor: NonNullable<AuditActor>;
};

/**
 * Issues the certificate of an approved application inside the approval's transaction:
 * grades the verified footprint against the category's benchmark in force, draws a unique
 * number, freezes and digests everything certified, audits and notifies the enterprise.
 * Exactly once per application: the application row is locked and the unique index on
 * `application_id` refuses a second certificate (ConflictError).
 */
export async function issueCertificate(tx: Tx, request: IssueCertificateRequest): Promise<Certificate> {
  const [application] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, request.applicationId))
    .for("update");
  if (!application) throw new NotFoundError();
  if (!ISSUABLE_STATUSES.includes(application.status)) throw new ConflictError();

  const [existing] = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.applicationId, application.id));
  if (existing) throw new ConflictError("certificates.errors.alreadyIssued");

  const bodyId = application.verificationBodyId;
  const leadVerifierId = application.leadVerifierId;
  // The reviewer is recorded by the decision; when called before that update, the deciding actor is the reviewer.
  const reviewerId = application.reviewerId ?? request.actor.id;
  const statement = application.verificationStatement?.trim();
  if (!bodyId || !leadVerifierId) throw new ConflictError();
  if (!statement) throw new ActionError("certificates.errors.missingStatement");

  const [submission] = await tx
    .select()
    .from(submissions)
    .where(eq(submissions.applicationId, application.id))
    .orderBy(desc(submissions.round))
    .limit(1);
  if (!submission) throw new ConflictError();
  const inventory = submission.snapshot as InventorySnapshot;
  const product = inventory.product;
  const value = inventory.calculation.result;

  const today = todayInShanghai();
  const [organizationRows, people, [category], [benchmark]] = await Promise.all([
    tx
      .select({
        id: organizations.id,
        name: organizations.name,
        nameEn: organizations.nameEn,
        creditCode: organizations.creditCode,
        accreditationNo: organizations.accreditationNo,
      })
      .from(organizations)
      .where(inArray(organizations.id, [application.organizationId, bodyId])),
    tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [leadVerifierId, reviewerId])),
    tx
      .select({ id: productCategories.id, nameZh: productCategories.nameZh, nameEn: productCategories.nameEn })
      .from(productCategories)
      .where(eq(productCategories.id, application.categoryId)),
    tx
      .select()
      .from(benchmarks)
      .where(and(eq(benchmarks.categoryId, application.categoryId), lte(benchmarks.effectiveFrom, today)))
      .orderBy(desc(benchmarks.version))
      .limit(1),
  ]);
  const enterprise = organizationRows.find((row) => row.id === application.organizationId);
  const body = organizationRows.find((row) => row.id === bodyId);
  const leadVerifier = people.find((row) => row.id === leadVerifierId);
  const reviewer = people.find((row) => row.id === reviewerId);
  if (!enterprise || !body || !leadVerifier || !reviewer || !category) throw new NotFoundError();

  // A benchmark is per one declared unit; one stated per another unit is not comparable (no grade, never a guess).
  const comparableBenchmark = benchmark && benchmark.declaredUnit === product.declaredUnit ? benchmark : null;
  const perUnit = new Decimal(value).div(new Decimal(product.declaredUnitAmount)).toFixed();
  const graded = gradeFor(perUnit, comparableBenchmark);

  const issuedOn = today;
  const expiresOn = expiryDateFor(issuedOn);
  const regionCode = certificateRegionCode(application.region);
  const year = Number(issuedOn.slice(0, 4));

  for (let attempt = 1; ; attempt++) {
    const number = generateCertificateNumber(regionCode, year);
    const snapshot: CertificateSnapshot = {
      number,
      issuedOn,
      expiresOn,
      category,
      enterprise: {
        id: enterprise.id,
        name: enterprise.name,
        nameEn: enterprise.nameEn,
        creditCode: enterprise.creditCode,
      },
      verificationBody: { id: body.id, name: body.name, nameEn: body.nameEn, accreditationNo: body.accreditationNo },
      leadVerifier,
      reviewer,
      statement,
      submission: { id: submission.id, round: submission.round, snapshotSha256: submission.snapshotSha256 },
      inventory,
      value,
      benchmark: comparableBenchmark && {
        id: comparableBenchmark.id,
        version: comparableBenchmark.version,
        value: comparableBenchmark.value,
        declaredUnit: comparableBenchmark.declaredUnit,
        effectiveFrom: comparableBenchmark.effectiveFrom,
        source: comparableBenchmark.source,
        thresholds: comparableBenchmark.thresholds,
      },
      grade: graded?.grade ?? null,
      ratio: graded?.ratio ?? null,
    };
    try {
      // A savepoint, so a number collision does not abort the approval's transaction.
      const certificate = await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(certificates)
          .values({
            number,
            applicationId: application.id,
            productId: application.productId,
            organizationId: application.organizationId,
            verificationBodyId: bodyId,
            categoryId: application.categoryId,
            region: application.region,
            district: application.district,
            productName: product.nameZh,
            productNameEn: product.nameEn,
            enterpriseName: enterprise.name,
            value,
            benchmarkId: comparableBenchmark?.id ?? null,
            grade: snapshot.grade,
            ratio: snapshot.ratio,
            issuedOn,
            expiresOn,
            status: "valid",
            statusChangedAt: new Date(),
            nextSurveillanceDue: nextSurveillanceDue(issuedOn),
            previousCertificateId: application.previousCertificateId,
            snapshot,
            snapshotSha256: canonicalDigest(snapshot),
          })
          .returning();
        return row;
      });
      await recordCertificateStageEmissions(tx, certificate, inventory.calculation.byStage);
      await recordAuditEvent(tx, request.actor, {
        action: "certificate.issue",
        entityType: "certificate",
        entityId: certificate.id,
        subjectOrganizationId: application.organizationId,
        region: application.region,
        productId: application.productId,
        applicationId: application.id,
        certificateId: certificate.id,
        fromStatus: null,
        toStatus: "valid",
        reason: null,
        data: { number, grade: certificate.grade, snapshotSha256: certificate.snapshotSha256 },
      });
      await notify(tx, {
        organizationId: application.organizationId,
        kind: "certificateIssued",
        applicationId: application.id,
        certificateId: certificate.id,
        params: { number, product: product.nameZh, productEn: product.nameEn },
      });
      return certificate;
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === "certificates_application_uq") throw new ConflictError("certificates.errors.alreadyIssued");
      if (constraint !== "certificates_number_uq" || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}
