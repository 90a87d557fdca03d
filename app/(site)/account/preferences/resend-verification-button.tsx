"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/actions/account/resend-verification";

export function ResendVerificationButton() {
  const t = useTranslations("security.verifyEmail");
  const translate = useMessage();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          setMessage(null);
          startTransition(async () => {
            const result = await resendVerificationAction({});
            setMessage(result.ok ? { ok: true, text: t("resent") } : { ok: false, text: translate(result.message) });
          });
        }}
      >
        {pending ? t("resending") : t("resend")}
      </Button>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-brand-800" : "text-sm text-red-700"}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
