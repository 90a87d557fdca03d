import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ManagedCertificates, parseManagedQuery } from "@/components/certificates/managed-certificates";
import { requirePageUser } from "@/lib/auth/current-user";
import { listManagedCertificates } from "@/lib/dal/certificates";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("certificates");
  return { title: t("managedTitle") };
}

export default async function VerifierCertificatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser(AREA_ROLES.verifier, "/verifier/certificates");
  const { filter, page } = parseManagedQuery(await searchParams);
  const result = await listManagedCertificates(user, filter, page);
  return <ManagedCertificates result={result} audience="body" path="/verifier/certificates" filter={filter} page={page} />;
}
