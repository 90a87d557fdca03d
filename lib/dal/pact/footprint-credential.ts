import "server-only";
import { issuerJwks, statusListJws } from "@/lib/dal/credentials";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { verifyCredential, type Verdict } from "@/lib/credentials/verify-credential";
import { isStatusPurpose } from "@/lib/credentials/vocabulary";
import { credentialExtensionProblems } from "@/lib/pact/validate";

/** `unreadable`: the credential is no JWS a verifier can read (no issuer, not JSON): nothing vouches for the footprint through it. */
type FootprintCredentialCheck = { verdict: Verdict | "unreadable"; pointer: string };

/** The platform's own published keys and status lists, read where `/verify` would fetch them. */
async function fetchFromPlatform(path: string): Promise<string> {
  const jwks = /^\/issuers\/([^/]+)\/jwks\.json$/.exec(path);
  if (jwks) {
    const keys = await issuerJwks(decodeURIComponent(jwks[1]));
    if (keys) return JSON.stringify(keys);
  }
  const list = /^\/issuers\/([^/]+)\/status\/([^/]+)$/.exec(path);
  if (list && isStatusPurpose(list[2])) {
    const row = await statusListJws(decodeURIComponent(list[1]), list[2]);
    if (row) return row.jws;
  }
  throw new Error(`${path}: not published`);
}

/**
 * The verdict on the certificate credential a PACT ProductFootprint carries in a
 * certificate-credential extension, checked as `/verify` checks it (signature by a key the
 * platform publishes, validity, live status); null when the document carries none. A credential
 * of an issuer elsewhere is `untrusted`: the platform vouches only for its own bodies' keys; an
 * extension that does not match the extension's schema is `invalid`, like a broken signature.
 */
export async function footprintCredentialCheck(document: unknown): Promise<FootprintCredentialCheck | null> {
  const extensions = document && typeof document === "object" ? (document as { extensions?: unknown }).extensions : undefined;
  if (!Array.isArray(extensions)) return null;
  for (const [index, extension] of extensions.entries()) {
    const data = extension && typeof extension === "object" ? (extension as { data?: unknown }).data : undefined;
    if (!data || typeof data !== "object" || !("credential" in data)) continue;
    const pointer = `/extensions/${index}/data/credential`;
    if (credentialExtensionProblems(data).length > 0) return { verdict: "invalid", pointer };
    const report = await verifyCredential(JSON.stringify((data as { credential: unknown }).credential), {
      platformBaseUrl: platformBaseUrl(),
      fetchText: fetchFromPlatform,
    });
    return { verdict: report.readable ? report.verdict : "unreadable", pointer };
  }
  return null;
}

