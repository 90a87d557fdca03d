"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useMessage } from "@/components/use-message";
import { ProofStatus } from "@/components/forms/proof-status";
import { useProofOfWork } from "@/components/forms/use-proof-of-work";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInAction } from "@/lib/actions/session/sign-in";
import { signInSchema, type SignInInput } from "@/lib/validation/schemas/auth";

/** The answer that asks for a solved challenge (sign-in.ts); the level may rise meanwhile, hence a few tries. */
const PROOF_REQUIRED = "security.signIn.proofRequired";
const PROOF_ATTEMPTS = 3;

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const translate = useMessage();
  const router = useRouter();
  const proof = useProofOfWork();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "", callbackUrl },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    let result = await signInAction(values);
    for (let attempt = 0; attempt < PROOF_ATTEMPTS && !result.ok && result.message === PROOF_REQUIRED; attempt++) {
      const solved = await proof.solve({ purpose: "sign-in", email: values.email });
      if (!solved) break;
      result = await signInAction({ ...values, proof: solved });
    }
    if (!result.ok) {
      setFormError(result.message);
      return;
    }
    router.push(result.data.redirectTo);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("email")} error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label={t("password")} error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <ProofStatus state={proof.state} solvingMessage="solving" />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
