import { getCurrentUser } from "@/lib/auth/current-user";
import { bilingualReportStrings } from "@/lib/certificates/bilingual-strings";
import { artifactLocale } from "@/lib/certificates/download";
import { renderStudyReportPdf } from "@/lib/certificates/study-report-pdf";
import { findCertificateStudyReport } from "@/lib/dal/study-report";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { refusalResponse } from "@/lib/http/refusal";
import { can } from "@/lib/policy";

export const dynamic = "force-dynamic";

/**
 * The study report a certificate was issued with (bilingual PDF), byte for byte: for the holder,
 * the issuing body and the regulator of the certificate's region. Anyone else gets 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const locale = artifactLocale(new URL(request.url).searchParams);
  const user = await getCurrentUser();
  if (!user) return refusalResponse(new UnauthenticatedError(), locale);
  if (!can(user, "certificate.download")) return refusalResponse(new ForbiddenError(), locale);
  const report = await findCertificateStudyReport(user, (await params).number);
  if (!report) return refusalResponse(new NotFoundError("certificates.errors.notFound"), locale);
  const pdf = report.kind === "stored" ? report.pdf : await renderStudyReportPdf(report.data, bilingualReportStrings());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(report.fileName),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      ...(report.kind === "stored" ? { "X-Content-SHA256": report.sha256 } : {}),
    },
  });
}
