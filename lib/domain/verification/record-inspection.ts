import "server-only";
import type { Tx } from "@/db";
import { onSiteInspections } from "@/db/schema";
import { assertUserCan, type Actor } from "@/lib/policy";
import { auditApplicationRecord, lockBodyApplication, setReviewStage } from "./body-application";
import { advanceReviewStage } from "@/lib/rules/verification";

type InspectionInput = {
  applicationId: string;
  inspectedOn: string;
  site: string;
  participants: string;
  scope: string;
  result: string;
};

/** 现场检查: records what was inspected on site; evidence files attach to the returned inspection. */
export async function recordInspection(tx: Tx, actor: Actor | null, { applicationId, ...record }: InspectionInput) {
  assertUserCan(actor, "application.recordInspection");
  const application = await lockBodyApplication(tx, applicationId, actor, "application.recordInspection");
  const [inspection] = await tx
    .insert(onSiteInspections)
    .values({ applicationId, ...record, recordedBy: actor.id })
    .returning();
  await setReviewStage(tx, applicationId, advanceReviewStage(application.reviewStage, "on_site_inspection"));
  await auditApplicationRecord(tx, actor, application, {
    action: "inspection.record",
    entityType: "inspection",
    entityId: inspection.id,
    data: record,
  });
  return inspection;
}
