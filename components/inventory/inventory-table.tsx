import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { buttonVariants } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { confirmSupplierFootprintAction } from "@/lib/actions/inventory/confirm-supplier-footprint";
import { deleteInventoryLineAction } from "@/lib/actions/inventory/delete-line";
import type { LineError } from "@/lib/calc/calculate";
import { gasName } from "@/lib/calc/gwp";
import { useUnitText } from "@/components/use-unit-text";
import type { InventoryPageRow } from "@/lib/dal/enterprise-application";

type Props = {
  applicationId: string;
  rows: InventoryPageRow[];
  lineErrors: Record<string, LineError[]>;
  editable: boolean;
  en: boolean;
  /** Builds the link of this table page with an `edit` parameter. */
  editHref: (lineId: string) => string;
};

/** One page of lines, a heading row wherever the life-cycle stage changes. */
export function InventoryTable({ applicationId, rows, lineErrors, editable, en, editHref }: Props) {
  const t = useTranslations("inventory");
  const common = useTranslations("common");
  const { unit } = useUnitText();
  const columns = editable ? 8 : 7;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("description")}</Th>
          <Th className="text-right">{t("quantity")}</Th>
          <Th>{t("source")}</Th>
          <Th>{t("dataType")}</Th>
          <Th>{t("dqr.short")}</Th>
          <Th className="text-right">{t("allocationShare")}</Th>
          <Th>{t("emissionCategory")}</Th>
          {editable ? <Th>{common("actions")}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ line, factor, supplierFootprint, importedFootprint, supplierChanges }, index) => {
          const errors = lineErrors[line.id] ?? [];
          const stageChanged = index === 0 || rows[index - 1].line.stage !== line.stage;
          return [
            stageChanged ? (
              <tr key={`stage-${line.stage}`}>
                <th colSpan={columns} scope="colgroup" className="bg-slate-100 px-3 py-1.5 text-left text-sm font-semibold text-slate-800">
                  {common(`stages.${line.stage}`)}
                </th>
              </tr>
            ) : null,
            <tr key={line.id} id={`line-${line.id}`} className={errors.length ? "bg-red-50" : undefined}>
              <Td>
                <span className="font-medium text-slate-900">{line.description}</span>
                {errors.map((error) => (
                  <span key={error.reason} role="note" className="mt-1 block text-xs font-medium text-red-800">
                    {t(`lineErrors.${error.reason}`)}: {error.detail}
                  </span>
                ))}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {line.quantity} {unit(line.unit)}
              </Td>
              <Td className="text-xs">
                {line.source === "database_factor" && factor ? (
                  <>
                    {en ? factor.nameEn : factor.nameZh}
                    <span className="block text-slate-600">
                      {factor.value} kg CO₂e/{unit(factor.unit)} · {factor.region} {factor.year} · v{factor.version}
                    </span>
                  </>
                ) : line.source === "supplier_factor" && supplierFootprint ? (
                  <>
                    {t(supplierFootprint.verification ? "supplierFootprint.certified" : "supplierFootprint.selfDeclared")}: {line.supplierName}
                    <span className="block text-slate-600">
                      {line.supplierFactorValue} kg CO₂e/{line.supplierFactorUnit} · v{supplierFootprint.footprintVersion}
                    </span>
                    {supplierFootprint.verification ? (
                      <Link className="block text-brand-700 underline" href={supplierFootprint.verification.labelPath}>
                        {t("supplierFootprint.label", { number: supplierFootprint.certificateNumber })}
                      </Link>
                    ) : null}
                    {supplierChanges.map((change) => (
                      <span key={change} role="note" className="mt-1 block font-medium text-red-800">
                        {t(`supplierFootprint.changed.${change}`)}
                      </span>
                    ))}
                    {supplierChanges.length && editable ? (
                      <ActionButton
                        action={confirmSupplierFootprintAction}
                        input={{ applicationId, lineId: line.id }}
                        label={t("supplierFootprint.confirm")}
                        size="sm"
                        variant="secondary"
                      />
                    ) : null}
                  </>
                ) : line.source === "supplier_factor" && importedFootprint ? (
                  <>
                    {importedFootprint.selfDeclared ? t("supplierFootprint.selfDeclared") : t("supplierFootprint.importedVerified", { provider: importedFootprint.verifiedBy ?? "—" })}: {line.supplierName}
                    <span className="block text-slate-600">
                      {line.supplierFactorValue} kg CO₂e/{line.supplierFactorUnit} · {t("supplierFootprint.pactId", { id: importedFootprint.footprintId })}
                    </span>
                  </>
                ) : line.source === "supplier_factor" ? (
                  <>
                    {t("sources.supplier_factor")}: {line.supplierName}
                    <span className="block text-slate-600">
                      {line.supplierFactorValue} kg CO₂e/{line.supplierFactorUnit ? unit(line.supplierFactorUnit) : ""}
                    </span>
                  </>
                ) : line.source === "direct_gas" ? (
                  <>
                    {t("sources.direct_gas")}: {line.gas ? gasName(line.gas, en) : ""}
                  </>
                ) : (
                  <span className="text-red-800">{t("noSource")}</span>
                )}
              </Td>
              <Td className="text-xs">{t(`dataTypes.${line.dataType}`)}</Td>
              <Td className="whitespace-nowrap text-xs tabular-nums">
                {line.dqrTechnological}/{line.dqrGeographical}/{line.dqrTemporal}
              </Td>
              <Td className="text-right text-xs tabular-nums">{line.allocationShare}</Td>
              <Td className="text-xs">{line.source === "direct_gas" ? "—" : t(`categories.${line.emissionCategory}`)}</Td>
              {editable ? (
                <Td className="whitespace-nowrap">
                  <Link className={buttonVariants({ variant: "ghost", size: "sm" })} href={editHref(line.id)} aria-label={t("editLineNamed", { description: line.description })}>
                    {common("edit")}
                  </Link>
                  <ActionButton
                    action={deleteInventoryLineAction}
                    input={{ applicationId, lineId: line.id }}
                    label={common("delete")}
                    confirm={t("confirmDelete", { description: line.description })}
                    aria-label={t("deleteLine", { description: line.description })}
                    variant="ghost"
                    size="sm"
                  />
                </Td>
              ) : null}
            </tr>,
          ];
        })}
      </tbody>
    </Table>
  );
}
