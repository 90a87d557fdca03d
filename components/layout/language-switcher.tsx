"use client";

import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/session/set-locale";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

/** `label`: the group's accessible name, translated by the server (the header hands the browser no catalog for it). */
export function LanguageSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={label} className="flex rounded-md border border-slate-300 text-xs">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={locale === option}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(option);
              router.refresh();
            })
          }
          className="ui-language-option"
        >
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
