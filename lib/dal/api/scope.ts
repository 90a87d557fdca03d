import "server-only";
import { and, eq, exists, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { applications, certificates, products } from "@/db/schema";
import { isBodyStaff, type UserActor } from "@/lib/policy";
import { z } from "@/lib/validation/zod";

/**
 * Lists in SQL what the policy decides per row (lib/policy `inScope` of "reader"): the owning
 * enterprise, the verification body an application is entrusted to, the regulator of its region.
 * Single reads check the row with `decideOnApplication` / `decideOnCertificate` as well.
 */
export function readableApplications(actor: UserActor): SQL {
  if (actor.organizationKind === "enterprise") return eq(applications.organizationId, actor.organizationId);
  if (actor.organizationKind === "verification_body") return eq(applications.verificationBodyId, actor.organizationId);
  if (actor.role === "regulator") return eq(applications.region, actor.region);
  return sql`false`;
}

/** A product is visible to its owner and to whoever may read one of its applications. */
export function readableProducts(actor: UserActor): SQL {
  const ownProduct = actor.organizationKind === "enterprise" ? eq(products.organizationId, actor.organizationId) : sql`false`;
  const viaApplication = exists(
    db
      .select({ one: sql`1` })
      .from(applications)
      .where(and(eq(applications.productId, products.id), readableApplications(actor))),
  );
  return or(ownProduct, viaApplication)!;
}

/** The holder, the issuing body's staff and the regulator of the certificate's region (CERTIFICATE_RULES "reader"). */
export function readableCertificates(actor: UserActor): SQL {
  if (actor.role === "enterprise") return eq(certificates.organizationId, actor.organizationId);
  if (isBodyStaff(actor)) return eq(certificates.verificationBodyId, actor.organizationId);
  if (actor.role === "regulator") return eq(certificates.region, actor.region);
  return sql`false`;
}

/** Newest-first keyset position: the row's exact creation time (microseconds, as text) and id. */
export const newestFirstCursor = z.object({ at: z.string().min(1).max(64), id: z.uuid() });
export type NewestFirstCursor = z.output<typeof newestFirstCursor>;

export type Page<Item, Cursor> = { items: Item[]; next: Cursor | null };

/** Fetches one more row than asked to know whether another page follows. */
export function pageFrom<Row, Item, Cursor>(rows: Row[], limit: number, item: (row: Row) => Item, cursor: (row: Row) => Cursor): Page<Item, Cursor> {
  const shown = rows.slice(0, limit);
  return { items: shown.map(item), next: rows.length > limit ? cursor(shown[shown.length - 1]) : null };
}

/** Rows strictly after the cursor in (created_at desc, id desc) order. */
export function beforeCursor(createdAt: SQL | Parameters<typeof eq>[0], id: Parameters<typeof eq>[0], cursor: NewestFirstCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${createdAt}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}
