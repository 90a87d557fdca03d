/**
 * The one role → action table. The server enforces it (every action and
 * data-access function asks `can`); the UI only reflects it.
 * Resource checks (own organization, assigned body, region) come on top.
 */
import type { Role } from "@/db/schema";

export const PERMISSIONS = {
  // enterprise
  "product.create": ["enterprise"],
  "product.update": ["enterprise"],
  "application.create": ["enterprise"],
  "inventory.edit": ["enterprise"],
  "evidence.upload": ["enterprise", "verifier", "reviewer"],
  "application.calculate": ["enterprise"],
  "application.submit": ["enterprise"],
  "application.withdrawSubmission": ["enterprise"],
  "finding.respond": ["enterprise"],
  "certificate.recertify": ["enterprise"],
  // reading an application (scoped by organization, body or region)
  "application.read": ["enterprise", "verifier", "reviewer", "regulator"],
  "evidence.download": ["enterprise", "verifier", "reviewer", "regulator"],
  // verification body
  "application.accept": ["verifier", "reviewer"],
  "application.decline": ["verifier", "reviewer"],
  "application.plan": ["verifier", "reviewer"],
  "application.recordInspection": ["verifier"],
  "line.verify": ["verifier"],
  "finding.raise": ["verifier"],
  "finding.close": ["verifier"],
  "application.requestChanges": ["verifier"],
  "application.recommend": ["verifier"],
  "application.decide": ["reviewer"],
  "conflict.declare": ["verifier", "reviewer"],
  "certificate.recordSurveillance": ["verifier", "reviewer"],
  // certificate status (body of the certificate, or the regulator of its region)
  "certificate.suspend": ["verifier", "reviewer", "regulator"],
  "certificate.reinstate": ["verifier", "reviewer", "regulator"],
  "certificate.withdraw": ["verifier", "reviewer", "regulator"],
  "certificate.download": ["enterprise", "verifier", "reviewer", "regulator"],
  // regulator
  "dashboard.read": ["regulator"],
  "target.manage": ["regulator"],
  "benchmark.manage": ["regulator"],
  "factor.manage": ["regulator"],
  "audit.read": ["regulator"],
  "audit.verifyChain": ["regulator"],
  // operator
  "organization.manage": ["admin"],
  "user.manage": ["admin"],
  // everyone signed in
  "notification.read": ["enterprise", "verifier", "reviewer", "regulator", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after sign-in. */
export const ROLE_HOME: Record<Role, string> = {
  enterprise: "/enterprise",
  verifier: "/verifier",
  reviewer: "/verifier",
  regulator: "/regulator",
  admin: "/admin",
};

/** Which roles may open each portal area (pages also check their own data). */
export const AREA_ROLES: Record<"enterprise" | "verifier" | "regulator" | "admin", readonly Role[]> = {
  enterprise: ["enterprise"],
  verifier: ["verifier", "reviewer"],
  regulator: ["regulator"],
  admin: ["admin"],
};
