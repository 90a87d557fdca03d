"use client";

import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { messageKey } from "@/lib/i18n/translate";

const MAX_MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

type Outcome = { kind: "uploaded"; name: string; sha256: string; held: boolean } | { kind: "failed"; message: string } | null;

/** Attaches one file to the application (or one of its lines); the panel lists it after a refresh. */
export function EvidenceUploadForm({ applicationId, lineId }: { applicationId: string; lineId?: string }) {
  const t = useTranslations("evidence");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fileError, setFileError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    setOutcome(null);
    // Checked here too so that an oversized file is not sent at all.
    if (!(file instanceof File) || file.size === 0) return setFileError("evidence.errors.fileRequired");
    if (file.size > MAX_EVIDENCE_BYTES) return setFileError(messageKey("evidence.errors.tooLarge", { maximum: MAX_MB }));
    setFileError(undefined);
    startTransition(async () => {
      const result = await uploadEvidenceAction(data);
      if (!result.ok) {
        setFileError(result.fieldErrors?.file?.[0]);
        if (!result.fieldErrors?.file) setOutcome({ kind: "failed", message: result.message });
        return;
      }
      setOutcome({ kind: "uploaded", name: file.name, sha256: result.data.sha256, held: result.data.scanStatus === "pending" });
      form.reset();
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-busy={pending}>
      <input type="hidden" name="applicationId" value={applicationId} />
      {lineId ? <input type="hidden" name="lineId" value={lineId} /> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label={t("chooseFile")} hint={t("fileHint", { maximum: MAX_MB })} error={fileError} className="flex-1">
          <Input type="file" name="file" accept={EVIDENCE_ACCEPT} disabled={pending} className="h-auto py-1.5" />
        </Field>
        <Button type="submit" disabled={pending} className="sm:mb-6">
          <Upload className="size-4" aria-hidden />
          {pending ? t("uploading") : t("upload")}
        </Button>
      </div>
      {pending ? (
        <div role="progressbar" aria-label={t("uploading")} className="h-1.5 w-full overflow-hidden rounded bg-slate-200">
          <div className="h-full w-1/3 animate-pulse rounded bg-brand-600" />
        </div>
      ) : null}
      {outcome?.kind === "uploaded" ? (
        <Alert tone="success" className="break-all">
          {outcome.held ? t("scan.uploadedPending", { name: outcome.name, sha256: outcome.sha256 }) : t("uploaded", { name: outcome.name, sha256: outcome.sha256 })}
        </Alert>
      ) : null}
      {outcome?.kind === "failed" ? <Alert tone="danger">{translate(outcome.message)}</Alert> : null}
    </form>
  );
}
