"use client";

import { useTranslations } from "next-intl";
import { useMessage } from "@/components/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { OrganizationKind } from "@/db/schema";
import { createUserAction } from "@/lib/actions/admin/create-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { createUserSchema } from "@/lib/validation/schemas/organizations";
import { ROLES_BY_ORGANIZATION_KIND } from "@/lib/policy";

type OrganizationOption = { id: string; name: string; kind: OrganizationKind };

export function UserForm({ organizations }: { organizations: OrganizationOption[] }) {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  const translate = useMessage();
  const empty = { organizationId: "", name: "", email: "", role: "verifier" as const, password: "" };
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: createUserSchema,
    defaultValues: empty,
    action: createUserAction,
    resetOnSuccess: true,
  });
  const organization = organizations.find((o) => o.id === form.watch("organizationId"));
  const roles = organization ? ROLES_BY_ORGANIZATION_KIND[organization.kind] : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("userCreated")}</Toast> : null}
      <Field label={t("organization")} error={errors.organizationId?.message}>
        <Select
          {...form.register("organizationId", {
            onChange: (event: { target: { value: string } }) => {
              const next = organizations.find((o) => o.id === event.target.value);
              if (next) form.setValue("role", ROLES_BY_ORGANIZATION_KIND[next.kind][0]);
            },
          })}
        >
          <option value="">{common("choose")}</option>
          {organizations.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} · {common(`organizationKinds.${option.kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("role")} error={errors.role?.message}>
        <Select {...form.register("role")} disabled={!organization}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {common(`roles.${role}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("personName")} error={errors.name?.message}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label={t("email")} error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
      </div>
      <Field
        label={t("initialPassword")}
        hint={t("initialPasswordHint", { minimum: PASSWORD_MIN_LENGTH })}
        error={errors.password?.message}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("createUser")}
      </Button>
    </form>
  );
}
