import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.reset");
  return { title: t("title") };
}

/** Opened from the reset email. The token is spent only when the form is sent, never by opening the page (mail scanners open links). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("security.reset");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("intro")}</p>
      {typeof token === "string" && token ? (
        <Card>
          <CardBody>
            <ResetPasswordForm token={token} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="warning">
          {t("noToken")}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            {t("requestAgain")}
          </Link>
        </Alert>
      )}
    </div>
  );
}
