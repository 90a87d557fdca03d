import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RegistryView } from "@/components/registry/registry-view";
import { registryViewProps } from "@/components/registry/registry-view-props";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
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
  const visitorLocale = await getLocale();
  const props = await registryViewProps(query, isLocale(visitorLocale) ? visitorLocale : DEFAULT_LOCALE);
  return <RegistryView {...props} Link={Link} />;
}
