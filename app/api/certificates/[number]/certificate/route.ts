import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { artifactLocale, attachment } from "@/lib/certificates/download";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import type { LabelStrings } from "@/lib/certificates/strings";
import { findDownloadableCertificate } from "@/lib/dal/certificates";
import { artifactDataFor } from "@/lib/domain/certificates/artifact-data";
import { loadMessages } from "@/lib/i18n/messages";

/**
 * The certificate PDF, `?lang=zh-CN|en`: for the owning enterprise, the issuing body and the
 * regulator of the certificate's region. Anyone else gets 404, as if it did not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(user.role, "certificate.download")) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  const certificate = await findDownloadableCertificate(user, decodeURIComponent((await params).number));
  if (!certificate) return NextResponse.json({ error: "not_found" }, { status: 404 });

  const locale = artifactLocale(new URL(request.url).searchParams);
  const strings = loadMessages(locale).labels as LabelStrings;
  const pdf = await renderCertificatePdf(artifactDataFor(certificate, publicBaseUrl(request.url)), locale, strings);
  const body = new Uint8Array(pdf);
  return attachment(body, "application/pdf", `${certificate.number}-certificate-${locale}.pdf`, "private, max-age=3600");
}
