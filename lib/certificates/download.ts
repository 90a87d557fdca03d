import type { Locale } from "@/lib/i18n/config";

/** `lang` of a download link: the artifact's language, zh-CN unless English is asked for. */
export function artifactLocale(searchParams: URLSearchParams): Locale {
  return searchParams.get("lang") === "en" ? "en" : "zh-CN";
}

/** A download response that saves under a meaningful name. */
export function attachment(body: BodyInit, contentType: string, filename: string, cacheControl: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": cacheControl,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
