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
import { importSupplierFootprintAction } from "@/lib/actions/supply-requests/import-footprint";
import { messageKey } from "@/lib/i18n/translate";
import { MAX_FOOTPRINT_FILE_BYTES } from "@/lib/validation/schemas/supply";

/** Uploads one PACT ProductFootprint file; a refusal names the field of the document at fault. */
export function ImportFootprintForm() {
  const t = useTranslations("supply.import");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fileError, setFileError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ tone: "success" | "danger"; message: string } | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    setOutcome(null);
    // Checked here too so that an oversized file is not sent at all.
    if (!(file instanceof File) || file.size === 0) return setFileError("supply.import.errors.fileRequired");
    if (file.size > MAX_FOOTPRINT_FILE_BYTES) return setFileError(messageKey("supply.import.errors.tooLarge", { maximum: MAX_FOOTPRINT_FILE_BYTES / 1024 / 1024 }));
    setFileError(undefined);
    startTransition(async () => {
      const result = await importSupplierFootprintAction(data);
      if (!result.ok) {
        setFileError(result.fieldErrors?.file?.[0]);
        if (!result.fieldErrors?.file) setOutcome({ tone: "danger", message: translate(result.message) });
        return;
      }
      setOutcome({ tone: "success", message: t("imported") });
      form.reset();
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-busy={pending}>
      <Field label={t("file")} error={fileError}>
        <Input type="file" name="file" accept=".json,application/json" disabled={pending} className="h-auto py-1.5" />
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        <Upload className="size-4" aria-hidden />
        {t("submit")}
      </Button>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
    </form>
  );
}
