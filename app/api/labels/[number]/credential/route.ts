import { NextResponse } from "next/server";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { envelopedCredential } from "@/lib/credentials/parse-input";
import { VC_JWT_MEDIA_TYPE } from "@/lib/credentials/vocabulary";
import { certificateCredentialByNumber } from "@/lib/dal/credentials";

/** A credential never changes once signed (its status lives in the status lists). */
const CACHE_CONTROL = "public, max-age=86400";

/**
 * The certificate's signed credential. JSON by default (the Data Model 2.0 envelope around the
 * JWS, `?download=1` as a file); the bare compact JWS for `Accept: application/vc+jwt`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const credential = await certificateCredentialByNumber((await params).number);
  const headers: Record<string, string> = { "Cache-Control": CACHE_CONTROL, Vary: "Accept" };
  if (!credential) return NextResponse.json({ error: "not_found" }, { status: 404, headers });
  const download = new URL(request.url).searchParams.get("download") === "1";
  if (request.headers.get("accept")?.includes(VC_JWT_MEDIA_TYPE)) {
    if (download) headers["Content-Disposition"] = attachmentDisposition(`${credential.number}.vc.jwt`);
    return new Response(credential.jws, { headers: { ...headers, "Content-Type": VC_JWT_MEDIA_TYPE } });
  }
  if (download) headers["Content-Disposition"] = attachmentDisposition(`${credential.number}.vc.json`);
  return NextResponse.json(envelopedCredential(credential.jws), { headers });
}
