import { getTranslations } from "next-intl/server";
import { SupplyRequestsView } from "@/components/supply/supply-requests-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { AREA_ROLES } from "@/lib/policy";
import { supplyFiltersSchema } from "@/lib/validation/schemas/supply";

export async function generateMetadata() {
  const t = await getTranslations("supply");
  return { title: t("title") };
}

export default async function SupplyRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(AREA_ROLES.enterprise, "/enterprise/supply");
  const params = await searchParams;
  // Unknown filter values show everything: a filter in the address never breaks the page.
  const filters = supplyFiltersSchema.parse({ direction: params.direction ?? "all", status: params.status || null, counterparty: params.counterparty || null });
  return <SupplyRequestsView page={await getSupplyRequestsPage(user, filters)} defaultDueOn={addDays(todayInShanghai(), 30)} />;
}
