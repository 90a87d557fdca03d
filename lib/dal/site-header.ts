import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countUnreadNotifications } from "@/lib/dal/notifications";
import { areaOf } from "@/lib/policy";

/**
 * The header of a page that is the same for everyone (the public label page, served from the
 * render cache): nobody signed in, so no session is read.
 */
export const SIGNED_OUT_HEADER = { user: null, area: null, unreadNotifications: 0, emailVerified: true } as const;

/** What the header shows on every page: who is signed in, their area, their unread notifications and whether their address still needs confirming. */
export async function loadSiteHeader() {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT_HEADER;
  const [account] = await db.select({ emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id));
  return {
    user: { name: user.name, role: user.role, organizationName: user.organizationName },
    area: areaOf(user.role),
    unreadNotifications: await countUnreadNotifications(user),
    emailVerified: !!account?.emailVerifiedAt,
  };
}

export type SiteHeaderView = Awaited<ReturnType<typeof loadSiteHeader>>;
