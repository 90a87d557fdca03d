import { NextResponse } from "next/server";
import { issuerJwks } from "@/lib/dal/credentials";

const CACHE_CONTROL = "public, max-age=300";

/** One verification body's public keys, current and retired: what `/verify` checks its credentials against. */
export async function GET(_request: Request, { params }: { params: Promise<{ bodyId: string }> }) {
  const jwks = await issuerJwks((await params).bodyId);
  if (!jwks) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json(jwks, { headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": CACHE_CONTROL } });
}
