import "server-only";
import type { Tx } from "@/db";
import { ForbiddenError, OperationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/translate";
import { assertUserCan, type Actor } from "@/lib/policy";
import { parseFactorCsv, type FactorCsvError } from "@/lib/regulator/factor-csv";
import { addFactorVersion } from "./add-factor-version";

type FactorImportInput = { csv: string };

export type FactorImportResult =
  | { imported: number; impactRuns: number; errors?: undefined }
  | { imported: 0; impactRuns?: undefined; errors: FactorCsvError[] };

/**
 * Imports a factor table: every row valid, or nothing is saved and every row error is reported.
 * Each new version of an existing key queues its impact run (counted in `impactRuns`).
 */
export async function importFactors(tx: Tx, actor: Actor | null, { csv }: FactorImportInput): Promise<FactorImportResult> {
  assertUserCan(actor, "factor.manage");
  const parsed = parseFactorCsv(csv);
  if (!parsed.ok) return { imported: 0, errors: parsed.errors };
  let impactRuns = 0;
  for (const [index, row] of parsed.rows.entries()) {
    try {
      if ((await addFactorVersion(tx, actor, row)).impactRunId) impactRuns++;
    } catch (error) {
      // A refusal on one row (e.g. a unit of another dimension) rolls the whole import back.
      if (error instanceof OperationError) {
        // A row of a region the importer does not keep is refused on its region.
        const field = Object.keys(error.fieldErrors ?? {})[0] ?? (error instanceof ForbiddenError ? "region" : null);
        throw new OperationError(messageKey("factors.errors.rowRefused", { line: index + 2, field: field ?? "" }));
      }
      throw error;
    }
  }
  return { imported: parsed.rows.length, impactRuns };
}
