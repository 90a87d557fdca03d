"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { calculateApplicationAction } from "@/lib/actions/applications/calculate";

export function CalculateButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations("applications.calculation");
  const translate = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const calculate = () =>
    startTransition(async () => {
      setError(null);
      const result = await calculateApplicationAction({ applicationId });
      if (!result.ok) setError(result.message);
      router.refresh();
    });
  return (
    <div className="space-y-2">
      <Button onClick={calculate} disabled={pending}>
        {pending ? t("calculating") : t("calculate")}
      </Button>
      {error ? <Alert tone="danger">{translate(error)}</Alert> : null}
    </div>
  );
}
