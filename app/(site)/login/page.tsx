import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/policy";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; registered?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { callbackUrl, registered } = await searchParams;
  const t = await getTranslations("auth");
  const security = await getTranslations("security");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("signInTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("signInIntro")}</p>
      {registered ? (
        <div className="mb-4">
          <Alert tone="success">{security("signIn.registered")}</Alert>
        </div>
      ) : null}
      <Card>
        <CardBody>
          <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        </CardBody>
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          {security("reset.forgotLink")}
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        {t("noAccount")}{" "}
        <Link href="/signup" className="font-medium text-brand-700 hover:underline">
          {t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
