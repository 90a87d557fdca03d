import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/policy";

/** A missing page's title; the root layout's own would name only the site. */
export async function pageNotFoundMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("notFoundTitle") };
}

/** 404: a signed-in person is offered their home page; anyone else the start page. */
export async function PageNotFound() {
  const [t, user] = await Promise.all([getTranslations("common"), getCurrentUser()]);
  return (
    <div className="ui-message-page">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href={user ? ROLE_HOME[user.role] : "/"} className="ui-message-link">
        {user ? t("goHome") : t("goStart")}
      </Link>
    </div>
  );
}
