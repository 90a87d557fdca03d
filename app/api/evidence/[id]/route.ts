import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { findDownloadableEvidence } from "@/lib/dal/evidence";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { evidenceStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * Evidence download: always an attachment, never rendered inline. Anyone but
 * the owning enterprise, the assigned body and the region's regulator gets the
 * same 404 as for a file that does not exist.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: NO_STORE });
  const { id } = await params;
  const file = can(user.role, "evidence.download") ? await findDownloadableEvidence(user, id) : null;
  const body = file ? await evidenceStorage().get(file.storageKey) : null;
  if (file && !body) console.error(`[evidence] stored bytes missing for evidence ${file.id}`);
  if (!file || !body) return new Response("Not found", { status: 404, headers: NO_STORE });
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "content-type": file.mimeType,
      "content-length": String(file.sizeBytes),
      "content-disposition": attachmentDisposition(file.fileName),
      "x-content-type-options": "nosniff",
      "x-evidence-sha256": file.sha256,
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
