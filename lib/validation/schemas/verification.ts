import { APPLICATION_STATUSES, FINDING_SEVERITIES, RECOMMENDATIONS } from "@/lib/enums";
import { isoDate, z, textInput } from "@/lib/validation/zod";

const applicationId = z.uuid();
/** The application version the user saw: a different one means someone else changed it. */
const expectedVersion = z.coerce.number().int().min(1);
const text = (max: number) => textInput().trim().min(1).max(max);

export const applicationTransitionSchema = z.object({ applicationId, expectedVersion });

export const declineSchema = z.object({ applicationId, expectedVersion, reason: text(2000) });

export const planSchema = z
  .object({
    applicationId,
    expectedVersion,
    leadVerifierId: z.uuid({ message: "validation.required" }),
    memberIds: z.array(z.uuid()).max(20).default([]),
    plannedDocumentReviewOn: isoDate,
    plannedOnSiteOn: isoDate,
  })
  .superRefine((value, ctx) => {
    // ISO dates compare correctly as text; the site visit follows the document review.
    if (value.plannedOnSiteOn < value.plannedDocumentReviewOn) {
      ctx.addIssue({ code: "custom", path: ["plannedOnSiteOn"], message: "verifier.errors.onSiteBeforeDocumentReview" });
    }
  });

export const inspectionSchema = z.object({
  applicationId,
  inspectedOn: isoDate,
  site: text(300),
  participants: text(1000),
  scope: text(4000),
  result: text(4000),
});

export const verifyLineSchema = z.object({ applicationId, lineId: z.uuid(), verified: z.boolean() });

/** The number of unverified lines the verifier confirmed marking: a different number now refuses. */
export const verifyRemainingLinesSchema = z.object({ applicationId, expectedCount: z.coerce.number().int().min(1).max(100_000) });

export const raiseFindingSchema = z.object({
  applicationId,
  /** Empty (the form's "whole application" choice) = a finding on the application as a whole. */
  lineId: z.preprocess((value) => (value === "" ? null : value), z.uuid().nullable().optional()),
  severity: z.enum(FINDING_SEVERITIES),
  text: text(4000),
});

export const closeFindingSchema = z.object({ applicationId, findingId: z.uuid() });

export const respondToFindingSchema = z.object({ findingId: z.uuid(), response: text(4000) });

export const recommendSchema = z.object({
  applicationId,
  expectedVersion,
  recommendation: z.enum(RECOMMENDATIONS),
  statement: text(8000),
});

/** The grade and benchmark the reviewer was shown: the certificate must be issued with exactly these. */
const decisionOutcomeSchema = z.object({ grade: z.number().int().min(1).max(10).nullable(), benchmarkId: z.uuid().nullable() });

export const decideSchema = z
  .object({
    applicationId,
    expectedVersion,
    decision: z.enum(["approve", "reject"]),
    reason: textInput().trim().max(4000).default(""),
    /** The reviewer ticked "I confirm the grade …" (required to approve). */
    confirmed: z.boolean().default(false),
    confirmedOutcome: decisionOutcomeSchema.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "reject" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "verifier.errors.rejectionNeedsReason" });
    }
    if (value.decision === "approve" && (!value.confirmed || !value.confirmedOutcome)) {
      ctx.addIssue({ code: "custom", path: ["confirmed"], message: "verifier.errors.confirmOutcome" });
    }
  });

export const declareConflictSchema = z.object({ applicationId, reason: text(2000) });

/** The verification queue's filters from the query string; anything malformed is simply ignored. */
export const verifierQueueFiltersSchema = z.object({
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  category: textInput().trim().max(64).optional().catch(undefined),
  enterprise: z.uuid().optional().catch(undefined),
});
