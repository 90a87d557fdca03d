"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Toast } from "@/components/ui/toast";
import { useMessage } from "@/components/use-message";
import { setStageTargetAction } from "@/lib/actions/verifier/set-stage-target";
import { STAGE_TARGET_MAX_DAYS, STAGE_TARGET_MIN_DAYS, stageTargetSchema } from "@/lib/validation/schemas/body-settings";

/** The body's stage target in days; left empty, the platform default applies. */
export function StageTargetForm({ stageTargetDays, defaultDays }: { stageTargetDays: number | null; defaultDays: number }) {
  const t = useTranslations("verifier.settings");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: stageTargetSchema,
    defaultValues: { stageTargetDays: stageTargetDays === null ? "" : String(stageTargetDays) },
    action: setStageTargetAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("stageTarget")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("saved")}</Toast> : null}
      <Field
        label={t("stageTarget")}
        hint={t("stageTargetHint", { min: STAGE_TARGET_MIN_DAYS, max: STAGE_TARGET_MAX_DAYS, default: defaultDays })}
        error={errors.stageTargetDays?.message}
        className="max-w-xs"
      >
        <Input inputMode="numeric" placeholder={String(defaultDays)} {...form.register("stageTargetDays")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("save")}
      </Button>
    </form>
  );
}
