import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationStatusPanel } from "@/components/applications/application-status-panel";
import { ApplicationStepper } from "@/components/applications/application-stepper";
import { CalculationSection } from "@/components/applications/calculation-section";
import { SubmissionSection } from "@/components/applications/submission-section";
import { EnterpriseFindings } from "@/components/findings/enterprise-findings";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { InventoryImport } from "@/components/inventory/inventory-import";
import { InventorySection } from "@/components/inventory/inventory-section";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";
import { getApplicationWorkspace } from "@/lib/dal/enterprise-application";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string; edit?: string }>;
};

/** The enterprise's guided application: status, steps, inventory, calculation, submission. */
export default async function ApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { page, edit } = await searchParams;
  const user = await requirePageUser(AREA_ROLES.enterprise, `/enterprise/applications/${id}`);
  const workspace = await getApplicationWorkspace(user, id);
  if (!workspace) notFound();
  const t = await getTranslations("applications");
  const common = await getTranslations("common");
  const en = (await getLocale()) === "en";
  const { product } = workspace;
  const missingCount = workspace.missing.length;

  return (
    <>
      <PageHeader
        title={en ? product.nameEn : product.nameZh}
        description={`${product.model} · ${common(`boundary.${product.systemBoundary}`)} · ${t("declaredUnit", { amount: product.declaredUnitAmount, unit: product.declaredUnit })}`}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href={`/enterprise/products/${product.id}`}>
            {t("productLink")}
          </Link>
        }
      />
      <div className="space-y-6">
        <ApplicationStatusPanel workspace={workspace} en={en} />
        <ApplicationStepper
          steps={workspace.steps}
          hints={{
            dataCollection: missingCount ? t("steps.missingCount", { count: missingCount }) : undefined,
            calculation: workspace.latestCalculation ? t("steps.recalculate") : t("steps.notCalculated"),
          }}
        />
        <InventorySection user={user} workspace={workspace} page={Number(page) || 1} editLineId={workspace.editable ? edit : undefined} />
        {workspace.editable ? <InventoryImport applicationId={workspace.application.id} /> : null}
        <EvidencePanel applicationId={workspace.application.id} editable={workspace.editable} />
        <CalculationSection workspace={workspace} />
        <EnterpriseFindings applicationId={id} />
        <SubmissionSection user={user} workspace={workspace} />
      </div>
    </>
  );
}
