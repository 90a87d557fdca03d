"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { cancelJobAction } from "@/lib/actions/jobs/cancel-job";
import { retryJobAction } from "@/lib/actions/jobs/retry-job";
import type { ActionResult } from "@/lib/result";

type Props = { queue: string; jobId: string; mayRetry: boolean; mayCancel: boolean };

/** Retry a failed job, or cancel one waiting to retry; the page reloads with the new state. */
export function JobActions({ queue, jobId, mayRetry, mayCancel }: Props) {
  const t = useTranslations("admin.jobs");
  const translate = useMessage();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {mayRetry ? (
        <Button size="sm" variant="secondary" disabled={pending} aria-label={t("retryJob", { id: jobId })} onClick={() => run(() => retryJobAction({ queue, jobId }))}>
          {t("retry")}
        </Button>
      ) : null}
      {mayCancel ? (
        <Button
          size="sm"
          variant="danger"
          disabled={pending}
          aria-label={t("cancelJob", { id: jobId })}
          onClick={() => {
            if (window.confirm(t("cancelConfirm"))) run(() => cancelJobAction({ queue, jobId }));
          }}
        >
          {t("cancel")}
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </div>
  );
}
