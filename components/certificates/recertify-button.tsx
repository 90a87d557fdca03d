"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/use-message";
import { recertifyAction } from "@/lib/actions/certificates/recertify";

/** Starts the renewal and opens the new application, whose inventory is pre-filled. */
export function RecertifyButton({ certificateId, number }: { certificateId: string; number: string }) {
  const t = useTranslations("certificates");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={t("recertifyFor", { number })}
        title={t("recertifyHint")}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await recertifyAction({ certificateId });
            if (result.ok) router.push(`/enterprise/applications/${result.data.applicationId}`);
            else setError(result.message);
          })
        }
      >
        {t("recertify")}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </div>
  );
}
