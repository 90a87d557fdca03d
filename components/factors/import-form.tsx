"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { useMessage } from "@/components/use-message";
import { importFactorsAction, type FactorImportResult } from "@/lib/actions/regulator/factors";
import type { ActionResult } from "@/lib/result";
import { FACTOR_CSV_COLUMNS } from "@/lib/regulator/factor-csv";

/** CSV import: the text stays in the box whatever happens, so fixing a row loses nothing. */
export function FactorImportForm() {
  const t = useTranslations("factors");
  const translate = useMessage();
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<ActionResult<FactorImportResult> | null>(null);
  const [pending, startTransition] = useTransition();
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  const submit = () =>
    startTransition(async () => {
      const outcome = await importFactorsAction({ csv });
      setResult(outcome);
      if (outcome.ok && outcome.data.imported > 0) router.refresh();
    });
  const rowErrors = result?.ok ? result.data.errors : undefined;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("importHint", { columns: Object.keys(FACTOR_CSV_COLUMNS).join(", ") })}</p>
      <Field label={t("importFile")}>
        <input type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event)} className="block text-sm" />
      </Field>
      <Field label={t("importText")}>
        <Textarea rows={6} value={csv} onChange={(event) => setCsv(event.target.value)} className="font-mono text-xs" />
      </Field>
      <Button onClick={submit} disabled={pending || csv.trim() === ""}>
        {pending ? t("importing") : t("import")}
      </Button>
      <div aria-live="polite" className="space-y-3">
        {result && !result.ok ? <Alert tone="danger">{translate(result.message)}</Alert> : null}
        {rowErrors ? (
          <>
            <Alert tone="danger">{t("importRejected", { count: rowErrors.length })}</Alert>
            <Table>
              <caption className="sr-only">{t("rowErrors")}</caption>
              <thead>
                <tr>
                  <Th>{t("line")}</Th>
                  <Th>{t("column")}</Th>
                  <Th>{t("problem")}</Th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.map((error, index) => (
                  <tr key={index}>
                    <Td className="tabular-nums">{error.line}</Td>
                    <Td className="font-mono text-xs">{error.field ?? "—"}</Td>
                    <Td>{translate(error.message)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        ) : null}
        {result?.ok && result.data.impactRuns !== undefined ? (
          <>
            <Alert tone="success">{t("imported", { count: result.data.imported })}</Alert>
            {result.data.impactRuns > 0 ? <Alert tone="info">{t("impactRuns.queuedCount", { count: result.data.impactRuns })}</Alert> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
