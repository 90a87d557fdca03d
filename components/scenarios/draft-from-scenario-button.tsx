"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/forms/action-button";
import { draftFromScenarioAction } from "@/lib/actions/scenarios/draft-from-scenario";

/** Opens a new draft application with the scenario's changes, then goes to it. */
export function DraftFromScenarioButton({ scenarioId }: { scenarioId: string }) {
  const t = useTranslations("scenarios.scenario");
  const router = useRouter();
  return (
    <ActionButton
      action={draftFromScenarioAction}
      input={{ scenarioId }}
      label={t("toDraft")}
      confirm={t("toDraftConfirm")}
      onSuccess={({ applicationId }) => router.push(`/enterprise/applications/${applicationId}`)}
      variant="secondary"
      size="sm"
    />
  );
}
