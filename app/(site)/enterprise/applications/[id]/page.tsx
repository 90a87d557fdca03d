import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationStatusPanel } from "@/components/applications/application-status-panel";
import { ApplicationStepper } from "@/components/applications/application-stepper";
import { CalculationSection } from "@/components/applications/calculation-section";
import { IssuedCertificateNotice } from "@/components/certificates/issued-certificate";
import { SubmissionSection } from "@/components/applications/submission-section";
import { EnterpriseFindings } from "@/components/findings/enterprise-findings";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { InventoryImport } from "@/components/inventory/inventory-import";
import { InventorySection } from "@/components/inventory/inventory-section";
import { PageHeader } from "@/components/page-header";
import { BatteryDeclarationSection } from "@/components/reports/battery-declaration-section";
import { ReportsSection } from "@/components/reports/reports-section";
import { ScenariosLink } from "@/components/scenarios/scenarios-link";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { getApplicationPage } from "@/lib/dal/enterprise-application";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications");
  return { title: t("pageTitle") };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string; edit?: string }>;
};

/** The enterprise's guided application: status, steps, inventory, calculation, submission. */
export default async function ApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { page, edit } = await searchParams;
  const user = await requirePageUser(AREA_ROLES.enterprise, `/enterprise/applications/${id}`);
  const view = await getApplicationPage(user, id, { page: Number(page) || 1, editLineId: edit });
  if (!view) notFound();
  const { workspace } = view;
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
        {view.certificate ? <IssuedCertificateNotice certificate={view.certificate} side="holder" /> : null}
        <ApplicationStepper
          steps={workspace.steps}
          hints={{
            dataCollection: missingCount ? t("steps.missingCount", { count: missingCount }) : undefined,
            calculation: workspace.latestCalculation ? t("steps.recalculate") : t("steps.notCalculated"),
          }}
        />
        <InventorySection workspace={workspace} table={view.inventoryPage} lineForm={view.lineForm} />
        {workspace.permitted.has("inventory.edit") ? <InventoryImport applicationId={workspace.application.id} /> : null}
        <EvidencePanel applicationId={workspace.application.id} files={view.evidence} canUpload={workspace.editable} />
        <CalculationSection workspace={workspace} />
        <ScenariosLink workspace={workspace} />
        <ReportsSection workspace={workspace} pactExport={view.pactExport}>
          {view.batteryDeclaration ? <BatteryDeclarationSection applicationId={workspace.application.id} panel={view.batteryDeclaration} /> : null}
        </ReportsSection>
        <EnterpriseFindings result={view.findings} answerable={workspace.permitted.has("finding.respond")} />
        <SubmissionSection workspace={workspace} bodies={view.bodies} />
      </div>
    </>
  );
}
