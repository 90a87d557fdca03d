"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionError, useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { revokeApiClientAction } from "@/lib/actions/api-clients/revoke-api-client";
import { rotateApiClientSecretAction } from "@/lib/actions/api-clients/rotate-api-client-secret";
import { OneTimeSecret } from "./one-time-secret";

/** Rotate (the new secret is shown once, here) and revoke, each after a confirmation. */
export function ApiClientRowActions({ apiClientId, name, active, revoked }: { apiClientId: string; name: string; active: boolean; revoked: boolean }) {
  const t = useTranslations("apiClients");
  const { pending, error, run } = useActionRunner();
  const [rotated, setRotated] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const rotate = () => run(() => rotateApiClientSecretAction({ apiClientId }), { confirm: t("rotateConfirm", { name }), onSuccess: setRotated });
  const revoke = () => run(() => revokeApiClientAction({ apiClientId }), { confirm: t("revokeConfirm", { name }) });

  if (rotated) {
    return <OneTimeSecret title={t("newSecretFor", { name })} clientId={rotated.clientId} clientSecret={rotated.clientSecret} onDismiss={() => setRotated(null)} />;
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {active ? (
        <Button size="sm" variant="secondary" disabled={pending} aria-label={t("rotateLabel", { name })} onClick={rotate}>
          {t("rotate")}
        </Button>
      ) : null}
      {!revoked ? (
        <Button size="sm" variant="danger" disabled={pending} aria-label={t("revokeLabel", { name })} onClick={revoke}>
          {t("revoke")}
        </Button>
      ) : null}
      <ActionError message={error} />
    </div>
  );
}
