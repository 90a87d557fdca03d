import "server-only";
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import {
  applications,
  applicationTeam,
  calculations,
  emissionFactors,
  findings,
  inventoryLines,
  onSiteInspections,
  organizations,
  productCategories,
  products,
  submissions,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CalculationBreakdown } from "@/lib/domain/applications/run-calculation";
import { diffRounds, snapshotLines, type RoundDiff } from "@/lib/domain/verification/round-diff";
import { recommendationBlockers } from "@/lib/domain/verification/stage-rules";
import { listEvidence } from "./evidence";
import { assertCan } from "./guard";

export const LINES_PER_PAGE = 50;

const raisedBy = alias(users, "raised_by_user");

/** The submission's result, from its snapshot (kept with the frozen inventory). */
function snapshotResult(snapshot: unknown): string | null {
  const calculation = (snapshot as { calculation?: { result?: unknown } } | null)?.calculation;
  return typeof calculation?.result === "string" ? calculation.result : null;
}

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
      { lines: snapshotLines(previous.snapshot), result: snapshotResult(previous.snapshot) },
      { lines: snapshotLines(current.snapshot), result: snapshotResult(current.snapshot) },
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
  if (user.organizationKind !== "verification_body") return null;
  const [application] = await db
    .select({
      application: applications,
      product: products,
      enterpriseName: organizations.name,
      enterpriseNameEn: organizations.nameEn,
      categoryZh: productCategories.nameZh,
      categoryEn: productCategories.nameEn,
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

  const [lines, allVerification, findingRows, inspections, evidence, team, staff, calculationRows, roundDiff] = await Promise.all([
    db
      .select({
        line: inventoryLines,
        factorKey: emissionFactors.factorKey,
        factorVersion: emissionFactors.version,
        factorValue: emissionFactors.value,
        factorUnit: emissionFactors.unit,
        factorSource: emissionFactors.source,
      })
      .from(inventoryLines)
      .leftJoin(emissionFactors, eq(emissionFactors.id, inventoryLines.factorId))
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
  ]);

  const [calculation] = calculationRows;
  return {
    ...application,
    lines,
    linePage: { page: currentPage, pages, total: lineCounts.total, verified: lineCounts.verified },
    findings: findingRows,
    inspections,
    evidence,
    team,
    staff,
    calculation: calculation ? { ...calculation, breakdown: calculation.breakdown as CalculationBreakdown } : null,
    roundDiff: roundDiff?.diff ?? null,
    diffRounds: roundDiff?.rounds ?? null,
    blockers: recommendationBlockers(allVerification, findingRows),
  };
}

export type VerifierApplicationView = NonNullable<Awaited<ReturnType<typeof loadVerifierApplication>>>;
