"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { submitApplicationAction } from "@/lib/actions/applications/submit";
import { submitApplicationSchema } from "@/lib/validation/schemas/applications";

type Body = { id: string; name: string; nameEn: string | null; accreditationNo: string | null };

/** 认证委托: choose the verification body and submit; the server recalculates and checks completeness again. */
export function SubmitForm({ applicationId, bodies, blocked }: { applicationId: string; bodies: Body[]; blocked: boolean }) {
  const t = useTranslations("applications.submit");
  const common = useTranslations("common");
  const translate = useMessage();
  const en = useLocale() === "en";
  const router = useRouter();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: submitApplicationSchema,
    defaultValues: { applicationId, verificationBodyId: "" },
    action: submitApplicationAction,
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("body")} hint={t("bodyHint")} error={errors.verificationBodyId?.message}>
        <Select {...form.register("verificationBodyId")}>
          <option value="">{common("choose")}</option>
          {bodies.map((body) => (
            <option key={body.id} value={body.id}>
              {(en ? body.nameEn ?? body.name : body.name) + (body.accreditationNo ? ` (${body.accreditationNo})` : "")}
            </option>
          ))}
        </Select>
      </Field>
      <p className="text-sm text-slate-700">{t("freezeNotice")}</p>
      <Button type="submit" disabled={isSubmitting || blocked}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
