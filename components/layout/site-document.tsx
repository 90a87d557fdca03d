import type { SiteHeaderView } from "@/lib/dal/site-header";
import { ClientMessages } from "./client-messages";
import { inter } from "./fonts";
import { SiteFrame } from "./site-frame";

/**
 * The document each root layout draws (app/(site), the public label page's) and the unmatched
 * address's page: the page's language, the site's font, the client components' messages
 * (`namespaces`, the layout's client-namespaces.ts) and the site's frame.
 */
export function SiteDocument({
  locale,
  header,
  namespaces,
  outsideSite = false,
  children,
}: {
  locale: string;
  header: SiteHeaderView;
  namespaces: readonly string[];
  /** Drawn by a document other than app/(site)'s (components/layout/frame-link.tsx). */
  outsideSite?: boolean;
  children: React.ReactNode;
}) {
  return (
    <html lang={locale} className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <ClientMessages namespaces={namespaces}>
          <SiteFrame header={header} outsideSite={outsideSite}>
            {children}
          </SiteFrame>
        </ClientMessages>
      </body>
    </html>
  );
}
