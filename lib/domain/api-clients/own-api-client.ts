import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiClients } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { UserActor } from "@/lib/policy";

/** One of the actor's organization's API clients, locked for the change; another's is "not found". */
export async function lockOwnApiClient(tx: Tx, actor: UserActor, apiClientId: string) {
  const [client] = await tx
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.id, apiClientId), eq(apiClients.organizationId, actor.organizationId)))
    .for("update");
  if (!client) throw new NotFoundError("apiClients.errors.notFound");
  return client;
}
