import { NextResponse } from "next/server";
import { artifactLocale, attachment } from "@/lib/certificates/download";
import { renderLabelPdf } from "@/lib/certificates/label-pdf";
import { renderLabelPng } from "@/lib/certificates/label-png";
import { renderLabelSvg } from "@/lib/certificates/label-svg";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import type { LabelStrings } from "@/lib/certificates/strings";
import { findLabelSource } from "@/lib/dal/certificates";
import { artifactDataFor } from "@/lib/rules/artifact-data";
import { answeringUnavailable } from "@/lib/http/unavailable";
import { loadMessages } from "@/lib/i18n/messages";
import { cachedArtifact } from "@/lib/storage/artifact-cache";

/** The label drawn from the frozen snapshot never changes, so caches may keep it for a day. */
const CACHE_CONTROL = "public, max-age=86400";

/**
 * The label, `?format=svg|png|pdf&lang=zh-CN|en`: vector SVG and PDF (text as outlines), print-resolution PNG. Public: the label is printed on products and
 * its QR code leads to the live status anyway.
 */
export const GET = answeringUnavailable(async (request: Request, { params }: { params: Promise<{ number: string }> }) => {
  const url = new URL(request.url);
  const requested = url.searchParams.get("format");
  const format = requested === "png" || requested === "pdf" ? requested : "svg";
  const certificate = await findLabelSource((await params).number);
  if (!certificate) return NextResponse.json({ error: "not_found" }, { status: 404 });

  const locale = artifactLocale(url.searchParams);
  const strings = loadMessages(locale).labels as LabelStrings;
  const data = artifactDataFor(certificate, publicBaseUrl(request.url));
  const filename = `${certificate.number}-label-${locale}.${format}`;
  if (format === "pdf") {
    const pdf = await renderLabelPdf(data, locale, strings);
    return attachment(new Uint8Array(pdf), "application/pdf", filename, CACHE_CONTROL);
  }
  const svg = renderLabelSvg(data, locale, strings);
  if (format === "svg") return attachment(svg, "image/svg+xml; charset=utf-8", filename, CACHE_CONTROL);
  const png = await cachedArtifact(
    { certificateNumber: certificate.number, locale, kind: "label", extension: "png", contentType: "image/png", inputs: { svg } },
    async () => new Uint8Array(await renderLabelPng(svg)),
  );
  return attachment(png.body, "image/png", filename, CACHE_CONTROL);
});
