import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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
  const [options, t, locale] = await Promise.all([listUserOrganizationOptions(user), getTranslations("admin"), getLocale()]);
  // One language at a time: the English name on an English page, the Chinese one where none exists.
  const organizations = options.map(({ nameEn, ...option }) => ({ ...option, name: (locale === "en" && nameEn) || option.name }));
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
