"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/use-message";
import type { ActionResult } from "@/lib/result";
import { verifyAuditChainAction } from "@/lib/actions/regulator/verify-audit-chain";
import type { ChainVerification } from "@/lib/dal/audit-trail";

export function VerifyChainButton() {
  const t = useTranslations("audit");
  const translate = useMessage();
  const [result, setResult] = useState<ActionResult<ChainVerification> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <Button onClick={() => startTransition(async () => setResult(await verifyAuditChainAction({})))} disabled={pending}>
        {pending ? t("verifying") : t("verifyChain")}
      </Button>
      <div aria-live="polite">
        {result && !result.ok ? <Alert tone="danger">{translate(result.message)}</Alert> : null}
        {result?.ok && result.data.broken === null ? (
          <Alert tone="success">{t("chainIntact", { checked: result.data.checked })}</Alert>
        ) : null}
        {result?.ok && result.data.broken ? (
          <Alert tone="danger">
            {t(`chainBroken.${result.data.broken.problem}`, { id: result.data.broken.id, checked: result.data.checked })}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
