import { LOCALE_NAMES, type Locale } from "@/lib/i18n/config";
import { SiteFrameLayout } from "./site-frame-layout";
import type { SiteFrameText } from "./site-frame-text";

/** The page in each language: its address and whether it is this one. */
export type PageLanguage = { locale: Locale; href: string; current: boolean };

/**
 * The frame of a page sent without scripts (the public label page): the site's frame for a
 * visitor who is not signed in, with plain links. The language choice links to the page in the
 * other language, and on a phone the menu is a disclosure (`<details>`) the browser opens itself.
 * Every link leads into the site's root layout: a full page load either way.
 */
export function StaticSiteFrame({ frame, languages, children }: { frame: SiteFrameText; languages: PageLanguage[]; children: React.ReactNode }) {
  const links = (className: string) => (
    <ul className={className}>
      {frame.items.map((item) => (
        <li key={item.href}>
          <a href={item.href} className="ui-nav-link">
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <SiteFrameLayout
      frame={frame}
      Link="a"
      nav={links("flex flex-wrap items-center gap-1")}
      controls={
        <>
          <div className="hidden lg:block">
            <LanguageLinks label={frame.language} languages={languages} />
          </div>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a page without scripts has no router: every link is a page load */}
          <a href="/login" className="ui-sign-in">
            {frame.signIn}
          </a>
          <details className="lg:hidden">
            <summary aria-label={frame.menu} className="ui-menu-button cursor-pointer list-none [&::-webkit-details-marker]:hidden">
              <span aria-hidden />
            </summary>
            <nav aria-label={frame.menu} className="absolute inset-x-0 top-14 z-40 border-b border-slate-200 bg-white px-4 py-3 shadow">
              {links("space-y-1")}
              <div className="mt-3 border-t border-slate-200 pt-3">
                <LanguageLinks label={frame.language} languages={languages} />
              </div>
            </nav>
          </details>
        </>
      }
    >
      {children}
    </SiteFrameLayout>
  );
}

/** The language choice as links, drawn like the site's switcher; the page's own language is marked. */
function LanguageLinks({ label, languages }: { label: string; languages: PageLanguage[] }) {
  return (
    <div role="group" aria-label={label} className="flex rounded-md border border-slate-300 text-xs">
      {languages.map((language) => (
        <a
          key={language.locale}
          href={language.href}
          lang={language.locale}
          hrefLang={language.locale}
          aria-current={language.current ? "page" : undefined}
          className="ui-language-option"
        >
          {LOCALE_NAMES[language.locale]}
        </a>
      ))}
    </div>
  );
}
