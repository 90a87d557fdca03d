/**
 * The verification stage rules, pure so they can be unit-tested: which
 * application statuses each body operation needs, how the review sub-stage
 * advances, and what blocks a recommendation or a decision.
 */
import type { ApplicationStatus } from "@/db/schema";
import { reviewStage } from "@/db/schema";

export type ReviewStage = (typeof reviewStage.enumValues)[number];

export type BodyOperation =
  | "accept"
  | "decline"
  | "plan"
  | "recordInspection"
  | "verifyLine"
  | "raiseFinding"
  | "closeFinding"
  | "requestChanges"
  | "recommend"
  | "decide";

/** The statuses in which each operation of the verification body is allowed. */
export const OPERATION_STATUSES: Record<BodyOperation, readonly ApplicationStatus[]> = {
  accept: ["submitted"],
  decline: ["submitted"],
  plan: ["accepted"],
  recordInspection: ["in_review"],
  verifyLine: ["in_review"],
  raiseFinding: ["in_review"],
  closeFinding: ["in_review"],
  requestChanges: ["in_review"],
  recommend: ["in_review"],
  decide: ["awaiting_decision"],
};

export function allowsOperation(status: ApplicationStatus, operation: BodyOperation): boolean {
  return OPERATION_STATUSES[operation].includes(status);
}

/**
 * A resubmission of an application the body already planned goes straight
 * back to review; a first submission must be planned first.
 */
export function statusAfterAcceptance(alreadyPlanned: boolean): ApplicationStatus {
  return alreadyPlanned ? "in_review" : "accepted";
}

const REVIEW_STAGE_ORDER = reviewStage.enumValues;

/** The review sub-stage only moves forward (document review → on-site → PCF verification). */
export function advanceReviewStage(current: ReviewStage | null, reached: ReviewStage): ReviewStage {
  if (!current) return reached;
  return REVIEW_STAGE_ORDER.indexOf(reached) > REVIEW_STAGE_ORDER.indexOf(current) ? reached : current;
}

export type RecommendationBlocker = "unverifiedLines" | "openMajorFindings" | "noLines";

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

/** Impartiality: the person deciding must not be the lead verifier of the application. */
export function mayDecide(deciderId: string, leadVerifierId: string | null): boolean {
  return deciderId !== leadVerifierId;
}

/** Sending back needs at least one open finding for the enterprise to answer. */
export function mayRequestChanges(findings: ReadonlyArray<{ status: "open" | "closed" }>): boolean {
  return findings.some((finding) => finding.status === "open");
}
