"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { removePartnerAction } from "@/lib/actions/pact-partners/remove-partner";
import { EditPartnerForm } from "./partner-form";

type Partner = { id: string; name: string; baseUrl: string; clientId: string };

/** Edit a partner in place, or remove it after a confirmation. */
export function PartnerRowActions({ partner }: { partner: Partner }) {
  const t = useTranslations("pact.partners");
  const translate = useMessage();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function remove() {
    if (!window.confirm(t("removeConfirm", { name: partner.name }))) return;
    setError(null);
    startTransition(async () => {
      const result = await removePartnerAction({ partnerId: partner.id });
      if (!result.ok) setError(result.message);
    });
  }

  if (editing) return <EditPartnerForm partner={partner} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" aria-label={t("editLabel", { name: partner.name })} onClick={() => setEditing(true)}>
        {t("edit")}
      </Button>
      <Button size="sm" variant="danger" disabled={pending} aria-label={t("removeLabel", { name: partner.name })} onClick={remove}>
        {t("remove")}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </div>
  );
}
