import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { certificates } from "@/db/schema";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";

/**
 * Single members of a certificate's frozen snapshot, read in SQL (a list needs
 * a unit or a name, not the whole inventory) through paths the compiler checks
 * against `CertificateSnapshot`: a path that does not exist, or a member of the
 * wrong type, does not compile, and the column is typed as the member is.
 */
type Scalar = string | number | boolean | null;

/** Every path to a scalar member (arrays, such as the inventory lines, are not descended into). */
type ScalarPaths<T> = T extends Scalar
  ? []
  : T extends readonly unknown[]
    ? never
    : { [K in keyof T & string]-?: [K, ...ScalarPaths<NonNullable<T[K]>>] }[keyof T & string];

/** The type at a path; null when any object on the way may be null. */
type At<T, P extends readonly string[]> = P extends readonly [infer K extends string, ...infer Rest extends string[]]
  ? null extends T
    ? At<NonNullable<T>[K & keyof NonNullable<T>], Rest> | null
    : At<T[K & keyof T], Rest>
  : T;

type SnapshotPath = ScalarPaths<CertificateSnapshot>;

/** The paths whose member is of type `V`. */
type Filter<P, V> = P extends SnapshotPath ? (At<CertificateSnapshot, P> extends V ? P : never) : never;
type PathTo<V> = Filter<SnapshotPath, V>;

const jsonPath = (path: readonly string[]) => sql`${`{${path.join(",")}}`}::text[]`;

/** A text member of the snapshot (null where the snapshot has none). */
export function snapshotText<const P extends PathTo<string | null>>(...path: P): SQL<At<CertificateSnapshot, P>> {
  return sql<At<CertificateSnapshot, P>>`${certificates.snapshot} #>> ${jsonPath(path)}`;
}

/** An integer member of the snapshot (null where the snapshot has none). */
export function snapshotInteger<const P extends PathTo<number | null>>(...path: P): SQL<At<CertificateSnapshot, P>> {
  return sql<At<CertificateSnapshot, P>>`(${certificates.snapshot} #>> ${jsonPath(path)})::int`;
}
