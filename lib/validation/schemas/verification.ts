import { findingSeverity, recommendation } from "@/db/schema";
import { z } from "@/lib/validation/zod";

const applicationId = z.uuid();
/** The application version the user saw: a different one means someone else changed it. */
const expectedVersion = z.coerce.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date({ message: "validation.date" });

export const applicationTransitionSchema = z.object({ applicationId, expectedVersion });
export type ApplicationTransitionInput = z.input<typeof applicationTransitionSchema>;

export const declineSchema = z.object({ applicationId, expectedVersion, reason: text(2000) });
export type DeclineFormInput = z.input<typeof declineSchema>;

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
export type PlanFormInput = z.input<typeof planSchema>;

export const inspectionSchema = z.object({
  applicationId,
  inspectedOn: isoDate,
  site: text(300),
  participants: text(1000),
  scope: text(4000),
  result: text(4000),
});
export type InspectionFormInput = z.input<typeof inspectionSchema>;

export const verifyLineSchema = z.object({ applicationId, lineId: z.uuid(), verified: z.boolean() });

export const raiseFindingSchema = z.object({
  applicationId,
  /** Empty (the form's "whole application" choice) = a finding on the application as a whole. */
  lineId: z.preprocess((value) => (value === "" ? null : value), z.uuid().nullable().optional()),
  severity: z.enum(findingSeverity.enumValues),
  text: text(4000),
});
export type RaiseFindingFormInput = z.input<typeof raiseFindingSchema>;

export const closeFindingSchema = z.object({ applicationId, findingId: z.uuid() });

export const respondToFindingSchema = z.object({ findingId: z.uuid(), response: text(4000) });
export type RespondToFindingFormInput = z.input<typeof respondToFindingSchema>;

export const recommendSchema = z.object({
  applicationId,
  expectedVersion,
  recommendation: z.enum(recommendation.enumValues),
  statement: text(8000),
});
export type RecommendFormInput = z.input<typeof recommendSchema>;

export const decideSchema = z
  .object({
    applicationId,
    expectedVersion,
    decision: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(4000).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "reject" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "verifier.errors.rejectionNeedsReason" });
    }
  });
export type DecideFormInput = z.input<typeof decideSchema>;

export const declareConflictSchema = z.object({ applicationId, reason: text(2000) });
export type DeclareConflictFormInput = z.input<typeof declareConflictSchema>;
