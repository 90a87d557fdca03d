"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { planReviewAction } from "@/lib/actions/verification/plan-review";
import { planSchema } from "@/lib/validation/schemas/verification";

type Staff = { id: string; name: string; role: string };

export function PlanForm({ applicationId, expectedVersion, staff }: { applicationId: string; expectedVersion: number; staff: Staff[] }) {
  const t = useTranslations("verifier");
  const common = useTranslations("common");
  const translate = useMessage();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: planSchema,
    defaultValues: { applicationId, expectedVersion, leadVerifierId: "", memberIds: [], plannedDocumentReviewOn: "", plannedOnSiteOn: "" },
    action: planReviewAction,
  });
  const lead = form.watch("leadVerifierId");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("leadVerifier")} error={errors.leadVerifierId?.message}>
        <Select {...form.register("leadVerifierId")}>
          <option value="">{common("choose")}</option>
          {staff.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} · {common(`roles.${person.role}`)}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("teamMembers")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {staff
            .filter((person) => person.id !== lead)
            .map((person) => (
              <label key={person.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={person.id} {...form.register("memberIds")} />
                {person.name}
              </label>
            ))}
        </div>
        {errors.memberIds?.message ? (
          <p role="alert" className="text-sm text-red-700">
            {translate(errors.memberIds.message)}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("plannedDocumentReviewOn")} error={errors.plannedDocumentReviewOn?.message}>
          <Input type="date" {...form.register("plannedDocumentReviewOn")} />
        </Field>
        <Field label={t("plannedOnSiteOn")} error={errors.plannedOnSiteOn?.message}>
          <Input type="date" {...form.register("plannedOnSiteOn")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {t("savePlan")}
      </Button>
    </form>
  );
}
