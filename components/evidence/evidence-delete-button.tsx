"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/forms/action-button";
import { deleteEvidenceAction } from "@/lib/actions/evidence/delete-evidence";

export function EvidenceDeleteButton({ evidenceId, fileName }: { evidenceId: string; fileName: string }) {
  const t = useTranslations("evidence");
  const router = useRouter();
  return (
    <ActionButton
      action={deleteEvidenceAction}
      input={{ evidenceId }}
      label={
        <>
          <Trash2 className="size-4" aria-hidden />
          <span className="sr-only sm:not-sr-only">{t("delete")}</span>
        </>
      }
      confirm={t("deleteConfirm", { name: fileName })}
      onSuccess={() => router.refresh()}
      aria-label={t("deleteNamed", { name: fileName })}
      variant="ghost"
      size="sm"
      stacked
    />
  );
}
