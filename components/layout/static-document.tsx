import type { Locale } from "@/lib/i18n/config";

/**
 * The document of a page sent without scripts (the public label page): what the root layouts'
 * metadata gives the other pages (viewport, theme colour, icon), its title, and the site's
 * stylesheet compiled for it (lib/http/label-page-assets.ts).
 */
export function StaticDocument({ locale, title, stylesheet, children }: { locale: Locale; title: string; stylesheet: string; children: React.ReactNode }) {
  return (
    <html lang={locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a document of React's static renderer, not a Next.js page: next/head has no part in it */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#027a48" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body className="flex min-h-screen flex-col font-sans">{children}</body>
    </html>
  );
}
