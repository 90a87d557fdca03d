import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { artifactLocale, attachment } from "@/lib/certificates/download";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import type { LabelStrings } from "@/lib/certificates/strings";
import { findDownloadableCertificate } from "@/lib/dal/certificates";
import { artifactDataFor } from "@/lib/rules/artifact-data";
import { answeringUnavailable } from "@/lib/http/unavailable";
import { loadMessages } from "@/lib/i18n/messages";
import { cachedArtifact } from "@/lib/storage/artifact-cache";

/**
 * The certificate PDF, `?lang=zh-CN|en`: for the owning enterprise, the issuing body and the
 * regulator of the certificate's region. Anyone else gets 404, as if it did not exist.
 */
export const GET = answeringUnavailable(async (request: Request, { params }: { params: Promise<{ number: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(user.role, "certificate.download")) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  const certificate = await findDownloadableCertificate(user, (await params).number);
  if (!certificate) return NextResponse.json({ error: "not_found" }, { status: 404 });

  const locale = artifactLocale(new URL(request.url).searchParams);
  const strings = loadMessages(locale).labels as LabelStrings;
  const data = artifactDataFor(certificate, publicBaseUrl(request.url));
  const pdf = await cachedArtifact(
    { certificateNumber: certificate.number, locale, kind: "certificate", extension: "pdf", contentType: "application/pdf", inputs: { data, strings } },
    async () => new Uint8Array(await renderCertificatePdf(data, locale, strings)),
  );
  return attachment(pdf.body, "application/pdf", `${certificate.number}-certificate-${locale}.pdf`, "private, max-age=3600");
});
