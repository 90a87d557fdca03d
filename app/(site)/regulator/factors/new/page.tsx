import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewFactorCard } from "@/components/factors/factor-form-cards";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("factors");
  return { title: t("newFactor") };
}

export default async function NewRegionalFactorPage() {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator/factors/new");
  const t = await getTranslations("factors");
  return (
    <>
      <PageHeader title={t("newFactor")} description={t("intro")} />
      <NewFactorCard keeping={{ kind: "regional", region: user.region }} listHref="/regulator/factors" />
    </>
  );
}
