import "server-only";
import { eq, getTableColumns, isNull, max, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { emissionFactors, inventoryLines, products, type LifeCycleStage, type NewInventoryLine } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import type { ImportRowError } from "@/lib/import/inventory-columns";
import { validateInventoryRows, type ImportFactor, type ImportRow } from "@/lib/import/inventory-import";

/** Lines per INSERT statement. */
const INSERT_BATCH = 1_000;

type ImportTarget = { applicationId: string };

type ImportLinesInput = ImportTarget & {
  /** The uploaded file, named in the audit event by its name and SHA-256. */
  file: { name: string; sha256: string };
  /** The file's rows, parsed (outside the transaction) by lib/import. */
  rows: readonly ImportRow[];
};

/** The import refused because rows are invalid: nothing was imported; every error by row and column. */
export class ImportRowsError extends OperationError {
  constructor(readonly errors: ImportRowError[]) {
    super("import.errors.rows");
    this.name = "ImportRowsError";
  }
}

async function currentFactors(tx: Tx): Promise<Map<string, ImportFactor>> {
  const rows = await tx
    .select({ id: emissionFactors.id, factorKey: emissionFactors.factorKey, unit: emissionFactors.unit, emissionCategory: emissionFactors.emissionCategory })
    .from(emissionFactors)
    .where(isNull(emissionFactors.supersededAt));
  return new Map(rows.map((row) => [row.factorKey, { id: row.id, unit: row.unit, emissionCategory: row.emissionCategory }]));
}

/**
 * Inserts lines as one JSON parameter per batch expanded by
 * json_populate_recordset: a thousand rows of 18 bound parameters each are
 * several times slower to bind. Unlisted columns (id, timestamps,
 * verification) take their defaults.
 */
async function insertLines(tx: Tx, lines: readonly NewInventoryLine[]): Promise<void> {
  const columns = getTableColumns(inventoryLines);
  const keys = Object.keys(lines[0] ?? {}) as (keyof NewInventoryLine)[];
  const names = sql.join(keys.map((key) => sql.identifier(columns[key].name)), sql`, `);
  for (let start = 0; start < lines.length; start += INSERT_BATCH) {
    const batch = lines.slice(start, start + INSERT_BATCH).map((line) => Object.fromEntries(keys.map((key) => [columns[key].name, line[key]])));
    await tx.execute(
      sql`insert into ${inventoryLines} (${names}) select ${names} from json_populate_recordset(null::${inventoryLines}, ${JSON.stringify(batch)}::json)`,
    );
  }
}

/** Imported lines go after the existing ones of their stage. */
async function nextPositions(tx: Tx, applicationId: string): Promise<Map<LifeCycleStage, number>> {
  const rows = await tx
    .select({ stage: inventoryLines.stage, last: max(inventoryLines.position) })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId))
    .groupBy(inventoryLines.stage);
  return new Map(rows.map((row) => [row.stage, (row.last ?? -1) + 1]));
}

/**
 * The cheap first step of an import: refuses a caller who may not change the
 * application's inventory before the upload is read and parsed. It changes
 * nothing; `importInventoryLines` decides again under its own lock.
 */
export async function authorizeInventoryImport(tx: Tx, actor: Actor | null, { applicationId }: ImportTarget): Promise<void> {
  assertUserCan(actor, "inventory.edit");
  await lockEditableInventory(tx, actor, applicationId, "inventory.edit");
}

/**
 * Imports parsed inventory rows into the enterprise's editable application:
 * every row is checked, and either all rows become lines (with one inventory
 * revision and one audit event) or none do and `ImportRowsError` lists every
 * error by row and column.
 */
export async function importInventoryLines(tx: Tx, actor: Actor | null, input: ImportLinesInput): Promise<{ imported: number }> {
  assertUserCan(actor, "inventory.edit");
  const application = await lockEditableInventory(tx, actor, input.applicationId, "inventory.edit");
  const [product] = await tx
    .select({ systemBoundary: products.systemBoundary })
    .from(products)
    .where(eq(products.id, application.productId));
  const checked = validateInventoryRows(input.rows, {
    applicationId: application.id,
    boundary: product.systemBoundary,
    factors: await currentFactors(tx),
  });
  if (!checked.ok) throw new ImportRowsError(checked.errors);

  const positions = await nextPositions(tx, application.id);
  const values = checked.lines.map((line) => {
    const position = positions.get(line.stage) ?? 0;
    positions.set(line.stage, position + 1);
    return { ...line, applicationId: application.id, position };
  });
  await insertLines(tx, values);
  await bumpInventoryRevision(tx, application.id);
  await recordAuditEvent(tx, actor, {
    action: "inventory.import",
    entityType: "application",
    entityId: application.id,
    subjectOrganizationId: application.organizationId,
    region: application.region,
    productId: application.productId,
    applicationId: application.id,
    data: { count: values.length, fileName: input.file.name, sha256: input.file.sha256 },
  });
  return { imported: values.length };
}
