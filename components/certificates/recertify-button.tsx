"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { recertifyAction } from "@/lib/actions/certificates/recertify";

/** Starts the renewal and opens the new application, whose inventory is pre-filled. */
export function RecertifyButton({ certificateId, number }: { certificateId: string; number: string }) {
  const t = useTranslations("certificates");
  const router = useRouter();
  return (
    <ActionButton
      action={recertifyAction}
      input={{ certificateId }}
      label={t("recertify")}
      onSuccess={({ applicationId }) => router.push(`/enterprise/applications/${applicationId}`)}
      aria-label={t("recertifyFor", { number })}
      title={t("recertifyHint")}
      variant="secondary"
      size="sm"
      stacked
    />
  );
}
