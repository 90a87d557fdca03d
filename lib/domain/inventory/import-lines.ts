import "server-only";
import { createHash } from "node:crypto";
import { eq, getTableColumns, isNull, max, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { emissionFactors, inventoryLines, products, type LifeCycleStage, type NewInventoryLine } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { MAX_REPORTED_ERRORS, type ImportOutcome, type ImportRowError } from "@/lib/import/inventory-columns";
import { z } from "@/lib/validation/zod";
import { parseInventoryFile, validateInventoryRows, type ImportFactor } from "@/lib/import/inventory-import";

/** Lines per INSERT statement. */
const INSERT_BATCH = 1_000;

/** Thrown inside the transaction to roll it back with the row errors. */
class RowErrors extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super("import.errors.rows");
  }
}

function failure(message: string, errors: ImportRowError[] = []): ImportOutcome {
  return { ok: false, message, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length };
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
 * Imports inventory lines from a CSV or XLSX file into the user's editable
 * application: every row is checked, and either all rows become lines in one
 * transaction (with one inventory revision and one audit event) or none do
 * and every error is reported by row and column.
 */
export async function importInventoryLines(
  user: CurrentUser | null,
  applicationId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<ImportOutcome> {
  if (!user) return failure("errors.unauthenticated");
  if (!can(user.role, "inventory.edit")) return failure("errors.forbidden");
  if (!z.uuid().safeParse(applicationId).success) return failure("errors.notFound");
  try {
    // Refused callers are turned away before the file is parsed.
    await db.transaction((tx) => lockEditableInventory(tx, user, applicationId));
    const sheet = await parseInventoryFile(file.name, file.bytes);
    if (!sheet.ok) return failure("import.errors.file", sheet.errors);

    const imported = await db.transaction(async (tx) => {
      const application = await lockEditableInventory(tx, user, applicationId);
      const [product] = await tx
        .select({ systemBoundary: products.systemBoundary })
        .from(products)
        .where(eq(products.id, application.productId));
      const checked = validateInventoryRows(sheet.rows, {
        applicationId,
        boundary: product.systemBoundary,
        factors: await currentFactors(tx),
      });
      if (!checked.ok) throw new RowErrors(checked.errors);

      const positions = await nextPositions(tx, application.id);
      const values = checked.lines.map((line) => {
        const position = positions.get(line.stage) ?? 0;
        positions.set(line.stage, position + 1);
        return { ...line, applicationId: application.id, position };
      });
      await insertLines(tx, values);
      await bumpInventoryRevision(tx, application.id);
      await recordAuditEvent(tx, user, {
        action: "inventory.import",
        entityType: "application",
        entityId: application.id,
        subjectOrganizationId: application.organizationId,
        region: application.region,
        productId: application.productId,
        applicationId: application.id,
        data: { count: values.length, fileName: file.name, sha256: createHash("sha256").update(file.bytes).digest("hex") },
      });
      return values.length;
    });
    return { ok: true, imported };
  } catch (error) {
    if (error instanceof RowErrors) return failure("import.errors.rows", error.errors);
    if (error instanceof ActionError) return failure(error.message);
    throw error;
  }
}
