"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/actions/account/sign-out-everywhere";

/** Ends every session, this one too: afterwards the browser is on the sign-in page. */
export function SignOutEverywhereButton() {
  const t = useTranslations("security.page");
  const translate = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("signOutEverywhereConfirm"))) return;
          setError(null);
          startTransition(async () => {
            const result = await signOutEverywhereAction({});
            if (!result.ok) {
              setError(result.message);
              return;
            }
            router.push("/login");
            router.refresh();
          });
        }}
      >
        {pending ? t("signingOut") : t("signOutEverywhere")}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </div>
  );
}
