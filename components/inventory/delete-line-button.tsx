"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { deleteInventoryLineAction } from "@/lib/actions/inventory/delete-line";

export function DeleteLineButton({ applicationId, lineId, description }: { applicationId: string; lineId: string; description: string }) {
  const t = useTranslations("inventory");
  const common = useTranslations("common");
  const translate = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = () => {
    if (!window.confirm(t("confirmDelete", { description }))) return;
    startTransition(async () => {
      const result = await deleteInventoryLineAction({ applicationId, lineId });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  };
  return (
    <>
      <Button variant="ghost" size="sm" onClick={remove} disabled={pending} aria-label={t("deleteLine", { description })}>
        {common("delete")}
      </Button>
      {error ? (
        <span role="alert" className="block text-xs text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </>
  );
}
