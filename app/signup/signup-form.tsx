"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMessage } from "@/components/use-message";
import { RegionFields } from "@/components/forms/region-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/actions/organizations/sign-up";
import { signInAction } from "@/lib/actions/session/sign-in";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { signUpSchema } from "@/lib/validation/schemas/organizations";

export function SignUpForm() {
  const t = useTranslations("signup");
  const translate = useMessage();
  const router = useRouter();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: signUpSchema,
    defaultValues: {
      name: "",
      email: "",
      password: "",
      organizationName: "",
      creditCode: "",
      region: "500000",
      district: "",
    },
    action: signUpAction,
    onSuccess: async (data, values) => {
      const signedIn = await signInAction({ email: values.email, password: values.password });
      router.push(signedIn.ok ? data.redirectTo : "/login");
      router.refresh();
    },
  });
  const region = form.watch("region");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("organizationSection")}</legend>
        <Field label={t("organizationName")} error={errors.organizationName?.message}>
          <Input autoComplete="organization" {...form.register("organizationName")} />
        </Field>
        <Field label={t("creditCode")} hint={t("creditCodeHint")} error={errors.creditCode?.message}>
          <Input maxLength={18} className="font-mono uppercase" {...form.register("creditCode")} />
        </Field>
        <RegionFields register={form.register} errors={errors} region={region} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("personSection")}</legend>
        <Field label={t("name")} error={errors.name?.message}>
          <Input autoComplete="name" {...form.register("name")} />
        </Field>
        <Field label={t("email")} error={errors.email?.message}>
          <Input type="email" autoComplete="email" {...form.register("email")} />
        </Field>
        <Field
          label={t("password")}
          hint={t("passwordHint", { minimum: PASSWORD_MIN_LENGTH })}
          error={errors.password?.message}
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </fieldset>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
