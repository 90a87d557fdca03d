import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { listUserOrganizationOptions } from "@/lib/dal/admin-directory";
import { AREA_ROLES } from "@/lib/policy";
import { UserForm } from "./user-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("newUser") };
}

/** The operator creates a person in a verification body or a regulator bureau, then finds them in the list. */
export default async function NewUserPage() {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin/users/new");
  const organizations = await listUserOrganizationOptions(user);
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader
        title={t("newUser")}
        description={t("newUserIntro")}
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/admin">
            {t("backToAdmin")}
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <CardBody>
          <UserForm organizations={organizations} />
        </CardBody>
      </Card>
    </>
  );
}
