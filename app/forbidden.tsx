import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/policy";

/** 403: the page is not for this account; its own home page is (or signing in, when the session is gone). */
export default async function Forbidden() {
  const [t, user] = await Promise.all([getTranslations("common"), getCurrentUser()]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <title>{`${t("forbiddenTitle")} · ${t("appName")}`}</title>
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("forbiddenBody")}</p>
      <Link href={user ? ROLE_HOME[user.role] : "/login"} className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        {user ? t("goHome") : t("signInInstead")}
      </Link>
    </div>
  );
}
