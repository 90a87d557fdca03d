"use client";

import { Download, FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportOutcome } from "@/lib/import/inventory-columns";
import { messageKey } from "@/lib/i18n/translate";

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

type Progress =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "validating" }
  | { phase: "done"; outcome: ImportOutcome };

/** Posts the file with XMLHttpRequest, the one browser API that reports upload progress. */
function sendImport(url: string, file: File, onProgress: (percent: number) => void, onUploaded: () => void): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const networkFailure: ImportOutcome = { ok: false, message: "import.errors.network", errors: [], errorCount: 0 };
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.upload.onload = onUploaded;
    request.onload = () => resolve((request.response as ImportOutcome | null) ?? networkFailure);
    request.onerror = () => resolve(networkFailure);
    const body = new FormData();
    body.set("file", file);
    request.send(body);
  });
}

/**
 * Inventory import: template downloads, file choice, upload progress, then
 * either the number of imported lines or every row error. The chosen file
 * stays selected after an error, so it can be fixed and sent again.
 */
export function InventoryImport({ applicationId }: { applicationId: string }) {
  const t = useTranslations("import");
  const translate = useMessage();
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [fileError, setFileError] = useState<string | undefined>();
  const busy = progress.phase === "uploading" || progress.phase === "validating";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    if (!(file instanceof File) || file.size === 0) return setFileError("import.errors.fileRequired");
    if (file.size > MAX_IMPORT_BYTES) return setFileError(messageKey("import.errors.tooLarge", { maximum: MAX_MB }));
    setFileError(undefined);
    setProgress({ phase: "uploading", percent: 0 });
    const outcome = await sendImport(
      `/api/applications/${applicationId}/inventory-import`,
      file,
      (percent) => setProgress({ phase: "uploading", percent }),
      () => setProgress({ phase: "validating" }),
    );
    setProgress({ phase: "done", outcome });
    if (!outcome.ok) return;
    // Cleared only on success, so the same file cannot be imported twice by accident.
    form.reset();
    router.refresh();
  };

  const outcome = progress.phase === "done" ? progress.outcome : null;
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <a href="/api/templates/inventory?format=csv" download className={buttonVariants({ variant: "secondary", size: "sm" })}>
              <Download className="size-4" aria-hidden />
              {t("templateCsv")}
            </a>
            <a href="/api/templates/inventory?format=xlsx" download className={buttonVariants({ variant: "secondary", size: "sm" })}>
              <Download className="size-4" aria-hidden />
              {t("templateXlsx")}
            </a>
          </>
        }
      />
      <CardBody className="space-y-4">
        <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-busy={busy}>
          <Field label={t("file")} hint={t("fileHint", { maximum: MAX_MB, rows: MAX_IMPORT_ROWS })} error={fileError} className="flex-1">
            <Input type="file" name="file" accept=".csv,.xlsx,text/csv" disabled={busy} className="h-auto py-1.5" />
          </Field>
          <Button type="submit" disabled={busy} className="sm:mb-6">
            <FileUp className="size-4" aria-hidden />
            {t("import")}
          </Button>
        </form>

        {progress.phase === "uploading" ? (
          <div className="space-y-1" role="status">
            <p className="text-sm text-slate-700">{t("uploading", { percent: progress.percent })}</p>
            <progress className="h-2 w-full accent-brand-600" max={100} value={progress.percent} aria-label={t("progressLabel")} />
          </div>
        ) : null}
        {progress.phase === "validating" ? (
          <div className="space-y-1" role="status">
            <p className="text-sm text-slate-700">{t("validating")}</p>
            <progress className="h-2 w-full accent-brand-600" aria-label={t("validating")} />
          </div>
        ) : null}

        {outcome?.ok ? <Alert tone="success">{t("imported", { count: outcome.imported })}</Alert> : null}
        {outcome && !outcome.ok ? (
          <div className="space-y-3">
            <Alert tone="danger">{outcome.errors.length ? t("errorsTitle") : translate(outcome.message)}</Alert>
            {outcome.errors.length ? (
              <Table>
                <thead>
                  <tr>
                    <Th className="w-16">{t("row")}</Th>
                    <Th>{t("column")}</Th>
                    <Th>{t("problem")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.errors.map((error, index) => (
                    <tr key={`${error.row}-${error.column}-${index}`}>
                      <Td className="tabular-nums">{error.row}</Td>
                      <Td>
                        <code className="text-xs">{error.column ?? t("wholeFile")}</code>
                      </Td>
                      <Td>{translate(error.message)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
            {outcome.errorCount > outcome.errors.length ? (
              <p className="text-sm text-slate-700">{t("moreErrors", { count: outcome.errorCount - outcome.errors.length })}</p>
            ) : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
