"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { withdrawSubmissionAction } from "@/lib/actions/applications/withdraw";

export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations("applications.submit");
  const translate = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const withdraw = () => {
    if (!window.confirm(t("confirmWithdraw"))) return;
    startTransition(async () => {
      setError(null);
      const result = await withdrawSubmissionAction({ applicationId });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  };
  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={withdraw} disabled={pending}>
        {t("withdraw")}
      </Button>
      {error ? <Alert tone="danger">{translate(error)}</Alert> : null}
    </div>
  );
}
