"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function CopyField({ label, value }: { label: string; value: string }) {
  const t = useTranslations("apiClients");
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900 select-all">
          {value}
        </code>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`${t("copy")} ${label}`}
          onClick={() =>
            navigator.clipboard.writeText(value).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            )
          }
        >
          {t("copy")}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-600">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : null}
      </p>
    </div>
  );
}

/** The client id and secret, shown once after creation or rotation. */
export function OneTimeSecret({ title, clientId, clientSecret, onDismiss }: { title: string; clientId: string; clientSecret: string; onDismiss: () => void }) {
  const t = useTranslations("apiClients");
  return (
    <Alert tone="warning" className="space-y-3">
      <p className="font-semibold">{title}</p>
      <p>{t("secretWarning")}</p>
      <CopyField label={t("clientId")} value={clientId} />
      <CopyField label={t("clientSecret")} value={clientSecret} />
      <Button size="sm" onClick={onDismiss}>
        {t("dismiss")}
      </Button>
    </Alert>
  );
}
