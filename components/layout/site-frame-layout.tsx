import type { ReactNode } from "react";
import type { LinkComponent } from "@/components/ui/link-component";
import type { SiteFrameText } from "./site-frame-text";

/**
 * The frame of every page: skip link, header, main region, footer. No state and no hooks, so both
 * the site's interactive frame (site-frame-view.tsx) and the public label page's frame, which is
 * sent without scripts (static-site-frame.tsx), lay out the same markup; each brings its own
 * controls: navigation, language, account, menu.
 */
export function SiteFrameLayout({
  frame,
  Link,
  nav,
  controls,
  notice,
  children,
}: {
  frame: SiteFrameText;
  Link: LinkComponent;
  /** The wide screen's navigation list. */
  nav: ReactNode;
  /** The header's right-hand side. */
  controls: ReactNode;
  /** A line under the header bar (an address to confirm). */
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a href="#main" className="ui-skip-link">
        {frame.skipToContent}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="ui-header-bar">
          <Link href="/" className="ui-brand">
            <span aria-hidden>CO₂</span>
            <span>{frame.appName}</span>
          </Link>
          {/* A workspace has up to a dozen entries: they wrap onto a second row instead of running under the controls. */}
          <nav aria-label={frame.mainNav} className="hidden min-w-0 flex-1 py-1 lg:block">
            {nav}
          </nav>
          <div className="ml-auto flex items-center gap-2">{controls}</div>
        </div>
        {notice}
      </header>
      <main id="main" className="ui-main">
        {children}
      </main>
      <footer className="mt-12 border-t border-slate-200 bg-white">
        <div className="ui-footer-bar">
          <p>{frame.footer.operator}</p>
          <nav aria-label={frame.footer.label}>
            <ul className="flex flex-wrap gap-1">
              {frame.footer.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="ui-footer-link">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
