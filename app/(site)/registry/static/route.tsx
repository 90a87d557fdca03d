import { getLocale } from "next-intl/server";
import { renderStaticPage } from "@/components/layout/static-page";
import { RegistryView } from "@/components/registry/registry-view";
import { registryViewProps } from "@/components/registry/registry-view-props";
import { answeringUnavailable } from "@/lib/http/unavailable";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "@/lib/i18n/config";
import { registryQuerySchema } from "@/lib/validation/schemas/certificates";

/**
 * The public registry as a visitor who is not signed in loads it (`/registry`, rewritten here by
 * next.config.ts when the request carries no session cookie and is no router request): the same
 * view as the App Router page (../page.tsx), as HTML without scripts. A procurement officer
 * comparing products opens it on any device, and it needs no code in the browser: the search is
 * a GET form, the pages and the CSV export are links. In the visitor's language (cookie, else
 * browser); its language choice links through /language/<code>, which remembers the choice.
 * A database outage while it runs answers 503 with Retry-After, as the proxy does before it.
 */
export const GET = answeringUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const query = registryQuerySchema.parse(Object.fromEntries(url.searchParams));
  const visitorLocale = await getLocale();
  const locale = isLocale(visitorLocale) ? visitorLocale : DEFAULT_LOCALE;
  const props = await registryViewProps(query, locale);
  // The address the visitor asked for: /registry and its query (this route's own path is the rewrite's).
  const here = `/registry${url.search}`;
  const html = await renderStaticPage({
    locale,
    title: props.t("title"),
    languages: LOCALES.map((option) => ({ locale: option, href: `/language/${option}?next=${encodeURIComponent(here)}`, current: option === locale })),
    children: <RegistryView {...props} Link="a" />,
  });
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
});
