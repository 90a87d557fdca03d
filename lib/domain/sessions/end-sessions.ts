import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { userSessions } from "@/db/schema";

/** Ends every open session of a user (but `except`): shared by the operations that end sessions. */
export async function endOpenSessions(tx: Tx, userId: string, except?: string): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), except ? ne(userSessions.id, except) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}
