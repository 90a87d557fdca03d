/**
 * A name kept in both languages, in the reader's: the English one on English
 * pages, the Chinese one otherwise — the other only where one is missing.
 */
export function localName(zh: string | null | undefined, en: string | null | undefined, locale: string): string {
  const [first, second] = locale === "en" ? [en, zh] : [zh, en];
  return first?.trim() || second?.trim() || "";
}

/** The user's organization as `localName` gives it. */
export function organizationName(user: { organizationName: string; organizationNameEn?: string | null }, locale: string): string {
  return localName(user.organizationName, user.organizationNameEn, locale);
}
