import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { certificates, emissionFactors, factorImpactCertificates, factorImpactRuns } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { FactorImpactRunStatus } from "@/lib/enums";
import type { FactorSearch } from "@/lib/validation/schemas/regulator";
import { can, keepsFactors } from "@/lib/policy";
import { ForbiddenError } from "@/lib/errors";
import { containsPattern, LIST_PAGE_SIZE, pageWindow } from "@/lib/utils";

/** The database is open to whoever keeps part of it: regulators (their region's) and the operator (national ones). */
function assertKeepsFactors(user: CurrentUser) {
  if (!keepsFactors(user)) throw new ForbiddenError();
}

/**
 * One page of the current versions matching the search (name in either language or key,
 * category, region, year), in category and key order, with how many match in all.
 */
export async function searchFactors(user: CurrentUser, search: FactorSearch) {
  assertKeepsFactors(user);
  const conditions: SQL[] = [isNull(emissionFactors.supersededAt)];
  if (search.q) {
    const pattern = containsPattern(search.q);
    conditions.push(
      or(ilike(emissionFactors.nameZh, pattern), ilike(emissionFactors.nameEn, pattern), ilike(emissionFactors.factorKey, pattern))!,
    );
  }
  if (search.category) conditions.push(eq(emissionFactors.category, search.category));
  if (search.region) conditions.push(eq(emissionFactors.region, search.region));
  if (search.year) conditions.push(eq(emissionFactors.year, search.year));
  const [[{ total }], categories] = await Promise.all([
    db.select({ total: count() }).from(emissionFactors).where(and(...conditions)),
    db.selectDistinct({ category: emissionFactors.category }).from(emissionFactors).orderBy(asc(emissionFactors.category)),
  ]);
  const { page, pageCount, offset } = pageWindow(search.page, total);
  const factors = await db
    .select()
    .from(emissionFactors)
    .where(and(...conditions))
    .orderBy(asc(emissionFactors.category), asc(emissionFactors.factorKey), asc(emissionFactors.id))
    .limit(LIST_PAGE_SIZE)
    .offset(offset);
  return { factors, total, page, pageCount, categories: categories.map((row) => row.category) };
}

/** Every version of a factor key, newest first, with how many inventory lines use each. */
export async function factorHistory(user: CurrentUser, factorKey: string) {
  assertKeepsFactors(user);
  return db
    .select({
      factor: emissionFactors,
      usedBy: sql<number>`(select count(*)::int from inventory_lines l where l.factor_id = ${emissionFactors.id})`,
    })
    .from(emissionFactors)
    .where(eq(emissionFactors.factorKey, factorKey))
    .orderBy(desc(emissionFactors.version));
}

/** A certificate an impact run found moved by more than the threshold. */
export type AffectedCertificate = {
  certificateId: string;
  number: string;
  enterpriseName: string;
  /** Relative change of the footprint, e.g. "0.1234" = +12.34 %. */
  shift: string;
};

export type FactorImpactRunView = {
  id: string;
  factorKey: string;
  version: number;
  status: FactorImpactRunStatus;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** When done: the certificates moved by more than the threshold, largest shift first. */
  affected: AffectedCertificate[];
};

/** How many of the newest impact runs the factor page lists. */
const IMPACT_RUN_LIMIT = 10;

/**
 * The newest impact runs of the factors the viewer keeps: a regulator's region's, the
 * operator's national and international ones; never another region's.
 */
export async function recentImpactRuns(user: CurrentUser): Promise<FactorImpactRunView[]> {
  assertKeepsFactors(user);
  const scopes: SQL[] = [];
  if (can(user, "factor.manage")) scopes.push(eq(factorImpactRuns.region, user.region));
  if (can(user, "factor.manageNational")) scopes.push(sql`${factorImpactRuns.region} !~ '^[0-9]{6}$'`);
  const runs = await db
    .select({
      id: factorImpactRuns.id,
      factorKey: emissionFactors.factorKey,
      version: emissionFactors.version,
      status: factorImpactRuns.status,
      attempts: factorImpactRuns.attempts,
      createdAt: factorImpactRuns.createdAt,
      finishedAt: factorImpactRuns.finishedAt,
    })
    .from(factorImpactRuns)
    .innerJoin(emissionFactors, eq(emissionFactors.id, factorImpactRuns.factorId))
    .where(or(...scopes))
    .orderBy(desc(factorImpactRuns.createdAt), desc(factorImpactRuns.id))
    .limit(IMPACT_RUN_LIMIT);
  const done = runs.filter((run) => run.status === "done").map((run) => run.id);
  const found = done.length
    ? await db
        .select({
          runId: factorImpactCertificates.runId,
          certificateId: certificates.id,
          number: certificates.number,
          enterpriseName: certificates.enterpriseName,
          shift: factorImpactCertificates.shift,
        })
        .from(factorImpactCertificates)
        .innerJoin(certificates, eq(certificates.id, factorImpactCertificates.certificateId))
        .where(inArray(factorImpactCertificates.runId, done))
        .orderBy(desc(sql`abs(${factorImpactCertificates.shift})`), asc(certificates.number))
    : [];
  return runs.map((run) => ({
    ...run,
    affected: found
      .filter((row) => row.runId === run.id)
      .map((row) => ({ certificateId: row.certificateId, number: row.number, enterpriseName: row.enterpriseName, shift: row.shift })),
  }));
}

/** The factor database page in one read: the search results, the recent impact runs and, when one key is open, its versions. */
export async function getFactorsPage(user: CurrentUser, search: FactorSearch) {
  const [results, history, impactRuns] = await Promise.all([searchFactors(user, search), search.key ? factorHistory(user, search.key) : null, recentImpactRuns(user)]);
  return { ...results, history, impactRuns };
}
