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
    <div className="mx-auto max-w-lg py-16 text-center">
      <title>{`${t("unauthorizedTitle")} · ${t("appName")}`}</title>
      <h1 className="text-2xl font-semibold">{t("unauthorizedTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("unauthorizedBody")}</p>
      <Link href="/login" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        {t("signInInstead")}
      </Link>
    </div>
  );
}
