import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { applications, calculations, certificates, inventoryLines, type Application, type InventoryLine } from "@/db/schema";
import type { ApplicationStatus, LifeCycleStage } from "@/lib/enums";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import { assertCan, decideOnApplication, type UserActor } from "@/lib/policy";
import type { ApplicationResource, InventoryLineResource } from "@/lib/validation/schemas/api";
import { z } from "@/lib/validation/zod";
import { beforeCursor, pageFrom, readableApplications, type NewestFirstCursor } from "./scope";

const uuid = z.uuid();

const APPLICATION_COLUMNS = {
  application: applications,
  calculationRevision: calculations.inventoryRevision,
  certificateNumber: certificates.number,
  at: sql<string>`${applications.createdAt}::text`,
};

function selectApplications() {
  return db
    .select(APPLICATION_COLUMNS)
    .from(applications)
    .leftJoin(calculations, eq(calculations.id, applications.latestCalculationId))
    .leftJoin(certificates, eq(certificates.applicationId, applications.id));
}

type ApplicationRow = { application: Application; calculationRevision: number | null; certificateNumber: string | null };

function applicationResource({ application, calculationRevision, certificateNumber }: ApplicationRow): ApplicationResource {
  return {
    id: application.id,
    productId: application.productId,
    status: application.status,
    reviewStage: application.reviewStage,
    round: application.round,
    version: application.version,
    inventoryRevision: application.inventoryRevision,
    verificationBodyId: application.verificationBodyId,
    result: {
      value: application.resultValue,
      calculationId: application.latestCalculationId,
      current: calculationRevision !== null && calculationRevision === application.inventoryRevision,
    },
    certificateNumber,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

type ApplicationFilters = { status?: ApplicationStatus; productId?: string };

/** Applications the actor may read (owner, entrusted body, region's regulator), newest first. */
export async function listApiApplications(actor: UserActor, filters: ApplicationFilters, page: { limit: number; after?: NewestFirstCursor }) {
  assertCan(actor, "application.read");
  const rows = await selectApplications()
    .where(
      and(
        readableApplications(actor),
        filters.status ? eq(applications.status, filters.status) : undefined,
        filters.productId ? eq(applications.productId, filters.productId) : undefined,
        beforeCursor(applications.createdAt, applications.id, page.after),
      ),
    )
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, applicationResource, (row) => ({ at: row.at, id: row.application.id }));
}

/** One application, if the policy lets the actor read it; null otherwise (missing or another's alike). */
export async function getApiApplication(actor: UserActor, applicationId: string): Promise<ApplicationResource | null> {
  assertCan(actor, "application.read");
  if (!uuid.safeParse(applicationId).success) return null;
  const [row] = await selectApplications().where(eq(applications.id, applicationId));
  if (!row || !decideOnApplication(actor, "application.read", row.application).allowed) return null;
  return applicationResource(row);
}

function lineResource(line: InventoryLine): InventoryLineResource {
  return {
    id: line.id,
    stage: line.stage,
    position: line.position,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    source: line.source,
    factorId: line.factorId,
    supplierFactorValue: line.supplierFactorValue,
    supplierFactorUnit: line.supplierFactorUnit,
    supplierName: line.supplierName,
    gas: line.gas,
    dataType: line.dataType,
    dqrTechnological: line.dqrTechnological,
    dqrGeographical: line.dqrGeographical,
    dqrTemporal: line.dqrTemporal,
    allocationShare: line.allocationShare,
    emissionCategory: line.emissionCategory,
    verification: line.verification,
    createdAt: line.createdAt.toISOString(),
    updatedAt: line.updatedAt.toISOString(),
  };
}

/** Keyset position in the inventory's own order: life-cycle stage, position in it, id. */
export const inventoryCursor = z.object({ stage: z.enum(LIFE_CYCLE_STAGES), position: z.number().int(), id: z.uuid() });
type InventoryCursor = z.output<typeof inventoryCursor>;

function afterLine(cursor: InventoryCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  // The stage enum sorts in life-cycle order, as declared.
  return sql`(${inventoryLines.stage}, ${inventoryLines.position}, ${inventoryLines.id}) > (${cursor.stage}::life_cycle_stage, ${cursor.position}, ${cursor.id}::uuid)`;
}

/** The lines of an application the actor may read, in stage and position order; null when it may not. */
export async function listApiInventoryLines(actor: UserActor, applicationId: string, page: { limit: number; after?: InventoryCursor }) {
  const application = await getApiApplication(actor, applicationId);
  if (!application) return null;
  const rows = await db
    .select()
    .from(inventoryLines)
    .where(and(eq(inventoryLines.applicationId, application.id), afterLine(page.after)))
    .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position), asc(inventoryLines.id))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, lineResource, (line): InventoryCursor => ({ stage: line.stage as LifeCycleStage, position: line.position, id: line.id }));
}

/** One line of an application the actor may read; null otherwise. */
export async function getApiInventoryLine(actor: UserActor, applicationId: string, lineId: string): Promise<InventoryLineResource | null> {
  const application = await getApiApplication(actor, applicationId);
  if (!application || !uuid.safeParse(lineId).success) return null;
  const [line] = await db
    .select()
    .from(inventoryLines)
    .where(and(eq(inventoryLines.id, lineId), eq(inventoryLines.applicationId, application.id)));
  return line ? lineResource(line) : null;
}
