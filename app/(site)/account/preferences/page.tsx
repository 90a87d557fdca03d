import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getAccountPreferences } from "@/lib/dal/account";
import { PERMISSIONS } from "@/lib/policy";
import { PreferencesForm } from "./preferences-form";
import { ResendVerificationButton } from "./resend-verification-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.preferences");
  return { title: t("title") };
}

export default async function AccountPreferencesPage() {
  const user = await requirePageUser(PERMISSIONS["account.manage"], "/account/preferences");
  const [t, verify, preferences] = await Promise.all([getTranslations("security.preferences"), getTranslations("security.verifyEmail"), getAccountPreferences(user)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <CardHeader title={verify("status")} />
        <CardBody className="space-y-3 text-sm">
          <p>{preferences.emailVerified ? verify("verified", { email: preferences.email }) : verify("unverified", { email: preferences.email })}</p>
          {preferences.emailVerified ? null : <ResendVerificationButton />}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("mailPreference")} />
        <CardBody>
          <PreferencesForm defaults={{ mailPreference: preferences.mailPreference, locale: preferences.locale }} />
        </CardBody>
      </Card>
    </div>
  );
}
