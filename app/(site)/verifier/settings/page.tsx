import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getBodySettings } from "@/lib/dal/body-settings";
import { AREA_ROLES } from "@/lib/policy";
import { StageTargetForm } from "./stage-target-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifier.settings");
  return { title: t("title") };
}

/** The verification body's own settings: its target for how long an application waits in one stage. */
export default async function BodySettingsPage() {
  const user = await requirePageUser(AREA_ROLES.verifier, "/verifier/settings");
  const [settings, t, locale] = await Promise.all([getBodySettings(user), getTranslations("verifier.settings"), getLocale()]);
  if (!settings) notFound();
  const bodyName = !locale.startsWith("zh") && settings.bodyNameEn ? settings.bodyNameEn : settings.bodyName;
  const current = settings.stageTargetDays ?? settings.defaultStageTargetDays;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { body: bodyName })} />
      <Card>
        <CardHeader
          title={t("stageTarget")}
          description={settings.stageTargetDays === null ? t("currentDefault", { days: current }) : t("currentOwn", { days: current })}
        />
        <CardBody>
          {settings.mayEdit ? (
            <StageTargetForm stageTargetDays={settings.stageTargetDays} defaultDays={settings.defaultStageTargetDays} />
          ) : (
            <Alert tone="info">{t("setByReviewer")}</Alert>
          )}
        </CardBody>
      </Card>
    </>
  );
}
