"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A page that failed to render: says so and offers to try again. */
export function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div role="alert" className="ui-message-page">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <Button className="mt-6" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </div>
  );
}
