import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { safeCallbackPath } from "@/lib/validation/callback-url";

/**
 * The language choice of a page sent without scripts (the registry as a visitor who is not
 * signed in loads it): a link here remembers the language for a year, as the site's switcher
 * does (lib/actions/session/set-locale.ts), and leads back to `next`, a path on this site. Only
 * a language preference is written, so a link from elsewhere can do no more than that.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return Response.json({ error: "unknown_language" }, { status: 404 });
  const next = safeCallbackPath(new URL(request.url).searchParams.get("next")) ?? "/";
  return new Response(null, {
    status: 303,
    headers: {
      Location: next,
      "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax`,
      "Cache-Control": "no-store",
    },
  });
}
