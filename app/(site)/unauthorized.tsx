import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * 401: the page needs a signed-in account. The proxy sends signed-out visitors to /login before
 * a page runs, so this shows only if a page itself finds no session; it replaces Next's own
 * English-only boundary, which every page would otherwise carry in its payload.
 */
export default async function Unauthorized() {
  const t = await getTranslations("common");
  return (
    <div className="ui-message-page">
      <title>{`${t("unauthorizedTitle")} · ${t("appName")}`}</title>
      <h1>{t("unauthorizedTitle")}</h1>
      <p>{t("unauthorizedBody")}</p>
      <Link href="/login" className="ui-message-link">
        {t("signInInstead")}
      </Link>
    </div>
  );
}
