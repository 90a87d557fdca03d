import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  applications,
  certificates,
  organizations,
  productCategories,
  submissions,
  users,
  type ApplicationStatus,
  type Certificate,
} from "@/db/schema";
import { OperationError, ConflictError, NotFoundError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadVerificationParticipants } from "@/lib/dal/application-participants";
import { canonicalDigest } from "@/lib/calc/digest";
import { gradeDeclaredUnit } from "@/lib/certificates/grade";
import { generateCertificateNumber } from "@/lib/certificates/number";
import { certificateRegionCode } from "@/lib/certificates/region-code";
import { expiryDateFor, nextSurveillanceDue, todayInShanghai } from "@/lib/certificates/validity";
import type { InventorySnapshot } from "@/lib/rules/inventory-snapshot";
import { notify } from "@/lib/notifications/notify";
import { recordCertificateStageEmissions } from "@/lib/domain/certificates/stage-emissions";
import { signCertificateCredential } from "@/lib/domain/credentials/sign-certificate-credential";
import { publishCertificateFootprint } from "@/lib/domain/footprints/publish-footprint";
import { renderIssuedStudyReport, storeIssuedStudyReport } from "@/lib/domain/certificates/study-report";
import { benchmarkInForce } from "@/lib/dal/benchmarks";
import { loadFactorCitations, snapshotFactorIds } from "@/lib/dal/study-report";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { assertDecision, assertUserCan, decideOnApplication, type Actor } from "@/lib/policy";
import { violatedUniqueConstraint } from "./unique-violation";

/**
 * The approval may call this just before or just after its own transition to `certified`,
 * inside the same transaction; anything earlier or later is refused.
 */
const ISSUABLE_STATUSES: readonly ApplicationStatus[] = ["awaiting_decision", "certified"];

/** 30^6 suffixes make a collision rare; a few fresh draws make a failure practically impossible. */
const NUMBER_ATTEMPTS = 5;

type IssueCertificateInput = { applicationId: string };

/**
 * Issues the certificate of an approved application inside the approval's transaction:
 * grades the verified footprint against the category's benchmark in force in its region, draws a unique
 * number, freezes and digests everything certified, audits and notifies the enterprise.
 * Exactly once per application: the application row is locked and the unique index on
 * `application_id` refuses a second certificate (ConflictError).
 */
export async function issueCertificate(tx: Tx, actor: Actor | null, { applicationId }: IssueCertificateInput): Promise<Certificate> {
  assertUserCan(actor, "application.decide");
  const [application] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for("update");
  if (!application) throw new NotFoundError();
  if (!ISSUABLE_STATUSES.includes(application.status)) throw new ConflictError();
  // Issuing completes the decision, on either side of its own transition: the same role, body and
  // impartiality rule as `application.decide`, judged as of the status the decision started from.
  const participants = await loadVerificationParticipants(tx, application.id);
  assertDecision(decideOnApplication(actor, "application.decide", { ...application, ...participants, status: "awaiting_decision" }));

  const [existing] = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.applicationId, application.id));
  if (existing) throw new ConflictError("certificates.errors.alreadyIssued");

  const bodyId = application.verificationBodyId;
  const leadVerifierId = application.leadVerifierId;
  // The reviewer is recorded by the decision; when called before that update, the deciding actor is the reviewer.
  const reviewerId = application.reviewerId ?? actor.id;
  const statement = application.verificationStatement?.trim();
  if (!bodyId || !leadVerifierId) throw new ConflictError();
  if (!statement) throw new OperationError("certificates.errors.missingStatement");

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
  // One statement at a time: a transaction is one connection, which runs one query at once.
  const organizationRows = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      nameEn: organizations.nameEn,
      creditCode: organizations.creditCode,
      accreditationNo: organizations.accreditationNo,
    })
    .from(organizations)
    .where(inArray(organizations.id, [application.organizationId, bodyId]));
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [leadVerifierId, reviewerId]));
  const [category] = await tx
    .select({ id: productCategories.id, nameZh: productCategories.nameZh, nameEn: productCategories.nameEn })
    .from(productCategories)
    .where(eq(productCategories.id, application.categoryId));
  // The benchmark of the certificate's own region: each region's regulator sets its own.
  const benchmark = await benchmarkInForce(tx, application.region, application.categoryId, today);
  const enterprise = organizationRows.find((row) => row.id === application.organizationId);
  const body = organizationRows.find((row) => row.id === bodyId);
  const leadVerifier = people.find((row) => row.id === leadVerifierId);
  const reviewer = people.find((row) => row.id === reviewerId);
  if (!enterprise || !body || !leadVerifier || !reviewer || !category) throw new NotFoundError();

  const { benchmark: comparableBenchmark, graded } = gradeDeclaredUnit(value, product, benchmark);

  const factorCitations = await loadFactorCitations(tx, snapshotFactorIds(inventory));

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
    // The study report names the certificate, so it is rendered for each number drawn.
    const studyReport = await renderIssuedStudyReport(snapshot, factorCitations);
    snapshot.studyReport = studyReport.summary;
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
        await storeIssuedStudyReport(savepoint, row.id, studyReport);
        return row;
      });
      await recordCertificateStageEmissions(tx, certificate, inventory.calculation.byStage);
      await recordAuditEvent(tx, actor, {
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
      await signCertificateCredential(tx, certificate);
      // Published over PACT with its credential; a certificate PACT cannot describe stays unpublished.
      await publishCertificateFootprint(tx, certificate);
      return certificate;
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === "certificates_application_uq") throw new ConflictError("certificates.errors.alreadyIssued");
      if (constraint !== "certificates_number_uq" || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}
