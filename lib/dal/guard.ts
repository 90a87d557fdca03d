import "server-only";
import { ForbiddenError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";

/** Data-access functions call this first: the permission table decides, never the page. */
export function assertCan(user: CurrentUser | null, permission: Permission): asserts user is CurrentUser {
  if (!user || !can(user.role, permission)) throw new ForbiddenError();
}
