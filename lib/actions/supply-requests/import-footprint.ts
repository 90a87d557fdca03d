"use server";

import { createAction } from "@/lib/actions/validated-action";
import { footprintCredentialCheck } from "@/lib/dal/pact/footprint-credential";
import { importSupplierFootprint } from "@/lib/domain/supply-requests/import-footprint";
import { cleanUploadName } from "@/lib/evidence/file-name";
import { messageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/result";
import { MAX_FOOTPRINT_FILE_BYTES } from "@/lib/validation/schemas/supply";
import { textInput, z } from "@/lib/validation/zod";
import { SUPPLY_PATHS } from "./paths";

/** The parsed document; the operation validates it against the PACT schema. Not exported, so not callable from the browser. */
const importParsedFootprint = createAction(importSupplierFootprint, {
  schema: z.object({ fileName: textInput().min(1).max(255), document: z.unknown() }),
  // The certificate credential the document carries is checked outside the transaction.
  prepare: async (input) => ({ ...input, credential: await footprintCredentialCheck(input.document) }),
  revalidate: () => SUPPLY_PATHS,
});

function fileError(message: string): ActionResult<never> {
  return { ok: false, message: "errors.validation", fieldErrors: { file: [message] } };
}

/**
 * Imports one PACT ProductFootprint file (form field `file`): at most 1 MB of UTF-8 JSON, one
 * ProductFootprint object. What is not JSON is refused here, at the field; what is JSON goes to
 * the operation, which names the PACT field at fault.
 */
export async function importSupplierFootprintAction(formData: FormData): Promise<ActionResult<{ importedFootprintId: string }>> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fileError("supply.import.errors.fileRequired");
  if (file.size > MAX_FOOTPRINT_FILE_BYTES) return fileError(messageKey("supply.import.errors.tooLarge", { maximum: MAX_FOOTPRINT_FILE_BYTES / 1024 / 1024 }));
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()));
  } catch {
    return fileError("supply.import.errors.notJson");
  }
  return importParsedFootprint({ fileName: cleanUploadName(file.name) || "footprint.json", document });
}
