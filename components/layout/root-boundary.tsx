import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { LOCALES } from "@/lib/i18n/config";

/**
 * One document for the 404, 403 and 401 of the app's top segment, made once per render: the
 * payload then carries it once and points to it from the other two boundaries.
 */
const rootBoundaryDocument = cache(async () => {
  const texts = await Promise.all(LOCALES.map(async (locale) => (await getTranslations({ locale, namespace: "common" }))("goStart")));
  return (
    <html lang={LOCALES[0]}>
      <body>
        <Link href="/">{texts.join(" · ")}</Link>
      </body>
    </html>
  );
});

/**
 * What the app's top segment shows for a 404, 403 or 401 that no root layout caught. The root
 * layout is below it (app/(site), a route group), so it has none and draws its own document; that
 * layout throws none of these, so in practice it never shows. It exists because
 * the router puts the top segment's boundaries into every page's payload, and Next.js's own are
 * English-only and several times the size. It reads nothing of the request, so it cannot know the
 * visitor's language: it offers the start page, which can, in both.
 */
export async function RootBoundary() {
  return rootBoundaryDocument();
}
