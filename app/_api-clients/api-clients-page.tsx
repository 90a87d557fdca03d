import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiClientsView } from "@/components/api-clients/api-clients-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { getApiClientsPage } from "@/lib/dal/api-clients";
import { AREA_ROLES, can, type Area } from "@/lib/policy";
import { API_CLIENT_MAX_DAYS } from "@/lib/validation/schemas/api-clients";

/** A new client lasts a year unless the form says otherwise. */
const DEFAULT_LIFETIME_DAYS = 365;

export async function apiClientsMetadata() {
  const t = await getTranslations("apiClients");
  return { title: t("title") };
}

/** The API clients page of each area (enterprise, verification body, regulator): one page, three addresses. */
export async function ApiClientsPage({ area }: { area: Exclude<Area, "admin"> }) {
  const user = await requirePageUser(AREA_ROLES[area], `/${area}/api-clients`);
  if (!can(user, "apiClient.manage")) forbidden();
  const page = await getApiClientsPage(user);
  return <ApiClientsView page={page} defaultExpiresOn={addDays(todayInShanghai(), DEFAULT_LIFETIME_DAYS)} maximumDays={API_CLIENT_MAX_DAYS} />;
}
