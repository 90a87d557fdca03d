"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMessage } from "@/components/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { announceSuccess } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { OrganizationKind } from "@/db/schema";
import { createUserAction } from "@/lib/actions/admin/create-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { createUserSchema } from "@/lib/validation/schemas/organizations";
import { ROLES_BY_ORGANIZATION_KIND } from "@/lib/policy";
import { hrefWithParams } from "@/lib/utils";

type OrganizationOption = { id: string; name: string; kind: OrganizationKind };

/**
 * The form creating a user, on its own page. Once created, back to the list searched for the new
 * email, so the new row is on the page however many users there are, with a toast.
 */
export function UserForm({ organizations }: { organizations: OrganizationOption[] }) {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  const translate = useMessage();
  const router = useRouter();
  const empty = { organizationId: "", name: "", email: "", role: "verifier" as const, password: "" };
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: createUserSchema,
    defaultValues: empty,
    action: createUserAction,
    onSuccess: (_, values) => {
      announceSuccess(t("userCreated"));
      router.push(hrefWithParams("/admin", { q: values.email }));
    },
  });
  const organization = organizations.find((o) => o.id === form.watch("organizationId"));
  const roles = organization ? ROLES_BY_ORGANIZATION_KIND[organization.kind] : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("newUser")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
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
      {/* Still disabled while the list loads after a success: a second click would be refused as a taken email. */}
      <Button type="submit" disabled={isSubmitting || succeeded}>
        {t("createUser")}
      </Button>
    </form>
  );
}
