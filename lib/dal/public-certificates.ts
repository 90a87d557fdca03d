import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { certificates, type CertificateStatus } from "@/db/schema";
import { isCertificateNumberFormat, normalizeCertificateNumber } from "@/lib/certificates/number";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";

/**
 * Public data only: labels are printed on products, so what a label shows (and the live status)
 * is public by design. Never inventory, evidence, people or any other field of the snapshot.
 */
/** A text member of the snapshot; `path` is a constant of this file, never user input. */
const snapshotText = <T = string>(path: string) => sql<T>`${certificates.snapshot} #>> ${sql.raw(`'{${path}}'`)}`;

const PUBLIC_COLUMNS = {
  number: certificates.number,
  status: certificates.status,
  statusReason: certificates.statusReason,
  statusChangedAt: certificates.statusChangedAt,
  issuedOn: certificates.issuedOn,
  expiresOn: certificates.expiresOn,
  productNameZh: certificates.productName,
  productNameEn: certificates.productNameEn,
  enterpriseName: certificates.enterpriseName,
  enterpriseNameEn: snapshotText<string | null>("enterprise,nameEn"),
  categoryId: certificates.categoryId,
  value: certificates.value,
  grade: certificates.grade,
  model: snapshotText("inventory,product,model"),
  declaredUnitAmount: snapshotText("inventory,product,declaredUnitAmount"),
  declaredUnit: snapshotText("inventory,product,declaredUnit"),
  systemBoundary: snapshotText<"cradle_to_gate" | "cradle_to_grave">("inventory,product,systemBoundary"),
  categoryNameZh: snapshotText("category,nameZh"),
  categoryNameEn: snapshotText("category,nameEn"),
  verificationBodyName: snapshotText("verificationBody,name"),
  benchmarkVersion: snapshotText<string | null>("benchmark,version"),
};

const selectPublic = () => db.select(PUBLIC_COLUMNS).from(certificates);
type PublicRow = Awaited<ReturnType<typeof selectPublic>>[number];

export type PublicCertificate = Omit<PublicRow, "status" | "statusReason" | "benchmarkVersion"> & {
  /** Live: expired by date even while the stored row still says valid or suspended. */
  status: CertificateStatus;
  /** Shown for a suspension or withdrawal only. */
  statusReason: string | null;
  benchmarkVersion: number | null;
};

function toPublic(row: PublicRow, today: string): PublicCertificate {
  const status = effectiveStatus(row.status, row.expiresOn, today);
  return {
    ...row,
    status,
    statusReason: status === "suspended" || status === "withdrawn" ? row.statusReason : null,
    benchmarkVersion: row.benchmarkVersion === null ? null : Number(row.benchmarkVersion),
  };
}

/** One certificate by number (one unique-index lookup); null when malformed or unknown. */
export async function findPublicCertificate(rawNumber: string): Promise<PublicCertificate | null> {
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const [row] = await selectPublic().where(eq(certificates.number, number)).limit(1);
  return row ? toPublic(row, todayInShanghai()) : null;
}

export const REGISTRY_PAGE_SIZE = 20;

export type RegistryQuery = {
  q?: string;
  category?: string;
  grade?: number;
  status?: CertificateStatus;
  page: number;
};

/** The stored columns matching a live status on `today`. */
export function liveStatusCondition(status: CertificateStatus, today: string): SQL | undefined {
  switch (status) {
    case "valid":
    case "suspended":
      return and(eq(certificates.status, status), gte(certificates.expiresOn, today));
    case "withdrawn":
      return eq(certificates.status, "withdrawn");
    case "expired":
      return or(
        eq(certificates.status, "expired"),
        and(inArray(certificates.status, ["valid", "suspended"]), lt(certificates.expiresOn, today)),
      );
  }
}

/** Public registry search, newest first. */
export async function searchRegistry(query: RegistryQuery) {
  const today = todayInShanghai();
  const text = query.q?.trim();
  const number = text ? normalizeCertificateNumber(text) : "";
  const pattern = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "";
  const where = and(
    text
      ? isCertificateNumberFormat(number)
        ? eq(certificates.number, number)
        : or(
            ilike(certificates.productName, pattern),
            ilike(certificates.productNameEn, pattern),
            ilike(certificates.enterpriseName, pattern),
            ilike(certificates.number, pattern),
          )
      : undefined,
    query.category ? eq(certificates.categoryId, query.category) : undefined,
    query.grade ? eq(certificates.grade, query.grade) : undefined,
    query.status ? liveStatusCondition(query.status, today) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectPublic()
      .where(where)
      .orderBy(desc(certificates.issuedOn), desc(certificates.number))
      .limit(REGISTRY_PAGE_SIZE)
      .offset((query.page - 1) * REGISTRY_PAGE_SIZE),
    db.select({ value: count() }).from(certificates).where(where),
  ]);
  return {
    rows: rows.map((row) => toPublic(row, today)),
    total: total.value,
    pages: Math.max(1, Math.ceil(total.value / REGISTRY_PAGE_SIZE)),
  };
}
