"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";

type Values = FieldValues & { newPassword: string; confirmPassword: string };

type Props<FormValues extends Values> = {
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
};

/** A new password and its repetition, with the password policy as the hint (password change and reset). */
export function NewPasswordFields<FormValues extends Values>({ register, errors }: Props<FormValues>) {
  const t = useTranslations("security.page");
  return (
    <>
      <Field label={t("newPassword")} hint={t("newPasswordHint", { minimum: PASSWORD_MIN_LENGTH })} error={errors.newPassword?.message as string | undefined}>
        <Input type="password" autoComplete="new-password" {...register("newPassword" as Path<FormValues>)} />
      </Field>
      <Field label={t("confirmPassword")} error={errors.confirmPassword?.message as string | undefined}>
        <Input type="password" autoComplete="new-password" {...register("confirmPassword" as Path<FormValues>)} />
      </Field>
    </>
  );
}
