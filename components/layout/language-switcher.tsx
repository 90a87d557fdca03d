"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/session/set-locale";
import { LOCALES, type Locale } from "@/lib/i18n/config";

const LABELS: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function LanguageSwitcher() {
  const locale = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="flex rounded-md border border-slate-300 text-xs">
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
          className="px-2 py-1 first:rounded-l-md last:rounded-r-md aria-pressed:bg-brand-700 aria-pressed:text-white"
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
