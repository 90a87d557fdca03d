import { NextResponse } from "next/server";
import { artifactLocale, attachment } from "@/lib/certificates/download";
import { renderLabelPng } from "@/lib/certificates/label-png";
import { renderLabelSvg } from "@/lib/certificates/label-svg";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import type { LabelStrings } from "@/lib/certificates/strings";
import { findLabelSource } from "@/lib/dal/certificates";
import { artifactDataFor } from "@/lib/domain/certificates/artifact-data";
import { loadMessages } from "@/lib/i18n/messages";

/** The label drawn from the frozen snapshot never changes, so caches may keep it for a day. */
const CACHE_CONTROL = "public, max-age=86400";

/**
 * The label image, `?format=svg|png&lang=zh-CN|en`. Public: the label is printed on products and
 * its QR code leads to the live status anyway.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "png" ? "png" : "svg";
  const certificate = await findLabelSource(decodeURIComponent((await params).number));
  if (!certificate) return NextResponse.json({ error: "not_found" }, { status: 404 });

  const locale = artifactLocale(url.searchParams);
  const strings = loadMessages(locale).labels as LabelStrings;
  const svg = renderLabelSvg(artifactDataFor(certificate, publicBaseUrl(request.url)), locale, strings);
  const filename = `${certificate.number}-label-${locale}.${format}`;
  if (format === "svg") return attachment(svg, "image/svg+xml; charset=utf-8", filename, CACHE_CONTROL);
  return attachment(new Uint8Array(await renderLabelPng(svg)), "image/png", filename, CACHE_CONTROL);
}
