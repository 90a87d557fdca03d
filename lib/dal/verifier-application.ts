import "server-only";
import { supplyChainOf } from "./supply/chain";
import { importedFootprintView } from "./supply/imported-footprint";
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { z } from "@/lib/validation/zod";
import {
  applications,
  applicationTeam,
  calculations,
  certificates,
  emissionFactors,
  findings,
  inventoryLines,
  onSiteInspections,
  organizations,
  productCategories,
  products,
  submissions,
  supplyRequests,
  importedFootprints,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { sharedFootprintSchema } from "@/lib/rules/shared-footprint";
import { diffRounds, snapshotLines, type RoundDiff } from "@/lib/rules/round-diff";
import { parseCalculationBreakdown, submissionSnapshotResult } from "@/lib/rules/stored-calculation";
import { recommendationBlockers } from "@/lib/rules/verification";
import { loadVerificationParticipants } from "./application-participants";
import { certificateOfApplication } from "./certificates";
import { decisionOutcome } from "./decision-outcome";
import { listEvidence } from "./evidence";
import { assertCan, decideOnApplication, permittedOnApplication } from "@/lib/policy";

const LINES_PER_PAGE = 50;

const raisedBy = alias(users, "raised_by_user");
const supplierCertificates = alias(certificates, "supplier_certificate");

/** What changed since the previous round, when there is one. */
async function latestRoundDiff(applicationId: string): Promise<{ diff: RoundDiff; rounds: [number, number] } | null> {
  const [current, previous] = await db
    .select({ round: submissions.round, snapshot: submissions.snapshot })
    .from(submissions)
    .where(eq(submissions.applicationId, applicationId))
    .orderBy(desc(submissions.round))
    .limit(2);
  if (!current || !previous) return null;
  return {
    diff: diffRounds(
      { lines: snapshotLines(previous.snapshot), result: submissionSnapshotResult(previous.snapshot) },
      { lines: snapshotLines(current.snapshot), result: submissionSnapshotResult(current.snapshot) },
    ),
    rounds: [previous.round, current.round],
  };
}

/** The findings of an application with the line each concerns, newest round first (callers have checked access). */
export async function findingsOf(applicationId: string) {
  return db
    .select({
      id: findings.id,
      lineId: findings.lineId,
      lineDescription: inventoryLines.description,
      round: findings.round,
      severity: findings.severity,
      text: findings.text,
      status: findings.status,
      response: findings.response,
      raisedAt: findings.raisedAt,
      raisedByName: raisedBy.name,
      closedAt: findings.closedAt,
    })
    .from(findings)
    .innerJoin(raisedBy, eq(raisedBy.id, findings.raisedBy))
    .leftJoin(inventoryLines, eq(inventoryLines.id, findings.lineId))
    .where(eq(findings.applicationId, applicationId))
    .orderBy(desc(findings.round), asc(findings.raisedAt), asc(findings.id));
}

export type FindingItem = Awaited<ReturnType<typeof findingsOf>>[number];

/**
 * Everything the verification body reviews on one application entrusted to
 * it: null when it is not (another body's application looks like a missing one).
 */
export async function loadVerifierApplication(user: CurrentUser, applicationId: string, page = 1) {
  assertCan(user, "application.read");
  // A malformed id names no application (and would be a uuid cast error in SQL).
  if (user.organizationKind !== "verification_body" || !z.uuid().safeParse(applicationId).success) return null;
  const [application] = await db
    .select({
      application: applications,
      product: products,
      enterpriseName: organizations.name,
      enterpriseNameEn: organizations.nameEn,
      categoryZh: productCategories.nameZh,
      categoryEn: productCategories.nameEn,
      /** The category's plausibility band: the page warns as the enterprise was warned. */
      categoryBand: {
        id: productCategories.id,
        plausibleMin: productCategories.plausibleMin,
        plausibleMax: productCategories.plausibleMax,
        plausibleSource: productCategories.plausibleSource,
      },
    })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(productCategories, eq(productCategories.id, applications.categoryId))
    .where(
      and(
        eq(applications.id, applicationId),
        eq(applications.verificationBodyId, user.organizationId),
        ne(applications.status, "draft"),
      ),
    );
  if (!application) return null;

  const [lineCounts] = await db
    .select({ total: count(), verified: sql<number>`count(*) filter (where ${inventoryLines.verification} = 'verified')::int` })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId));
  const pages = Math.max(1, Math.ceil(lineCounts.total / LINES_PER_PAGE));
  const currentPage = Math.min(Math.max(1, Math.trunc(page) || 1), pages);

  const [lines, allVerification, findingRows, inspections, evidence, team, staff, calculationRows, roundDiff, participants] = await Promise.all([
    db
      .select({
        line: inventoryLines,
        factorKey: emissionFactors.factorKey,
        factorNameZh: emissionFactors.nameZh,
        factorNameEn: emissionFactors.nameEn,
        factorRegion: emissionFactors.region,
        factorYear: emissionFactors.year,
        factorVersion: emissionFactors.version,
        factorValue: emissionFactors.value,
        factorUnit: emissionFactors.unit,
        factorSource: emissionFactors.source,
        sharedFootprint: supplyRequests.sharedFootprint,
        imported: { footprintId: importedFootprints.footprintId, verification: importedFootprints.verification },
        supplierCertificateStatus: supplierCertificates.status,
        supplierCertificateExpiresOn: supplierCertificates.expiresOn,
      })
      .from(inventoryLines)
      .leftJoin(emissionFactors, eq(emissionFactors.id, inventoryLines.factorId))
      .leftJoin(supplyRequests, eq(supplyRequests.id, inventoryLines.supplyRequestId))
      .leftJoin(supplierCertificates, eq(supplierCertificates.id, supplyRequests.fulfilledCertificateId))
      .leftJoin(importedFootprints, eq(importedFootprints.id, sql`coalesce(${inventoryLines.importedFootprintId}, ${supplyRequests.importedFootprintId})`))
      .where(eq(inventoryLines.applicationId, applicationId))
      .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position), asc(inventoryLines.id))
      .limit(LINES_PER_PAGE)
      .offset((currentPage - 1) * LINES_PER_PAGE),
    db.select({ verification: inventoryLines.verification }).from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId)),
    findingsOf(applicationId),
    db
      .select({ inspection: onSiteInspections, recordedByName: users.name })
      .from(onSiteInspections)
      .innerJoin(users, eq(users.id, onSiteInspections.recordedBy))
      .where(eq(onSiteInspections.applicationId, applicationId))
      .orderBy(asc(onSiteInspections.inspectedOn), asc(onSiteInspections.createdAt)),
    listEvidence(user, applicationId),
    db
      .select({ userId: applicationTeam.userId, teamRole: applicationTeam.teamRole, name: users.name })
      .from(applicationTeam)
      .innerJoin(users, eq(users.id, applicationTeam.userId))
      .where(eq(applicationTeam.applicationId, applicationId))
      .orderBy(asc(applicationTeam.teamRole), asc(users.name)),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.organizationId, user.organizationId), eq(users.disabled, false), inArray(users.role, ["verifier", "reviewer"])))
      .orderBy(asc(users.name)),
    application.application.latestCalculationId
      ? db.select().from(calculations).where(eq(calculations.id, application.application.latestCalculationId))
      : Promise.resolve([]),
    latestRoundDiff(applicationId),
    loadVerificationParticipants(db, applicationId),
  ]);

  const [storedCalculation] = calculationRows;
  const calculation = storedCalculation ? { ...storedCalculation, breakdown: parseCalculationBreakdown(storedCalculation.breakdown) } : null;
  const facts = { ...application.application, team, acceptedBy: participants.acceptedBy };
  const mayDecide = decideOnApplication(user, "application.decide", facts);
  return {
    ...application,
    /** What the user may do with the application now: the page offers exactly these. */
    permitted: permittedOnApplication(user, facts),
    /** Why the user may not decide, when a reason can be told (the lead verifier never decides). */
    mayDecide,
    /** What approving would certify (grade, benchmark), shown only to the reviewer who may decide now. */
    decisionOutcome: mayDecide.allowed ? await decisionOutcome(db, application.application) : null,
    /** The certificate the approval issued: both sides of the decision link to it. */
    certificate: application.application.status === "certified" ? await certificateOfApplication(applicationId) : null,
    // A supplier certified footprint line shows the share and the supplier certificate's status now, as evidence.
    lines: lines.map(({ sharedFootprint, imported, supplierCertificateStatus, supplierCertificateExpiresOn, ...row }) => ({
      ...row,
      importedFootprint: importedFootprintView(imported),
      supplierFootprint: sharedFootprint ? (sharedFootprintSchema.safeParse(sharedFootprint).data ?? null) : null,
      supplierCertificateStatus: supplierCertificateStatus && supplierCertificateExpiresOn ? effectiveStatus(supplierCertificateStatus, supplierCertificateExpiresOn, todayInShanghai()) : null,
    })),
    linePage: { page: currentPage, pages, total: lineCounts.total, verified: lineCounts.verified },
    findings: findingRows,
    inspections,
    evidence,
    team,
    /** Who accepted each round: with the team, what the decision's independence rule reads. */
    acceptedBy: participants.acceptedBy,
    staff,
    calculation,
    /** The lines resting on suppliers' footprints, their certificate status today and their share of the calculation. */
    supplyChain: await supplyChainOf(applicationId, calculation?.breakdown.lines ?? null),
    roundDiff: roundDiff?.diff ?? null,
    diffRounds: roundDiff?.rounds ?? null,
    blockers: recommendationBlockers(allVerification, findingRows),
  };
}
