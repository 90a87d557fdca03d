import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { isUserActor, type Actor, type UserActor } from "./actor";
import { can, type Permission } from "./permissions";

/**
 * What the policy answers: allowed, or why not. `notFound` is the answer for
 * another tenant's resource as much as for a missing one, so the two cannot
 * be told apart; `conflict` means the resource's state does not allow it now.
 */
export type Decision =
  | { allowed: true }
  | { allowed: false; reason: "unauthenticated" | "forbidden" | "notFound" | "conflict"; message?: string };

export const ALLOWED: Decision = { allowed: true };

export function refuse(reason: Exclude<Decision, { allowed: true }>["reason"], message?: string): Decision {
  return { allowed: false, reason, message };
}

/** Throws the error that matches a refusal; returns quietly when allowed. */
export function assertDecision(decision: Decision): void {
  if (decision.allowed) return;
  switch (decision.reason) {
    case "unauthenticated":
      throw new UnauthenticatedError(decision.message);
    case "forbidden":
      throw new ForbiddenError(decision.message);
    case "notFound":
      throw new NotFoundError(decision.message);
    case "conflict":
      throw new ConflictError(decision.message);
  }
}

/** The role check alone, as a decision. */
export function roleDecision(actor: Actor | null | undefined, permission: Permission): Decision {
  if (!actor) return refuse("unauthenticated");
  return can(actor, permission) ? ALLOWED : refuse("forbidden");
}

/**
 * The first line of every domain operation: someone is acting, and the
 * permission table gives their role this permission.
 */
export function assertCan<A extends Actor>(actor: A | null | undefined, permission: Permission): asserts actor is A {
  assertDecision(roleDecision(actor, permission));
}

/** `assertCan` for operations only people do: the system actor is refused too. */
export function assertUserCan(actor: Actor | null | undefined, permission: Permission): asserts actor is UserActor {
  assertCan(actor, permission);
  if (!isUserActor(actor)) throw new ForbiddenError();
}
