import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SigningKeysPanel } from "@/components/credentials/signing-keys-panel";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { signingKeysFor } from "@/lib/dal/credentials";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("credentials.keys");
  return { title: t("metaTitle") };
}

export default async function SigningKeysPage() {
  const user = await requirePageUser(AREA_ROLES.verifier, "/verifier/signing-keys");
  const [t, bodies] = await Promise.all([getTranslations("credentials.keys"), signingKeysFor(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <SigningKeysPanel bodies={bodies} />
    </>
  );
}
