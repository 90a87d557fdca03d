import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { certificates, organizations, type CertificateStatus } from "@/db/schema";
import type { RegistrySort } from "@/lib/enums";
import { envelopedCredential } from "@/lib/credentials/parse-input";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { buildPublicCertificate, PUBLIC_HISTORY_ACTIONS } from "@/lib/rules/public-certificate";
import { isCertificateNumberFormat, normalizeCertificateNumber } from "@/lib/certificates/number";
import { snapshotInteger, snapshotText } from "@/lib/dal/certificate-snapshot-fields";
import { listProductCategories } from "@/lib/dal/product-categories";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";

/**
 * Public data only: labels are printed on products, so what a label shows (and the live status)
 * is public by design. Never inventory, evidence, people or any other field of the snapshot.
 */
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
  enterpriseNameEn: snapshotText("enterprise", "nameEn"),
  categoryId: certificates.categoryId,
  value: certificates.value,
  grade: certificates.grade,
  model: snapshotText("inventory", "product", "model"),
  declaredUnitAmount: snapshotText("inventory", "product", "declaredUnitAmount"),
  declaredUnit: snapshotText("inventory", "product", "declaredUnit"),
  systemBoundary: snapshotText("inventory", "product", "systemBoundary"),
  categoryNameZh: snapshotText("category", "nameZh"),
  categoryNameEn: snapshotText("category", "nameEn"),
  verificationBodyName: snapshotText("verificationBody", "name"),
  benchmarkVersion: snapshotInteger("benchmark", "version"),
};

const selectPublic = () => db.select(PUBLIC_COLUMNS).from(certificates);
type PublicRow = Awaited<ReturnType<typeof selectPublic>>[number];

export type RegistryRow = Omit<PublicRow, "status" | "statusReason"> & {
  /** The stored status (the certificate-expiry job stores `expired`), guarded by the date until the job has run. */
  status: CertificateStatus;
  /** Shown for a suspension or withdrawal only. */
  statusReason: string | null;
};

function toPublic(row: PublicRow, today: string): RegistryRow {
  const status = effectiveStatus(row.status, row.expiresOn, today);
  return {
    ...row,
    status,
    statusReason: status === "suspended" || status === "withdrawn" ? row.statusReason : null,
  };
}

const historySchema = z.array(
  z.object({
    action: z.enum(PUBLIC_HISTORY_ACTIONS),
    at: z.string(),
    reason: z.string().nullable(),
    performedOn: z.string().nullable(),
  }),
);
const renewalsSchema = z.array(z.object({ number: z.string(), issuedOn: z.string() }));

/** Qualified: drizzle names a single table's columns bare, and the subqueries have columns of the same names. */
const OUTER_ID = sql.raw(`"certificates"."id"`);
const OUTER_PREVIOUS_ID = sql.raw(`"certificates"."previous_certificate_id"`);

const HISTORY_ACTIONS_SQL = sql.join(
  PUBLIC_HISTORY_ACTIONS.map((action) => sql`${action}`),
  sql`, `,
);

/**
 * How long an instance may serve a certificate's public facts from its cache without asking the
 * database: the staleness bound across instances (each instance's own cache is expired by the
 * status change itself, see publicCertificateTag), and for changes made outside the portal.
 */
const PUBLIC_CERTIFICATE_CACHE_SECONDS = 60;

/** The cache tag of one certificate's public facts, expired by every status change of it. */
export function publicCertificateTag(number: string): string {
  return `public-certificate:${number}`;
}

/** What the cache keeps: the stored row as JSON (the live status is worked out on every read). */
async function loadPublicCertificateSource(number: string) {
  const [row] = await db
    .select({
      number: certificates.number,
      status: certificates.status,
      statusReason: certificates.statusReason,
      statusChangedAt: certificates.statusChangedAt,
      issuedOn: certificates.issuedOn,
      expiresOn: certificates.expiresOn,
      region: certificates.region,
      district: certificates.district,
      snapshot: certificates.snapshot,
      snapshotSha256: certificates.snapshotSha256,
      jws: sql<string | null>`(select cc.jws from certificate_credentials cc where cc.certificate_id = ${OUTER_ID})`,
      events: sql<unknown>`(select coalesce(json_agg(json_build_object(
          'action', e.action, 'at', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          'reason', e.reason, 'performedOn', e.data->>'performedOn') order by e.id), '[]'::json)
        from audit_events e where e.certificate_id = ${OUTER_ID} and e.action in (${HISTORY_ACTIONS_SQL}))`,
      previousNumber: sql<string | null>`(select p.number from certificates p where p.id = ${OUTER_PREVIOUS_ID})`,
      renewals: sql<unknown>`(select coalesce(json_agg(json_build_object('number', r.number, 'issuedOn', r.issued_on) order by r.issued_on), '[]'::json)
        from certificates r where r.previous_certificate_id = ${OUTER_ID})`,
    })
    .from(certificates)
    .where(eq(certificates.number, number))
    .limit(1);
  if (!row) return null;
  return {
    ...row,
    statusChangedAt: row.statusChangedAt ? row.statusChangedAt.toISOString() : null,
    events: historySchema.parse(row.events),
    renewals: renewalsSchema.parse(row.renewals),
  };
}

/**
 * The public verification page of one certificate from one statement (a unique-index lookup
 * and index lookups for its history, renewals and credential), cached per certificate: the
 * frozen snapshot, the live status (expiry by date is applied on every read, so a certificate
 * shows as expired from the first second of the day after), the public history and the signed
 * credential. Null when malformed or unknown.
 */
export async function findPublicCertificate(rawNumber: string) {
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const cached = unstable_cache(loadPublicCertificateSource, ["public-certificate", number], {
    tags: [publicCertificateTag(number)],
    revalidate: PUBLIC_CERTIFICATE_CACHE_SECONDS,
  });
  const source = await cached(number);
  if (!source) return null;
  const facts = buildPublicCertificate(
    {
      ...source,
      statusChangedAt: source.statusChangedAt ? new Date(source.statusChangedAt) : null,
      // Frozen at issuance by issueCertificate and never written again.
      snapshot: source.snapshot as CertificateSnapshot,
    },
    todayInShanghai(),
  );
  return { ...facts, credential: source.jws ? envelopedCredential(source.jws) : null };
}

export type PublicCertificatePage = NonNullable<Awaited<ReturnType<typeof findPublicCertificate>>>;

const REGISTRY_PAGE_SIZE = 20;

type RegistryQuery = {
  q?: string;
  category?: string;
  grade?: number;
  /** This level or better. */
  maxGrade?: number;
  status?: CertificateStatus;
  /** The verification body's organization id. */
  body?: string;
  sort?: RegistrySort;
  page: number;
};

/** The CSV export's cap: the registry is public, but one request should not stream the whole table. */
const REGISTRY_EXPORT_LIMIT = 5_000;

const REGISTRY_ORDER: Record<RegistrySort, SQL[]> = {
  newest: [desc(certificates.issuedOn), desc(certificates.number)],
  footprint: [asc(certificates.value), asc(certificates.number)],
  grade: [sql`${certificates.grade} asc nulls last`, asc(certificates.value), asc(certificates.number)],
  product: [asc(certificates.productName), asc(certificates.number)],
};

/** The stored columns matching a live status on `today`. */
function liveStatusCondition(status: CertificateStatus, today: string): SQL | undefined {
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

function registryWhere(query: Omit<RegistryQuery, "page">, today: string): SQL | undefined {
  const text = query.q?.trim();
  const number = text ? normalizeCertificateNumber(text) : "";
  const pattern = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "";
  return and(
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
    query.maxGrade ? lte(certificates.grade, query.maxGrade) : undefined,
    query.status ? liveStatusCondition(query.status, today) : undefined,
    query.body ? eq(certificates.verificationBodyId, query.body) : undefined,
  );
}

/** Public registry search in the order asked for (newest first by default). */
export async function searchRegistry(query: RegistryQuery) {
  const today = todayInShanghai();
  const where = registryWhere(query, today);
  const [rows, [total]] = await Promise.all([
    selectPublic()
      .where(where)
      .orderBy(...REGISTRY_ORDER[query.sort ?? "newest"])
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

/** The verification bodies a registry search can be narrowed to (public names). */
async function listVerificationBodies() {
  return db
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.kind, "verification_body"))
    .orderBy(asc(organizations.name));
}

/** The public registry page in one read: one page of results and the categories and bodies to filter by. */
export async function getRegistryPage(query: RegistryQuery) {
  const [result, categories, bodies] = await Promise.all([searchRegistry(query), listProductCategories(), listVerificationBodies()]);
  return { ...result, categories, bodies };
}

export type RegistryPage = Awaited<ReturnType<typeof getRegistryPage>>;

/** Every match of a registry search (up to REGISTRY_EXPORT_LIMIT), in its order, for the CSV export. */
export async function exportRegistry(query: Omit<RegistryQuery, "page">) {
  const today = todayInShanghai();
  const rows = await selectPublic()
    .where(registryWhere(query, today))
    .orderBy(...REGISTRY_ORDER[query.sort ?? "newest"])
    .limit(REGISTRY_EXPORT_LIMIT);
  return rows.map((row) => toPublic(row, today));
}
