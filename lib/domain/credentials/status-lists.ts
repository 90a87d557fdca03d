import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificateCredentials, certificates, organizations, statusListCredentials, type Certificate } from "@/db/schema";
import { issuerOf, statusBits } from "@/lib/credentials/certificate-credential";
import { signCredential } from "@/lib/credentials/jws";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { buildStatusListCredential, encodeStatusList, statusListLength } from "@/lib/credentials/status-list";
import { CREDENTIAL_PATHS, STATUS_PURPOSES } from "@/lib/credentials/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { activeSigningKey, type ActiveSigningKey } from "./signing-keys";

/**
 * Serializes the re-signing of one body's lists: each publisher reads the statuses after the
 * previous one committed, so no change is lost to a concurrent one. Always taken after the audit
 * chain's lock (every caller audits first), so the two locks cannot deadlock.
 */
async function lockBodyStatusLists(tx: Tx, bodyId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`carbonlabel status lists ${bodyId}`}, 0))`);
}

/**
 * Re-signs both Bitstring Status Lists of a body from the stored statuses of its certificates
 * that carry a credential, with the body's active key.
 */
export async function publishStatusLists(tx: Tx, bodyId: string, key?: ActiveSigningKey): Promise<void> {
  await lockBodyStatusLists(tx, bodyId);
  const signer = key ?? (await activeSigningKey(tx, bodyId));
  const [body] = await tx
    .select({ name: organizations.name, nameEn: organizations.nameEn, accreditationNo: organizations.accreditationNo })
    .from(organizations)
    .where(eq(organizations.id, bodyId));
  if (!body) throw new NotFoundError("credentials.errors.bodyNotFound");
  const entries = await tx
    .select({ index: certificateCredentials.statusListIndex, status: certificates.status })
    .from(certificateCredentials)
    .innerJoin(certificates, eq(certificates.id, certificateCredentials.certificateId))
    .where(eq(certificateCredentials.verificationBodyId, bodyId));

  const baseUrl = platformBaseUrl();
  const issuer = issuerOf(baseUrl, bodyId, body);
  const length = statusListLength(entries.reduce((highest, entry) => Math.max(highest, entry.index), 0));
  const now = new Date();
  for (const purpose of STATUS_PURPOSES) {
    const setIndexes = entries.filter((entry) => statusBits(entry.status)[purpose]).map((entry) => entry.index);
    const credential = buildStatusListCredential({
      listUrl: `${baseUrl}${CREDENTIAL_PATHS.statusList(bodyId, purpose)}`,
      issuer,
      purpose,
      encodedList: await encodeStatusList(setIndexes, length),
      validFrom: now,
    });
    const jws = await signCredential(credential, { key: signer.privateKey, kid: signer.row.kid }, now);
    await tx
      .insert(statusListCredentials)
      .values({ verificationBodyId: bodyId, purpose, kid: signer.row.kid, jws, updatedAt: now })
      .onConflictDoUpdate({
        target: [statusListCredentials.verificationBodyId, statusListCredentials.purpose],
        set: { kid: signer.row.kid, jws, updatedAt: now },
      });
  }
}

/** Publishes a body's lists the first time one of its credentials points at them. */
export async function ensureStatusLists(tx: Tx, bodyId: string, key: ActiveSigningKey): Promise<void> {
  const published = await tx
    .select({ purpose: statusListCredentials.purpose })
    .from(statusListCredentials)
    .where(eq(statusListCredentials.verificationBodyId, bodyId));
  if (published.length < STATUS_PURPOSES.length) await publishStatusLists(tx, bodyId, key);
}

/**
 * Called by every certificate status change, in its transaction: the body's signed lists show
 * the new status when the change commits, never before and never without it.
 */
export async function publishCertificateStatus(tx: Tx, certificate: Pick<Certificate, "id" | "verificationBodyId">): Promise<void> {
  const [credential] = await tx
    .select({ certificateId: certificateCredentials.certificateId })
    .from(certificateCredentials)
    .where(
      and(
        eq(certificateCredentials.certificateId, certificate.id),
        eq(certificateCredentials.verificationBodyId, certificate.verificationBodyId),
      ),
    );
  // A certificate the start-up backfill has not signed yet has no entry to update; it is signed with its current status.
  if (credential) await publishStatusLists(tx, certificate.verificationBodyId);
}
