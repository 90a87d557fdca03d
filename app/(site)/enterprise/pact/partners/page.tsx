import { getTranslations } from "next-intl/server";
import { PartnersView } from "@/components/pact/partners-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { getPartnersPage } from "@/lib/dal/pact/enterprise";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata() {
  const t = await getTranslations("pact.partners");
  return { title: t("title") };
}

export default async function PactPartnersPage() {
  const user = await requirePageUser(AREA_ROLES.enterprise, "/enterprise/pact/partners");
  return <PartnersView page={await getPartnersPage(user)} />;
}
