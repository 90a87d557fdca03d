/**
 * Pure rules of the enterprise's side of an application, shared by the pages
 * (what to show) and the server (what to allow).
 */
import type { ApplicationStatus, CertificateStatus } from "@/lib/enums";
import { effectiveStatus } from "@/lib/certificates/validity";
import { isInventoryEditable, WITH_BODY_STATUSES } from "@/lib/policy";
import { missingStages, type CalculationResult, type LifeCycleStage, type LineErrorReason, type SystemBoundary } from "@/lib/calc/calculate";

/** Why a product's registration fields cannot be changed now, or null when they can. */
type ProductLock = "withBody" | "certified";

type ProductLockFacts = {
  applications: readonly { status: ApplicationStatus; previousCertificateId: string | null }[];
  certificates: readonly { id: string; status: CertificateStatus; expiresOn: string }[];
  today: string;
};

/**
 * The product record is frozen while an application of it is with a body (decided applications
 * keep their own snapshot of it), and while a certificate of it is in force (valid or suspended,
 * not past its expiry): the label certifies those very fields, so a change goes through
 * re-certification. A renewal of that certificate that is back with the enterprise (draft, changes
 * requested, declined) is that path and unlocks the fields for it.
 */
export function productLock({ applications, certificates, today }: ProductLockFacts): ProductLock | null {
  if (applications.some((application) => (WITH_BODY_STATUSES as readonly ApplicationStatus[]).includes(application.status))) return "withBody";
  const renewing = new Set(
    applications.flatMap((application) => (application.previousCertificateId && isInventoryEditable(application.status) ? [application.previousCertificateId] : [])),
  );
  const inForce = certificates.filter((certificate) => {
    const status = effectiveStatus(certificate.status, certificate.expiresOn, today);
    return status === "valid" || status === "suspended";
  });
  return inForce.some((certificate) => !renewing.has(certificate.id)) ? "certified" : null;
}

/** The message key (`enterprise` namespace) of the refusal, and the notice the product page shows, for each lock. */
export const PRODUCT_LOCK_MESSAGES = {
  withBody: { error: "enterprise.errors.productFrozen", notice: "productFrozen" },
  certified: { error: "enterprise.errors.productCertified", notice: "productCertified" },
} as const satisfies Record<ProductLock, { error: string; notice: string }>;

export type MissingItem =
  | { kind: "noLines" }
  | { kind: "stage"; stage: LifeCycleStage }
  | { kind: "line"; lineId: string; description: string; reason: LineErrorReason; detail: string }
  | { kind: "productionVolume" };

/**
 * What still stands between the inventory and a submission, from a calculation
 * attempt: required stages without a line of a non-zero quantity (a
 * calculation succeeds without them), lines without a usable factor or gas
 * (or any other line error), an unusable production volume.
 */
export function missingItems(
  result: CalculationResult,
  lines: ReadonlyArray<{ id: string; description: string; stage: LifeCycleStage; quantity: string }>,
  boundary: SystemBoundary,
): MissingItem[] {
  if (lines.length === 0) return [{ kind: "noLines" }];
  const stages = missingStages(boundary, lines).map((stage): MissingItem => ({ kind: "stage", stage }));
  if (result.ok) return stages;
  const descriptions = new Map(lines.map((line) => [line.id, line.description]));
  return [
    ...stages,
    ...result.lineErrors.map(
      (error): MissingItem => ({
        kind: "line",
        lineId: error.lineId,
        description: descriptions.get(error.lineId) ?? "",
        reason: error.reason,
        detail: error.detail,
      }),
    ),
    ...(result.invalidProductionVolume ? [{ kind: "productionVolume" } as const] : []),
  ];
}

type StepState = "done" | "current" | "todo";
export type WorkflowStep = { key: "registration" | "dataCollection" | "calculation" | "submission"; state: StepState };

/** The four steps the enterprise is guided through, from what is already there. */
export function workflowSteps(input: {
  status: ApplicationStatus;
  lineCount: number;
  dataComplete: boolean;
  calculationFresh: boolean;
}): WorkflowStep[] {
  const submitted = !isInventoryEditable(input.status);
  const done = {
    registration: true,
    dataCollection: submitted || (input.lineCount > 0 && input.dataComplete),
    calculation: submitted || input.calculationFresh,
    submission: submitted,
  };
  const order = ["registration", "dataCollection", "calculation", "submission"] as const;
  const firstOpen = order.find((key) => !done[key]);
  return order.map((key) => ({ key, state: done[key] ? "done" : key === firstOpen ? "current" : "todo" }));
}

/** Whether a stored result lies outside the category's plausibility band (where one is known). */
export function plausibilityWarning(
  result: string,
  band: { min: string | null; max: string | null },
): "low" | "high" | null {
  const value = Number(result);
  if (band.min !== null && value < Number(band.min)) return "low";
  if (band.max !== null && value > Number(band.max)) return "high";
  return null;
}
