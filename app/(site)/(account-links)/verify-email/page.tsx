import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountLinkFrame } from "@/app/(site)/(account-links)/account-link-frame";
import { VerifyEmailForm } from "./verify-email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.verifyEmail");
  return { title: t("title") };
}

/** Opened from the confirmation email; the link is spent by the button, not by opening the page (mail scanners open links). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("security.verifyEmail");
  return (
    <AccountLinkFrame title={t("title")} intro={t("intro")} token={token} noToken={t("noToken")}>
      {(linkToken) => <VerifyEmailForm token={linkToken} />}
    </AccountLinkFrame>
  );
}
