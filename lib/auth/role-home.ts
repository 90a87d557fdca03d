import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { ROLE_HOME } from "@/lib/policy";

/** Where the account behind `email`, which has just signed in, lands: its role's home. */
export async function homeOfAccount(email: string): Promise<string> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return ROLE_HOME[user.role];
}
