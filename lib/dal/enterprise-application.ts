import "server-only";
import { supplyChainOf } from "./supply/chain";
import { importedFootprintView } from "./supply/imported-footprint";
import { and, asc, count, desc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  applications,
  calculations,
  conflictsOfInterest,
  emissionFactors,
  inventoryLines,
  supplierFootprintFlags,
  supplyRequests,
  importedFootprints,
  organizations,
  productCategories,
  products,
  submissions,
} from "@/db/schema";
import { sharedFootprintSchema } from "@/lib/rules/shared-footprint";
import type { CurrentUser } from "@/lib/auth/current-user";
import { allowedStages, requiredStages, type CalculationBreakdown, type LineError } from "@/lib/calc/calculate";
import type { LifeCycleStage, SystemBoundary } from "@/lib/enums";
import { factorFilterOptions, getEmissionFactor, listGwpGases } from "@/lib/dal/emission-factors";
import { getBatteryDeclarationPanel } from "@/lib/dal/battery-declaration";
import { listEvidence } from "@/lib/dal/evidence";
import { certificateOfApplication } from "@/lib/dal/certificates";
import { pactExportOfApplication } from "@/lib/dal/pact/certificate-export";
import { listEnterpriseFindings } from "@/lib/dal/findings";
import { loadInventory } from "@/lib/dal/inventory-snapshot";
import { calculateInventory } from "@/lib/rules/inventory-snapshot";
import { missingItems, workflowSteps, type MissingItem } from "@/lib/rules/application";
import { parseCalculationBreakdown } from "@/lib/rules/stored-calculation";
import { assertCan, can, permittedOnApplication } from "@/lib/policy";
import { z } from "@/lib/validation/zod";

const INVENTORY_PAGE_SIZE = 50;
const uuid = z.uuid();

/**
 * What the page says about the inventory as a whole: lines per stage, what is
 * missing before submission, errors per line, and the current description of
 * the lines the calculation names. When the stored calculation was made from
 * this very revision of the inventory (and a calculation is stored only when
 * every line calculated), nothing is missing and no line has an error, so the
 * lines are only counted; otherwise the current inventory is checked again.
 */
async function inventoryState(
  application: { id: string; inventoryRevision: number },
  boundary: SystemBoundary,
  calculation: { inventoryRevision: number; breakdown: CalculationBreakdown } | null,
) {
  const calculationFresh = calculation?.inventoryRevision === application.inventoryRevision;
  const stageCounts: Partial<Record<LifeCycleStage, number>> = {};
  const lineErrors: Record<string, LineError[]> = {};
  if (calculation && calculationFresh) {
    const hotspotIds = calculation.breakdown.hotspots.map((hotspot) => hotspot.lineId);
    const [counts, named] = await Promise.all([
      db
        .select({
          stage: inventoryLines.stage,
          lines: count(),
          withQuantity: sql<number>`count(*) filter (where ${inventoryLines.quantity} <> 0)`.mapWith(Number),
        })
        .from(inventoryLines)
        .where(eq(inventoryLines.applicationId, application.id))
        .groupBy(inventoryLines.stage),
      hotspotIds.length
        ? db
            .select({ id: inventoryLines.id, description: inventoryLines.description })
            .from(inventoryLines)
            .where(and(eq(inventoryLines.applicationId, application.id), inArray(inventoryLines.id, hotspotIds)))
        : Promise.resolve([]),
    ]);
    for (const row of counts) stageCounts[row.stage] = row.lines;
    const lineCount = counts.reduce((sum, row) => sum + row.lines, 0);
    // A fresh calculation had no line errors; only the stages can still be missing.
    const missing: MissingItem[] =
      lineCount === 0
        ? [{ kind: "noLines" }]
        : requiredStages(boundary)
            .filter((stage) => !counts.some((row) => row.stage === stage && row.withQuantity > 0))
            .map((stage) => ({ kind: "stage", stage }));
    return { calculationFresh, stageCounts, lineCount, missing, lineErrors, descriptions: new Map(named.map((line) => [line.id, line.description])) };
  }
  const inventory = await loadInventory(db, application.id);
  const lines = inventory?.lines ?? [];
  const check = inventory ? calculateInventory(inventory) : null;
  const missing = check ? missingItems(check, lines, boundary) : [];
  if (check && !check.ok) {
    for (const error of check.lineErrors) (lineErrors[error.lineId] ??= []).push(error);
  }
  for (const line of lines) stageCounts[line.stage] = (stageCounts[line.stage] ?? 0) + 1;
  return {
    calculationFresh,
    stageCounts,
    lineCount: lines.length,
    missing,
    lineErrors,
    descriptions: new Map(lines.map((line) => [line.id, line.description])),
  };
}

/**
 * Everything the enterprise's application page shows besides the line table:
 * the application and product, the latest calculation (and whether it is
 * fresh), what is missing and the line errors (see `inventoryState`), the
 * submission history, and what the user may do with the application now.
 * Null when the application is not the user's.
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

  const [storedCalculation, history] = await Promise.all([
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
  const latestCalculation = storedCalculation ? { ...storedCalculation, breakdown: parseCalculationBreakdown(storedCalculation.breakdown) } : null;
  const state = await inventoryState(application, product.systemBoundary, latestCalculation);
  const supplyChain = await supplyChainOf(application.id, latestCalculation?.breakdown.lines ?? null);
  const permitted = permittedOnApplication(user, application);

  return {
    application,
    product,
    category,
    verificationBody: row.bodyName ? { name: row.bodyName, nameEn: row.bodyNameEn } : null,
    /** What the user may do with the application now (the buttons the page offers). */
    permitted,
    editable: permitted.has("inventory.edit"),
    stages: allowedStages(product.systemBoundary).map((stage) => ({
      stage,
      required: requiredStages(product.systemBoundary).includes(stage),
      lineCount: state.stageCounts[stage] ?? 0,
    })),
    lineCount: state.lineCount,
    missing: state.missing,
    lineErrors: state.lineErrors,
    latestCalculation,
    /** Hotspot lines of the latest calculation with their current description (null if deleted since). */
    hotspots: (latestCalculation?.breakdown.hotspots ?? []).map((hotspot) => ({
      ...hotspot,
      description: state.descriptions.get(hotspot.lineId) ?? null,
    })),
    calculationFresh: state.calculationFresh,
    /** The lines resting on suppliers' footprints and the share of the latest calculation they carry. */
    supplyChain,
    /** Whether the CFP study report can be generated now: a calculated footprint of what the report would describe. */
    studyReportAvailable:
      permitted.has("application.studyReport") &&
      (permitted.has("inventory.edit") ? state.calculationFresh && latestCalculation !== null : application.status === "certified" || history.length > 0),
    steps: workflowSteps({
      status: application.status,
      lineCount: state.lineCount,
      dataComplete: state.missing.every((item) => item.kind === "productionVolume"),
      calculationFresh: state.calculationFresh,
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
      sharedFootprint: supplyRequests.sharedFootprint,
      imported: { footprintId: importedFootprints.footprintId, verification: importedFootprints.verification },
    })
    .from(inventoryLines)
    .innerJoin(applications, eq(applications.id, inventoryLines.applicationId))
    .leftJoin(emissionFactors, eq(emissionFactors.id, inventoryLines.factorId))
    .leftJoin(supplyRequests, eq(supplyRequests.id, inventoryLines.supplyRequestId))
    .leftJoin(importedFootprints, eq(importedFootprints.id, sql`coalesce(${inventoryLines.importedFootprintId}, ${supplyRequests.importedFootprintId})`))
    .where(scope)
    .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position), asc(inventoryLines.id))
    .limit(INVENTORY_PAGE_SIZE)
    .offset((current - 1) * INVENTORY_PAGE_SIZE);
  // Lines resting on a supplier certificate that changed, not yet updated or confirmed.
  const flags = rows.length
    ? await db
        .select({ lineId: supplierFootprintFlags.lineId, change: supplierFootprintFlags.change })
        .from(supplierFootprintFlags)
        .where(and(eq(supplierFootprintFlags.applicationId, applicationId), isNull(supplierFootprintFlags.resolvedAt), eq(supplierFootprintFlags.organizationId, user.organizationId)))
    : [];
  return {
    rows: rows.map(({ sharedFootprint, imported, ...row }) => ({
      ...row,
      importedFootprint: importedFootprintView(imported),
      supplierFootprint: sharedFootprint ? (sharedFootprintSchema.safeParse(sharedFootprint).data ?? null) : null,
      supplierChanges: flags.filter((flag) => flag.lineId === row.line.id).map((flag) => flag.change),
    })),
    total,
    page: current,
    pages,
  };
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

/** The evidence files of an application the user sees, each marked whether the user may delete it now. */
async function evidenceOf(user: CurrentUser, applicationId: string, editable: boolean, lineId?: string) {
  const files = await listEvidence(user, applicationId, { lineId });
  const mayDelete = editable && can(user, "evidence.delete");
  return files.map((file) => ({ ...file, deletable: mayDelete && file.uploaderOrganizationId === user.organizationId }));
}

export type EvidenceView = Awaited<ReturnType<typeof evidenceOf>>;

/** The add/edit form of a line: gas and factor choices, the line being edited with its factor and files. */
async function lineFormData(user: CurrentUser, applicationId: string, editLineId: string | undefined) {
  const [gases, filters, line] = await Promise.all([
    listGwpGases(user),
    factorFilterOptions(user),
    editLineId ? getOwnInventoryLine(user, applicationId, editLineId) : null,
  ]);
  const [lineFactor, lineEvidence] = line
    ? await Promise.all([line.factorId ? getEmissionFactor(user, line.factorId) : null, evidenceOf(user, applicationId, true, line.id)])
    : [null, []];
  return { gases, filters, line, lineFactor, lineEvidence };
}

/**
 * The enterprise's application page in one read: the workspace, one page of
 * lines, the line form while the inventory is editable, the evidence, the
 * findings and the bodies it may submit to. Null when it is not the user's.
 */
export async function getApplicationPage(user: CurrentUser, applicationId: string, options: { page: number; editLineId?: string }) {
  const workspace = await getApplicationWorkspace(user, applicationId);
  if (!workspace) return null;
  const { application, editable, permitted } = workspace;
  const [inventoryPage, lineForm, evidence, findings, bodies, batteryDeclaration, pactExport, certificate] = await Promise.all([
    listInventoryPage(user, application.id, options.page),
    editable ? lineFormData(user, application.id, options.editLineId) : null,
    evidenceOf(user, application.id, editable),
    listEnterpriseFindings(user, application.id),
    permitted.has("application.submit") ? listChoosableBodies(user) : [],
    getBatteryDeclarationPanel(user, application),
    application.status === "certified" ? pactExportOfApplication(user, application.id) : null,
    application.status === "certified" ? certificateOfApplication(application.id) : null,
  ]);
  return { workspace, inventoryPage, lineForm, evidence, findings, bodies, batteryDeclaration, pactExport, certificate };
}

export type ApplicationPage = NonNullable<Awaited<ReturnType<typeof getApplicationPage>>>;
