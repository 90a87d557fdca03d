import { getTranslations } from "next-intl/server";

/**
 * The label page's "no such certificate", the only page below this root layout: the same answer
 * for a malformed and an unknown number, so the page helps nobody guess numbers. It sits beside the
 * layout, which sets the language before it renders (a not-found page deeper down could render
 * first and read the request).
 */
export default async function NoSuchCertificate() {
  const [t, common] = await Promise.all([getTranslations("labels.public"), getTranslations("common")]);
  return (
    <div className="ui-message-page">
      <title>{`${t("notFoundTitle")} · ${common("appName")}`}</title>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the registry is in the site's root layout, not this one: a full page load either way */}
      <a href="/registry" className="ui-message-link">
        {t("registryLink")}
      </a>
    </div>
  );
}
