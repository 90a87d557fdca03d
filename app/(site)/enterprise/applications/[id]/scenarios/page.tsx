import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { ScenariosView } from "@/components/scenarios/scenarios-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { getScenariosPage } from "@/lib/dal/scenarios";
import { AREA_ROLES } from "@/lib/policy";

type Props = { params: Promise<{ id: string }> };

/** The same title for every id: a title read from the application would tell a missing one from another's. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scenarios");
  return { title: t("title") };
}

/** What-if reduction scenarios of one of the enterprise's calculated applications. */
export default async function ScenariosPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(AREA_ROLES.enterprise, `/enterprise/applications/${id}/scenarios`);
  const page = await getScenariosPage(user, id);
  if (!page) notFound();
  const t = await getTranslations("scenarios");
  const en = (await getLocale()) === "en";
  const product = page.product;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={product ? `${en ? product.nameEn : product.nameZh} · ${product.model}` : t("description")}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href={`/enterprise/applications/${id}`}>
            {t("back")}
          </Link>
        }
      />
      <p className="mb-6 max-w-3xl text-sm text-slate-600">{t("description")}</p>
      <ScenariosView page={page} en={en} />
    </>
  );
}
