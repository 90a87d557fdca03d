/**
 * Who may see and rotate a verification body's signing keys: the body's own staff (rotation: its
 * reviewers), or the platform's admin for any body. Another body's keys are "not found".
 */
import { isUserActor, type Actor } from "./actor";
import { refuse, roleDecision, ALLOWED, type Decision } from "./decision";
import { isBodyStaff } from "./permissions";

type SigningKeyPermission = "signingKey.read" | "signingKey.rotate";

export function decideOnSigningKeys(
  actor: Actor | null | undefined,
  permission: SigningKeyPermission,
  body: { id: string; kind: string },
): Decision {
  const role = roleDecision(actor, permission);
  if (!role.allowed) return role;
  if (!isUserActor(actor)) return refuse("forbidden");
  if (body.kind !== "verification_body") return refuse("notFound", "credentials.errors.bodyNotFound");
  if (actor.role === "admin") return ALLOWED;
  if (isBodyStaff(actor) && actor.organizationId === body.id) return ALLOWED;
  return refuse("notFound", "credentials.errors.bodyNotFound");
}
