import { getFormatter, getTranslations } from "next-intl/server";
import { getRegistryPage } from "@/lib/dal/public-certificates";
import type { Locale } from "@/lib/i18n/config";
import type { RegistryView } from "./registry-view";

type RegistryViewProps = Parameters<typeof RegistryView>[0];

/** What RegistryView shows for a search, in `locale`: the App Router page and the page without scripts load it alike, and each brings its own Link. */
export async function registryViewProps(query: RegistryViewProps["query"], locale: Locale): Promise<Omit<RegistryViewProps, "Link">> {
  const [result, t, common, pagination, format] = await Promise.all([
    getRegistryPage(query),
    getTranslations({ locale, namespace: "registry" }),
    getTranslations({ locale, namespace: "common" }),
    getTranslations({ locale, namespace: "common.pagination" }),
    getFormatter({ locale }),
  ]);
  return { query, result, locale, t, common, pagination, formatDate: (value) => format.dateTime(new Date(value), { dateStyle: "medium" }) };
}
