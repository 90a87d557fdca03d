"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useMessage } from "@/components/use-message";
import { recordSurveillanceAction } from "@/lib/actions/certificates/record-surveillance";
import { reinstateCertificateAction } from "@/lib/actions/certificates/reinstate-certificate";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { withdrawCertificateAction } from "@/lib/actions/certificates/withdraw-certificate";
import { todayInShanghai } from "@/lib/certificates/validity";
import type { CertificatePermission } from "@/lib/policy";
import {
  recordSurveillanceSchema,
  reinstateCertificateSchema,
  suspendCertificateSchema,
  withdrawCertificateSchema,
} from "@/lib/validation/schemas/certificates";

type Operation = "suspend" | "reinstate" | "withdraw" | "surveillance";

type Props = {
  certificateId: string;
  number: string;
  /** The version this row shows; the server refuses if someone changed it meanwhile. */
  version: number;
  /** What the policy lets the viewer do with the certificate now (the domain operations decide again). */
  permitted: readonly CertificatePermission[];
};

/** The controls, in the order offered, and the permission each needs. */
const OPERATIONS: readonly [Operation, CertificatePermission][] = [
  ["surveillance", "certificate.recordSurveillance"],
  ["suspend", "certificate.suspend"],
  ["reinstate", "certificate.reinstate"],
  ["withdraw", "certificate.withdraw"],
];

const STATUS_ACTIONS = {
  suspend: { schema: suspendCertificateSchema, action: suspendCertificateAction },
  reinstate: { schema: reinstateCertificateSchema, action: reinstateCertificateAction },
  withdraw: { schema: withdrawCertificateSchema, action: withdrawCertificateAction },
} as const;

function StatusForm({ operation, certificateId, version }: { operation: keyof typeof STATUS_ACTIONS; certificateId: string; version: number }) {
  const t = useTranslations("certificates");
  const translate = useMessage();
  const { schema, action } = STATUS_ACTIONS[operation];
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema,
    defaultValues: { certificateId, expectedVersion: version, reason: "" },
    action,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field
        label={operation === "reinstate" ? t("reinstateNote") : t("reason")}
        hint={operation === "reinstate" ? undefined : t("reasonHint")}
        error={errors.reason?.message}
      >
        <Textarea rows={2} {...form.register("reason")} />
      </Field>
      <Button type="submit" size="sm" variant={operation === "reinstate" ? "primary" : "danger"} disabled={isSubmitting}>
        {t(`action.${operation}`)}
      </Button>
    </form>
  );
}

function SurveillanceForm({ certificateId, version }: { certificateId: string; version: number }) {
  const t = useTranslations("certificates");
  const translate = useMessage();
  const [today] = useState(() => todayInShanghai());
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: recordSurveillanceSchema,
    defaultValues: { certificateId, expectedVersion: version, performedOn: today, result: "passed", notes: "" },
    action: recordSurveillanceAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("performedOn")} error={errors.performedOn?.message}>
          <Input type="date" max={today} {...form.register("performedOn")} />
        </Field>
        <Field label={t("result")} error={errors.result?.message}>
          <Select {...form.register("result")}>
            <option value="passed">{t("resultPassed")}</option>
            <option value="failed">{t("resultFailed")}</option>
          </Select>
        </Field>
      </div>
      <Field label={t("notes")} error={errors.notes?.message}>
        <Textarea rows={2} {...form.register("notes")} />
      </Field>
      <Button type="submit" size="sm" disabled={isSubmitting}>
        {t("action.surveillance")}
      </Button>
    </form>
  );
}

/** Suspend, reinstate, withdraw (with reason) and record surveillance, for one certificate. */
export function CertificateControls({ certificateId, number, version, permitted }: Props) {
  const t = useTranslations("certificates");
  const operations = OPERATIONS.filter(([, permission]) => permitted.includes(permission)).map(([operation]) => operation);
  const [operation, setOperation] = useState<Operation | null>(operations[0] ?? null);
  if (!operation) return <p className="text-xs text-slate-600">{t("noActions")}</p>;
  return (
    <details className="group min-w-64">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline" aria-label={t("manageFor", { number })}>
        {t("manage")}
      </summary>
      <div className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        <Field label={t("action.label")}>
          <Select value={operation} onChange={(event) => setOperation(event.target.value as Operation)}>
            {operations.map((option) => (
              <option key={option} value={option}>
                {t(`action.${option}`)}
              </option>
            ))}
          </Select>
        </Field>
        {operation === "surveillance" ? (
          <SurveillanceForm certificateId={certificateId} version={version} />
        ) : (
          <StatusForm key={operation} operation={operation} certificateId={certificateId} version={version} />
        )}
      </div>
    </details>
  );
}
