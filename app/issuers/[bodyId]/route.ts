import { NextResponse } from "next/server";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { issuerProfile } from "@/lib/dal/credentials";

/** The issuer URL credentials name: the body, its key set and its status lists. */
export async function GET(_request: Request, { params }: { params: Promise<{ bodyId: string }> }) {
  const profile = await issuerProfile((await params).bodyId, platformBaseUrl());
  if (!profile) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json(profile, { headers: { "Cache-Control": "public, max-age=300" } });
}
