import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

/** The title template and description of every root layout; `locale` when the address carries it. */
export async function rootMetadata(locale?: Locale): Promise<Metadata> {
  const t = locale ? await getTranslations({ locale, namespace: "common" }) : await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const rootViewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#027a48" };
