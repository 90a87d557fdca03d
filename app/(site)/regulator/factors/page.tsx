import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FactorDatabase } from "@/components/factors/factor-database";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES, can, decideOnFactor } from "@/lib/policy";
import { getFactorsPage } from "@/lib/dal/factors";
import { factorSearchSchema } from "@/lib/validation/schemas/regulator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("factors");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FactorsPage({ searchParams }: PageProps) {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator/factors");
  const raw = await searchParams;
  const search = factorSearchSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined])),
  );
  const { factors, total, page, pageCount, categories, history, impactRuns } = await getFactorsPage(user, search);
  const t = await getTranslations("factors");
  const latest = history?.[0]?.factor;

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <FactorDatabase
        basePath="/regulator/factors"
        search={search}
        factors={factors}
        position={{ page, pageCount, total }}
        categories={categories}
        history={history}
        keeping={{ kind: "regional", region: user.region }}
        mayWriteOpenKey={!!latest && decideOnFactor(user, latest).allowed}
        newHref="/regulator/factors/new"
        importHref={can(user, "factor.manage") ? "/regulator/factors/import" : null}
        impactRuns={impactRuns}
      />
    </>
  );
}
