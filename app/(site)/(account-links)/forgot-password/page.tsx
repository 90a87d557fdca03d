import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { PASSWORD_RESET_MINUTES } from "@/lib/domain/users/email-tokens";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.reset");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("security.reset");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("forgotTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("forgotIntro", { minutes: PASSWORD_RESET_MINUTES })}</p>
      <Card>
        <CardBody>
          <ForgotPasswordForm />
        </CardBody>
      </Card>
    </div>
  );
}
