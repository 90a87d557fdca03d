"use client";

import { FINDING_SEVERITIES } from "@/lib/enums";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { raiseFindingAction } from "@/lib/actions/verification/raise-finding";
import { raiseFindingSchema } from "@/lib/validation/schemas/verification";

type LineOption = { id: string; label: string };

/** Raises a finding on one inventory line (or the application as a whole). */
export function FindingForm({ applicationId, lines, lineId }: { applicationId: string; lines: LineOption[]; lineId?: string }) {
  const t = useTranslations("verifier");
  const findingsT = useTranslations("findings");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: raiseFindingSchema,
    defaultValues: { applicationId, lineId: lineId ?? "", severity: "minor", text: "" },
    action: raiseFindingAction,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("findingRaised")}</Toast> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {lineId ? null : (
          <Field label={findingsT("line")} error={errors.lineId?.message}>
            <Select {...form.register("lineId")}>
              <option value="">{findingsT("wholeApplication")}</option>
              {lines.map((line) => (
                <option key={line.id} value={line.id}>
                  {line.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={findingsT("severity")} error={errors.severity?.message}>
          <Select {...form.register("severity")}>
            {FINDING_SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {findingsT(`severities.${severity}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={findingsT("text")} error={errors.text?.message}>
        <Textarea {...form.register("text")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("raiseFinding")}
      </Button>
    </form>
  );
}
