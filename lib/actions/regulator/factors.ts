"use server";

import { ActionError } from "@/lib/actions/errors";
import { messageKey } from "@/lib/i18n/translate";
import { createAction } from "@/lib/actions/validated-action";
import { addFactorVersion, type AffectedCertificate } from "@/lib/domain/factors/add-factor-version";
import { parseFactorCsv, type FactorCsvError } from "@/lib/regulator/factor-csv";
import { factorFieldsSchema, factorImportSchema } from "@/lib/validation/schemas/regulator";

/** Adds a factor, or supersedes the current version of its key with a new one. */
export const addFactorVersionAction = createAction("factor.manage", {
  schema: factorFieldsSchema,
  revalidate: () => ["/regulator/factors"],
  run: async ({ user, input, tx }) => {
    const { factor, affected } = await addFactorVersion(tx, user, input);
    return { factorKey: factor.factorKey, version: factor.version, affected };
  },
});

export type FactorImportResult =
  | { imported: number; affected: AffectedCertificate[]; errors?: undefined }
  | { imported: 0; affected?: undefined; errors: FactorCsvError[] };

/** Imports a factor table: every row valid, or nothing is saved and every row error is reported. */
export const importFactorsAction = createAction("factor.manage", {
  schema: factorImportSchema,
  revalidate: () => ["/regulator/factors"],
  run: async ({ user, input, tx }): Promise<FactorImportResult> => {
    const parsed = parseFactorCsv(input.csv);
    if (!parsed.ok) return { imported: 0, errors: parsed.errors };
    const affected: AffectedCertificate[] = [];
    for (const [index, row] of parsed.rows.entries()) {
      try {
        affected.push(...(await addFactorVersion(tx, user, row)).affected);
      } catch (error) {
        // A refusal on one row (e.g. a unit of another dimension) rolls the whole import back.
        if (error instanceof ActionError) {
          const field = Object.keys(error.fieldErrors ?? {})[0] ?? null;
          throw new ActionError(messageKey("factors.errors.rowRefused", { line: index + 2, field: field ?? "" }));
        }
        throw error;
      }
    }
    return { imported: parsed.rows.length, affected };
  },
});
