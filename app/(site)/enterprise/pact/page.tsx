import { getTranslations } from "next-intl/server";
import { FootprintsView } from "@/components/pact/footprints-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { getPactFootprintsPage } from "@/lib/dal/pact/enterprise";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata() {
  const t = await getTranslations("pact.footprints");
  return { title: t("title") };
}

export default async function PactFootprintsPage() {
  const user = await requirePageUser(AREA_ROLES.enterprise, "/enterprise/pact");
  return <FootprintsView page={await getPactFootprintsPage(user)} />;
}
