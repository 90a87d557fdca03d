import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("signInTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("signInIntro")}</p>
      <Card>
        <CardBody>
          <LoginForm callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        {t("noAccount")}{" "}
        <Link href="/signup" className="font-medium text-brand-700 hover:underline">
          {t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
