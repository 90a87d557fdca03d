import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { listProductCategories } from "@/lib/dal/product-categories";
import { AREA_ROLES } from "@/lib/policy";
import { ProductForm } from "@/components/products/product-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enterprise");
  return { title: t("registerProduct") };
}

export default async function NewProductPage() {
  await requirePageUser(AREA_ROLES.enterprise, "/enterprise/products/new");
  const categories = await listProductCategories();
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
          <ProductForm categories={categories} />
        </CardBody>
      </Card>
    </>
  );
}
