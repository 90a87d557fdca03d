import { createHash } from "node:crypto";
import { authorizeInventoryImport, importInventoryLines } from "@/lib/domain/inventory/import-lines";
import { MAX_IMPORT_BYTES } from "@/lib/import/inventory-columns";
import { parseInventoryFile } from "@/lib/import/inventory-import";
import { messageKey } from "@/lib/i18n/translate";
import { ApiProblem } from "@/lib/http/api/problem";
import { apiJson, apiRoute, pathParams, perform, readFormBody } from "@/lib/http/api/route";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

export const dynamic = "force-dynamic";

function fileProblem(message: string, row?: number): ApiProblem {
  return new ApiProblem("validation", message, [{ field: "file", message, in: "body", row }]);
}

/**
 * Imports a CSV or XLSX inventory (multipart field `file`, the template's columns): all rows or
 * none, every error by row and column. The same operations as the upload on the application page.
 */
export const POST = apiRoute<{ applicationId: string }>(async ({ request, actor, params }) => {
  const target = pathParams(applicationIdSchema, params);
  await perform(authorizeInventoryImport, actor, target);
  const file = (await readFormBody(request)).get("file");
  if (!(file instanceof File) || file.size === 0) throw fileProblem("import.errors.fileRequired");
  if (file.size > MAX_IMPORT_BYTES) throw fileProblem(messageKey("import.errors.tooLarge", { maximum: MAX_IMPORT_BYTES / 1024 / 1024 }));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sheet = await parseInventoryFile(file.name, bytes);
  if (!sheet.ok) {
    throw new ApiProblem(
      "validation",
      "import.errors.file",
      sheet.errors.map((error) => ({ field: error.column ?? "file", message: error.message, in: "body", row: error.row })),
    );
  }
  const imported = await perform(importInventoryLines, actor, {
    ...target,
    file: { name: file.name, sha256: createHash("sha256").update(bytes).digest("hex") },
    rows: sheet.rows,
  });
  return apiJson(imported, { status: 201 });
});
