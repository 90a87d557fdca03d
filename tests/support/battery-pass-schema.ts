/**
 * Validates documents against the JSON Schema written from the Battery Pass data model v1.2
 * (./schemas/battery-pass-carbon-footprint-1.2.0.schema.json, which cites its source) with Ajv.
 */
import Ajv2020 from "ajv/dist/2020";
import schema from "./schemas/battery-pass-carbon-footprint-1.2.0.schema.json";

// Formats are annotations here: the schema states the web-link rule as a pattern too.
const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const validate = ajv.compile(schema);

/** The schema's errors for `document` (empty when it is valid). */
export function batteryPassErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
}
