"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMessage } from "@/components/use-message";
import { RegionFields } from "@/components/forms/region-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { announceSuccess } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { createOrganizationAction } from "@/lib/actions/admin/create-organization";
import { createOrganizationSchema, MANAGED_ORGANIZATION_KINDS } from "@/lib/validation/schemas/organizations";

const EMPTY = { kind: "verification_body", name: "", nameEn: "", region: "500000", district: "", accreditationNo: "" } as const;

/** The form creating an organization, on its own page: once created, back to the list with a toast. */
export function OrganizationForm() {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  const translate = useMessage();
  const router = useRouter();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: createOrganizationSchema,
    defaultValues: EMPTY,
    action: createOrganizationAction,
    onSuccess: () => {
      announceSuccess(t("organizationCreated"));
      router.push("/admin");
    },
  });
  const kind = form.watch("kind");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("newOrganization")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("kind")} error={errors.kind?.message}>
        <Select {...form.register("kind")}>
          {MANAGED_ORGANIZATION_KINDS.map((value) => (
            <option key={value} value={value}>
              {common(`organizationKinds.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("nameZh")} error={errors.name?.message}>
          <Input {...form.register("name")} />
        </Field>
        <Field label={t("nameEn")} error={errors.nameEn?.message}>
          <Input {...form.register("nameEn")} />
        </Field>
      </div>
      <RegionFields register={form.register} errors={errors} region={form.watch("region")} />
      {kind === "verification_body" ? (
        <Field label={t("accreditationNo")} error={errors.accreditationNo?.message}>
          <Input {...form.register("accreditationNo")} />
        </Field>
      ) : null}
      {/* Still disabled while the list loads after a success: a second click would create a twin. */}
      <Button type="submit" disabled={isSubmitting || succeeded}>
        {t("createOrganization")}
      </Button>
    </form>
  );
}
