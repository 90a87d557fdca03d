import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FactorDatabase } from "@/components/factors/factor-database";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES, decideOnFactor } from "@/lib/policy";
import { factorHistory, recentImpactRuns, searchFactors } from "@/lib/dal/factors";
import { factorSearchSchema } from "@/lib/validation/schemas/regulator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("factors");
  return { title: t("nationalTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The operator keeps the national and international factors every region uses. */
export default async function NationalFactorsPage({ searchParams }: PageProps) {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin/factors");
  const raw = await searchParams;
  const search = factorSearchSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined])),
  );
  const [{ factors, total, page, pageCount, categories }, history, impactRuns] = await Promise.all([
    searchFactors(user, search),
    search.key ? factorHistory(user, search.key) : Promise.resolve(null),
    recentImpactRuns(user),
  ]);
  const [t, common] = await Promise.all([getTranslations("factors"), getTranslations("common")]);
  const latest = history?.[0]?.factor;

  return (
    <>
      <PageHeader
        title={t("nationalTitle")}
        description={t("nationalIntro")}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href="/admin">
            {common("back")}
          </Link>
        }
      />
      <FactorDatabase
        basePath="/admin/factors"
        search={search}
        factors={factors}
        position={{ page, pageCount, total }}
        categories={categories}
        history={history}
        keeping={{ kind: "national" }}
        mayWriteOpenKey={!!latest && decideOnFactor(user, latest).allowed}
        newHref="/admin/factors/new"
        importHref={null}
        impactRuns={impactRuns}
      />
    </>
  );
}
