import { getCurrentUser } from "@/lib/auth/current-user";
import { bilingualReportStrings } from "@/lib/certificates/bilingual-strings";
import { artifactLocale } from "@/lib/certificates/download";
import { renderStudyReportPdf } from "@/lib/certificates/study-report-pdf";
import { getApplicationStudyReport } from "@/lib/dal/study-report";
import { OperationError, UnauthenticatedError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { refusalResponse } from "@/lib/http/refusal";

export const dynamic = "force-dynamic";

/**
 * The bilingual CFP study report of an application (PDF), for its owner and its verification
 * body from the calculated state onwards; once certified, the very report frozen at issuance.
 * Refusals are JSON with the reason (`?lang=en` for English text).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = artifactLocale(new URL(request.url).searchParams);
  const user = await getCurrentUser();
  if (!user) return refusalResponse(new UnauthenticatedError(), locale);
  try {
    const report = await getApplicationStudyReport(user, (await params).id);
    const pdf = report.kind === "stored" ? report.pdf : await renderStudyReportPdf(report.data, bilingualReportStrings());
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachmentDisposition(report.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof OperationError) return refusalResponse(error, locale);
    throw error;
  }
}
