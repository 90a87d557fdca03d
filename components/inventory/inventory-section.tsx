import { useLocale, useTranslations } from "next-intl";
import { Pagination } from "@/components/forms/pagination";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApplicationPage } from "@/lib/dal/enterprise-application";
import { InventoryTable } from "./inventory-table";
import { LineForm } from "./line-form";

type Props = Pick<ApplicationPage, "workspace" | "lineForm"> & { table: ApplicationPage["inventoryPage"] };

/** The activity data: per-stage summary, the add/edit form while editable, and the paged line table. */
export function InventorySection({ workspace, table, lineForm: formData }: Props) {
  const t = useTranslations("inventory");
  const common = useTranslations("common");
  const en = useLocale() === "en";
  const { application, editable } = workspace;
  const base = `/enterprise/applications/${application.id}`;
  const pageHref = (target: number) => `${base}?page=${target}#inventory`;
  const stages = workspace.stages.map((entry) => entry.stage);

  return (
    <Card id="inventory">
      <CardHeader title={t("title")} description={editable ? t("descriptionEditable") : t("descriptionFrozen")} />
      <CardBody className="space-y-6">
        <ul className="flex flex-wrap gap-2" aria-label={t("stageSummary")}>
          {workspace.stages.map((entry) => (
            <li key={entry.stage}>
              <Badge tone={entry.lineCount > 0 ? "success" : entry.required ? "warning" : "neutral"}>
                {common(`stages.${entry.stage}`)}: {t("lineCount", { count: entry.lineCount })}
                {entry.required ? "" : ` (${t("optional")})`}
              </Badge>
            </li>
          ))}
        </ul>

        {formData ? (
          <section aria-labelledby="line-form-title" id="line-form" className="rounded-lg border border-slate-200 p-4">
            <h3 id="line-form-title" className="mb-3 text-sm font-semibold text-slate-900">
              {formData.line ? t("editLineNamed", { description: formData.line.description }) : t("addLine")}
            </h3>
            <LineForm
              key={formData.line?.id ?? "new"}
              applicationId={application.id}
              stages={stages}
              gases={formData.gases}
              filters={formData.filters}
              line={formData.line ?? undefined}
              lineFactor={formData.lineFactor}
              doneHref={pageHref(table.page)}
            />
            {formData.line ? (
              <div className="mt-4">
                <EvidencePanel applicationId={application.id} lineId={formData.line.id} files={formData.lineEvidence} canUpload={editable} />
              </div>
            ) : null}
          </section>
        ) : null}

        {table.total === 0 ? (
          <EmptyState title={t("empty")} description={editable ? t("emptyHint") : undefined} />
        ) : (
          <>
            <InventoryTable
              applicationId={application.id}
              rows={table.rows}
              lineErrors={workspace.lineErrors}
              editable={editable}
              en={en}
              editHref={(lineId) => `${base}?page=${table.page}&edit=${lineId}#line-form`}
            />
            <Pagination
              label={t("pagination")}
              position={{ page: table.page, pageCount: table.pages, total: table.total }}
              previousHref={table.page > 1 ? pageHref(table.page - 1) : null}
              nextHref={table.page < table.pages ? pageHref(table.page + 1) : null}
            />
          </>
        )}
      </CardBody>
    </Card>
  );
}

