import "server-only";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { db } from "@/db";
import { certificates, type Certificate } from "@/db/schema";
import { isCertificateNumberFormat, normalizeCertificateNumber } from "@/lib/certificates/number";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { assertCan, decideOnCertificate, type UserActor } from "@/lib/policy";
import type { CertificateResource, CertificateStatusResource } from "@/lib/validation/schemas/api";
import { beforeCursor, pageFrom, readableCertificates, type NewestFirstCursor } from "./scope";

type CertificateRow = Omit<Certificate, "snapshot">;

/** Everything but the snapshot, which is large and never part of the resource. */
const LIST_COLUMNS = Object.fromEntries(Object.entries(getTableColumns(certificates)).filter(([name]) => name !== "snapshot")) as Omit<
  ReturnType<typeof getTableColumns<typeof certificates>>,
  "snapshot"
>;

function certificateResource(row: CertificateRow, today: string, publicBaseUrl: string): CertificateResource {
  return {
    number: row.number,
    applicationId: row.applicationId,
    productId: row.productId,
    productName: row.productName,
    productNameEn: row.productNameEn,
    enterpriseName: row.enterpriseName,
    verificationBodyId: row.verificationBodyId,
    value: row.value,
    grade: row.grade,
    status: effectiveStatus(row.status, row.expiresOn, today),
    statusReason: row.statusReason,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    labelUrl: `${publicBaseUrl}/labels/${row.number}`,
  };
}

/** Certificates the actor may read (holder, issuing body, region's regulator), newest first. */
export async function listApiCertificates(actor: UserActor, publicBaseUrl: string, page: { limit: number; after?: NewestFirstCursor }) {
  assertCan(actor, "certificate.read");
  const today = todayInShanghai();
  const rows = await db
    .select({ ...LIST_COLUMNS, at: sql<string>`${certificates.createdAt}::text` })
    .from(certificates)
    .where(and(readableCertificates(actor), beforeCursor(certificates.createdAt, certificates.id, page.after)))
    .orderBy(desc(certificates.createdAt), desc(certificates.id))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, (row) => certificateResource(row, today, publicBaseUrl), (row) => ({ at: row.at, id: row.id }));
}

async function readableCertificate(actor: UserActor, rawNumber: string): Promise<CertificateRow | null> {
  assertCan(actor, "certificate.read");
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const [row] = await db.select(LIST_COLUMNS).from(certificates).where(eq(certificates.number, number));
  if (!row) return null;
  const status = effectiveStatus(row.status, row.expiresOn, todayInShanghai());
  return decideOnCertificate(actor, "certificate.read", { ...row, status }).allowed ? row : null;
}

/** One certificate by number; null when it does not exist or is not the actor's to see. */
export async function getApiCertificate(actor: UserActor, rawNumber: string, publicBaseUrl: string): Promise<CertificateResource | null> {
  const row = await readableCertificate(actor, rawNumber);
  return row ? certificateResource(row, todayInShanghai(), publicBaseUrl) : null;
}

/** The live status of one certificate. */
export async function getApiCertificateStatus(actor: UserActor, rawNumber: string): Promise<CertificateStatusResource | null> {
  const row = await readableCertificate(actor, rawNumber);
  if (!row) return null;
  return {
    number: row.number,
    status: effectiveStatus(row.status, row.expiresOn, todayInShanghai()),
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    expiresOn: row.expiresOn,
  };
}
