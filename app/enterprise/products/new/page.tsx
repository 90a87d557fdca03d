import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";
import { ProductForm } from "../product-form";

export default async function NewProductPage() {
  await requirePageUser(AREA_ROLES.enterprise, "/enterprise/products/new");
  const t = await getTranslations("enterprise");
  const common = await getTranslations("common");
  return (
    <>
      <PageHeader
        title={t("registerProduct")}
        description={t("registerProductHint")}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href="/enterprise">
            {common("back")}
          </Link>
        }
      />
      <Card>
        <CardBody>
          <ProductForm />
        </CardBody>
      </Card>
    </>
  );
}
