"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";

/** Photos or documents of one on-site inspection, through the shared evidence upload. */
export function InspectionEvidenceForm({ applicationId, inspectionId }: { applicationId: string; inspectionId: string }) {
  const t = useTranslations("verifier");
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(false);
  return (
    <form
      ref={formRef}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setError(null);
        setUploaded(false);
        startTransition(async () => {
          const result = await uploadEvidenceAction(data);
          if (!result.ok) {
            setError(result.fieldErrors?.file?.[0] ?? result.message);
            return;
          }
          setUploaded(true);
          formRef.current?.reset();
        });
      }}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <Field label={t("inspectionEvidence")} error={error ?? undefined} className="min-w-0 flex-1">
        <Input type="file" name="file" accept="image/*,application/pdf" required />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("upload")}
      </Button>
      {uploaded ? <Alert tone="success">{t("uploaded")}</Alert> : null}
    </form>
  );
}
