import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountLinkFrame } from "@/app/(site)/(account-links)/account-link-frame";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.reset");
  return { title: t("title") };
}

/** Opened from the reset email. The token is spent only when the form is sent, never by opening the page (mail scanners open links). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("security.reset");
  const noToken = (
    <>
      {t("noToken")}{" "}
      <Link href="/forgot-password" className="font-medium underline">
        {t("requestAgain")}
      </Link>
    </>
  );
  return (
    <AccountLinkFrame title={t("title")} intro={t("intro")} token={token} noToken={noToken}>
      {(linkToken) => <ResetPasswordForm token={linkToken} />}
    </AccountLinkFrame>
  );
}
