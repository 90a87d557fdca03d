import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { pilotDashboard } from "@/lib/dal/regulator-overview";
import { todayInShanghai } from "@/lib/certificates/validity";
import { dashboardCsv } from "@/lib/http/dashboard-csv";
import { parseDashboardFilters } from "@/lib/validation/schemas/regulator";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The filtered dashboard as CSV: the signed-in regulator's region only. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: NO_STORE });
  if (!can(user.role, "dashboard.read")) return new Response("Forbidden", { status: 403, headers: NO_STORE });
  const filters = parseDashboardFilters(Object.fromEntries(new URL(request.url).searchParams));
  const csv = dashboardCsv(await pilotDashboard(user, filters));
  return new Response(csv, {
    headers: {
      ...NO_STORE,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pilot-dashboard-${user.region}-${todayInShanghai()}.csv"`,
    },
  });
}
