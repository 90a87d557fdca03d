import { NextResponse } from "next/server";
import { platformJwks } from "@/lib/dal/credentials";

/** Keys change only on rotation, and a retired key stays listed: a few minutes of caching is safe. */
const CACHE_CONTROL = "public, max-age=300";

/** Every verification body's Ed25519 public keys, current and retired (RFC 7517 JWK Set). */
export async function GET() {
  return NextResponse.json(await platformJwks(), {
    headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": CACHE_CONTROL },
  });
}
