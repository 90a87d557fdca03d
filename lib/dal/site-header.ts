import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countUnreadNotifications } from "@/lib/dal/notifications";
import { areaOf } from "@/lib/policy";

/** What the header shows on every page: who is signed in, their area, their unread notifications and whether their address still needs confirming. */
export async function loadSiteHeader() {
  const user = await getCurrentUser();
  if (!user) return { user: null, area: null, unreadNotifications: 0, emailVerified: true };
  const [account] = await db.select({ emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id));
  return {
    user: { name: user.name, role: user.role, organizationName: user.organizationName },
    area: areaOf(user.role),
    unreadNotifications: await countUnreadNotifications(user),
    emailVerified: !!account?.emailVerifiedAt,
  };
}

export type SiteHeaderView = Awaited<ReturnType<typeof loadSiteHeader>>;
