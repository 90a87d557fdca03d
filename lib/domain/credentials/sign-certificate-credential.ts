import "server-only";
import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificateCredentials, type Certificate, type CertificateCredential } from "@/db/schema";
import { buildCertificateCredential } from "@/lib/credentials/certificate-credential";
import { signCredential } from "@/lib/credentials/jws";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { statusListLength } from "@/lib/credentials/status-list";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { violatedUniqueConstraint } from "@/lib/domain/certificates/unique-violation";
import { activeSigningKey } from "./signing-keys";
import { ensureStatusLists } from "./status-lists";

/** A random free position is found at once while a list stays at most half full; a few draws make a miss vanishingly rare. */
const INDEX_ATTEMPTS = 8;

/**
 * Signs the certificate's W3C Verifiable Credential with its body's active key, inside the
 * caller's transaction (the approval's, or the start-up backfill's): the certificate and its
 * credential commit together, so no certificate is ever usable unsigned. The credential takes a
 * random position in the body's status lists (Bitstring Status List v1.0 advises random
 * positions, so a position tells nothing about issuance order or volume).
 */
export async function signCertificateCredential(tx: Tx, certificate: Certificate): Promise<CertificateCredential> {
  const bodyId = certificate.verificationBodyId;
  const key = await activeSigningKey(tx, bodyId);
  await ensureStatusLists(tx, bodyId, key);
  const [{ value: issued }] = await tx
    .select({ value: count() })
    .from(certificateCredentials)
    .where(eq(certificateCredentials.verificationBodyId, bodyId));
  // At least twice as many positions as credentials: a random draw hits a free one at least half the time.
  const positions = statusListLength(2 * (issued + 1));
  const source = {
    number: certificate.number,
    issuedOn: certificate.issuedOn,
    expiresOn: certificate.expiresOn,
    verificationBodyId: bodyId,
    snapshotSha256: certificate.snapshotSha256,
    snapshot: certificate.snapshot as CertificateSnapshot,
  };
  const baseUrl = platformBaseUrl();

  for (let attempt = 1; ; attempt++) {
    const statusListIndex = crypto.randomInt(positions);
    const credential = buildCertificateCredential(source, { baseUrl, statusListIndex });
    const jws = await signCredential(credential, { key: key.privateKey, kid: key.row.kid });
    try {
      // A savepoint, so a taken position does not abort the caller's transaction.
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(certificateCredentials)
          .values({ certificateId: certificate.id, verificationBodyId: bodyId, statusListIndex, kid: key.row.kid, jws })
          .returning();
        return row;
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) !== "certificate_credentials_status_index_uq" || attempt >= INDEX_ATTEMPTS) throw error;
    }
  }
}
