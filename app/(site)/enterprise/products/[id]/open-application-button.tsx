"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createApplicationAction } from "@/lib/actions/applications/create-application";

export function OpenApplicationButton({ productId }: { productId: string }) {
  const t = useTranslations("enterprise");
  const translate = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const open = () =>
    startTransition(async () => {
      setError(null);
      const result = await createApplicationAction({ productId });
      if (result.ok) router.push(`/enterprise/applications/${result.data.applicationId}`);
      else setError(result.message);
    });
  return (
    <div className="space-y-2">
      <Button onClick={open} disabled={pending}>
        {t("openApplication")}
      </Button>
      {error ? <Alert tone="danger">{translate(error)}</Alert> : null}
    </div>
  );
}
