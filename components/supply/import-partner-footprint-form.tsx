"use client";

import { Link2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { importPartnerFootprintAction } from "@/lib/actions/supply-requests/import-partner-footprint";

type Partner = { id: string; name: string; baseUrl: string };

/**
 * Imports a footprint from one of the enterprise's PACT partners by its URL at the partner's host
 * (or its id): the platform reads it there, only under the partner's registered base URL.
 */
export function ImportPartnerFootprintForm({ partners }: { partners: Partner[] }) {
  const t = useTranslations("supply.import.partner");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [partnerId, setPartnerId] = useState(partners[0]?.id ?? "");
  const [errors, setErrors] = useState<{ partnerId?: string[]; reference?: string[] }>({});
  const [outcome, setOutcome] = useState<{ tone: "success" | "danger"; message: string } | null>(null);
  const partner = partners.find((entry) => entry.id === partnerId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setOutcome(null);
    if (!String(data.get("reference") ?? "").trim()) return setErrors({ reference: ["supply.import.errors.referenceRequired"] });
    setErrors({});
    startTransition(async () => {
      const result = await importPartnerFootprintAction(data);
      if (!result.ok) {
        const fieldErrors = { partnerId: result.fieldErrors?.partnerId, reference: result.fieldErrors?.reference };
        setErrors(fieldErrors);
        if (!fieldErrors.partnerId && !fieldErrors.reference) setOutcome({ tone: "danger", message: translate(result.message) });
        return;
      }
      setOutcome({ tone: "success", message: t("imported") });
      form.reset();
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-slate-100 pt-4" aria-busy={pending} aria-label={t("title")}>
      <h3 className="text-sm font-semibold text-slate-900">{t("title")}</h3>
      <Field label={t("partner")} error={errors.partnerId}>
        <Select name="partnerId" value={partnerId} onChange={(event) => setPartnerId(event.target.value)} disabled={pending}>
          {partners.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("reference")} hint={partner ? t("referenceHint", { base: partner.baseUrl }) : undefined} error={errors.reference}>
        <Input name="reference" type="text" inputMode="url" autoComplete="off" spellCheck={false} maxLength={2000} disabled={pending} className="font-mono" />
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        <Link2 className="size-4" aria-hidden />
        {pending ? t("submitting") : t("submit")}
      </Button>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
    </form>
  );
}
