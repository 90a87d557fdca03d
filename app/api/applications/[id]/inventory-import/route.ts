import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { importInventoryLines } from "@/lib/domain/inventory/import-lines";
import { MAX_IMPORT_BYTES, type ImportOutcome } from "@/lib/import/inventory-columns";
import { messageKey } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

const STATUS_BY_MESSAGE: Record<string, number> = {
  "errors.unauthenticated": 401,
  "errors.forbidden": 403,
  "errors.notFound": 404,
};

function reply(outcome: ImportOutcome): Response {
  const status = outcome.ok ? 200 : (STATUS_BY_MESSAGE[outcome.message] ?? 422);
  return Response.json(outcome, { status, headers: { "cache-control": "no-store" } });
}

function refuse(message: string, column: string | null = null): Response {
  return reply({ ok: false, message, errors: [{ row: 1, column, message }], errorCount: 1 });
}

/**
 * Inventory import upload (multipart field `file`). A route handler rather
 * than a server action so that the browser can show real upload progress.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Same-origin only: a cross-site form post must not import into a signed-in user's inventory.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && URL.parse(origin)?.host !== host) {
    return reply({ ok: false, message: "errors.forbidden", errors: [], errorCount: 0 });
  }
  const user = await getCurrentUser();
  if (!user) return reply({ ok: false, message: "errors.unauthenticated", errors: [], errorCount: 0 });
  const { id } = await params;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return refuse(messageKey("import.errors.tooLarge", { maximum: MAX_IMPORT_BYTES / 1024 / 1024 }));
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("import.errors.fileRequired");
  if (file.size > MAX_IMPORT_BYTES) return refuse(messageKey("import.errors.tooLarge", { maximum: MAX_IMPORT_BYTES / 1024 / 1024 }));

  const outcome = await importInventoryLines(user, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (outcome.ok) revalidatePath(`/enterprise/applications/${id}`);
  return reply(outcome);
}
