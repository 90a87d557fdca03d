import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, signingKeys } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertDecision, assertUserCan, decideOnSigningKeys, type Actor } from "@/lib/policy";
import type { RotateSigningKeyInput } from "@/lib/validation/schemas/credentials";
import { activeSigningKey, createSigningKey } from "./signing-keys";
import { publishStatusLists } from "./status-lists";

/**
 * Rotation: the body's active key is retired (it stays in the published key sets, so every
 * credential it signed keeps verifying), a new key is generated and signs from now on, and the
 * body's status lists are re-signed with it. Audited with the reason.
 */
export async function rotateSigningKey(tx: Tx, actor: Actor | null, input: RotateSigningKeyInput) {
  assertUserCan(actor, "signingKey.rotate");
  const [body] = await tx
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, input.verificationBodyId))
    .for("update");
  if (!body) throw new NotFoundError("credentials.errors.bodyNotFound");
  assertDecision(decideOnSigningKeys(actor, "signingKey.rotate", body));

  // The body row lock above serializes rotations of one body.
  const retired = await tx
    .update(signingKeys)
    .set({ status: "retired", retiredAt: new Date() })
    .where(and(eq(signingKeys.verificationBodyId, body.id), eq(signingKeys.status, "active")))
    .returning({ kid: signingKeys.kid });
  const created = await createSigningKey(tx, body.id, {
    actor,
    action: "signingKey.rotate",
    reason: input.reason,
    data: { retiredKid: retired[0]?.kid ?? null },
  });
  if (!created) throw new Error(`Rotation of body ${body.id} found a concurrent active key`);
  await publishStatusLists(tx, body.id, await activeSigningKey(tx, body.id));
  return { kid: created.kid, retiredKid: retired[0]?.kid ?? null };
}
