import { z } from "@/lib/validation/zod";

/** An empty form field means "not given". */
const optionalUuid = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid().optional());

/** Where an uploaded file belongs: the application, optionally one line or one on-site inspection. */
export const evidenceTargetSchema = z.object({
  applicationId: z.uuid(),
  lineId: optionalUuid,
  inspectionId: optionalUuid,
});
export type EvidenceTarget = z.output<typeof evidenceTargetSchema>;

export const deleteEvidenceSchema = z.object({ evidenceId: z.uuid() });
