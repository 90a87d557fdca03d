import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
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
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("intro")}</p>
      {typeof token === "string" && token ? (
        <Card>
          <CardBody>
            <VerifyEmailForm token={token} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="warning">{t("noToken")}</Alert>
      )}
    </div>
  );
}
