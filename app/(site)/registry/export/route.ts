import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { exportRegistry } from "@/lib/dal/public-certificates";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { registryCsv } from "@/lib/http/registry-csv";
import { answeringUnavailable } from "@/lib/http/unavailable";
import { registryQuerySchema } from "@/lib/validation/schemas/certificates";

/**
 * The public registry as CSV, for the same filters and order as the page (`/registry/export?…`):
 * public fields only, formula-leading cells neutralized.
 */
export const GET = answeringUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const query = registryQuerySchema.parse(Object.fromEntries(url.searchParams));
  const rows = await exportRegistry(query);
  return new Response(registryCsv(rows, publicBaseUrl(request.url)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition("carbonlabel-registry.csv"),
      "Cache-Control": "public, max-age=60",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
