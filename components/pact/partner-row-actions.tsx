"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionError, useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { removePartnerAction } from "@/lib/actions/pact-partners/remove-partner";
import { EditPartnerForm } from "./partner-form";

type Partner = { id: string; name: string; baseUrl: string; clientId: string };

/** Edit a partner in place, or remove it after a confirmation. */
export function PartnerRowActions({ partner }: { partner: Partner }) {
  const t = useTranslations("pact.partners");
  const [editing, setEditing] = useState(false);
  const { pending, error, run } = useActionRunner();
  const remove = () => run(() => removePartnerAction({ partnerId: partner.id }), { confirm: t("removeConfirm", { name: partner.name }) });

  if (editing) return <EditPartnerForm partner={partner} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" aria-label={t("editLabel", { name: partner.name })} onClick={() => setEditing(true)}>
        {t("edit")}
      </Button>
      <Button size="sm" variant="danger" disabled={pending} aria-label={t("removeLabel", { name: partner.name })} onClick={remove}>
        {t("remove")}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
