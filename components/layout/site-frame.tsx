import { useTranslations } from "next-intl";
import { siteInfo } from "@/lib/site-info";
import type { SiteHeaderView } from "@/lib/dal/site-header";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** What every page sits in, whichever root layout renders it: the skip link, header, main region and footer. */
export function SiteFrame({ header, children }: { header: SiteHeaderView; children: React.ReactNode }) {
  const t = useTranslations("common");
  return (
    <>
      <a href="#main" className="ui-skip-link">
        {t("skipToContent")}
      </a>
      <SiteHeader header={header} />
      <main id="main" className="ui-main">
        {children}
      </main>
      <SiteFooter operatorName={siteInfo().operatorName} />
    </>
  );
}
