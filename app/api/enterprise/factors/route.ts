import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { searchEmissionFactors } from "@/lib/dal/emission-factors";
import { factorSearchSchema } from "@/lib/validation/schemas/inventory";

/** The factor picker's search: current factors by name, category, region and year. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(user.role, "inventory.edit")) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  const params = request.nextUrl.searchParams;
  const parsed = factorSearchSchema.safeParse({
    q: params.get("q") || undefined,
    category: params.get("category") || undefined,
    region: params.get("region") || undefined,
    year: params.get("year") || undefined,
  });
  if (!parsed.success) return NextResponse.json({ error: "invalid" }, { status: 400 });
  const factors = await searchEmissionFactors(user, parsed.data);
  return NextResponse.json({ factors }, { headers: { "Cache-Control": "no-store" } });
}
