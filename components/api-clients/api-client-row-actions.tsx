"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { revokeApiClientAction } from "@/lib/actions/api-clients/revoke-api-client";
import { rotateApiClientSecretAction } from "@/lib/actions/api-clients/rotate-api-client-secret";
import { OneTimeSecret } from "./one-time-secret";

/** Rotate (the new secret is shown once, here) and revoke, each after a confirmation. */
export function ApiClientRowActions({ apiClientId, name, active, revoked }: { apiClientId: string; name: string; active: boolean; revoked: boolean }) {
  const t = useTranslations("apiClients");
  const translate = useMessage();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [rotated, setRotated] = useState<{ clientId: string; clientSecret: string } | null>(null);

  function rotate() {
    if (!window.confirm(t("rotateConfirm", { name }))) return;
    setError(null);
    startTransition(async () => {
      const result = await rotateApiClientSecretAction({ apiClientId });
      if (result.ok) setRotated(result.data);
      else setError(result.message);
    });
  }

  function revoke() {
    if (!window.confirm(t("revokeConfirm", { name }))) return;
    setError(null);
    startTransition(async () => {
      const result = await revokeApiClientAction({ apiClientId });
      if (!result.ok) setError(result.message);
    });
  }

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
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </div>
  );
}
