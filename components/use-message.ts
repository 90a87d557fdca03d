"use client";

import { useTranslations } from "next-intl";
import { parseMessageKey } from "@/lib/i18n/translate";

/** Translates a message key from an action result or zod (`key?param=value`). */
export function useMessage() {
  const t = useTranslations();
  return (message: string) => {
    const { key, params } = parseMessageKey(message);
    return t.has(key) ? t(key, params) : message;
  };
}
