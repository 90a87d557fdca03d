import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FactorForm, type FactorKeeping } from "./factor-form";
import { FactorImportForm } from "./import-form";

/** The way back from a factor form's own page to the factor list. */
async function BackToFactors({ href }: { href: string }) {
  const t = await getTranslations("factors");
  return (
    <Link className="text-sm font-medium text-brand-700 hover:underline" href={href}>
      {t("backToFactors")}
    </Link>
  );
}

/** The form adding a factor (or a new version of an existing key), on its own page. */
export async function NewFactorCard({ keeping, listHref }: { keeping: FactorKeeping; listHref: string }) {
  const t = await getTranslations("factors");
  return (
    <Card>
      <CardHeader title={t("newFactor")} description={t("newFactorHint")} actions={<BackToFactors href={listHref} />} />
      <CardBody>
        <FactorForm base={null} keeping={keeping} />
      </CardBody>
    </Card>
  );
}

/** The CSV import of a factor table, on its own page. */
export async function ImportFactorsCard({ listHref }: { listHref: string }) {
  const t = await getTranslations("factors");
  return (
    <Card>
      <CardHeader title={t("importTitle")} actions={<BackToFactors href={listHref} />} />
      <CardBody>
        <FactorImportForm />
      </CardBody>
    </Card>
  );
}
