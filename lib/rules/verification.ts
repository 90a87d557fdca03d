/**
 * The verification stage rules, pure so they can be unit-tested: how the
 * review sub-stage advances and what blocks a recommendation. Which statuses
 * each body operation needs is the policy's (lib/policy/application.ts).
 */
import { REVIEW_STAGES, type ApplicationStatus, type ReviewStage } from "@/lib/enums";

/**
 * A resubmission of an application the body already planned goes straight
 * back to review; a first submission must be planned first.
 */
export function statusAfterAcceptance(alreadyPlanned: boolean): ApplicationStatus {
  return alreadyPlanned ? "in_review" : "accepted";
}

const REVIEW_STAGE_ORDER = REVIEW_STAGES;

/** The review sub-stage only moves forward (document review → on-site → PCF verification). */
export function advanceReviewStage(current: ReviewStage | null, reached: ReviewStage): ReviewStage {
  if (!current) return reached;
  return REVIEW_STAGE_ORDER.indexOf(reached) > REVIEW_STAGE_ORDER.indexOf(current) ? reached : current;
}

type RecommendationBlocker = "unverifiedLines" | "openMajorFindings" | "noLines";

/** Why the body cannot recommend yet: every line verified and no open major nonconformity. */
export function recommendationBlockers(
  lines: ReadonlyArray<{ verification: "unverified" | "verified" }>,
  findings: ReadonlyArray<{ severity: "major" | "minor" | "observation"; status: "open" | "closed" }>,
): RecommendationBlocker[] {
  const blockers: RecommendationBlocker[] = [];
  if (lines.length === 0) blockers.push("noLines");
  if (lines.some((line) => line.verification !== "verified")) blockers.push("unverifiedLines");
  if (findings.some((finding) => finding.severity === "major" && finding.status === "open")) {
    blockers.push("openMajorFindings");
  }
  return blockers;
}

/** Sending back needs at least one open finding for the enterprise to answer. */
export function mayRequestChanges(findings: ReadonlyArray<{ status: "open" | "closed" }>): boolean {
  return findings.some((finding) => finding.status === "open");
}
