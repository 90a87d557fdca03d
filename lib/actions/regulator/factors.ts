"use server";

import { createAction } from "@/lib/actions/validated-action";
import { addFactorVersion } from "@/lib/domain/factors/add-factor-version";
import { importFactors } from "@/lib/domain/factors/import-factors";
import { factorFieldsSchema, factorImportSchema } from "@/lib/validation/schemas/regulator";

export type { FactorImportResult } from "@/lib/domain/factors/import-factors";

/** Adds a factor, or supersedes the current version of its key with a new one. */
export const addFactorVersionAction = createAction(addFactorVersion, {
  schema: factorFieldsSchema,
  result: ({ factor, impactRunId }) => ({ factorKey: factor.factorKey, version: factor.version, impactRunId }),
  revalidate: () => ["/regulator/factors"],
});

/** Imports a factor table: every row valid, or nothing is saved and every row error is reported. */
export const importFactorsAction = createAction(importFactors, {
  schema: factorImportSchema,
  revalidate: () => ["/regulator/factors"],
});
