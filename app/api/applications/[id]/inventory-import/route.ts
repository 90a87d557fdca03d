import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { executeOperation } from "@/lib/domain/operation";
import { authorizeInventoryImport, ImportRowsError, importInventoryLines } from "@/lib/domain/inventory/import-lines";
import { ForbiddenError, NotFoundError, UnauthenticatedError, type OperationError } from "@/lib/errors";
import { MAX_IMPORT_BYTES, MAX_REPORTED_ERRORS, type ImportOutcome, type ImportRowError } from "@/lib/import/inventory-columns";
import { parseInventoryFile } from "@/lib/import/inventory-import";
import { MULTIPART_OVERHEAD_BYTES, readBoundedForm } from "@/lib/http/bounded-body";
import { messageKey } from "@/lib/i18n/translate";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

export const dynamic = "force-dynamic";

function reply(outcome: ImportOutcome, status: number): Response {
  return Response.json(outcome, { status, headers: { "cache-control": "no-store" } });
}

function failure(message: string, errors: ImportRowError[] = [], status = 422): Response {
  return reply({ ok: false, message, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length }, status);
}

/** A refusal of the upload itself, reported as the error of its first row. */
function refuseFile(message: string): Response {
  return failure(message, [{ row: 1, column: null, message }]);
}

function refusal(error: OperationError): Response {
  if (error instanceof ImportRowsError) return failure(error.message, error.errors);
  if (error instanceof UnauthenticatedError) return failure(error.message, [], 401);
  if (error instanceof ForbiddenError) return failure(error.message, [], 403);
  if (error instanceof NotFoundError) return failure(error.message, [], 404);
  return failure(error.message);
}

/**
 * Inventory import upload (multipart field `file`). A route handler rather
 * than a server action so that the browser can show real upload progress.
 * The caller is refused before the upload is read; the file is parsed outside
 * any transaction; the rows are then imported by one operation.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Same-origin only: a cross-site form post must not import into a signed-in user's inventory.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && URL.parse(origin)?.host !== host) return failure("errors.forbidden", [], 403);

  // No application has an id that is not a UUID.
  const target = applicationIdSchema.safeParse({ applicationId: (await params).id });
  if (!target.success) return failure("errors.notFound", [], 404);
  const user = await getCurrentUser();
  const authorized = await executeOperation(authorizeInventoryImport, user, target.data);
  if (!authorized.ok) return refusal(authorized.error);

  // Counted while it arrives: a chunked body without Content-Length stops at the limit too.
  const body = await readBoundedForm(request, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES);
  if (!body.ok && body.reason === "too_large") {
    return refuseFile(messageKey("import.errors.tooLarge", { maximum: MAX_IMPORT_BYTES / 1024 / 1024 }));
  }
  const file = body.ok ? body.form.get("file") : null;
  if (!(file instanceof File) || file.size === 0) return refuseFile("import.errors.fileRequired");
  if (file.size > MAX_IMPORT_BYTES) return refuseFile(messageKey("import.errors.tooLarge", { maximum: MAX_IMPORT_BYTES / 1024 / 1024 }));

  const bytes = new Uint8Array(await file.arrayBuffer());
  const sheet = await parseInventoryFile(file.name, bytes);
  if (!sheet.ok) return failure("import.errors.file", sheet.errors);

  const outcome = await executeOperation(importInventoryLines, user, {
    ...target.data,
    file: { name: file.name, sha256: createHash("sha256").update(bytes).digest("hex") },
    rows: sheet.rows,
  });
  if (!outcome.ok) return refusal(outcome.error);
  revalidatePath(`/enterprise/applications/${target.data.applicationId}`);
  return reply({ ok: true, imported: outcome.data.imported }, 200);
}
