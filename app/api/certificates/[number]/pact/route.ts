import { getCurrentUser } from "@/lib/auth/current-user";
import { artifactLocale } from "@/lib/certificates/download";
import { getCertificatePactExport } from "@/lib/dal/pact/certificate-export";
import { OperationError, UnauthenticatedError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { refusalResponse } from "@/lib/http/refusal";

export const dynamic = "force-dynamic";

/**
 * A certified footprint as a PACT v3 ProductFootprint JSON file (the document the PACT API
 * serves, signed credential included), for the certificate's holder and its issuing body.
 * Anyone else gets 404; a certificate PACT cannot describe a 409 with the reason.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const locale = artifactLocale(new URL(request.url).searchParams);
  const user = await getCurrentUser();
  if (!user) return refusalResponse(new UnauthenticatedError(), locale);
  try {
    const exported = await getCertificatePactExport(user, (await params).number);
    return new Response(JSON.stringify(exported.footprint, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`${exported.number}.pact.json`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof OperationError) return refusalResponse(error, locale);
    throw error;
  }
}
