import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { findDownloadableEvidence } from "@/lib/dal/evidence";
import { ConflictError } from "@/lib/errors";
import { opensInBrowser } from "@/lib/evidence/rules";
import { attachmentDisposition, inlineDisposition } from "@/lib/http/content-disposition";
import { refusalResponse } from "@/lib/http/refusal";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import { answeringUnavailable } from "@/lib/http/unavailable";
import { objectStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "private, no-store" };

/** The language the reader chose (the locale cookie), else their browser's. */
function readerLocale(request: Request): Locale {
  const cookies = (request.headers.get("cookie") ?? "").split(";").map((cookie) => cookie.trim().split("="));
  const chosen = cookies.find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

/**
 * Evidence download, streamed from storage to the response without holding the file in memory:
 * an attachment, or with `?inline=1` shown in the browser when it is a PDF or an image (anything
 * else stays an attachment whatever the query says). Either way nosniff and a sandbox CSP with no
 * sources keep the bytes from running as a page of this origin. Anyone but the owning enterprise, the assigned
 * body and the region's regulator gets the same 404 as for a file that does not exist; a storage
 * or database outage answers 503 with Retry-After. A file the malware scan still holds (pending,
 * or its scan failed and is retried) or found infected is refused with 409 and the reason, in the
 * reader's language, to those who may see it.
 */
export const GET = answeringUnavailable(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: NO_STORE });
  const { id } = await params;
  const file = can(user.role, "evidence.download") ? await findDownloadableEvidence(user, id) : null;
  if (file && file.scanStatus !== "clean" && file.scanStatus !== "not_scanned") {
    return refusalResponse(new ConflictError(file.scanStatus === "infected" ? "evidence.scan.infectedRefused" : "evidence.scan.awaiting"), readerLocale(request));
  }
  const stored = file ? await objectStorage().get(file.storageKey) : null;
  if (file && !stored) console.error(`[evidence] stored bytes missing for evidence ${file.id}`);
  if (!file || !stored) return new Response("Not found", { status: 404, headers: NO_STORE });
  const inline = new URL(request.url).searchParams.get("inline") === "1" && opensInBrowser(file.mimeType);
  return new Response(stored.body, {
    headers: {
      ...NO_STORE,
      "content-type": file.mimeType,
      "content-length": String(stored.size),
      "content-disposition": inline ? inlineDisposition(file.fileName) : attachmentDisposition(file.fileName),
      "x-content-type-options": "nosniff",
      "x-evidence-sha256": file.sha256,
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
});
