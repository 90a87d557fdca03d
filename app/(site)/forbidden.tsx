import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/policy";

/** 403: the page is not for this account; its own home page is (or signing in, when the session is gone). */
export default async function Forbidden() {
  const [t, user] = await Promise.all([getTranslations("common"), getCurrentUser()]);
  return (
    <div className="ui-message-page">
      <title>{`${t("forbiddenTitle")} · ${t("appName")}`}</title>
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <Link href={user ? ROLE_HOME[user.role] : "/login"} className="ui-message-link">
        {user ? t("goHome") : t("signInInstead")}
      </Link>
    </div>
  );
}
