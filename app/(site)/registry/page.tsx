import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RegistryView } from "@/components/registry/registry-view";
import { getRegistryPage } from "@/lib/dal/public-certificates";
import { registryQuerySchema } from "@/lib/validation/schemas/certificates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registry");
  return { title: t("title") };
}

/**
 * Public: every issued label, searchable, each linked to its verification page. This page is what
 * a signed-in visitor gets, and the router's own navigation; a visitor who is not signed in loads
 * the same view as HTML without scripts (static/route.tsx, by a rewrite in next.config.ts).
 */
export default async function RegistryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = registryQuerySchema.parse(await searchParams);
  const [result, t, common, pagination, format, locale] = await Promise.all([
    getRegistryPage(query),
    getTranslations("registry"),
    getTranslations("common"),
    getTranslations("common.pagination"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <RegistryView
      query={query}
      result={result}
      locale={locale}
      t={t}
      common={common}
      pagination={pagination}
      formatDate={(value) => format.dateTime(new Date(value), { dateStyle: "medium" })}
      Link={Link}
    />
  );
}
