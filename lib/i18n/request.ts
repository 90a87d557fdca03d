import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./config";
import { loadMessages } from "./messages";

/**
 * The language of a render: the one a caller names (`getTranslations({ locale })`) or the
 * address's, when a layout set it (the public label page, which must not read the request so
 * that it can be served from the render cache); otherwise the visitor's choice in the cookie,
 * else their browser's Accept-Language.
 */
export default getRequestConfig(async ({ locale: named, requestLocale }) => {
  const fromAddress = named ?? (await requestLocale);
  const locale: Locale = isLocale(fromAddress) ? fromAddress : await visitorLocale();
  return { locale, messages: loadMessages(locale), timeZone: "Asia/Shanghai" };
});

async function visitorLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
}
