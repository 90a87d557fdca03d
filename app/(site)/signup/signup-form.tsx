"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useMessage } from "@/components/use-message";
import { ProofStatus } from "@/components/forms/proof-status";
import { RegionFields } from "@/components/forms/region-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { useProofOfWork } from "@/components/forms/use-proof-of-work";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/actions/organizations/sign-up";
import { signInAction } from "@/lib/actions/session/sign-in";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { signUpSchema } from "@/lib/validation/schemas/organizations";

export function SignUpForm() {
  const t = useTranslations("signup");
  const translate = useMessage();
  const router = useRouter();
  const proof = useProofOfWork();
  // Solved while the form is being filled in; each solution counts once, so a refused
  // registration starts the next one.
  const pendingProof = useRef<Promise<string | null> | null>(null);
  const { solve } = proof;
  useEffect(() => {
    pendingProof.current = solve({ purpose: "sign-up" });
  }, [solve]);
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: signUpSchema,
    defaultValues: {
      name: "",
      email: "",
      mobile: "",
      password: "",
      confirmPassword: "",
      consent: false,
      organizationName: "",
      creditCode: "",
      region: "500000",
      district: "",
    },
    action: async (values) => {
      const solved = (await pendingProof.current) ?? (await solve({ purpose: "sign-up" }));
      const result = await signUpAction({ ...values, proof: solved ?? undefined });
      if (!result.ok) pendingProof.current = solve({ purpose: "sign-up" });
      return result;
    },
    // The answer is the same whether or not the email already had an account; only signing in tells.
    onSuccess: async (data, values) => {
      const signedIn = await signInAction({ email: values.email, password: values.password });
      router.push(signedIn.ok ? data.redirectTo : "/login?registered=1");
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
        <Field label={t("mobile")} hint={t("mobileHint")} error={errors.mobile?.message}>
          <Input type="tel" inputMode="tel" autoComplete="tel-national" {...form.register("mobile")} />
        </Field>
        <Field
          label={t("password")}
          hint={t("passwordHint", { minimum: PASSWORD_MIN_LENGTH })}
          error={errors.password?.message}
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <Field label={t("confirmPassword")} error={errors.confirmPassword?.message}>
          <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
        </Field>
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300"
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "signup-consent-error" : undefined}
            {...form.register("consent")}
          />
          <span>
            {t.rich("consent", {
              // A new tab, so reading them does not lose what was typed here.
              terms: (chunks) => (
                <Link href="/terms" target="_blank" rel="noopener" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
              privacy: (chunks) => (
                <Link href="/privacy" target="_blank" rel="noopener" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </span>
        </label>
        {errors.consent?.message ? (
          <p id="signup-consent-error" role="alert" className="text-sm text-red-700">
            {translate(errors.consent.message)}
          </p>
        ) : null}
      </div>
      <ProofStatus state={proof.state} solvingMessage="solvingSignUp" />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
