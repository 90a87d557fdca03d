import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { SESSION_ABSOLUTE_LIFETIME_HOURS, SESSION_IDLE_TIMEOUT_MINUTES } from "@/lib/auth/sessions";
import { PERMISSIONS } from "@/lib/policy";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.page");
  return { title: t("title") };
}

export default async function AccountSecurityPage() {
  await requirePageUser(PERMISSIONS["account.manage"], "/account/security");
  const t = await getTranslations("security.page");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("sessionRules", { idle: SESSION_IDLE_TIMEOUT_MINUTES, lifetime: SESSION_ABSOLUTE_LIFETIME_HOURS })}
      />
      <Card>
        <CardHeader title={t("changePassword")} description={t("changePasswordIntro")} />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("signOutEverywhere")} description={t("signOutEverywhereIntro")} />
        <CardBody>
          <SignOutEverywhereButton />
        </CardBody>
      </Card>
    </div>
  );
}
