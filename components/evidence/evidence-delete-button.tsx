"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { deleteEvidenceAction } from "@/lib/actions/evidence/delete-evidence";

export function EvidenceDeleteButton({ evidenceId, fileName }: { evidenceId: string; fileName: string }) {
  const t = useTranslations("evidence");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    if (!window.confirm(t("deleteConfirm", { name: fileName }))) return;
    startTransition(async () => {
      const result = await deleteEvidenceAction({ evidenceId });
      setError(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  };
  return (
    <span className="inline-flex flex-col items-start">
      <Button variant="ghost" size="sm" onClick={remove} disabled={pending} aria-label={t("deleteNamed", { name: fileName })}>
        <Trash2 className="size-4" aria-hidden />
        <span className="sr-only sm:not-sr-only">{t("delete")}</span>
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </span>
  );
}
