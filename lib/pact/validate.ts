/**
 * Validation of ProductFootprint documents against our PACT 3.0 schema, with ajv (JSON Schema
 * draft 2020-12) and its standard formats (uuid, date-time, uri). Compiled once per process.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { credentialExtensionSchema, productFootprintSchema } from "./schema";

/** Where (a JSON pointer), ajv's English message, and the failed keyword with its parameters (for a translated message). */
export type SchemaProblem = { path: string; message: string; keyword: string; params: Record<string, unknown> };

let compiled: { footprint: ValidateFunction; extension: ValidateFunction } | null = null;

function validators() {
  if (!compiled) {
    // Strict, except for two deliberate shapes: a `required` inside `not` (two geography levels at
    // once) names properties defined beside it, and a credential's @context is an open tuple
    // (the VC context first, then any others).
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTuples: false });
    addFormats(ajv);
    compiled = {
      footprint: ajv.compile(productFootprintSchema),
      // The extension's published `$id` depends on the base URL; its rules do not.
      extension: ajv.compile({ ...credentialExtensionSchema("https://schema.invalid"), $id: undefined }),
    };
  }
  return compiled;
}

function problems(errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((error) => ({ path: error.instancePath || "/", message: error.message ?? error.keyword, keyword: error.keyword, params: error.params }));
}

/** The problems of a would-be ProductFootprint; none means it is valid. */
export function productFootprintProblems(document: unknown): SchemaProblem[] {
  const { footprint } = validators();
  return footprint(document) ? [] : problems(footprint.errors);
}

/** The problems of the `data` of a certificate-credential extension. */
export function credentialExtensionProblems(data: unknown): SchemaProblem[] {
  const { extension } = validators();
  return extension(data) ? [] : problems(extension.errors);
}
