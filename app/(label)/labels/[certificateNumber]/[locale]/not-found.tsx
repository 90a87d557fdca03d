import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The same answer for a malformed and an unknown number, so the page helps nobody guess numbers. */
export default async function NoSuchCertificate() {
  const t = await getTranslations("labels.public");
  return (
    <div className="ui-message-page">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href="/registry" className="ui-message-link">
        {t("registryLink")}
      </Link>
    </div>
  );
}
