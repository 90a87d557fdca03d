import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { mailLocale } from "@/lib/notifications/mail-message";
import { assertCan } from "@/lib/policy";

/** The signed-in user's preferences page: how notifications reach them by email, and whether their address is confirmed. */
export async function getAccountPreferences(user: CurrentUser) {
  assertCan(user, "account.manage");
  const [row] = await db
    .select({ email: users.email, mailPreference: users.mailPreference, locale: users.locale, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, user.id));
  return { email: row.email, mailPreference: row.mailPreference, locale: mailLocale(row.locale), emailVerified: !!row.emailVerifiedAt };
}
