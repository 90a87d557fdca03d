import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportFactorsCard } from "@/components/factors/factor-form-cards";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES, can } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("factors");
  return { title: t("importTitle") };
}

export default async function ImportFactorsPage() {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator/factors/import");
  if (!can(user, "factor.manage")) forbidden();
  const t = await getTranslations("factors");
  return (
    <>
      <PageHeader title={t("importTitle")} description={t("intro")} />
      <ImportFactorsCard listHref="/regulator/factors" />
    </>
  );
}
