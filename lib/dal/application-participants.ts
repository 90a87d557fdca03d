import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { applicationTeam, submissions } from "@/db/schema";
import type { ApplicationFacts } from "@/lib/policy";

/**
 * Who took part in an application's verification beyond its own columns
 * (lead, planner, recommender): the planned team and whoever accepted each
 * round. The policy reads them for team work and for the independence of the
 * decision; callers have located the application (and locked it, for a write).
 */
export async function loadVerificationParticipants(
  executor: DbOrTx,
  applicationId: string,
): Promise<Required<Pick<ApplicationFacts, "team" | "acceptedBy">>> {
  // One statement at a time: a transaction is one connection.
  const team = await executor
    .select({ userId: applicationTeam.userId, teamRole: applicationTeam.teamRole })
    .from(applicationTeam)
    .where(eq(applicationTeam.applicationId, applicationId));
  const rounds = await executor
    .select({ acceptedBy: submissions.acceptedBy })
    .from(submissions)
    .where(eq(submissions.applicationId, applicationId));
  return { team, acceptedBy: rounds.flatMap((round) => (round.acceptedBy ? [round.acceptedBy] : [])) };
}
