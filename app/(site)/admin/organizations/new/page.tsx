import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { OrganizationForm } from "./organization-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("newOrganization") };
}

/** The operator creates a verification body or a regulator bureau, then returns to the list. */
export default async function NewOrganizationPage() {
  await requirePageUser(AREA_ROLES.admin, "/admin/organizations/new");
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader
        title={t("newOrganization")}
        description={t("newOrganizationIntro")}
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/admin">
            {t("backToAdmin")}
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardBody>
          <OrganizationForm />
        </CardBody>
      </Card>
    </>
  );
}
