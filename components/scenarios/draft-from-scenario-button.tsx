"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { draftFromScenarioAction } from "@/lib/actions/scenarios/draft-from-scenario";

/** Opens a new draft application with the scenario's changes, then goes to it. */
export function DraftFromScenarioButton({ scenarioId }: { scenarioId: string }) {
  const t = useTranslations("scenarios.scenario");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("toDraftConfirm"))) return;
          setError(null);
          startTransition(async () => {
            const result = await draftFromScenarioAction({ scenarioId });
            if (result.ok) router.push(`/enterprise/applications/${result.data.applicationId}`);
            else setError(result.message);
          });
        }}
      >
        {t("toDraft")}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </span>
  );
}
