import type { DashboardFilters } from "@/lib/validation/schemas/regulator";

/** `?category=…&district=…` for the filters that are set (empty string when none). */
export function dashboardQueryString(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
