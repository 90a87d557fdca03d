import "server-only";
import { and, asc, count, desc, eq, notExists } from "drizzle-orm";
import { db } from "@/db";
import {
  applications,
  calculations,
  conflictsOfInterest,
  emissionFactors,
  inventoryLines,
  organizations,
  productCategories,
  products,
  submissions,
  type LifeCycleStage,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { allowedStages, requiredStages, type LineError } from "@/lib/calc/calculate";
import { calculateInventory, loadInventory } from "@/lib/domain/applications/inventory-snapshot";
import type { CalculationBreakdown } from "@/lib/domain/applications/run-calculation";
import { isInventoryEditable, missingItems, workflowSteps } from "@/lib/domain/applications/rules";
import { z } from "@/lib/validation/zod";
import { assertCan } from "./guard";

export const INVENTORY_PAGE_SIZE = 50;
const uuid = z.uuid();

/**
 * Everything the enterprise's application page shows besides the line table:
 * the application and product, the latest calculation (and whether it is
 * fresh), a live check of the whole inventory (what is missing, line errors),
 * the submission history. Null when the application is not the user's.
 */
export async function getApplicationWorkspace(user: CurrentUser, applicationId: string) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "enterprise" || !uuid.safeParse(applicationId).success) return null;
  const [row] = await db
    .select({ application: applications, product: products, category: productCategories, bodyName: organizations.name, bodyNameEn: organizations.nameEn })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(productCategories, eq(productCategories.id, products.categoryId))
    .leftJoin(organizations, eq(organizations.id, applications.verificationBodyId))
    .where(and(eq(applications.id, applicationId), eq(applications.organizationId, user.organizationId)));
  if (!row) return null;
  const { application, product, category } = row;

  const [inventory, latestCalculation, history] = await Promise.all([
    loadInventory(db, application.id),
    application.latestCalculationId
      ? db.select().from(calculations).where(eq(calculations.id, application.latestCalculationId)).then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
    db
      .select({
        id: submissions.id,
        round: submissions.round,
        submittedAt: submissions.submittedAt,
        snapshotSha256: submissions.snapshotSha256,
        bodyName: organizations.name,
        bodyNameEn: organizations.nameEn,
        result: calculations.result,
      })
      .from(submissions)
      .innerJoin(organizations, eq(organizations.id, submissions.verificationBodyId))
      .innerJoin(calculations, eq(calculations.id, submissions.calculationId))
      .where(eq(submissions.applicationId, application.id))
      .orderBy(desc(submissions.round)),
  ]);
  const lines = inventory?.lines ?? [];
  const check = inventory ? calculateInventory(inventory) : null;
  const missing = check ? missingItems(check, lines) : [];
  const lineErrors: Record<string, LineError[]> = {};
  if (check && !check.ok) {
    for (const error of check.lineErrors) (lineErrors[error.lineId] ??= []).push(error);
  }
  const stageCounts: Partial<Record<LifeCycleStage, number>> = {};
  for (const line of lines) stageCounts[line.stage] = (stageCounts[line.stage] ?? 0) + 1;
  const calculationFresh = latestCalculation?.inventoryRevision === application.inventoryRevision;
  const descriptions = new Map(lines.map((line) => [line.id, line.description]));
  const breakdown = latestCalculation ? (latestCalculation.breakdown as CalculationBreakdown) : null;

  return {
    application,
    product,
    category,
    verificationBody: row.bodyName ? { name: row.bodyName, nameEn: row.bodyNameEn } : null,
    editable: isInventoryEditable(application.status),
    stages: allowedStages(product.systemBoundary).map((stage) => ({
      stage,
      required: requiredStages(product.systemBoundary).includes(stage),
      lineCount: stageCounts[stage] ?? 0,
    })),
    lineCount: lines.length,
    missing,
    lineErrors,
    latestCalculation: latestCalculation && breakdown ? { ...latestCalculation, breakdown } : null,
    /** Hotspot lines of the latest calculation with their current description (null if deleted since). */
    hotspots: (breakdown?.hotspots ?? []).map((hotspot) => ({ ...hotspot, description: descriptions.get(hotspot.lineId) ?? null })),
    calculationFresh,
    steps: workflowSteps({
      status: application.status,
      lineCount: lines.length,
      dataComplete: missing.every((item) => item.kind === "productionVolume"),
      calculationFresh,
    }),
    history,
  };
}

export type ApplicationWorkspace = NonNullable<Awaited<ReturnType<typeof getApplicationWorkspace>>>;

/** One page of the application's lines in stage order, with the picked factor's details. */
export async function listInventoryPage(user: CurrentUser, applicationId: string, page: number) {
  assertCan(user, "application.read");
  const scope = and(eq(inventoryLines.applicationId, applicationId), eq(applications.organizationId, user.organizationId));
  const [{ total }] = await db
    .select({ total: count() })
    .from(inventoryLines)
    .innerJoin(applications, eq(applications.id, inventoryLines.applicationId))
    .where(scope);
  const pages = Math.max(1, Math.ceil(total / INVENTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db
    .select({
      line: inventoryLines,
      factor: {
        nameZh: emissionFactors.nameZh,
        nameEn: emissionFactors.nameEn,
        value: emissionFactors.value,
        unit: emissionFactors.unit,
        source: emissionFactors.source,
        version: emissionFactors.version,
        year: emissionFactors.year,
        region: emissionFactors.region,
      },
    })
    .from(inventoryLines)
    .innerJoin(applications, eq(applications.id, inventoryLines.applicationId))
    .leftJoin(emissionFactors, eq(emissionFactors.id, inventoryLines.factorId))
    .where(scope)
    .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position), asc(inventoryLines.id))
    .limit(INVENTORY_PAGE_SIZE)
    .offset((current - 1) * INVENTORY_PAGE_SIZE);
  return { rows, total, page: current, pages };
}

export type InventoryPageRow = Awaited<ReturnType<typeof listInventoryPage>>["rows"][number];

/** One line of the user's own application (for the edit form); null when not theirs. */
export async function getOwnInventoryLine(user: CurrentUser, applicationId: string, lineId: string) {
  assertCan(user, "inventory.edit");
  if (!uuid.safeParse(lineId).success) return null;
  const [row] = await db
    .select({ line: inventoryLines })
    .from(inventoryLines)
    .innerJoin(applications, eq(applications.id, inventoryLines.applicationId))
    .where(
      and(
        eq(inventoryLines.id, lineId),
        eq(inventoryLines.applicationId, applicationId),
        eq(applications.organizationId, user.organizationId),
      ),
    );
  return row?.line ?? null;
}

/** Verification bodies the enterprise may choose: none that declared a conflict of interest with it. */
export async function listChoosableBodies(user: CurrentUser) {
  assertCan(user, "application.submit");
  return db
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn, accreditationNo: organizations.accreditationNo })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, "verification_body"),
        notExists(
          db
            .select({ one: conflictsOfInterest.verificationBodyId })
            .from(conflictsOfInterest)
            .where(
              and(
                eq(conflictsOfInterest.verificationBodyId, organizations.id),
                eq(conflictsOfInterest.enterpriseId, user.organizationId),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(organizations.name));
}
