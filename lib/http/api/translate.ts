import "server-only";
import { createTranslator } from "use-intl/core";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { parseMessageKey } from "@/lib/i18n/translate";

/** The language of a response's human-readable texts, from Accept-Language (zh-CN by default). */
export function requestLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

/** A message key (`key?param=value`, as operations and zod give them) in the request's language. */
export function translateMessage(locale: Locale, message: string): string {
  const { key, params } = parseMessageKey(message);
  // The catalogs are loaded at run time, so keys are plain strings here.
  const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as {
    (key: string, params: Record<string, string>): string;
    has(key: string): boolean;
  };
  return t.has(key) ? t(key, params) : message;
}
