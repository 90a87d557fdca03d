import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { credentialExtensionSchema } from "@/lib/pact/schema";

export const dynamic = "force-dynamic";

/** The Extension Schema File of the certificate-credential Data Model Extension (its `dataSchema` URL). */
export function GET() {
  return Response.json(credentialExtensionSchema(platformBaseUrl()), {
    headers: { "content-type": "application/schema+json", "cache-control": "public, max-age=86400", "access-control-allow-origin": "*" },
  });
}
