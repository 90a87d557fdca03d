import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { applications } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findingsOf } from "./verifier-application";
import { assertCan } from "@/lib/policy";

/** While the body is still reviewing a round, its findings of that round are not yet the enterprise's to see. */
const REVIEWING = new Set(["submitted", "accepted", "in_review", "awaiting_decision"]);

/** Findings of the enterprise's own application, with the body's decline or rejection reason. */
export async function listEnterpriseFindings(user: CurrentUser, applicationId: string) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "enterprise") return null;
  const [application] = await db
    .select({
      status: applications.status,
      round: applications.round,
      declineReason: applications.declineReason,
      decisionReason: applications.decisionReason,
    })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.organizationId, user.organizationId)));
  if (!application) return null;
  const all = await findingsOf(applicationId);
  const visible = REVIEWING.has(application.status) ? all.filter((finding) => finding.round < application.round) : all;
  return { ...application, findings: visible };
}
